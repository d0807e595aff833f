"""Reads of the audit trail, limited to the actor's companies; the date-range filter every list shares."""

import datetime as dt
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from senim.core.access import Actor, scope_of
from senim.core.audit_sensitive import sensitive_filter
from senim.core.models import AuditEvent
from senim.core.policy import VIEW_AUDIT

M = TypeVar("M", bound=Model)


def audit_event_list(
    *,
    actor: Actor,
    actor_query: str = "",
    event_type: str = "",
    object_query: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    """Events the actor may read, newest first. Company-scoped readers see events about their
    companies; only group-wide readers see events that belong to no company. An event about a
    sensitive object (a Speak Up case, a declaration, see core.audit_sensitive) is shown only to
    those who may read that object."""
    scope = scope_of(actor, VIEW_AUDIT)
    if scope.is_empty:
        return AuditEvent.objects.none()
    qs = AuditEvent.objects.filter(scope.q(company="company_id")).filter(sensitive_filter(actor))
    filters: dict[str, Any] = {}
    if actor_query:
        filters["actor_label__icontains"] = actor_query
    if event_type:
        filters["event_type__startswith"] = event_type
    if object_query:
        filters["object_repr__icontains"] = object_query
    if start:
        filters["occurred_at__date__gte"] = start
    if end:
        filters["occurred_at__date__lte"] = end
    return qs.filter(**filters).order_by("-seq")


def audit_event_types() -> list[str]:
    return list(AuditEvent.objects.order_by("event_type").values_list("event_type", flat=True).distinct())


def within(qs: QuerySet[M], field: str, since: dt.date | None = None, until: dt.date | None = None) -> QuerySet[M]:
    """`qs` limited to the records whose date `field` lies from `since` to `until` (inclusive;
    None: open); what the date-range filters of every list use."""
    if since is not None:
        qs = qs.filter(**{f"{field}__gte": since})
    if until is not None:
        qs = qs.filter(**{f"{field}__lte": until})
    return qs
