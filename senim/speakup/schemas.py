import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from senim.core.endpoints import BodySchema
from senim.speakup.models import Category, Channel, Kind, Measure, Outcome, Status

CATEGORIES = "^(" + "|".join(Category.values) + ")$"
CHANNELS = "^(" + "|".join(c for c in Channel.values if c != Channel.WEB) + ")$"
KINDS = "^(" + "|".join(Kind.values) + ")$"
OUTCOMES = "^(" + "|".join(Outcome.values) + ")$"
MEASURES = "^(" + "|".join(Measure.values) + ")$"
STATUSES = "^(" + "|".join(Status.values) + ")$"


class SpeakupCaseOut(Schema):
    """A case without its content: what lists show."""

    id: uuid.UUID
    reference: str
    external_id: str
    kind: str
    channel: str
    category: str
    company_id: uuid.UUID | None
    status: str
    anonymous: bool
    language: str
    received_at: dt.datetime
    acknowledge_due: dt.date
    feedback_due: dt.date
    acknowledged_at: dt.datetime | None
    feedback_at: dt.datetime | None
    closed_at: dt.datetime | None
    outcome: str
    measures: list[str]
    overdue: list[str]
    assignee_ids: list[uuid.UUID]
    created_at: dt.datetime
    is_backdated: bool

    @staticmethod
    def resolve_overdue(obj: Any) -> list[str]:
        return obj.overdue_kinds()

    @staticmethod
    def resolve_assignee_ids(obj: Any) -> list[uuid.UUID]:
        return [u.pk for u in obj.assignees.all()]


class EntryOut(Schema):
    id: uuid.UUID
    created_at: dt.datetime
    text: str
    author: str = ""
    direction: str = ""


class TaskOut(Schema):
    id: uuid.UUID
    text: str
    due: dt.date | None
    done_at: dt.datetime | None
    assignee: str


class SpeakupCaseDetailOut(SpeakupCaseOut):
    content: dict[str, str]
    reporter: dict[str, str]
    closure: str
    answer: str
    messages: list[EntryOut] = Field(..., alias="messages_out")
    notes: list[EntryOut] = Field(..., alias="notes_out")
    tasks: list[TaskOut] = Field(..., alias="tasks_out")


class SpeakupCaseIn(BodySchema):
    kind: str = Field("report", pattern=KINDS)
    channel: str = Field(..., pattern=CHANNELS)
    category: str = Field(..., pattern=CATEGORIES)
    company_id: uuid.UUID | None = None
    received_on: dt.date
    language: str = Field("ru", pattern="^(ru|kk|en|uz)$")
    content: dict[str, str] = Field(..., description="what, when, where, people, amounts, how_known; or question")
    anonymous: bool = True
    reporter: dict[str, str] = Field(default_factory=dict, description="name, email, phone, other")
    issue_receipt: bool = True


class CaseCreatedOut(Schema):
    case: SpeakupCaseOut
    receipt: str | None = Field(None, description="Shown once: hand it to the reporter. It is not stored.")


class StatusIn(BodySchema):
    status: str = Field(..., pattern=STATUSES)
    acknowledged_on: dt.date | None = Field(
        None, description="When acknowledging: the day receipt was acknowledged, if before today (back-dating)."
    )


class TextIn(BodySchema):
    text: str = Field(..., min_length=1, max_length=20000)


class CloseIn(BodySchema):
    outcome: str = Field(..., pattern=OUTCOMES)
    measures: list[str] = Field(default_factory=list)
    summary: str = Field("", max_length=2000)
    closed_on: dt.date | None = Field(
        None, description="The day it was closed (today if not given; earlier: back-dated)."
    )


class AssignIn(BodySchema):
    user_ids: list[uuid.UUID]


class StatisticsOut(Schema):
    year: int
    total: int
    reports: int
    questions: int
    anonymous: int
    closed: int
    substantiated: int
    answered: int
    open: int
    overdue: int
    median_days_to_acknowledge: float | None
    median_days_to_close: float | None
    by_channel: dict[str, int]
    by_category: dict[str, int]
    by_status: dict[str, int]
    by_outcome: dict[str, int]
    measures: dict[str, int]


class TaskIn(BodySchema):
    title: str = Field(..., min_length=1, max_length=2000)
    due: dt.date
    assignee_id: uuid.UUID | None = None


class LinkIn(BodySchema):
    role: str = Field(..., pattern="^(named|witness|unit|counterparty)$")
    unit_id: uuid.UUID | None = None
    employee_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    counterparty_id: uuid.UUID | None = None


class LinkOut(Schema):
    id: uuid.UUID
    role: str
    unit_id: uuid.UUID | None
    employee_id: uuid.UUID | None
    user_id: uuid.UUID | None
    counterparty_id: uuid.UUID | None
    counterparty_name: str = ""
    counterparty_identifier: str = ""

    @staticmethod
    def resolve_counterparty_name(obj: Any) -> str:
        return str(obj.counterparty) if obj.counterparty_id else ""

    @staticmethod
    def resolve_counterparty_identifier(obj: Any) -> str:
        return obj.counterparty.identifier if obj.counterparty_id else ""


class RewardIn(BodySchema):
    decided_on: dt.date
    amount: Decimal = Field(..., gt=0, max_digits=14, decimal_places=2)
    currency: str = Field("KZT", pattern="^(KZT|UZS|USD|EUR|RUB)$")
    basis: str = Field("", max_length=2000)


class FileOut(Schema):
    id: uuid.UUID
    name: str
    size: int
    kind: str
    from_reporter: bool
    stripped: bool
    created_at: dt.datetime


class SpeakupPosterTagIn(BodySchema):
    company_id: uuid.UUID
    label: str
    code: str = ""


class SpeakupPosterTagOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    code: str
    label: str
    visits: int
    url: str


class SpeakupPosterTextIn(BodySchema):
    headline: str = ""
    body: str = ""
    promise: str = ""


class SpeakupPosterTextOut(Schema):
    company_id: uuid.UUID
    language: str
    headline: str
    body: str
    promise: str
