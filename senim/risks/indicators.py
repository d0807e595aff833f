"""Risks' indicators: plan measures by status and programme measures done on time, counted by the
due date of each period and the date it was completed (the event dates), never by entry dates."""

import uuid

from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from senim.core.indicators import register
from senim.risks.models import MeasureInstance, MeasureStatus, PlanKind


def _periods(year: int, company_id: uuid.UUID | None) -> QuerySet[MeasureInstance]:
    qs = MeasureInstance.objects.filter(due_date__year=year)
    return qs.filter(measure__plan__company_id=company_id) if company_id else qs


@register(code="risks.plan_measures_due", title=_("Plan measures due"), unit=_("measures"), module="risks")
def plan_measures_due(year: int, company_id: uuid.UUID | None) -> int:
    return _periods(year, company_id).exclude(status=MeasureStatus.CANCELLED).count()


@register(code="risks.plan_measures_done", title=_("Plan measures completed"), unit=_("measures"), module="risks")
def plan_measures_done(year: int, company_id: uuid.UUID | None) -> int:
    return _periods(year, company_id).filter(status=MeasureStatus.DONE).count()


@register(code="risks.plan_measures_open", title=_("Plan measures not completed"), unit=_("measures"), module="risks")
def plan_measures_open(year: int, company_id: uuid.UUID | None) -> int:
    return _periods(year, company_id).filter(status__in=[MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS]).count()


@register(
    code="risks.programme_done_on_time",
    title=_("Programme measures done on time"),
    unit=_("measures"),
    module="risks",
)
def programme_done_on_time(year: int, company_id: uuid.UUID | None) -> int:
    return (
        _periods(year, company_id)
        .filter(measure__plan__kind=PlanKind.PROGRAMME, status=MeasureStatus.DONE, completed_on__lte=F("due_date"))
        .count()
    )
