"""Learning: the knowledge base (articles, categories, attachments, FAQ, search keys, daily view
counts), e-learning (courses, question banks, tests, attempts, certificates, assignments, completions
from an external LMS) and classroom or special courses (training events and their attendees)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.i18n import Localized
from senim.core.models import BaseModel

# ------------------------------------------------------------------------------------ knowledge base


class Category(BaseModel):
    """A heading of the knowledge base."""

    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_uz = models.CharField(_("name (Uzbek)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    name = Localized("name")

    class Meta:
        verbose_name = _("knowledge-base category")
        verbose_name_plural = _("knowledge-base categories")
        ordering = ["order", "name_en"]

    def __str__(self) -> str:
        return self.name


class Article(BaseModel):
    """A knowledge-base article or FAQ entry, in up to four languages (Markdown, sanitised when shown)."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        FAQ = "faq", _("Question and answer")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.ARTICLE)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    body_ru = models.TextField(_("text (Russian)"), blank=True)
    body_kk = models.TextField(_("text (Kazakh)"), blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    body_uz = models.TextField(_("text (Uzbek)"), blank=True)
    # The internal document the article explains (the awareness registry), or a document outside
    # it by its plain title and number.
    document = models.ForeignKey(
        "awareness.Document",
        verbose_name=_("internal document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document_title = models.CharField(_("other document"), max_length=300, blank=True)
    document_reference = models.CharField(_("document number or address"), max_length=300, blank=True)
    # Published from a Speak Up question: only the link, shown to those who may open the case.
    speakup_case = models.ForeignKey(
        "speakup.Case",
        verbose_name=_("Speak Up question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_published = models.BooleanField(_("published"), default=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    title = Localized("title")
    body = Localized("body")

    class Meta:
        verbose_name = _("knowledge-base article")
        verbose_name_plural = _("knowledge-base articles")

    def __str__(self) -> str:
        return self.title


class ArticleKey(models.Model):
    """One search key of an article (see learning.textsearch); searched with an indexed lookup."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["key", "article"], name="learning_key_idx")]
        constraints = [models.UniqueConstraint(fields=["article", "key"], name="learning_key_uniq")]

    def __str__(self) -> str:
        return self.key


class Attachment(BaseModel):
    """A file attached to an article or a course page. New files are kept in Django's storage
    (`stored_as`, local disk or an object store); older ones in the row itself (`data`)."""

    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    page = models.ForeignKey("CoursePage", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100, default="application/octet-stream")
    size = models.PositiveIntegerField(default=0)
    data = models.BinaryField(editable=False, default=b"")
    stored_as = models.CharField(max_length=500, blank=True, editable=False)  # the name in default_storage

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleViewDay(models.Model):
    """How many times an article was opened on one day (no record of who opened it)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="view_days")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="learning_view_day_uniq")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.count}"


# ------------------------------------------------------------------------------------ e-learning


class Course(BaseModel):
    """An e-learning course: content pages with files, and tests."""

    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    summary_ru = models.TextField(_("summary (Russian)"), blank=True)
    summary_kk = models.TextField(_("summary (Kazakh)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_uz = models.TextField(_("summary (Uzbek)"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    title = Localized("title")
    summary = Localized("summary")

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title_en"]

    def __str__(self) -> str:
        return self.title


class CoursePage(BaseModel):
    """One page of a course (Markdown, sanitised when shown)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="pages")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    body_ru = models.TextField(_("text (Russian)"), blank=True)
    body_kk = models.TextField(_("text (Kazakh)"), blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    body_uz = models.TextField(_("text (Uzbek)"), blank=True)

    title = Localized("title")
    body = Localized("body")

    class Meta:
        verbose_name = _("course page")
        verbose_name_plural = _("course pages")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title


class QuestionBank(BaseModel):
    """A bank of questions sorted into categories, from which tests draw."""

    title = models.CharField(_("title"), max_length=300)

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class QuestionCategory(BaseModel):
    bank = models.ForeignKey(QuestionBank, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["bank", "name"], name="learning_qcategory_uniq")]

    def __str__(self) -> str:
        return self.name


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "truefalse", _("True or false")
    MATCHING = "matching", _("Matching")
    SHORT = "short", _("Short answer")


class Question(BaseModel):
    """A question in four languages. Choices hold the options (single, multiple), the pairs
    (matching: text ↔ match) or the accepted answers (short answer); true/false keeps its answer here."""

    category = models.ForeignKey(QuestionCategory, on_delete=models.CASCADE, related_name="questions")
    qtype = models.CharField(_("type"), max_length=10, choices=QuestionType)
    name = models.CharField(_("name"), max_length=200, blank=True)
    text_ru = models.TextField(_("question (Russian)"), blank=True)
    text_kk = models.TextField(_("question (Kazakh)"), blank=True)
    text_en = models.TextField(_("question (English)"), blank=True)
    text_uz = models.TextField(_("question (Uzbek)"), blank=True)
    answer_true = models.BooleanField(_("the statement is true"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    text = Localized("text")

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name or self.text[:80]


class Choice(BaseModel):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(default=0)
    text_ru = models.CharField(_("text (Russian)"), max_length=500, blank=True)
    text_kk = models.CharField(_("text (Kazakh)"), max_length=500, blank=True)
    text_en = models.CharField(_("text (English)"), max_length=500, blank=True)
    text_uz = models.CharField(_("text (Uzbek)"), max_length=500, blank=True)
    match_ru = models.CharField(_("match (Russian)"), max_length=500, blank=True)
    match_kk = models.CharField(_("match (Kazakh)"), max_length=500, blank=True)
    match_en = models.CharField(_("match (English)"), max_length=500, blank=True)
    match_uz = models.CharField(_("match (Uzbek)"), max_length=500, blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)

    text = Localized("text")
    match = Localized("match")

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.text


class Test(BaseModel):
    """A test: N random questions per category, a time limit, a pass mark and attempt rules."""

    __test__ = False  # not a pytest test class, whatever its name

    class Grading(models.TextChoices):
        BEST = "best", _("Best attempt counts")
        LAST = "last", _("Last attempt counts")

    course = models.ForeignKey(
        Course, verbose_name=_("course"), null=True, blank=True, on_delete=models.PROTECT, related_name="tests"
    )
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit, minutes"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark, %"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    wait_hours = models.PositiveSmallIntegerField(_("hours between attempts"), default=0)
    grading = models.CharField(_("which attempt counts"), max_length=4, choices=Grading, default=Grading.BEST)
    shuffle = models.BooleanField(_("shuffle questions and options"), default=True)
    is_active = models.BooleanField(_("active"), default=True)

    title = Localized("title")

    class Meta:
        verbose_name = _("test")
        verbose_name_plural = _("tests")
        ordering = ["title_en"]

    def __str__(self) -> str:
        return self.title


class TestRule(BaseModel):
    """Draw `count` random questions from one category."""

    test = models.ForeignKey(Test, on_delete=models.CASCADE, related_name="rules")
    category = models.ForeignKey(QuestionCategory, verbose_name=_("category"), on_delete=models.PROTECT)
    count = models.PositiveSmallIntegerField(_("questions"), validators=[MinValueValidator(1)])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["test", "category"], name="learning_rule_uniq")]

    def __str__(self) -> str:
        return f"{self.category} × {self.count}"


class Attempt(BaseModel):
    """One employee's attempt at a test; answers are accepted only for its own questions and
    only before its deadline."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        TIMED_OUT = "timed_out", _("Time ran out")

    test = models.ForeignKey(Test, verbose_name=_("test"), on_delete=models.PROTECT, related_name="attempts")
    employee = models.ForeignKey("org.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(_("started"))
    deadline_at = models.DateTimeField(_("time limit"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True, db_index=True)
    score = models.PositiveSmallIntegerField(_("score, %"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    language = models.CharField(max_length=5, default="en")

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["test", "employee", "number"], name="learning_attempt_uniq")]

    def __str__(self) -> str:
        return f"{self.test} · {self.employee} · {self.number}"


class AttemptQuestion(models.Model):
    """A question drawn for an attempt, with the order its options were shown in and the answer."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    option_order = models.JSONField(default=list)
    response = models.JSONField(null=True, blank=True)
    is_correct = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="learning_item_uniq")]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position}"


class Certificate(BaseModel):
    """A certificate for a passed test or for attending a training event."""

    number = models.CharField(_("number"), max_length=40, unique=True)
    employee = models.ForeignKey("org.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=300)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, null=True, blank=True)
    issued_on = models.DateField(_("issued on"))
    attempt = models.OneToOneField(Attempt, null=True, blank=True, on_delete=models.PROTECT, related_name="certificate")
    attendance = models.OneToOneField(
        "Attendance", null=True, blank=True, on_delete=models.PROTECT, related_name="certificate"
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "number"]

    def __str__(self) -> str:
        return self.number


class Audience(models.TextChoices):
    ALL = "all", _("All staff")
    UNITS = "units", _("Selected units")
    CORRUPTION_PRONE = "corruption_prone", _("Corruption-prone positions (yearly)")
    NEW_HIRES = "new_hires", _("New hires, within probation")


class Assignment(BaseModel):
    """A test that an audience must pass by a due date (new hires: within their probation;
    corruption-prone positions: every year)."""

    test = models.ForeignKey(Test, verbose_name=_("test"), on_delete=models.PROTECT, related_name="assignments")
    company = models.ForeignKey(
        "org.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for the whole group."),
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience, default=Audience.ALL)
    units = models.ManyToManyField("org.Unit", verbose_name=_("units"), blank=True, related_name="+")
    due_date = models.DateField(_("due"), null=True, blank=True)
    probation_days = models.PositiveSmallIntegerField(
        _("probation, days"), default=90, validators=[MinValueValidator(1)]
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("test assignment")
        verbose_name_plural = _("test assignments")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.test} · {self.get_audience_display()}"


class AssignmentItem(BaseModel):
    """One employee asked to pass the test of an assignment by a date."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="items")
    employee = models.ForeignKey("org.Employee", on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("due"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assignment", "employee"], name="learning_item_employee_uniq")]
        indexes = [models.Index(fields=["completed_at", "due_date"], name="learning_item_due_idx")]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.employee}"


class ExternalCompletion(BaseModel):
    """A completion recorded by an external LMS (an xAPI statement or a row of an imported workbook)."""

    class Source(models.TextChoices):
        XAPI = "xapi", _("xAPI statement")
        IMPORT = "import", _("Imported workbook")

    employee = models.ForeignKey("org.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    activity = models.CharField(_("activity"), max_length=500)
    activity_name = models.CharField(_("course or test"), max_length=300, blank=True)
    completed_on = models.DateField(_("completed on"), db_index=True)
    is_test = models.BooleanField(_("a test"), default=False)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score, %"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source)
    statement_id = models.UUIDField(null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("external completion")
        verbose_name_plural = _("external completions")
        ordering = ["-completed_on"]

    def __str__(self) -> str:
        return f"{self.employee} · {self.activity_name or self.activity}"


# ------------------------------------------------------------------------------------ training events


class TrainingEvent(BaseModel):
    """A classroom or special course held on a date by a trainer organisation."""

    class Kind(models.TextChoices):
        SPECIAL = "special", _("Special course with an external trainer")
        CLASSROOM = "classroom", _("Classroom training")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.SPECIAL)
    title = models.CharField(_("title"), max_length=300)
    trainer_organisation = models.CharField(_("trainer organisation"), max_length=300)
    date = models.DateField(_("date"), db_index=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, validators=[MinValueValidator(0)])
    company = models.ForeignKey("org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+")
    location = models.CharField(_("place"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("training event")
        verbose_name_plural = _("training events")
        ordering = ["-date"]

    def __str__(self) -> str:
        return self.title


class Attendance(BaseModel):
    event = models.ForeignKey(TrainingEvent, on_delete=models.CASCADE, related_name="attendees")
    employee = models.ForeignKey("org.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="+")
    company = models.ForeignKey("org.Company", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [models.UniqueConstraint(fields=["event", "employee"], name="learning_attendance_uniq")]

    def __str__(self) -> str:
        return f"{self.event} · {self.employee}"
