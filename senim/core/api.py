"""API: the current user, indicators, and the audit trail."""

import datetime as dt
import uuid

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from senim.core import baselines, indicators, selectors
from senim.core.access import ActorRequest, PermissionDenied, require
from senim.core.pagination import Pagination
from senim.core.policy import VIEW_AUDIT, VIEW_INDICATORS

router = Router(tags=["core"])


class IndicatorOut(Schema):
    code: str
    title: str
    unit: str
    value: float | int | None
    previous: float | int | None
    module: str
    value_entered: bool = Field(
        False, description="The value is a baseline figure entered by an officer, not computed."
    )
    value_source: str | None = Field(None, description="Where an entered value comes from.")
    previous_entered: bool = False
    previous_source: str | None = None


class IndicatorQuery(Schema):
    year: int = Field(default_factory=lambda: timezone.localdate().year, ge=2000, le=2100)
    company: uuid.UUID | None = None


@router.get("/indicators", response=list[IndicatorOut], summary="Indicator values for a year and the one before")
def indicator_values(request: ActorRequest, filters: Query[IndicatorQuery]) -> list[dict]:
    scope = require(request.user, VIEW_INDICATORS)
    if filters.company is None and not scope.everything:
        raise PermissionDenied(VIEW_INDICATORS)
    if filters.company is not None:
        require(request.user, VIEW_INDICATORS, company_id=filters.company)
    values = indicators.compute_values(year=filters.year, company_id=filters.company)
    return [v.as_dict() for v in values]


class BaselineOut(Schema):
    id: uuid.UUID
    code: str
    year: int
    company_id: uuid.UUID | None
    value: float
    source: str
    created_at: dt.datetime
    updated_at: dt.datetime


class BaselineIn(Schema):
    code: str = Field(..., max_length=60, description="The indicator's code, as listed by GET /indicators.")
    year: int
    company_id: uuid.UUID | None = Field(None, description="Omit for a figure of the whole group.")
    value: float = Field(..., ge=0)
    source: str = Field(..., max_length=300, description="Where the figure comes from: “annual report 2024, p. 57”.")


class BaselineQuery(Schema):
    year: int | None = None
    code: str = Field("", max_length=60)


@router.get("/indicators/baselines", response=list[BaselineOut], summary="Baseline figures entered for past years")
def baseline_list(request: ActorRequest, filters: Query[BaselineQuery]):  # type: ignore[no-untyped-def]
    return list(baselines.baseline_list(actor=request.user, year=filters.year, code=filters.code))


@router.put(
    "/indicators/baselines",
    response={200: BaselineOut, 201: BaselineOut},
    summary="Enter (or replace) an indicator's figure for a year before Senim held records",
)
def baseline_set(request: ActorRequest, payload: BaselineIn):  # type: ignore[no-untyped-def]
    if payload.company_id is not None and payload.company_id not in dict(indicators.company_choices(request.user)):
        raise Http404
    figure, created = baselines.baseline_set(
        actor=request.user,
        code=payload.code,
        year=payload.year,
        value=str(payload.value),
        source=payload.source,
        company_id=payload.company_id,
    )
    return Status(201 if created else 200, figure)


@router.delete("/indicators/baselines/{baseline_id}", response={204: None}, summary="Remove a baseline figure")
def baseline_delete(request: ActorRequest, baseline_id: uuid.UUID):  # type: ignore[no-untyped-def]
    figure = baselines.baseline_get(actor=request.user, baseline_id=baseline_id)
    baselines.baseline_delete(actor=request.user, figure=figure)
    return Status(204, None)


class AuditEventOut(Schema):
    seq: int
    occurred_at: dt.datetime
    actor_label: str
    event_type: str
    object_type: str
    object_id: str
    object_repr: str
    changes: dict
    hash: str


class AuditQuery(Schema):
    actor: str = Field("", max_length=100)
    event_type: str = Field("", max_length=100)
    object: str = Field("", max_length=100)
    start: dt.date | None = None
    end: dt.date | None = None


@router.get("/audit-events", response=list[AuditEventOut], summary="Audit events, newest first")
@paginate(Pagination, page_size=50)
def audit_events(request: ActorRequest, filters: Query[AuditQuery]):  # type: ignore[no-untyped-def]
    require(request.user, VIEW_AUDIT)
    return selectors.audit_event_list(
        actor=request.user,
        actor_query=filters.actor,
        event_type=filters.event_type,
        object_query=filters.object,
        start=filters.start,
        end=filters.end,
    )
