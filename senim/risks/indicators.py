"""Risks' indicators: plan measures by status and programme measures done on time, counted by the
due date of each period and the date it was completed (the event dates), never by entry dates:
a period due in the year counts as due (and, not done, as open); a period completed in the year
counts as completed whenever it was due; done on time counts by the due date."""

import uuid

from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from senim.core.indicators import register_count
from senim.risks.models import Exercise, Level, MeasureInstance, MeasureStatus, PlanKind, RiskFunction


def _periods(year: int, company_id: uuid.UUID | None) -> QuerySet[MeasureInstance]:
    qs = MeasureInstance.objects.filter(due_date__year=year)
    return qs.filter(measure__plan__company_id=company_id) if company_id else qs


@register_count(code="risks.plan_measures_due", title=_("Plan measures due"), unit=_("measures"), module="risks")
def plan_measures_due(year: int, company_id: uuid.UUID | None) -> QuerySet[MeasureInstance]:
    return _periods(year, company_id).exclude(status=MeasureStatus.CANCELLED)


@register_count(code="risks.plan_measures_done", title=_("Plan measures completed"), unit=_("measures"), module="risks")
def plan_measures_done(year: int, company_id: uuid.UUID | None) -> QuerySet[MeasureInstance]:
    """By the day each period was completed (a completion entered later keeps its day)."""
    qs = MeasureInstance.objects.filter(completed_on__year=year, status=MeasureStatus.DONE)
    return qs.filter(measure__plan__company_id=company_id) if company_id else qs


@register_count(
    code="risks.plan_measures_open", title=_("Plan measures not completed"), unit=_("measures"), module="risks"
)
def plan_measures_open(year: int, company_id: uuid.UUID | None) -> QuerySet[MeasureInstance]:
    return _periods(year, company_id).filter(status__in=[MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS])


@register_count(
    code="risks.programme_done_on_time",
    title=_("Programme measures done on time"),
    unit=_("measures"),
    module="risks",
)
def programme_done_on_time(year: int, company_id: uuid.UUID | None) -> QuerySet[MeasureInstance]:
    return _periods(year, company_id).filter(
        measure__plan__kind=PlanKind.PROGRAMME, status=MeasureStatus.DONE, completed_on__lte=F("due_date")
    )


def _functions(year: int, company_id: uuid.UUID | None) -> QuerySet[RiskFunction]:
    """Functions assessed in the year (by the date of their assessment) in approved exercises."""
    qs = RiskFunction.objects.filter(assessed_on__year=year, exercise__status=Exercise.Status.APPROVED).exclude(
        level=""
    )
    return qs.filter(exercise__company_id=company_id) if company_id else qs


@register_count(
    code="risks.functions_assessed",
    title=_("Functions assessed for corruption risks"),
    unit=_("functions"),
    module="risks",
)
def functions_assessed(year: int, company_id: uuid.UUID | None) -> QuerySet[RiskFunction]:
    return _functions(year, company_id)


@register_count(
    code="risks.units_assessed",
    title=_("Units whose functions were assessed"),
    unit=_("units"),
    module="risks",
    distinct="unit_id",
)
def units_assessed(year: int, company_id: uuid.UUID | None) -> QuerySet[RiskFunction]:
    return _functions(year, company_id)


@register_count(
    code="risks.functions_low", title=_("Functions at low (acceptable) risk"), unit=_("functions"), module="risks"
)
def functions_low(year: int, company_id: uuid.UUID | None) -> QuerySet[RiskFunction]:
    return _functions(year, company_id).filter(level=Level.LOW)


@register_count(code="risks.functions_medium", title=_("Functions at medium risk"), unit=_("functions"), module="risks")
def functions_medium(year: int, company_id: uuid.UUID | None) -> QuerySet[RiskFunction]:
    return _functions(year, company_id).filter(level=Level.MEDIUM)


@register_count(code="risks.functions_high", title=_("Functions at high risk"), unit=_("functions"), module="risks")
def functions_high(year: int, company_id: uuid.UUID | None) -> QuerySet[RiskFunction]:
    return _functions(year, company_id).filter(level=Level.HIGH)


@register_count(
    code="risks.prone_positions",
    title=_("Corruption-prone positions in the approved list"),
    unit=_("positions"),
    module="risks",
    distinct="positions",
)
def prone_positions(year: int, company_id: uuid.UUID | None) -> QuerySet[RiskFunction]:
    """The medium- and high-risk functions of the lists approved in the year; the figure counts
    the distinct positions they name."""
    exercises = Exercise.objects.filter(positions_approved_on__year=year)
    if company_id:
        exercises = exercises.filter(company_id=company_id)
    return RiskFunction.objects.filter(exercise__in=exercises, level__in=[Level.MEDIUM, Level.HIGH]).exclude(
        positions=None
    )
