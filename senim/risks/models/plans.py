"""Action plans and roadmaps: the anti-corruption programme, an ESG roadmap, management-review actions,
a regulator's requirement list. A plan has sections (aspects and their topics) and numbered measures;
each measure's deadline is kept as written and as read (see `senim.risks.deadlines`), and a measure
with a due date or a recurrence has one instance per period to report on."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.i18n import Localized
from senim.core.models import BaseModel


class PlanKind(models.TextChoices):
    PROGRAMME = "programme", _("Anti-corruption programme")
    ROADMAP = "roadmap", _("Roadmap")
    MANAGEMENT_REVIEW = "management_review", _("Management review actions")
    REGULATOR = "regulator", _("Regulator's requirements")
    OTHER = "other", _("Other plan")


class Plan(BaseModel):
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind, default=PlanKind.ROADMAP)
    title_ru = models.CharField(_("title (Russian)"), max_length=500, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=500, blank=True)
    approved_by = models.CharField(_("approved by (body)"), max_length=300, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    source_name = models.CharField(_("imported from"), max_length=300, blank=True)

    title = Localized("title")

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-first_year", "title_en", "title_ru"]

    def __str__(self) -> str:
        return self.title or str(self.first_year)

    def clean(self) -> None:
        if not any((self.title_ru, self.title_kk, self.title_en, self.title_uz)):
            raise ValidationError(_("Give the title in at least one language."))
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year cannot be before the first year.")})


class PlanSection(BaseModel):
    """An aspect (E, S, G; a section of the programme) or, with a parent, a topic inside it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="topics")
    title_ru = models.CharField(_("title (Russian)"), max_length=1000, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=1000, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=1000, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=1000, blank=True)
    order = models.PositiveIntegerField(default=0)

    title = Localized("title")

    class Meta:
        verbose_name = _("plan section")
        verbose_name_plural = _("plan sections")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title


class DeadlineKind(models.TextChoices):
    DUE = "due", _("Due date")
    RECURRING = "recurring", _("Recurring")
    ON_DEMAND = "on_demand", _("As needed")
    UNSET = "unset", _("To be set")


class Recurrence(models.TextChoices):
    ANNUAL = "annual", _("Every year")
    SEMIANNUAL = "semiannual", _("Every half-year")
    QUARTERLY = "quarterly", _("Every quarter")
    MONTHLY = "monthly", _("Every month")
    CONTINUOUS = "continuous", _("Ongoing")


class MeasureStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Measure(BaseModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    section = models.ForeignKey(PlanSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="measures")
    number = models.CharField(_("number"), max_length=30)
    position = models.PositiveIntegerField(default=0)  # order in the plan as approved
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_uz = models.TextField(_("text (Uzbek)"), blank=True)
    deadline_text = models.CharField(_("deadline as written"), max_length=300, blank=True)
    deadline_kind = models.CharField(_("deadline"), max_length=12, choices=DeadlineKind, default=DeadlineKind.UNSET)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    recurrence = models.CharField(_("recurrence"), max_length=12, choices=Recurrence, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("until year"), null=True, blank=True)
    anchor_month = models.PositiveSmallIntegerField(null=True, blank=True)
    anchor_day = models.PositiveSmallIntegerField(null=True, blank=True)
    completion_form = models.CharField(_("completion form"), max_length=500, blank=True)
    executives_text = models.CharField(_("responsible executive as written"), max_length=1000, blank=True)
    units_text = models.CharField(_("responsible units as written"), max_length=1000, blank=True)
    co_executors = models.CharField(_("co-executors"), max_length=1000, blank=True)
    responsible_positions = models.ManyToManyField(
        "org.Position", verbose_name=_("responsible positions"), blank=True, related_name="+"
    )
    responsible_employees = models.ManyToManyField(
        "org.Employee", verbose_name=_("responsible people"), blank=True, related_name="+"
    )
    responsible_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("responsible units"), blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=12, choices=MeasureStatus, default=MeasureStatus.NOT_STARTED)
    risks = models.ManyToManyField(
        "risks.RiskFunction", verbose_name=_("linked risks"), blank=True, related_name="measures"
    )

    text = Localized("text")

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="risks_measure_number_uniq")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"

    @property
    def needs_deadline(self) -> bool:
        return self.deadline_kind == DeadlineKind.UNSET


class MeasureInstance(BaseModel):
    """One period of a measure to report on (the whole measure when it has a single due date)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="instances")
    period = models.CharField(_("period"), max_length=10)
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=12, choices=MeasureStatus, default=MeasureStatus.NOT_STARTED)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("measure period")
        verbose_name_plural = _("measure periods")
        ordering = ["due_date"]
        constraints = [models.UniqueConstraint(fields=["measure", "period"], name="risks_instance_period_uniq")]

    def __str__(self) -> str:
        return f"{self.measure.number} {self.period}"

    def clean(self) -> None:
        if self.status == MeasureStatus.DONE and not self.completed_on:
            raise ValidationError({"completed_on": _("Give the date the measure was completed.")})


class ProgressNote(BaseModel):
    """What was done in a period, with evidence: a file, a link or a reference to a Senim record."""

    instance = models.ForeignKey(MeasureInstance, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("progress"))
    link = models.URLField(_("link"), max_length=1000, blank=True)
    evidence = models.FileField(_("evidence file"), upload_to="risks/evidence/%Y/", blank=True)
    written_on = models.DateField(_("date"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )  # empty: entered by the system (an import)

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["written_on", "created_at"]

    def __str__(self) -> str:
        return self.text[:80]
