import datetime as dt
import uuid
from typing import Any

from ninja import Field, Schema

from senim.core.endpoints import BodySchema
from senim.core.patch import PatchSchema
from senim.screening.models import HitStatus, WatchlistKind

KINDS = "^(" + "|".join(WatchlistKind.values) + ")$"
DECISIONS = "^(" + "|".join(s for s in HitStatus.values if s not in {HitStatus.OPEN, HitStatus.REMOVED}) + ")$"
SCHEMATA = "^(Person|Organization|Organisation|Company|LegalEntity|PublicBody|)$"


class WatchlistOut(Schema):
    id: uuid.UUID
    name: str
    kind: str
    source: str
    description: str
    owner_id: uuid.UUID | None
    is_enabled: bool
    current_version_id: uuid.UUID | None


class WatchlistIn(BodySchema):
    name: str = Field(..., min_length=1, max_length=200)
    kind: str = Field(..., pattern=KINDS)
    source: str = Field("", max_length=300)
    description: str = Field("", max_length=5000)


class WatchlistPatch(PatchSchema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: str | None = Field(None, pattern=KINDS)
    source: str | None = Field(None, max_length=300)
    description: str | None = Field(None, max_length=5000)
    is_enabled: bool | None = None


class VersionOut(Schema):
    id: uuid.UUID
    watchlist_id: uuid.UUID
    number: int
    file_name: str
    format: str
    status: str
    entity_count: int
    added: int
    removed: int
    changed: int
    skipped: int
    ignored: int
    problems: list[str]
    error: str
    base_id: uuid.UUID | None
    created_at: dt.datetime
    finished_at: dt.datetime | None


class EntityOut(Schema):
    id: int
    entity_id: str
    schema_: str = Field(..., alias="schema")
    caption: str
    names: list[str]
    identifiers: list[str]
    birth_dates: list[str]
    countries: list[str]
    gender: str
    properties: dict[str, list[str]]


class QueryIn(BodySchema):
    names: list[str] = Field(..., min_length=1, max_length=20)
    schema_: str = Field("Person", alias="schema", pattern=SCHEMATA)
    identifiers: list[str] = Field([], max_length=20)
    birth_dates: list[str] = Field([], max_length=10)
    countries: list[str] = Field([], max_length=10)
    gender: str | None = Field(None, pattern="^(male|female|m|f|)$")
    lists: list[uuid.UUID] | None = Field(None, max_length=100, description="Lists to search; default: all enabled.")


class SearchIn(QueryIn):
    limit: int = Field(20, ge=1, le=100)


class SearchResultOut(Schema):
    watchlist_id: uuid.UUID
    watchlist: str
    entity: EntityOut
    score: float
    explanation: dict[str, Any]


class ScreenIn(QueryIn):
    subject_key: str = Field(
        "", max_length=200, description="Your reference for what is screened; default: derived from the query."
    )
    label: str = Field("", max_length=300)
    company_id: uuid.UUID | None = None


class SubjectOut(Schema):
    id: uuid.UUID
    key: str
    company_id: uuid.UUID | None
    label: str
    schema_: str = Field(..., alias="schema")
    names: list[str]
    identifiers: list[str]
    birth_dates: list[str]
    countries: list[str]
    last_screened_at: dt.datetime | None


class HitOut(Schema):
    id: uuid.UUID
    subject: SubjectOut
    watchlist_id: uuid.UUID
    entity: EntityOut
    entity_key: str
    score: float
    status: str
    comment: str
    decided_by_id: uuid.UUID | None
    decided_at: dt.datetime | None
    decided_on: dt.date | None
    closed_by_version_id: uuid.UUID | None
    previous_id: uuid.UUID | None
    changes: dict[str, Any]
    run_id: uuid.UUID | None
    explanation: dict[str, Any]
    created_at: dt.datetime


class OutcomeOut(Schema):
    subject: SubjectOut
    hits: list[HitOut]


class DecisionIn(BodySchema):
    status: str = Field(..., pattern=DECISIONS)
    comment: str = Field(..., min_length=1, max_length=5000)
    decided_on: dt.date | None = Field(
        None, description="The day of the decision (today if not given; earlier: back-dated)."
    )


class RunOut(Schema):
    id: uuid.UUID
    kind: str
    status: str
    requested_by_id: uuid.UUID | None
    threshold: float
    subject_count: int
    hit_count: int
    skipped: int
    problems: list[str]
    file_name: str
    trigger_id: uuid.UUID | None
    error: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
