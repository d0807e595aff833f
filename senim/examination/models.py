"""An examination of a draft: its versions, the findings on each (engine proposals the expert
confirms or dismisses, and the expert's own), the signed conclusion and, if needed, an accepted risk."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.core.models import BaseModel


class Kind(models.TextChoices):
    CONTRACT = "contract", _("Contract")
    INTERNAL_ACT = "internal_act", _("Internal act")
    ORDER = "order", _("Order")


class Status(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In examination")
    CONCLUDED = "concluded", _("Concluded")


class Outcome(models.TextChoices):
    NO_FACTORS = "no_factors", _("No corruptogenic factors")
    FACTORS_FOUND = "factors_found", _("Factors found, recommendations given")


class Examination(BaseModel):
    title = models.CharField(_("draft"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("initiating unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    examined_on = models.DateField(_("examined on"), default=timezone.localdate, db_index=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    risk_accepted_by = models.CharField(_("risk accepted by"), max_length=200, blank=True)
    risk_accepted_reason = models.TextField(_("reason for accepting the risk"), blank=True)
    risk_accepted_on = models.DateField(_("risk accepted on"), null=True, blank=True)
    # What the draft is, in the module it comes from ("awareness.version:<uuid>", "counterparties.contract:<uuid>"),
    # so that module can ask `services.clearance_for(subject)` without either importing the other's models.
    subject = models.CharField(_("source record"), max_length=120, blank=True, db_index=True)

    class Meta:
        verbose_name = _("examination")
        verbose_name_plural = _("examinations")
        ordering = ["-examined_on", "-created_at"]

    def __str__(self) -> str:
        return self.title


class DraftVersion(BaseModel):
    examination = models.ForeignKey(Examination, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file_name = models.CharField(_("file"), max_length=255)
    stored_as = models.CharField(max_length=500)  # the name in default_storage
    size = models.PositiveIntegerField(_("size"))
    language = models.CharField(_("language"), max_length=5, blank=True)
    notes = models.JSONField(default=list, blank=True)  # engine notes: unsupported_language, truncated
    provisions = models.JSONField(default=list, blank=True)  # [{"number": "1.2", "text": "..."}]
    examined_on = models.DateField(_("examined on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        ordering = ["examination", "number"]
        constraints = [models.UniqueConstraint(fields=["examination", "number"], name="examination_version_unique")]

    def __str__(self) -> str:
        return f"{self.examination} v{self.number}"


class Source(models.TextChoices):
    ENGINE = "engine", _("Proposed by Senim")
    EXPERT = "expert", _("Added by the expert")
    DOCUMENT = "document", _("Document-level check")


class FindingStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    DISMISSED = "dismissed", _("Dismissed")


class Comparison(models.TextChoices):
    NEW = "new", _("New")
    REMAINING = "remaining", _("Remaining")


class Finding(BaseModel):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="findings")
    code = models.CharField(_("factor"), max_length=30)
    provision_number = models.CharField(_("provision"), max_length=60, blank=True)
    provision_index = models.IntegerField(default=-1)  # -1: the document as a whole
    provision_text = models.TextField(_("text"), blank=True)
    triggers = models.JSONField(default=list, blank=True)
    spans = models.JSONField(default=list, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.ENGINE)
    status = models.CharField(_("status"), max_length=10, choices=FindingStatus.choices, default=FindingStatus.PROPOSED)
    reason = models.TextField(_("reason"), blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    comparison = models.CharField(
        _("compared with the previous version"), max_length=10, choices=Comparison.choices, blank=True
    )
    eliminated_in = models.ForeignKey(
        DraftVersion,
        verbose_name=_("eliminated in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eliminated_findings",
    )
    eliminated_on = models.DateField(_("eliminated on"), null=True, blank=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["version", "provision_index", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.provision_number}"
