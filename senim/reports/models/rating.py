"""The effectiveness rating of anti-corruption work (Uzbekistan, Resolution PQ-81 of 12 January 2022):
a methodology kept as data (areas → indicators → points per grade, every weight editable, since the
full table is not public) and a yearly self-assessment graded against it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.i18n import Localized
from senim.core.models import BaseModel


class Area(models.TextChoices):
    RULES = "rules", _("Internal anti-corruption mechanisms and rules")
    RISKS = "risks", _("Identifying, assessing and reducing corruption risks")
    TONE = "tone", _("Tone at the top")
    AWARENESS = "awareness", _("Staff awareness and training")
    OUTREACH = "outreach", _("Outreach")


class Grade(models.TextChoices):
    FULL = "full", _("Fully done")
    MOSTLY = "mostly", _("Mostly done")
    PARTLY = "partly", _("Partly done")
    NONE = "none", _("Not done")


class Methodology(BaseModel):
    """A set of rating indicators whose full-grade points add up to 100."""

    name = models.CharField(_("name"), max_length=200)
    is_default = models.BooleanField(_("default"), default=False)

    class Meta:
        verbose_name = _("rating methodology")
        verbose_name_plural = _("rating methodologies")
        ordering = ["-is_default", "name"]

    def __str__(self) -> str:
        return self.name


class MethodologyItem(BaseModel):
    """One rated indicator: what is assessed, the evidence it needs, its points per grade, and,
    where Senim holds the records, the rule that suggests a grade."""

    methodology = models.ForeignKey(
        Methodology, verbose_name=_("methodology"), on_delete=models.CASCADE, related_name="items"
    )
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    code = models.CharField(_("code"), max_length=10)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    evidence_ru = models.TextField(_("evidence (Russian)"), blank=True)
    evidence_kk = models.TextField(_("evidence (Kazakh)"), blank=True)
    evidence_en = models.TextField(_("evidence (English)"), blank=True)
    evidence_uz = models.TextField(_("evidence (Uzbek)"), blank=True)
    points_full = models.PositiveSmallIntegerField(_("points, fully done"))
    points_mostly = models.PositiveSmallIntegerField(_("points, mostly done"))
    points_partly = models.PositiveSmallIntegerField(_("points, partly done"))
    suggestion = models.CharField(_("suggested from"), max_length=50, blank=True)

    title = Localized("title")
    evidence = Localized("evidence")

    class Meta:
        verbose_name = _("rating indicator")
        verbose_name_plural = _("rating indicators")
        ordering = ["methodology", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["methodology", "code"], name="reports_item_code_unique"),
            models.CheckConstraint(
                condition=models.Q(points_full__gte=models.F("points_mostly"))
                & models.Q(points_mostly__gte=models.F("points_partly")),
                name="reports_item_points_descend",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def points_for(self, grade: str) -> int:
        return {Grade.FULL: self.points_full, Grade.MOSTLY: self.points_mostly, Grade.PARTLY: self.points_partly}.get(
            Grade(grade), 0
        )


class RatingAssessment(BaseModel):
    """A year's self-assessment of the group or a company, with the external result beside it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    methodology = models.ForeignKey(
        Methodology, verbose_name=_("methodology"), on_delete=models.PROTECT, related_name="assessments"
    )
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
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
    external_score = models.DecimalField(
        _("score given by the Agency"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    external_note = models.TextField(_("the Agency's conclusion"), blank=True)

    class Meta:
        verbose_name = _("rating self-assessment")
        verbose_name_plural = _("rating self-assessments")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["company", "year"], name="reports_assessment_company_year"),
            models.UniqueConstraint(
                fields=["year"], condition=models.Q(company__isnull=True), name="reports_assessment_group_year"
            ),
            models.CheckConstraint(
                condition=models.Q(external_score__isnull=True)
                | models.Q(external_score__gte=0, external_score__lte=100),
                name="reports_assessment_external_score",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}"


class RatingGrade(BaseModel):
    """The grade an indicator received in an assessment, with the evidence behind it."""

    assessment = models.ForeignKey(
        RatingAssessment, verbose_name=_("self-assessment"), on_delete=models.CASCADE, related_name="grades"
    )
    item = models.ForeignKey(MethodologyItem, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+")
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("rating grade")
        verbose_name_plural = _("rating grades")
        constraints = [models.UniqueConstraint(fields=["assessment", "item"], name="reports_grade_unique")]

    def __str__(self) -> str:
        return f"{self.item.code}: {self.grade}"
