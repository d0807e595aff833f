"""Input and output schemas of the learning API."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from senim.core.endpoints import BodySchema


class ArticleOut(Schema):
    id: uuid.UUID
    kind: str
    title: str
    category: str | None = None
    published_on: dt.date | None
    html: str = ""


class ArticleQuery(Schema):
    q: str = Field("", max_length=200)
    kind: str = Field("", max_length=10)
    category: uuid.UUID | None = None


class ArticleIn(Schema):
    kind: str = "article"
    category_id: uuid.UUID | None = None
    title_ru: str = Field("", max_length=300)
    title_kk: str = Field("", max_length=300)
    title_en: str = Field("", max_length=300)
    title_uz: str = Field("", max_length=300)
    body_ru: str = Field("", max_length=200_000)
    body_kk: str = Field("", max_length=200_000)
    body_en: str = Field("", max_length=200_000)
    body_uz: str = Field("", max_length=200_000)
    document_title: str = Field("", max_length=300)
    document_reference: str = Field("", max_length=300)
    is_published: bool = True


class MyTestOut(Schema):
    test_id: uuid.UUID
    title: str
    due_date: dt.date | None
    attempts: int
    attempts_left: int | None
    score: int | None
    passed: bool | None


class OptionOut(Schema):
    id: str
    text: str
    match: str = ""


class QuestionOut(Schema):
    id: uuid.UUID
    type: str
    text: str
    options: list[OptionOut]
    left: list[OptionOut] = []


class AttemptOut(Schema):
    id: uuid.UUID
    test_id: uuid.UUID
    number: int
    status: str
    started_at: dt.datetime
    deadline_at: dt.datetime | None
    finished_at: dt.datetime | None
    score: int | None
    passed: bool | None
    questions: list[QuestionOut] = []


class AnswersIn(Schema):
    answers: dict[str, Any] = Field(..., description="Answer by question id; see docs/learning.md")


class CertificateOut(Schema):
    id: uuid.UUID
    number: str
    title: str
    issued_on: dt.date
    hours: Decimal | None


class ResultOut(Schema):
    id: uuid.UUID
    test_id: uuid.UUID
    test: str
    employee_id: uuid.UUID
    employee: str
    unit_id: uuid.UUID | None
    number: int
    finished_at: dt.datetime | None
    score: int | None
    passed: bool | None

    @staticmethod
    def resolve_test(obj: Any) -> str:
        return str(obj.test)

    @staticmethod
    def resolve_employee(obj: Any) -> str:
        return str(obj.employee)


class YearQuery(Schema):
    year: int = Field(..., ge=2000, le=2100)


class UnitShareOut(Schema):
    unit_id: uuid.UUID
    unit: str
    staff: int
    trained: int
    share: int
    band: int


class EventIn(Schema):
    kind: str = "special"
    title: str = Field(..., max_length=300)
    trainer_organisation: str = Field(..., max_length=300)
    date: dt.date
    hours: Decimal = Field(..., ge=0, le=10000)
    company_id: uuid.UUID
    location: str = Field("", max_length=300)


class EventOut(Schema):
    id: uuid.UUID
    kind: str
    title: str
    trainer_organisation: str
    date: dt.date
    hours: Decimal
    company_id: uuid.UUID
    attendee_count: int = 0


class AttendeesIn(Schema):
    personnel_numbers: list[str] = Field(..., max_length=10_000)


class CountOut(Schema):
    added: int


class CompletionOut(Schema):
    id: uuid.UUID
    employee_id: uuid.UUID
    activity: str
    completed_on: dt.date
    passed: bool | None
    score: int | None


# ------------------------------------------------------------------------------------ building courses


class LearningCourseIn(BodySchema):
    title_ru: str = Field("", max_length=300)
    title_kk: str = Field("", max_length=300)
    title_en: str = Field("", max_length=300)
    title_uz: str = Field("", max_length=300)
    summary_ru: str = Field("", max_length=5000)
    summary_kk: str = Field("", max_length=5000)
    summary_en: str = Field("", max_length=5000)
    summary_uz: str = Field("", max_length=5000)
    is_active: bool = True


class LearningCoursePatchIn(BodySchema):
    title_ru: str | None = Field(None, max_length=300)
    title_kk: str | None = Field(None, max_length=300)
    title_en: str | None = Field(None, max_length=300)
    title_uz: str | None = Field(None, max_length=300)
    summary_ru: str | None = Field(None, max_length=5000)
    summary_kk: str | None = Field(None, max_length=5000)
    summary_en: str | None = Field(None, max_length=5000)
    summary_uz: str | None = Field(None, max_length=5000)
    is_active: bool | None = None


class LearningPageIn(BodySchema):
    """A course page; its texts are Markdown, sanitised when shown."""

    order: int = Field(0, ge=0, le=32767)
    title_ru: str = Field("", max_length=300)
    title_kk: str = Field("", max_length=300)
    title_en: str = Field("", max_length=300)
    title_uz: str = Field("", max_length=300)
    body_ru: str = Field("", max_length=200_000)
    body_kk: str = Field("", max_length=200_000)
    body_en: str = Field("", max_length=200_000)
    body_uz: str = Field("", max_length=200_000)


class LearningPagePatchIn(BodySchema):
    order: int | None = Field(None, ge=0, le=32767)
    title_ru: str | None = Field(None, max_length=300)
    title_kk: str | None = Field(None, max_length=300)
    title_en: str | None = Field(None, max_length=300)
    title_uz: str | None = Field(None, max_length=300)
    body_ru: str | None = Field(None, max_length=200_000)
    body_kk: str | None = Field(None, max_length=200_000)
    body_en: str | None = Field(None, max_length=200_000)
    body_uz: str | None = Field(None, max_length=200_000)


class LearningAttachmentOut(Schema):
    id: uuid.UUID
    name: str
    size: int


class LearningPageOut(Schema):
    id: uuid.UUID
    course_id: uuid.UUID
    order: int
    title: str
    html: str
    attachments: list[LearningAttachmentOut]


class LearningCourseOut(Schema):
    id: uuid.UUID
    title: str
    summary: str
    is_active: bool
    pages: list[LearningPageOut] = []


class LearningChoiceIn(BodySchema):
    """An option (single/multiple choice), a pair (matching: text and match) or an accepted answer
    (short answer)."""

    text_ru: str = Field("", max_length=500)
    text_kk: str = Field("", max_length=500)
    text_en: str = Field("", max_length=500)
    text_uz: str = Field("", max_length=500)
    match_ru: str = Field("", max_length=500)
    match_kk: str = Field("", max_length=500)
    match_en: str = Field("", max_length=500)
    match_uz: str = Field("", max_length=500)
    is_correct: bool = False


class LearningQuestionIn(BodySchema):
    category: str = Field(..., min_length=1, max_length=200)
    type: str = Field(..., pattern="^(single|multiple|truefalse|matching|short)$")
    name: str = Field("", max_length=200)
    text_ru: str = Field("", max_length=10_000)
    text_kk: str = Field("", max_length=10_000)
    text_en: str = Field("", max_length=10_000)
    text_uz: str = Field("", max_length=10_000)
    answer_true: bool | None = None
    choices: list[LearningChoiceIn] = Field(default_factory=list, max_length=50)


class LearningQuestionPatchIn(BodySchema):
    name: str | None = Field(None, max_length=200)
    text_ru: str | None = Field(None, max_length=10_000)
    text_kk: str | None = Field(None, max_length=10_000)
    text_en: str | None = Field(None, max_length=10_000)
    text_uz: str | None = Field(None, max_length=10_000)
    is_active: bool | None = None
    answer_true: bool | None = None
    choices: list[LearningChoiceIn] | None = Field(None, max_length=50)


class LearningQuestionOut(Schema):
    id: uuid.UUID
    bank_id: uuid.UUID
    category: str
    type: str
    name: str
    text: str
    is_active: bool
    answer_true: bool | None
    choices: list[OptionOut]
