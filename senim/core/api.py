"""API: the current user, indicators, and the audit trail."""

import datetime as dt
import uuid

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from senim.core import indicators, selectors
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
