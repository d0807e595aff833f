"""Input and output schemas of the conflicts API."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from senim.conflicts.models import GiftKind, MeasureKind, Outcome, PartyKind, Population, Section
from senim.core.endpoints import BodySchema


def _choice(values: list[str]) -> str:
    return "^(" + "|".join(values) + ")$"


class ItemIn(BodySchema):
    section: str = Field(..., pattern=_choice(Section.values))
    person_name: str = Field("", max_length=300)
    relation: str = Field("", max_length=10)
    person_identifier: str = Field("", max_length=20)
    workplace: str = Field("", max_length=300)
    holder: str = Field("", max_length=10)
    organisation: str = Field("", max_length=300)
    organisation_identifier: str = Field("", max_length=20)
    share: Decimal | None = Field(None, ge=0, le=100, max_digits=6, decimal_places=2)
    role: str = Field("", max_length=200)
    description: str = Field("", max_length=5000)


class ItemOut(ItemIn):
    pass


class DeclarationIn(BodySchema):
    form_type: str = Field(..., pattern="^(a|b)$")
    items: list[ItemIn] = Field(default_factory=list, max_length=100)
    nothing_to_declare: bool = False
    circumstances: str = Field("", max_length=5000)
    supersedes_id: uuid.UUID | None = None


class MeasureOut(Schema):
    id: uuid.UUID
    declaration_id: uuid.UUID
    kind: str
    subject: str
    description: str
    owner_id: uuid.UUID
    deadline: dt.date
    done_at: dt.datetime | None
    done_note: str


class DeclarationOut(Schema):
    id: uuid.UUID
    external_id: str
    employee_id: uuid.UUID
    company_id: uuid.UUID
    unit_id: uuid.UUID | None
    form_type: str
    form_version_id: uuid.UUID
    campaign_id: uuid.UUID | None
    number: int
    supersedes_id: uuid.UUID | None
    status: str
    nothing_to_declare: bool
    circumstances: str
    source: str
    is_late: bool
    submitted_at: dt.datetime
    outcome: str
    review_comment: str
    reviewed_at: dt.datetime | None
    settled_at: dt.datetime | None


class DeclarationDetailOut(DeclarationOut):
    items: list[ItemOut]
    measures: list[MeasureOut]

    @staticmethod
    def resolve_items(obj: Any) -> list[Any]:
        return list(obj.items.all())

    @staticmethod
    def resolve_measures(obj: Any) -> list[Any]:
        return list(obj.measures.all())


class ReviewIn(BodySchema):
    outcome: str = Field(..., pattern=_choice(Outcome.values))
    comment: str = Field("", max_length=5000)


class MeasureIn(BodySchema):
    kind: str = Field(..., pattern=_choice(MeasureKind.values))
    subject: str = Field("", max_length=300)
    description: str = Field(..., min_length=1, max_length=5000)
    owner_id: uuid.UUID
    deadline: dt.date


class NoteIn(BodySchema):
    note: str = Field(..., min_length=1, max_length=5000)


class CampaignIn(BodySchema):
    title: str = Field(..., min_length=1, max_length=200)
    population: str = Field("all", pattern=_choice(Population.values))
    company_id: uuid.UUID | None = None
    unit_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)
    deadline: dt.date
    late_policy: str = Field("mark", pattern="^(refuse|mark)$")
    hire_window_days: int = Field(30, ge=1, le=365)


class CampaignOut(Schema):
    id: uuid.UUID
    title: str
    company_id: uuid.UUID | None
    population: str
    deadline: dt.date
    late_policy: str
    status: str
    launched_at: dt.datetime | None
    asked: int = 0
    answered: int = 0


class UnitProgressOut(Schema):
    unit_id: uuid.UUID | None
    unit_name: str
    asked: int
    answered: int
    late: int


class AlertOut(Schema):
    id: uuid.UUID
    kind: str
    employee_id: uuid.UUID
    company_id: uuid.UUID
    disclosed: bool
    score: float
    matched_with: str
    counterparty_id: uuid.UUID | None
    status: str
    evidence: dict[str, Any]
    last_seen_at: dt.datetime
    comment: str


class AlertDecisionIn(BodySchema):
    status: str = Field(..., pattern="^(confirmed|dismissed)$")
    comment: str = Field(..., min_length=1, max_length=5000)


class DetectionRunOut(Schema):
    id: uuid.UUID
    status: str
    total: int
    processed: int
    links_found: int
    alerts_raised: int
    error: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    automatic: bool  # queued by a data change (conflicts.autodetect), not by a person

    @staticmethod
    def resolve_automatic(obj: Any) -> bool:
        return obj.requested_by_id is None


class GiftIn(BodySchema):
    kind: str = Field(..., pattern=_choice(GiftKind.values))
    is_hospitality: bool = False
    party_kind: str = Field(..., pattern=_choice(PartyKind.values))
    party_name: str = Field(..., min_length=1, max_length=300)
    party_organisation: str = Field("", max_length=300)
    occasion: str = Field(..., min_length=1, max_length=300)
    description: str = Field(..., min_length=1, max_length=5000)
    value: Decimal = Field(..., max_digits=14, decimal_places=2)
    currency: str = Field(..., min_length=3, max_length=3)
    date: dt.date


class GiftOut(Schema):
    id: uuid.UUID
    external_id: str
    employee_id: uuid.UUID
    company_id: uuid.UUID
    kind: str
    is_hospitality: bool
    party_kind: str
    party_name: str
    party_organisation: str
    occasion: str
    description: str
    value: Decimal
    currency: str
    date: dt.date
    status: str
    threshold_note: str
    decision_comment: str
    handed_over_at: dt.date | None
    handed_over_to: str
    decided_at: dt.datetime | None


class GiftDecisionIn(BodySchema):
    approve: bool
    comment: str = Field("", max_length=5000)
    decided_on: dt.date | None = Field(
        None, description="The day it was decided, if before today (back-dating: officers and administrators)."
    )


class HandOverIn(BodySchema):
    date: dt.date
    received_by: str = Field(..., min_length=1, max_length=300)
    storage: str = Field("", max_length=300)


class ThresholdIn(BodySchema):
    country: str = Field(..., pattern="^(KZ|UZ|kz|uz)$")
    year: int = Field(..., ge=2000, le=2100)
    unit_value: Decimal = Field(..., gt=0, max_digits=12, decimal_places=2)
    units: Decimal = Field(..., gt=0, max_digits=8, decimal_places=2)


class ThresholdOut(Schema):
    country: str
    year: int
    unit: str
    unit_value: Decimal
    currency: str
    units: Decimal
    amount: Decimal
