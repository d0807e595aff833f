"""The anti-corruption section of an annual report: a draft computed live from the indicators, and
approved versions frozen as snapshots that later changes to the records cannot move."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.models import BaseModel


class Report(BaseModel):
    """A report for the group (no company) or one company, for a calendar year, in one or more
    languages. Versions of the same report share `series`; only the newest may be a draft."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    series = models.UUIDField(_("series"), db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    languages = models.JSONField(_("languages"), default=list)
    title = models.CharField(_("title"), max_length=300, blank=True)
    include_empty_sections = models.BooleanField(
        _("show sections without data"),
        default=False,
        help_text=_("Sections with no data say so instead of being left out."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The frozen content of an approved version: figures, texts and charts per language.
    snapshot = models.JSONField(_("snapshot"), default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["series", "version"], name="reports_report_series_version"),
            models.CheckConstraint(condition=models.Q(year__gte=2000, year__lte=2100), name="reports_report_year"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.year}"

    @property
    def is_frozen(self) -> bool:
        return self.status == self.Status.APPROVED


class SectionText(BaseModel):
    """The author's prose for one section in one language. Figures appear as tokens such as
    ``{counterparties.applications}`` that always render the computed (or overridden) value, so
    prose can move around a figure but never type over it."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="texts")
    section = models.CharField(_("section"), max_length=50)
    language = models.CharField(_("language"), max_length=5)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("section text")
        verbose_name_plural = _("section texts")
        constraints = [
            models.UniqueConstraint(fields=["report", "section", "language"], name="reports_text_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.section} ({self.language})"


class FigureOverride(BaseModel):
    """A figure replaced by hand, with the reason: a separate, visible and audited act."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="overrides")
    code = models.CharField(_("indicator"), max_length=100)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("figure override")
        verbose_name_plural = _("figure overrides")
        constraints = [models.UniqueConstraint(fields=["report", "code"], name="reports_override_unique")]

    def __str__(self) -> str:
        return f"{self.code} = {self.value}"


class FigureTrace(BaseModel):
    """The records behind one figure of an approved report for one year, as they stood when the
    report was approved: each is [kind, reference, link, counted as] (see reports.trace)."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="traces")
    code = models.CharField(_("indicator"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    records = models.JSONField(_("records"), default=list)

    class Meta:
        verbose_name = _("figure trace")
        verbose_name_plural = _("figure traces")
        constraints = [models.UniqueConstraint(fields=["report", "code", "year"], name="reports_trace_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.year}"
