"""Awareness: the registry of internal documents and their versions, acknowledgement campaigns and
acknowledgements, anti-corruption agreements in labour contracts, new hires' contracts, and checks
of candidates before hiring or appointment.

Other modules refer to a document *version* (`awareness.DocumentVersion`): what was examined,
adopted and acknowledged is always one version's text and files.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from senim.core.i18n import Localized
from senim.core.models import BaseModel


class DocumentKind(models.TextChoices):
    POLICY = "policy", pgettext_lazy("document kind", "Policy")
    CODE = "code", pgettext_lazy("document kind", "Code")
    REGULATION = "regulation", pgettext_lazy("document kind", "Regulation")
    PROCEDURE = "procedure", pgettext_lazy("document kind", "Procedure")
    ORDER = "order", pgettext_lazy("document kind", "Order")
    STANDARD = "standard", pgettext_lazy("document kind", "Standard")
    METHODOLOGY = "methodology", pgettext_lazy("document kind", "Methodology")


class ApprovingBody(models.TextChoices):
    BOARD = "board", _("Board of directors")
    SUPERVISORY_BOARD = "supervisory_board", _("Supervisory board")
    MANAGEMENT_BOARD = "management_board", _("Management board")
    HEAD = "head", _("Head of the company")


class Document(BaseModel):
    """An internal document of the group: a code, policy, regulation… with its versions."""

    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind)
    code = models.CharField(_("registration number"), max_length=50, unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=400, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=400, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=400, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=400, blank=True)
    company = models.ForeignKey(
        "org.Company", verbose_name=_("owner company"), on_delete=models.PROTECT, related_name="+"
    )
    owner_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("owner unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    companies = models.ManyToManyField("org.Company", verbose_name=_("applies to"), related_name="+")
    current_version = models.ForeignKey(
        "DocumentVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    is_repealed = models.BooleanField(_("repealed"), default=False, editable=False)

    title = Localized("title")

    class Meta:
        verbose_name = _("internal document")
        verbose_name_plural = _("internal documents")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    UNDER_EXAMINATION = "examination", _("Under anti-corruption examination")
    SUBMITTED = "submitted", _("Submitted for approval")
    ADOPTED = "adopted", _("In force")
    SUPERSEDED = "superseded", _("Superseded")
    REPEALED = "repealed", _("Repealed")


class DocumentVersion(BaseModel):
    """One edition of a document: its texts and files, and the decision that adopted it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=12, choices=VersionStatus, default=VersionStatus.DRAFT)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_uz = models.TextField(_("text (Uzbek)"), blank=True)
    is_material = models.BooleanField(
        _("material change"),
        default=False,
        help_text=_("Earlier acknowledgements become stale and employees are asked again."),
    )
    change_note = models.CharField(_("what changed"), max_length=500, blank=True)
    approving_body = models.CharField(_("approving body"), max_length=20, choices=ApprovingBody, blank=True)
    submitted_on = models.DateField(_("submitted for approval on"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    ended_on = models.DateField(_("in force until"), null=True, blank=True)
    examination = models.ForeignKey(
        "examination.Examination",
        verbose_name=_("anti-corruption examination"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    text = Localized("text")

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="awareness_version_number_uniq")]
        indexes = [models.Index(fields=["effective_date", "ended_on"], name="awareness_version_force_idx")]

    def __str__(self) -> str:
        return f"{self.document} · {self.number}"

    @property
    def is_in_force(self) -> bool:
        return self.status == VersionStatus.ADOPTED

    def text_for(self, language: str) -> str:
        return str(getattr(self, f"text_{language}", ""))


class VersionFile(BaseModel):
    """A file of a version in one language (the signed PDF, a DOCX), kept outside the web roots."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    name = models.CharField(_("file"), max_length=200)
    stored = models.CharField(max_length=100, editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("version file")
        verbose_name_plural = _("version files")

    def __str__(self) -> str:
        return self.name


class Audience(models.TextChoices):
    ALL = "all", _("All staff")
    COMPANIES = "companies", _("Companies")
    UNITS = "units", _("Units")
    POSITIONS = "positions", _("Positions")
    CORRUPTION_PRONE = "corruption_prone", _("Corruption-prone positions")
    NEW_HIRES = "new_hires", _("New hires only")
    READ_AGAIN = "read_again", _("Asked again after a material change")


class AckCampaign(BaseModel):
    """Employees asked to acknowledge one document version by a deadline."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="campaigns")
    title = models.CharField(_("title"), max_length=200)
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience, default=Audience.ALL)
    companies = models.ManyToManyField("org.Company", verbose_name=_("companies"), blank=True, related_name="+")
    units = models.ManyToManyField("org.Unit", verbose_name=_("units"), blank=True, related_name="+")
    positions = models.ManyToManyField("org.Position", verbose_name=_("positions"), blank=True, related_name="+")
    include_new_hires = models.BooleanField(_("ask new hires automatically"), default=True)
    hire_window_days = models.PositiveSmallIntegerField(_("days after hire to acknowledge"), default=14)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    launched_at = models.DateTimeField(_("launched"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("acknowledgement campaign")
        verbose_name_plural = _("acknowledgement campaigns")

    def __str__(self) -> str:
        return self.title


class CheckStatement(BaseModel):
    """One true-or-false statement of a campaign's short comprehension check."""

    campaign = models.ForeignKey(AckCampaign, on_delete=models.CASCADE, related_name="statements")
    order = models.PositiveSmallIntegerField(default=0)
    text_ru = models.CharField(_("statement (Russian)"), max_length=500, blank=True)
    text_kk = models.CharField(_("statement (Kazakh)"), max_length=500, blank=True)
    text_en = models.CharField(_("statement (English)"), max_length=500, blank=True)
    text_uz = models.CharField(_("statement (Uzbek)"), max_length=500, blank=True)
    is_true = models.BooleanField(_("true"))

    text = Localized("text")

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return str(self.text)


class Acknowledgement(BaseModel):
    """An employee read and understood one document version, on a date (the event date)."""

    class Source(models.TextChoices):
        SELF = "self", _("In Senim")
        PAPER = "paper", _("Paper sheet")
        IMPORT = "import", _("Imported")

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="acknowledgements")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("org.Employee", on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    acknowledged_on = models.DateField(_("acknowledged on"))
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.SELF)
    is_stale = models.BooleanField(_("stale"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        constraints = [
            models.UniqueConstraint(fields=["version", "employee"], name="awareness_ack_version_employee_uniq")
        ]
        indexes = [models.Index(fields=["acknowledged_on"], name="awareness_ack_date_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id} · {self.version_id}"


class AckRequest(BaseModel):
    """One employee asked by a campaign; answered when `acknowledgement` is set."""

    campaign = models.ForeignKey(AckCampaign, on_delete=models.CASCADE, related_name="requests")
    employee = models.ForeignKey("org.Employee", on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    due_date = models.DateField(_("due"))
    is_new_hire = models.BooleanField(_("new hire"), default=False)
    acknowledgement = models.ForeignKey(
        Acknowledgement, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "employee"], name="awareness_request_campaign_employee_uniq")
        ]
        indexes = [models.Index(fields=["campaign", "acknowledgement"], name="awareness_request_open_idx")]

    def __str__(self) -> str:
        return f"{self.campaign_id} · {self.employee_id}"


class AgreementObligation(BaseModel):
    """An employee in a position that requires an additional anti-corruption agreement to the
    labour contract; concluded when the agreement is recorded."""

    class Reason(models.TextChoices):
        HIRE = "hire", _("Hired into the position")
        MOVE = "move", _("Moved to the position")

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered")
        IMPORT = "import", _("Imported from HR")

    employee = models.ForeignKey("org.Employee", on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    position = models.ForeignKey("org.Position", verbose_name=_("position"), on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason)
    arose_on = models.DateField(_("required since"))
    number = models.CharField(_("agreement number"), max_length=50, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    scan_file = models.CharField(max_length=100, blank=True, editable=False)
    scan_name = models.CharField(_("scan"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source, blank=True)

    class Meta:
        verbose_name = _("anti-corruption agreement")
        verbose_name_plural = _("anti-corruption agreements")
        constraints = [
            models.UniqueConstraint(fields=["employee", "position"], name="awareness_obligation_employee_position_uniq")
        ]
        indexes = [models.Index(fields=["concluded_on"], name="awareness_agreement_date_idx")]

    def __str__(self) -> str:
        return self.number or str(self.employee_id)


class HireRecord(BaseModel):
    """A new hire's labour contract and whether it carries anti-corruption obligations."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered")
        IMPORT = "import", _("Imported from HR")

    employee = models.OneToOneField("org.Employee", on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    contract_number = models.CharField(_("contract number"), max_length=50, blank=True)
    contract_date = models.DateField(_("contract date"))
    has_obligations = models.BooleanField(_("contains anti-corruption obligations"))
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.MANUAL)

    class Meta:
        verbose_name = _("new hire's contract")
        verbose_name_plural = _("new hires' contracts")

    def __str__(self) -> str:
        return self.contract_number or str(self.employee_id)


class CandidateCheck(BaseModel):
    """A check of a person before hiring, or of an employee before a move into a corruption-prone
    position (ISO 37001 7.2.2.2). Candidates' data are purged after the configured retention."""

    class Purpose(models.TextChoices):
        HIRE = "hire", _("Hiring")
        APPOINTMENT = "appointment", _("Appointment to a corruption-prone position")

    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, awaiting conclusion")
        CONCLUDED = "concluded", _("Concluded")

    class Conclusion(models.TextChoices):
        NO_OBJECTION = "no_objection", _("No objection")
        WITH_MEASURES = "with_measures", _("No objection, with measures")
        OBJECTION = "objection", _("Objection")

    purpose = models.CharField(_("purpose"), max_length=12, choices=Purpose, default=Purpose.HIRE)
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.ForeignKey(
        "org.Position", verbose_name=_("position"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    employee = models.ForeignKey(
        "org.Employee", verbose_name=_("employee"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    full_name = models.CharField(_("full name"), max_length=300)
    full_name_latin = models.CharField(_("full name (Latin)"), max_length=300, blank=True)
    identifier = models.CharField(_("IIN or PINFL"), max_length=20, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    dismissed_for_breach = models.BooleanField(_("previously dismissed for a breach"), default=False)
    dismissal_note = models.CharField(_("details of the dismissal"), max_length=500, blank=True)
    identifier_valid = models.BooleanField(_("identifier valid"), null=True, blank=True)
    identifier_note = models.CharField(max_length=300, blank=True)
    screening_hits = models.JSONField(default=list, blank=True)
    lists_checked = models.JSONField(default=list, blank=True)
    relatives = models.JSONField(default=list, blank=True)
    checked_on = models.DateField(_("checked on"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.CHECKED)
    conclusion = models.CharField(_("conclusion"), max_length=20, choices=Conclusion, blank=True)
    conclusion_text = models.TextField(_("reasons"), blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("candidate check")
        verbose_name_plural = _("candidate checks")

    def __str__(self) -> str:
        return self.full_name

    @property
    def findings(self) -> int:
        return (
            len(self.screening_hits)
            + len(self.relatives)
            + int(self.dismissed_for_breach)
            + int(self.identifier_valid is False)
        )


class OutsiderKind(models.TextChoices):
    BOARD = "board", _("Board of directors member")
    SUPERVISORY = "supervisory", _("Supervisory board member")
    CONTRACTOR = "contractor", _("Contractor's employee")
    AGENT = "agent", _("Agent or intermediary")
    INTERN = "intern", _("Intern")


class OutsiderAck(BaseModel):
    """A person without an account (board member, contractor's employee, agent, intern) asked to
    acknowledge a document version through a personal link (expires, works once) or who signed it
    on paper; the counterparty they work for is recorded where there is one."""

    class Source(models.TextChoices):
        LINK = "link", _("Personal link")
        PAPER = "paper", _("Paper")

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="outsider_acks")
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("who"), max_length=12, choices=OutsiderKind)
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("position or role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    counterparty = models.ForeignKey(
        "counterparties.Counterparty",
        verbose_name=_("counterparty"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=8, choices=Source, default=Source.LINK)
    # Only the SHA-256 of the personal link's token is kept; the link itself is shown once.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    expires_on = models.DateField(_("link valid until"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, blank=True)
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    # Set when staff withdraw an unused link: the token is forgotten and the link answers "cannot be used".
    revoked_on = models.DateField(_("link revoked on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("acknowledgement by a person without an account")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["acknowledged_on"], name="awareness_outsider_date_idx")]

    def __str__(self) -> str:
        return self.full_name


# ------------------------------------------------------------------------------------ outreach events


class OutreachKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar or training")
    ROUND_TABLE = "round_table", _("Round table or conference")
    MEETING = "meeting", _("Meeting or briefing")
    PUBLICATION = "publication", _("Publication")
    MEDIA = "media", _("Media appearance")
    SOCIAL = "social", _("Social network or intranet post")


class OutreachFormat(models.TextChoices):
    IN_PERSON = "in_person", pgettext_lazy("outreach format", "In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")
    PRINTED = "printed", _("Printed or broadcast")


class OutreachAudience(models.TextChoices):
    STAFF = "staff", pgettext_lazy("outreach audience", "Staff")
    COUNTERPARTIES = "counterparties", _("Counterparties and their staff")
    PUBLIC = "public", _("The public")
    YOUTH = "youth", _("Students and young people")
    MIXED = "mixed", _("Staff and outside audiences")


class OutreachEvent(BaseModel):
    """An outreach event of the programme, aimed at staff or outside audiences (a seminar, round
    table, meeting with a counterparty, publication or media appearance): its date, format, audience
    and how many people it reached, with its materials. Counted by the date it was held."""

    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=OutreachKind)
    format = models.CharField(_("format"), max_length=10, choices=OutreachFormat, default=OutreachFormat.IN_PERSON)
    audience = models.CharField(pgettext_lazy("outreach", "audience"), max_length=16, choices=OutreachAudience)
    held_on = models.DateField(_("held on"), db_index=True)
    # People present, or readers and viewers of a publication as its outlet reports them.
    reach = models.PositiveIntegerField(_("people reached"))
    counterparty = models.ForeignKey(
        "counterparties.Counterparty",
        verbose_name=_("counterparty"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(_("place or outlet"), max_length=300, blank=True)
    link = models.URLField(pgettext_lazy("web address", "link"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("outreach event")
        verbose_name_plural = _("outreach events")
        ordering = ["-held_on", "-created_at"]

    def __str__(self) -> str:
        return self.title


class OutreachMaterial(BaseModel):
    """A file shown or handed out at an outreach event (slides, leaflet, the article), kept with its SHA-256."""

    event = models.ForeignKey(OutreachEvent, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("file"), max_length=200)
    stored = models.CharField(max_length=100, editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("outreach material")
        verbose_name_plural = _("outreach materials")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
