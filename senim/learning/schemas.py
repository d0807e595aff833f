"""Input and output schemas of the learning API."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from ninja import Field, Schema


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
