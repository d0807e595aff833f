"""Speak Up cases (reports and questions), their messages, notes, tasks, files, links and rewards.

Everything people write is stored encrypted under the case's data key (see crypto.py): the
columns named `*_sealed` hold Fernet tokens, never text. What stays readable is what the
case workflow needs to run: kind, channel, category, company, status, dates, outcome codes.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.core.eventdates import is_backdated
from senim.core.models import BaseModel


class Kind(models.TextChoices):
    REPORT = "report", _("Report")
    QUESTION = "question", _("Question")


class Channel(models.TextChoices):
    WEB = "web", _("Web portal")
    HOTLINE = "hotline", _("Hotline phone")
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")
    IN_PERSON = "in_person", _("In person")


class Category(models.TextChoices):
    BRIBERY = "bribery", _("Bribery")
    FRAUD = "fraud", _("Fraud")
    CONFLICT_OF_INTEREST = "conflict_of_interest", _("Conflict of interest")
    GIFTS = "gifts", _("Gifts and hospitality")
    PROCUREMENT = "procurement", _("Procurement")
    HARASSMENT = "harassment", _("Harassment")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ASSESSMENT = "assessment", _("Under assessment")
    INVESTIGATION = "investigation", _("Under investigation")
    CLOSED = "closed", _("Closed")
    ANSWERED = "answered", _("Answered")


OPEN_STATUSES = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.ASSESSMENT, Status.INVESTIGATION)
FINAL_STATUSES = (Status.CLOSED, Status.ANSWERED)


class Outcome(models.TextChoices):
    SUBSTANTIATED = "substantiated", _("Substantiated")
    PARTLY = "partly", _("Partly substantiated")
    UNSUBSTANTIATED = "unsubstantiated", _("Unsubstantiated")
    OUT_OF_SCOPE = "out_of_scope", _("Not a breach / out of scope")


class Measure(models.TextChoices):
    DISCIPLINARY = "disciplinary", _("Disciplinary action")
    DISMISSAL = "dismissal", _("Dismissal")
    CONTRACT_TERMINATED = "contract_terminated", _("Contract terminated")
    LAW_ENFORCEMENT = "law_enforcement", _("Referred to law enforcement")
    CONTROL_IMPROVED = "control_improved", _("Control improved")
    TRAINING = "training", _("Training held")
    LOSS_RECOVERED = "loss_recovered", _("Loss recovered")
    OTHER = "other", _("Other measure")


class Case(BaseModel):
    """A report of a suspected breach or a question, from submission (or intake) to closure."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REPORT)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="ru")
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.RECEIVED)
    anonymous = models.BooleanField(_("anonymous"), default=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    acknowledge_due = models.DateField(_("acknowledge by"))
    feedback_due = models.DateField(_("feedback by"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    feedback_at = models.DateTimeField(_("first feedback"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    measures = models.JSONField(_("measures taken"), default=list, blank=True)
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("investigators"), blank=True, related_name="speakup_cases"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Receipt key: only its slow keyed hash (crypto.receipt_digest); null when none was issued.
    receipt_digest = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # A key staff re-issued on a staff-intake report: it replaces receipt_digest when the reporter
    # first uses it; until then both open the case.
    pending_receipt_digest = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # The case's data key, wrapped under the master key.
    wrapped_key = models.TextField(editable=False)
    content_sealed = models.TextField(editable=False)
    reporter_sealed = models.TextField(editable=False, blank=True)
    closure_sealed = models.TextField(editable=False, blank=True)
    answer_sealed = models.TextField(editable=False, blank=True)
    overdue_notified_on = models.DateField(null=True, blank=True, editable=False)
    watch_until = models.DateField(_("retaliation watch until"), null=True, blank=True)
    watch_reminded_on = models.DateField(null=True, blank=True, editable=False)
    # The case's id in the register it was imported from (cases received before Senim).
    external_id = models.CharField(_("external id"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("Speak Up case")
        verbose_name_plural = _("Speak Up cases")
        indexes = [models.Index(fields=["status", "acknowledge_due"], name="speakup_case_status_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "external_id"],
                condition=~models.Q(external_id=""),
                name="speakup_case_external_id_uniq",
            )
        ]

    @property
    def is_backdated(self) -> bool:
        """Registered after the day it was received (post, a paper register, another system);
        `created_at` keeps when it was registered, the audit trail who did it."""
        return is_backdated(self.created_at, self.received_at)

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def overdue_kinds(self, today: object = None) -> list[str]:
        """Which deadlines have passed unmet: "acknowledge" and/or "feedback"."""
        today = today or timezone.localdate()
        late = []
        if self.acknowledged_at is None and self.is_open and self.acknowledge_due < today:  # type: ignore[operator]
            late.append("acknowledge")
        if self.feedback_at is None and self.is_open and self.feedback_due < today:  # type: ignore[operator]
            late.append("feedback")
        return late


class Direction(models.TextChoices):
    TO_REPORTER = "to_reporter", _("To the reporter")
    FROM_REPORTER = "from_reporter", _("From the reporter")


class Message(BaseModel):
    """A message between the compliance service and the reporter (through the portal)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(_("direction"), max_length=15, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body_sealed = models.TextField(editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.case} {self.direction}"


class Note(BaseModel):
    """An internal note; never shown to the reporter."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body_sealed = models.TextField(editable=False)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.case} note"


class Task(BaseModel):
    """A piece of work on a case with a deadline."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title_sealed = models.TextField(editable=False)
    due = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["done_at", "due", "created_at"]

    def __str__(self) -> str:
        return f"{self.case} task {self.due}"


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"
    TEXT = "text", _("Text")
    OFFICE = "office", _("Office document")


class Attachment(BaseModel):
    """A file added by the reporter or an officer; name and content encrypted."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    from_reporter = models.BooleanField(default=True)
    kind = models.CharField(_("type"), max_length=10, choices=FileKind.choices)
    size = models.PositiveIntegerField(_("size"))
    name_sealed = models.TextField(editable=False)
    data_sealed = models.BinaryField(editable=False)
    # Whether identifying metadata (EXIF, document properties) was removed; False warns officers.
    metadata_stripped = models.BooleanField(_("metadata removed"), default=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.case} file"


class LinkRole(models.TextChoices):
    NAMED = "named", _("Named in the report")
    WITNESS = "witness", _("Witness")
    UNIT = "unit", _("Unit concerned")
    COUNTERPARTY = "counterparty", _("Counterparty involved")


class CaseLink(BaseModel):
    """A unit, employee, user account or counterparty of the register involved in a case.
    Employees and users named in it are kept out of the case whatever their role."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    role = models.CharField(_("role"), max_length=12, choices=LinkRole.choices)
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("org.Employee", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    counterparty = models.ForeignKey(
        "counterparties.Counterparty", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(unit__isnull=False, employee__isnull=True, user__isnull=True, counterparty__isnull=True)
                    | models.Q(unit__isnull=True, employee__isnull=False, user__isnull=True, counterparty__isnull=True)
                    | models.Q(unit__isnull=True, employee__isnull=True, user__isnull=False, counterparty__isnull=True)
                    | models.Q(unit__isnull=True, employee__isnull=True, user__isnull=True, counterparty__isnull=False)
                ),
                name="speakup_link_one_of_four",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.role}"


class Exclusion(BaseModel):
    """A staff member who declared a conflict of interest in a case and stepped aside."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exclusions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("declared conflict")
        verbose_name_plural = _("declared conflicts")
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="speakup_exclusion_uniq")]

    def __str__(self) -> str:
        return f"{self.case} {self.user_id}"


class Reward(BaseModel):
    """A reward decided for the reporter under an informant-incentive regulation."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="rewards")
    decided_on = models.DateField(_("decided on"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    basis_sealed = models.TextField(editable=False, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("reward")
        verbose_name_plural = _("rewards")
        ordering = ["decided_on"]

    def __str__(self) -> str:
        return f"{self.case} {self.amount} {self.currency}"


class PosterLayout(models.TextChoices):
    A3 = "a3", _("Poster A3")
    A4 = "a4", _("Poster A4")
    CARD = "card", _("Pocket card")


class PosterText(BaseModel):
    """A company's own wording of the posters in one language; a blank field keeps the translated
    default (posters.default_texts)."""

    company = models.ForeignKey("org.Company", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    headline = models.CharField(_("headline"), max_length=120, blank=True)
    body = models.TextField(_("call to speak up"), max_length=600, blank=True)
    promise = models.TextField(_("anonymity and non-retaliation promise"), max_length=600, blank=True)

    class Meta:
        verbose_name = _("poster text")
        constraints = [
            models.UniqueConstraint(fields=["company", "language"], name="speakup_postertext_company_language_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.company} ({self.language})"


class PosterTag(BaseModel):
    """A source tag a poster's QR code carries (a site, a print batch), so the portal can count the
    visits each campaign brings: a number per tag and month, nothing about who came."""

    company = models.ForeignKey("org.Company", on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(_("tag"), max_length=40, unique=True)
    label = models.CharField(_("where it is posted"), max_length=200)

    class Meta:
        verbose_name = _("poster source tag")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class PosterVisit(models.Model):
    """Visits that came through one tag in one month: a counter, no row per visit."""

    tag = models.ForeignKey(PosterTag, on_delete=models.CASCADE, related_name="visits")
    month = models.DateField()  # the first day of the month
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "month"], name="speakup_postervisit_tag_month_uniq")]

    def __str__(self) -> str:
        return f"{self.tag_id} {self.month:%Y-%m}: {self.count}"
