"""The corruption-risk assessment: a yearly exercise over the functions, tasks and processes of each
structural unit; each function assessed by its unit, reviewed by compliance, the result approved by
the head; the positions performing medium and high functions become the List of Corruption-Prone
Positions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.models import BaseModel


class Level(models.TextChoices):
    LOW = "low", _("Low (acceptable)")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Method(models.TextChoices):
    LEVELS = "levels", _("Three levels (low, medium, high)")
    MATRIX = "matrix", _("Likelihood × impact")


# The standard 5 × 5 scales, used (translated) when an exercise names no scale of its own.
DEFAULT_LIKELIHOOD = [_("Rare"), _("Unlikely"), _("Possible"), _("Likely"), _("Almost certain")]
DEFAULT_IMPACT = [_("Insignificant"), _("Minor"), _("Moderate"), _("Major"), _("Severe")]


class Exercise(BaseModel):
    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        APPROVED = "approved", _("Approved")

    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    period_reviewed = models.CharField(_("period reviewed"), max_length=200, blank=True)
    working_group = models.TextField(_("working group"), blank=True)
    sources = models.TextField(_("sources considered"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    positions_approved_on = models.DateField(_("list of positions approved on"), null=True, blank=True)
    # The method: three levels chosen by the unit, or likelihood × impact on the scales below, the
    # level then read from the product by the bands (score >= medium_from: medium; >= high_from: high).
    method = models.CharField(_("method"), max_length=10, choices=Method, default=Method.LEVELS)
    # The points of each scale, lowest first, as the exercise names them (empty: the standard five).
    likelihood_scale = models.JSONField(_("likelihood scale"), default=list, blank=True)
    impact_scale = models.JSONField(_("impact scale"), default=list, blank=True)
    medium_from = models.PositiveSmallIntegerField(_("medium from score"), default=5)
    high_from = models.PositiveSmallIntegerField(_("high from score"), default=12)

    class Meta:
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["company", "year"], name="risks_exercise_year_uniq")]

    def __str__(self) -> str:
        return f"{self.company} {self.year}"

    @property
    def is_matrix(self) -> bool:
        return self.method == Method.MATRIX

    @property
    def likelihood_labels(self) -> list[str]:
        return [str(label) for label in (self.likelihood_scale or DEFAULT_LIKELIHOOD)]

    @property
    def impact_labels(self) -> list[str]:
        return [str(label) for label in (self.impact_scale or DEFAULT_IMPACT)]

    def band(self, likelihood: int, impact: int) -> str:
        """The level of a likelihood × impact cell by the exercise's bands."""
        score = likelihood * impact
        if score >= self.high_from:
            return Level.HIGH
        if score >= self.medium_from:
            return Level.MEDIUM
        return Level.LOW


class RiskFunction(BaseModel):
    """A function, task or process of a unit and its assessment."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not assessed")
        SUBMITTED = "submitted", _("Assessed, to review")
        RETURNED = "returned", _("Returned to the unit")
        ACCEPTED = "accepted", _("Accepted")

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="functions")
    unit = models.ForeignKey("org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("function or process"), max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    risk = models.TextField(_("risk and corruption scheme"), blank=True)
    causes = models.TextField(_("causes and conditions"), blank=True)
    norm = models.CharField(_("norm or document"), max_length=1000, blank=True)
    controls = models.TextField(_("existing controls"), blank=True)
    # The level the map counts: chosen in the three-level method; in the matrix method the residual
    # level, read from the residual likelihood × impact (the inherent one when no controls reduce it).
    level = models.CharField(_("level"), max_length=10, choices=Level, blank=True)
    likelihood = models.PositiveSmallIntegerField(_("inherent likelihood"), null=True, blank=True)
    impact = models.PositiveSmallIntegerField(_("inherent impact"), null=True, blank=True)
    inherent_level = models.CharField(_("inherent level"), max_length=10, choices=Level, blank=True)
    residual_likelihood = models.PositiveSmallIntegerField(_("residual likelihood"), null=True, blank=True)
    residual_impact = models.PositiveSmallIntegerField(_("residual impact"), null=True, blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    positions = models.ManyToManyField(
        "org.Position", verbose_name=_("positions performing it"), blank=True, related_name="+"
    )
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    class Meta:
        verbose_name = _("function")
        verbose_name_plural = _("functions")
        ordering = ["unit__code", "name"]
        constraints = [models.UniqueConstraint(fields=["exercise", "unit", "name"], name="risks_function_uniq")]

    def __str__(self) -> str:
        return self.name[:100]
