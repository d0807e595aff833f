"""Contracts with counterparties."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.eventdates import is_backdated
from senim.core.models import BaseModel
from senim.counterparties.models.register import Counterparty


class ProcurementMethod(models.TextChoices):
    OPEN_TENDER = "open_tender", _("Open tender")
    PRICE_OFFERS = "price_offers", _("Request for price offers / selection of the best offer")
    DIRECT = "direct", _("Direct contract")
    OTHER = "other", _("Other")


class Contract(BaseModel):
    """A contract of a company of the group with a counterparty, and whether it carries the
    anti-corruption clause."""

    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="counterparty_contracts"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("initiating unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="counterparty_contracts",
    )
    number = models.CharField(_("number"), max_length=60)
    date = models.DateField(_("date"))
    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="contracts"
    )
    procurement_method = models.CharField(
        _("procurement method"), max_length=20, choices=ProcurementMethod, default=ProcurementMethod.OTHER
    )
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    term_end = models.DateField(_("valid until"), null=True, blank=True)
    has_clause = models.BooleanField(_("anti-corruption clause included"), default=True)
    verification_case = models.ForeignKey(
        "VerificationCase",
        verbose_name=_("verification"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contracts",
    )
    # The employee who approved or signed the contract on the company's side. SET_NULL rather than
    # PROTECT: removing an employee record must not be blocked by the contract register, and the
    # approval stays in the contract's audit history.
    approved_by = models.ForeignKey(
        "org.Employee",
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_contracts",
    )

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [models.UniqueConstraint(fields=["company", "number"], name="cp_contract_number_uniq")]
        indexes = [
            models.Index(fields=["date", "id"], name="cp_contract_date_idx"),
            models.Index(fields=["company", "date"], name="cp_contract_company_date_idx"),
        ]

    def __str__(self) -> str:
        return f"№ {self.number}"

    @property
    def is_backdated(self) -> bool:
        """Registered after the day it is dated (`created_at` keeps when)."""
        return is_backdated(self.created_at, self.date)

    def clean(self) -> None:
        errors: dict[str, list] = {}
        self.currency = (self.currency or "").upper()
        if len(self.currency) != 3 or not self.currency.isalpha():
            errors.setdefault("currency", []).append(_("Give the three-letter currency code, e.g. KZT."))
        if self.amount is not None and self.amount < 0:
            errors.setdefault("amount", []).append(_("The amount cannot be negative."))
        if self.term_end and self.date and self.term_end < self.date:
            errors.setdefault("term_end", []).append(_("The contract ends before its date."))
        if self.unit is not None and self.company_id and self.unit.company_id != self.company_id:
            errors.setdefault("unit", []).append(_("The unit belongs to another company."))
        if self.approved_by is not None and self.company_id and self.approved_by.company_id != self.company_id:
            errors.setdefault("approved_by", []).append(_("The approver must be an employee of this company."))
        case = self.verification_case
        if case is not None and (case.counterparty_id != self.counterparty_id or case.company_id != self.company_id):
            errors.setdefault("verification_case", []).append(
                _("The verification must be of this company and this counterparty.")
            )
        if errors:
            raise ValidationError(errors)
