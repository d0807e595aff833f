"""Applications for counterparties that refuse anti-corruption commitments and the Register of those permitted."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.eventdates import is_backdated
from senim.core.i18n import Localized
from senim.core.models import BaseModel
from senim.counterparties.models.contracts import Contract
from senim.counterparties.models.register import Counterparty


class RegulationClause(BaseModel):
    """A clause of the internal regulation that decisions on applications cite (a configurable list)."""

    code = models.CharField(_("clause"), max_length=30, unique=True, help_text=_("E.g. 5.3 or 7.1.2."))
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_uz = models.TextField(_("text (Uzbek)"), blank=True)
    is_active = models.BooleanField(_("in force"), default=True)

    text = Localized("text")

    class Meta:
        verbose_name = _("regulation clause")
        verbose_name_plural = _("regulation clauses")
        ordering = ["code"]

    def __str__(self) -> str:
        text = self.text
        return f"{self.code} {text[:80]}" if text else self.code

    def clean(self) -> None:
        if not any((self.text_ru, self.text_kk, self.text_en, self.text_uz)):
            raise ValidationError({"text_ru": _("Give the text in at least one language.")})


class Refusal(models.TextChoices):
    QUESTIONNAIRE = "questionnaire", _("Refuses the questionnaire")
    CLAUSE = "clause", _("Refuses the anti-corruption clause")
    BOTH = "both", _("Refuses both")


class Decision(models.TextChoices):
    REGISTER = "register", _("Enter in the Register (standing approval)")
    ONE_OFF = "one_off", _("One-off approval for these contracts")
    REFERENCE = "reference", _("Answer by reference to an earlier approval")
    NO_CONSIDERATION = "no_consideration", _("Leave without consideration")
    REFUSE = "refuse", _("Refuse")


class Application(BaseModel):
    """An initiating unit's application for approval of contracts with a counterparty that refuses
    the questionnaire, the clause or both. An officer proposes a decision citing a regulation clause;
    an approver (never the same person) approves it, and only then does it take effect."""

    class Status(models.TextChoices):
        FILED = "filed", _("Filed")
        PROPOSED = "proposed", _("Awaiting approval")
        DECIDED = "decided", _("Decided")

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="counterparty_applications"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("initiating unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="counterparty_applications",
    )
    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="applications"
    )
    refusal = models.CharField(_("refusal"), max_length=20, choices=Refusal)
    contracts = models.ManyToManyField(
        Contract, verbose_name=_("registered contracts"), blank=True, related_name="applications"
    )
    contract_count = models.PositiveIntegerField(_("number of contracts"), default=1)
    contracts_description = models.TextField(
        _("contracts"), blank=True, help_text=_("Numbers and subjects of the contracts the application covers.")
    )
    justification = models.TextField(
        _("justification"), help_text=_("Why the contracts are needed despite the refusal.")
    )
    filed_on = models.DateField(_("filed on"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    register_entry = models.ForeignKey(
        "RegisterEntry",
        verbose_name=_("already on the Register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="flagged_applications",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.FILED)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision, blank=True)
    clause = models.ForeignKey(
        RegulationClause, verbose_name=_("regulation clause"), null=True, blank=True, on_delete=models.PROTECT
    )
    grounds = models.TextField(_("grounds"), blank=True)
    reference = models.ForeignKey(
        "self",
        verbose_name=_("earlier approval"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referenced_by",
    )
    register_until = models.DateField(_("on the Register until"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    # The day the decision was taken (`approved_at` keeps when it was entered): set on approval,
    # earlier for a decision entered from paper or imported from another system.
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    # The application's id in the system it was imported from; re-importing it updates it.
    external_id = models.CharField(_("external id"), max_length=100, blank=True)
    return_comment = models.TextField(_("returned with comment"), blank=True)

    class Meta:
        verbose_name = _("application for approval")
        verbose_name_plural = _("applications for approval")
        ordering = ["-filed_on", "-number"]
        indexes = [models.Index(fields=["filed_on"], name="cp_application_filed_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "external_id"],
                condition=~models.Q(external_id=""),
                name="cp_application_external_id_uniq",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_backdated(self) -> bool:
        """Entered after the day it was filed or decided (from paper or another system); `created_at`
        keeps the entry time, the audit trail who entered it."""
        return is_backdated(self.created_at, self.filed_on, self.decided_on)


class RegisterEntry(BaseModel):
    """An entry in the Register of counterparties permitted to conclude and execute contracts
    without anti-corruption provisions: a standing approval, optionally until an end date."""

    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="register_entries"
    )
    application = models.OneToOneField(
        Application, verbose_name=_("application"), on_delete=models.PROTECT, related_name="entry"
    )
    refusal = models.CharField(_("refusal"), max_length=20, choices=Refusal)
    grounds = models.TextField(_("grounds"))
    clause = models.ForeignKey(RegulationClause, verbose_name=_("regulation clause"), on_delete=models.PROTECT)
    start_date = models.DateField(_("entered on"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("Register entry")
        verbose_name_plural = _("Register entries")
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return str(self.counterparty)

    def is_active_on(self, day: dt.date) -> bool:
        return self.revoked_on is None and self.start_date <= day and (self.end_date is None or self.end_date >= day)
