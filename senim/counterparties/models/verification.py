"""Verification before a contract: levels, red flags, due-diligence rules, cases, their checks and flags."""

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from senim.core.eventdates import is_backdated
from senim.core.i18n import Localized, render_deferred
from senim.core.models import BaseModel
from senim.counterparties.models.contracts import ProcurementMethod
from senim.counterparties.models.register import Category, Counterparty


class Level(models.TextChoices):
    SIMPLIFIED = "simplified", _("Simplified")
    STANDARD = "standard", _("Standard")
    ENHANCED = "enhanced", _("Enhanced, with forensic audit")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


LEVEL_ORDER = [Level.SIMPLIFIED, Level.STANDARD, Level.ENHANCED]
RISK_ORDER = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH]


class RedFlag(BaseModel):
    """A red flag of the configurable catalogue; its weight adds to a verification's risk score."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=10)
    is_active = models.BooleanField(_("in use"), default=True)

    title = Localized("title")

    class Meta:
        verbose_name = _("red flag")
        verbose_name_plural = _("red flags")
        ordering = ["-weight", "code"]

    def __str__(self) -> str:
        return self.title or self.code


class DueDiligenceRule(BaseModel):
    """A rule choosing the due diligence level: a verification gets the highest level among the
    active rules whose conditions all hold (an empty condition holds for everything)."""

    level = models.CharField(_("level"), max_length=20, choices=Level)
    procurement_method = models.CharField(_("procurement method"), max_length=20, choices=ProcurementMethod, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category, blank=True)
    min_amount = models.DecimalField(_("amount from"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    min_risk = models.CharField(_("risk from"), max_length=10, choices=RiskLevel, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("due diligence rule")
        verbose_name_plural = _("due diligence rules")
        ordering = ["level", "procurement_method", "min_amount"]

    def __str__(self) -> str:
        return str(self.get_level_display())

    def matches(self, *, method: str, category: str, amount: object, currency: str, risk: str) -> bool:
        if not self.is_active:
            return False
        if self.procurement_method and self.procurement_method != method:
            return False
        if self.category and self.category != category:
            return False
        if self.min_amount is not None and (amount is None or currency != self.currency or amount < self.min_amount):  # type: ignore[operator]
            return False
        return not (self.min_risk and RISK_ORDER.index(RiskLevel(risk)) < RISK_ORDER.index(RiskLevel(self.min_risk)))


class VerificationCase(BaseModel):
    """The verification of a counterparty before a contract: level, checklist, red flags, risk,
    conclusion, approvals and validity."""

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        CONCLUDED = "concluded", _("Awaiting approval")
        AWAITING_SECOND = "awaiting_second", _("Awaiting second approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused at approval")

    class Conclusion(models.TextChoices):
        PERMITTED = "permitted", _("Contract permitted")
        CONDITIONS = "conditions", _("Permitted with conditions")
        NOT_PERMITTED = "not_permitted", _("Contract not permitted")

    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="verification_cases"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("initiating unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="verification_cases"
    )
    procurement_method = models.CharField(_("procurement method"), max_length=20, choices=ProcurementMethod)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    subject = models.CharField(_("subject"), max_length=500)
    opened_on = models.DateField(_("opened on"))
    level = models.CharField(_("due diligence level"), max_length=20, choices=Level)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    risk_score = models.PositiveIntegerField(_("risk score"), default=0)
    risk_level = models.CharField(_("risk level"), max_length=10, choices=RiskLevel, default=RiskLevel.LOW)
    conclusion = models.CharField(_("conclusion"), max_length=20, choices=Conclusion, blank=True)
    conclusion_text = models.TextField(_("reasoning"), blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("concluded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    second_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("second approver"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    needs_reverification = models.BooleanField(_("re-verification needed"), default=False)
    reverification_reason = models.CharField(_("why re-verify"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        ordering = ["-opened_on", "-created_at"]
        indexes = [models.Index(fields=["opened_on"], name="cp_case_opened_idx")]

    def __str__(self) -> str:
        return f"{self.counterparty} · {date_format(self.opened_on, 'SHORT_DATE_FORMAT')}"

    @property
    def is_backdated(self) -> bool:
        """Entered after the day it was opened or approved (from paper or another system)."""
        return is_backdated(self.created_at, self.opened_on, self.approved_on)


class CaseCheck(BaseModel):
    """One item of a verification's checklist."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To do")
        DONE = "done", _("Done, no concern")
        CONCERN = "concern", _("Done, concern found")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    case = models.ForeignKey(VerificationCase, on_delete=models.CASCADE, related_name="checks")
    code = models.CharField(_("check"), max_length=40)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("check")
        verbose_name_plural = _("checks")
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="cp_casecheck_uniq")]

    def __str__(self) -> str:
        return self.code


class CaseFlag(BaseModel):
    """A red flag raised on a verification, automatically (with the finding) or by an officer."""

    case = models.ForeignKey(VerificationCase, on_delete=models.CASCADE, related_name="flags")
    flag = models.ForeignKey(RedFlag, verbose_name=_("red flag"), on_delete=models.PROTECT, related_name="+")
    is_automatic = models.BooleanField(_("raised automatically"), default=False)
    detail = models.TextField(_("detail"), blank=True)

    class Meta:
        verbose_name = _("raised red flag")
        verbose_name_plural = _("raised red flags")
        constraints = [models.UniqueConstraint(fields=["case", "flag"], name="cp_caseflag_uniq")]

    def __str__(self) -> str:
        return str(self.flag)

    @property
    def detail_text(self) -> str:
        """What was found, in the reader's language (automatic findings are stored deferred)."""
        return render_deferred(self.detail)


class CaseEvidence(BaseModel):
    """A supporting document attached to a verification (an extract, a screenshot, a letter), kept in
    Django's storage; added and removed only while the verification is in progress."""

    case = models.ForeignKey(
        VerificationCase, verbose_name=_("verification"), on_delete=models.PROTECT, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to="counterparties/evidence/%Y/", max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name
