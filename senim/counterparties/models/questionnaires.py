"""Questionnaires sent to counterparties, their questions, responses and answers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.eventdates import is_backdated
from senim.core.i18n import Localized
from senim.core.models import BaseModel
from senim.counterparties.models.register import Counterparty
from senim.counterparties.models.verification import RedFlag


class Questionnaire(BaseModel):
    """A version of the anti-corruption questionnaire. A published version never changes: edits go
    into a new draft version, so every response keeps the questions it answered."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    title = Localized("title")

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"


class AnswerType(models.TextChoices):
    YES_NO = "yes_no", _("Yes or no")
    CHOICE = "choice", _("Choice")
    TEXT = "text", _("Text")
    DATE = "date", _("Date")
    NUMBER = "number", _("Number")
    FILE = "file", _("File")
    PERSONS = "persons", _("List of persons")


class QuestionSection(models.TextChoices):
    ANTI_CORRUPTION = "anti_corruption", _("Anti-corruption")
    ESG = "esg", _("ESG and human rights")


class Question(BaseModel):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"))
    code = models.SlugField(_("code"), max_length=40)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_uz = models.TextField(_("text (Uzbek)"), blank=True)
    answer_type = models.CharField(_("answer type"), max_length=10, choices=AnswerType)
    # For a choice: [{"value": "...", "ru": "...", "kk": "...", "en": "...", "uz": "..."}, ...]
    choices = models.JSONField(_("choices"), default=list, blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    red_flag = models.ForeignKey(
        RedFlag, verbose_name=_("red flag"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The answer that raises the red flag: "yes" for a yes/no question, a choice value, or "any" (any
    # non-empty answer, e.g. a list of persons).
    flag_answer = models.CharField(_("answer raising the flag"), max_length=60, blank=True)
    # The ESG and human-rights section is optional: asked only of the responses that include it.
    section = models.CharField(
        _("section"), max_length=20, choices=QuestionSection, default=QuestionSection.ANTI_CORRUPTION
    )

    text = Localized("text")

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "order"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "code"], name="cp_question_code_uniq")]

    def __str__(self) -> str:
        return self.code


class QuestionnaireResponse(BaseModel):
    """One counterparty's questionnaire: sent as a personal link (draft, then submitted once) or
    entered by staff from a paper copy with its scan."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        DRAFT = "draft", _("Draft saved")
        SUBMITTED = "submitted", _("Submitted")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="responses")
    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="questionnaires"
    )
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="counterparty_questionnaires"
    )
    # Only the SHA-256 of the personal link's token is kept; the link itself is shown once.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    expires_on = models.DateField(_("link valid until"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SENT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The day the counterparty submitted it (`submitted_at` keeps when it reached Senim): earlier
    # for a paper copy entered later (back-dated, audited). Indicators count by it.
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by staff"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scan_file = models.CharField(max_length=200, blank=True, editable=False)
    scan_name = models.CharField(_("scan of the paper copy"), max_length=200, blank=True)
    includes_esg = models.BooleanField(_("with the ESG and human-rights section"), default=False)

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.counterparty} · v{self.questionnaire.version}"

    def asked(self) -> models.QuerySet[Question]:
        """The questions this response answers: the ESG section only when it was included."""
        questions = self.questionnaire.questions.all()
        return questions if self.includes_esg else questions.exclude(section=QuestionSection.ESG)

    @property
    def is_backdated(self) -> bool:
        """Entered after the day it was submitted (a paper copy entered later)."""
        return is_backdated(self.created_at, self.submitted_on)


class Answer(BaseModel):
    response = models.ForeignKey(QuestionnaireResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.JSONField(_("answer"), null=True, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    stored_file = models.CharField(max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="cp_answer_uniq")]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.value}"
