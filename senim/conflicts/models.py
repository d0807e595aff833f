"""Conflicts of interest: versioned declaration forms A and B, campaigns that ask a population to
declare, declarations with their review and settlement measures, alerts raised by the automatic
detection of undisclosed links, and the gifts and hospitality register with its thresholds."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from senim.conflicts.gift_texts import threshold_sentence
from senim.core.i18n import Localized
from senim.core.models import BaseModel


class FormType(models.TextChoices):
    A = "a", _("Form A: potential conflicts of interest")
    B = "b", _("Form B: an arisen conflict of interest")


class Section(models.TextChoices):
    RELATIVES = "relatives", _("Relatives working in the group")
    INTERESTS = "interests", _("Interests in counterparties or competitors")
    OUTSIDE_JOBS = "outside_jobs", _("Outside jobs and board seats")
    OTHER = "other", _("Other circumstances")


class FormVersion(BaseModel):
    """One version of the questions of form A or B; declarations keep the version they answered."""

    form_type = models.CharField(_("form"), max_length=1, choices=FormType)
    number = models.PositiveIntegerField(_("version"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        constraints = [models.UniqueConstraint(fields=["form_type", "number"], name="conflicts_form_version_uniq")]

    def __str__(self) -> str:
        return f"{self.get_form_type_display()} v{self.number}"


class FormQuestion(BaseModel):
    """The question asked for one section of a form version, in the four languages."""

    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="questions")
    section = models.CharField(_("section"), max_length=20, choices=Section)
    text_ru = models.TextField(_("question (Russian)"), blank=True)
    text_kk = models.TextField(_("question (Kazakh)"), blank=True)
    text_en = models.TextField(_("question (English)"), blank=True)
    text_uz = models.TextField(_("question (Uzbek)"), blank=True)

    text = Localized("text")

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.UniqueConstraint(fields=["version", "section"], name="conflicts_question_uniq")]

    def __str__(self) -> str:
        return self.text


class Population(models.TextChoices):
    ALL = "all", _("All staff")
    COMPANY = "company", _("One company")
    UNITS = "units", _("Selected units")
    CORRUPTION_PRONE = "corruption_prone", _("Corruption-prone positions")
    NEW_HIRES = "new_hires", _("New hires")


class LatePolicy(models.TextChoices):
    REFUSE = "refuse", _("Refuse late submissions")
    MARK = "mark", _("Accept and mark as late")


class Campaign(BaseModel):
    """A request to a population to submit form A by a deadline."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    company = models.ForeignKey(
        "org.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for the whole group."),
    )
    population = models.CharField(_("population"), max_length=20, choices=Population, default=Population.ALL)
    units = models.ManyToManyField("org.Unit", verbose_name=_("units"), blank=True, related_name="+")
    deadline = models.DateField(_("deadline"))
    hire_window_days = models.PositiveSmallIntegerField(
        _("days a new hire has to declare"), default=30, validators=[MinValueValidator(1)]
    )
    late_policy = models.CharField(_("late submissions"), max_length=10, choices=LatePolicy, default=LatePolicy.MARK)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    launched_at = models.DateTimeField(_("launched"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("declaration campaign")
        verbose_name_plural = _("declaration campaigns")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CampaignRequest(BaseModel):
    """One employee asked by a campaign; answered when a declaration is linked."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="requests")
    employee = models.ForeignKey("org.Employee", on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("due"))
    declaration = models.ForeignKey(
        "Declaration", null=True, blank=True, on_delete=models.SET_NULL, related_name="campaign_requests"
    )
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)

    class Meta:
        verbose_name = _("campaign request")
        verbose_name_plural = _("campaign requests")
        constraints = [models.UniqueConstraint(fields=["campaign", "employee"], name="conflicts_request_uniq")]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.employee}"


class Outcome(models.TextChoices):
    NONE = "none", _("No conflict")
    POTENTIAL = "potential", _("Potential conflict")
    ACTUAL = "actual", _("Actual conflict")


class Declaration(BaseModel):
    """A form A or B submitted by (or for) an employee. Reviewed declarations are never edited:
    a change is a new declaration that supersedes the old one."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        REVIEWED = "reviewed", _("Reviewed: measures in progress")
        CLOSED = "closed", _("Closed: no conflict")
        SETTLED = "settled", _("Settled")
        SUPERSEDED = "superseded", _("Replaced by a newer version")

    class Source(models.TextChoices):
        SELF = "self", _("Self-service")
        PAPER = "paper", _("Paper form entered by staff")

    employee = models.ForeignKey("org.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    form_type = models.CharField(_("form"), max_length=1, choices=FormType)
    form_version = models.ForeignKey(FormVersion, verbose_name=_("form version"), on_delete=models.PROTECT)
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    number = models.PositiveIntegerField(_("version"), default=1)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.SUBMITTED)
    nothing_to_declare = models.BooleanField(_("nothing to declare"), default=False)
    circumstances = models.TextField(_("circumstances"), blank=True)
    source = models.CharField(_("source"), max_length=5, choices=Source, default=Source.SELF)
    scan_name = models.CharField(_("scan"), max_length=200, blank=True)
    scan_file = models.CharField(max_length=100, blank=True, editable=False)
    is_late = models.BooleanField(_("late"), default=False)
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(_("assessment"), max_length=10, choices=Outcome, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True)
    # The record's id in the system it was imported from; re-importing it updates it.
    external_id = models.CharField(_("external id"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status"], name="conflicts_decl_status_idx")]
        # A declaration is replaced by one newer version at most: two forms submitted at once
        # cannot both take the place of the same earlier one.
        constraints = [
            models.UniqueConstraint(fields=["supersedes"], name="conflicts_decl_supersedes_uniq"),
            models.UniqueConstraint(
                fields=["company", "external_id"],
                condition=~models.Q(external_id=""),
                name="conflicts_decl_external_id_uniq",
            ),
        ]

    @property
    def is_backdated(self) -> bool:
        """Entered after the day it was submitted (from paper or another system); `created_at`
        keeps the entry time, the audit trail who entered it."""
        return timezone.localtime(self.submitted_at).date() < timezone.localtime(self.created_at).date()

    def __str__(self) -> str:
        return f"{self.get_form_type_display()} · {self.employee} · v{self.number}"

    @property
    def is_reviewed(self) -> bool:
        return bool(self.outcome)

    @property
    def is_current(self) -> bool:
        return self.status != self.Status.SUPERSEDED


class Relation(models.TextChoices):
    SPOUSE = "spouse", _("Spouse")
    PARENT = "parent", _("Parent")
    CHILD = "child", _("Child")
    SIBLING = "sibling", _("Brother or sister")
    IN_LAW = "in_law", _("Relative by marriage")
    OTHER = "other", _("Other relative")


class Holder(models.TextChoices):
    SELF = "self", _("I")
    RELATIVE = "relative", _("A relative")


class DeclarationItem(BaseModel):
    """One disclosed fact: a relative, an interest in a company, an outside job, or another
    circumstance. Which fields matter depends on the section."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(_("section"), max_length=20, choices=Section)
    person_name = models.CharField(_("full name"), max_length=300, blank=True)
    relation = models.CharField(_("relation"), max_length=10, choices=Relation, blank=True)
    person_identifier = models.CharField(_("IIN or PINFL"), max_length=20, blank=True)
    workplace = models.CharField(_("company and unit"), max_length=300, blank=True)
    holder = models.CharField(_("whose interest"), max_length=10, choices=Holder, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    organisation_identifier = models.CharField(_("BIN or STIR"), max_length=20, blank=True)
    share = models.DecimalField(
        _("share, %"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("declared item")
        verbose_name_plural = _("declared items")

    def __str__(self) -> str:
        return self.person_name or self.organisation or self.description[:80]

    def clean(self) -> None:
        if self.share is not None and (not Decimal(self.share).is_finite() or not 0 <= Decimal(self.share) <= 100):
            raise ValidationError({"share": _("A share is between 0 and 100 %.")})


class MeasureKind(models.TextChoices):
    RECUSAL = "recusal", _("Recusal from decisions about a named counterparty or person")
    REPORTING_LINE = "reporting_line", _("Change of reporting line")
    DUTIES = "duties", _("Change of duties")
    TRANSFER = "transfer", _("Transfer to another position")
    DIVESTMENT = "divestment", _("Divestment of the interest")
    ACCESS = "access", _("Restricted access to information")
    OTHER = "other", _("Other measure")


class Measure(BaseModel):
    """A settlement measure: what must be done, by whom, by when. The declaration is settled
    when all its measures are done."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("measure"), max_length=20, choices=MeasureKind)
    subject = models.CharField(_("counterparty or person concerned"), max_length=300, blank=True)
    description = models.TextField(_("what is to be done"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible"), on_delete=models.PROTECT, related_name="+"
    )
    deadline = models.DateField(_("deadline"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_note = models.TextField(_("how it was done"), blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("settlement measure")
        verbose_name_plural = _("settlement measures")
        ordering = ["deadline", "created_at"]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.deadline < timezone.localdate()


class DetectionRun(BaseModel):
    """One run of the cross-match; its row is the job's status page and history."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(max_length=5, default="en")
    total = models.PositiveIntegerField(_("people to compare"), default=0)
    processed = models.PositiveIntegerField(_("compared"), default=0)
    links_found = models.PositiveIntegerField(_("links found"), default=0)
    alerts_raised = models.PositiveIntegerField(_("new alerts"), default=0)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("detection run")
        verbose_name_plural = _("detection runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else (100 if self.is_finished else 0)


class AlertKind(models.TextChoices):
    EMPLOYEE_COUNTERPARTY = "employee_counterparty", _("Employee is an owner or manager of a counterparty")
    RELATIVE_COUNTERPARTY = "relative_counterparty", _("Declared relative is an owner or manager of a counterparty")
    COMPANY_COUNTERPARTY = "company_counterparty", _("Declared company is a counterparty")
    RELATIVE_REPORTING_LINE = "relative_reporting_line", _("Relative in the same reporting line")
    UNDECLARED_RELATIVE = "undeclared_relative", _("Relative working in the group not declared")
    APPROVED_CONTRACT = "approved_contract", _("Contract approved with the approver's or a relative's company")


class Alert(BaseModel):
    """A link found by the detection, with the evidence; an officer confirms or dismisses it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CONFIRMED = "confirmed", _("Confirmed")
        DISMISSED = "dismissed", _("Dismissed")

    key = models.CharField(max_length=300, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=30, choices=AlertKind)
    employee = models.ForeignKey("org.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    disclosed = models.BooleanField(_("disclosed"), default=False)
    score = models.FloatField(_("score"), default=0)
    matched_with = models.CharField(_("matched with"), max_length=300)
    counterparty_id = models.UUIDField(null=True, blank=True)
    evidence = models.JSONField(_("evidence"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    first_run = models.ForeignKey(DetectionRun, null=True, on_delete=models.SET_NULL, related_name="+")
    last_seen_at = models.DateTimeField(_("last found"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("detection alert")
        verbose_name_plural = _("detection alerts")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status"], name="conflicts_alert_status_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.employee} ↔ {self.matched_with}"


class GiftKind(models.TextChoices):
    # A context of their own: the words agree with "gift" (masculine in Russian), not with the
    # neuter "Received" of a Speak Up report.
    RECEIVED = "received", pgettext_lazy("gift kind", "Received")
    GIVEN = "given", pgettext_lazy("gift kind", "Given")
    OFFERED = "offered", pgettext_lazy("gift kind", "Offered, decision pending")
    DECLINED = "declined", pgettext_lazy("gift kind", "Offered and declined")


class PartyKind(models.TextChoices):
    PERSON = "person", _("Private person")
    COUNTERPARTY = "counterparty", _("Counterparty")
    OFFICIAL = "official", _("Public official")


class Gift(BaseModel):
    """A gift or hospitality declared by an employee, compared with the threshold of its year."""

    class Status(models.TextChoices):
        # "Recorded" covers a gift within the threshold and one that was declined: neither needs
        # approval, and the threshold facts say which.
        RECORDED = "recorded", pgettext_lazy("gift status", "Recorded, no approval needed")
        PENDING = "pending", pgettext_lazy("gift status", "Awaiting approval")
        APPROVED = "approved", pgettext_lazy("gift status", "Approved")
        REFUSED = "refused", pgettext_lazy("gift status", "Refused")

    employee = models.ForeignKey("org.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=GiftKind)
    is_hospitality = models.BooleanField(_("hospitality (meal, travel, event)"), default=False)
    party_kind = models.CharField(_("other party is"), max_length=15, choices=PartyKind)
    party_name = models.CharField(_("other party (person)"), max_length=300)
    party_organisation = models.CharField(_("organisation of the other party"), max_length=300, blank=True)
    counterparty = models.ForeignKey(
        "counterparties.Counterparty",
        verbose_name=_("counterparty in the register"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source_key = models.CharField(max_length=300, editable=False, db_index=True)
    occasion = models.CharField(_("occasion"), max_length=300)
    description = models.TextField(_("description"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.RECORDED)
    # The facts of the threshold decision (reason, value, unit, threshold), never a sentence:
    # conflicts.gift_texts writes them in the reader's language (`threshold_note`).
    threshold_facts = models.JSONField(_("threshold"), default=dict, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_comment = models.TextField(_("comment"), blank=True)
    handed_over_at = models.DateField(_("handed over to the company"), null=True, blank=True)
    handed_over_to = models.CharField(_("received by"), max_length=300, blank=True)
    storage = models.CharField(_("kept at"), max_length=300, blank=True)
    # The record's id in the system it was imported from; re-importing it updates it.
    external_id = models.CharField(_("external id"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("gift or hospitality")
        verbose_name_plural = _("gifts and hospitality")
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["date"], name="conflicts_gift_date_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "external_id"],
                condition=~models.Q(external_id=""),
                name="conflicts_gift_external_id_uniq",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"

    @property
    def threshold_note(self) -> str:
        """Why the gift needs approval or not, in the active language."""
        return threshold_sentence(self.threshold_facts)


class ThresholdUnit(models.TextChoices):
    MRP = "mrp", _("MRP (monthly calculation index, Kazakhstan)")
    BRV = "brv", _("BRV (base calculation value, Uzbekistan)")


class GiftThreshold(BaseModel):
    """The value of the calculation unit in one country and year, and the threshold in units."""

    country = models.CharField(_("country"), max_length=2)
    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.CharField(_("calculation unit"), max_length=3, choices=ThresholdUnit)
    unit_value = models.DecimalField(
        _("value of one unit"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    currency = models.CharField(_("currency"), max_length=3)
    units = models.DecimalField(
        _("threshold, in units"), max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )

    class Meta:
        verbose_name = _("gift threshold")
        verbose_name_plural = _("gift thresholds")
        ordering = ["-year", "country"]
        constraints = [models.UniqueConstraint(fields=["country", "year"], name="conflicts_threshold_uniq")]

    def __str__(self) -> str:
        return f"{self.country} {self.year}: {self.units} {self.get_unit_display()}"

    @property
    def amount(self) -> Decimal:
        return self.unit_value * self.units
