"""Reads of plans and roadmaps, scoped by the actor's company: out of scope is not found."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from senim.core.access import Actor, scope_of
from senim.risks import policy
from senim.risks.models import Measure, MeasureInstance, MeasureStatus, Plan, PlanSection

DUE_SOON_DAYS = 30


def plan_list(*, actor: Actor | None, year: int | None = None) -> QuerySet[Plan]:
    """Plans of the companies in the actor's scope (None: the command line, everything)."""
    qs = Plan.objects.select_related("company")
    if actor is not None:
        qs = qs.filter(scope_of(actor, policy.VIEW_PLANS).q(company="company"))
    if year:
        qs = qs.filter(first_year__lte=year, last_year__gte=year)
    return qs.annotate(measure_count=Count("measures"))


def plan_get(*, actor: Actor | None, plan_id: uuid.UUID | str) -> Plan:
    """The plan; raises Plan.DoesNotExist when it is not in scope."""
    return plan_list(actor=actor).get(pk=plan_id)


def measure_list(
    *,
    actor: Actor | None,
    plan: Plan,
    unit: str = "",
    status: str = "",
    needs_deadline: bool = False,
) -> QuerySet[Measure]:
    plan_get(actor=actor, plan_id=plan.pk)
    qs = Measure.objects.filter(plan=plan).select_related("section", "section__parent")
    if unit:
        qs = qs.filter(units_text=unit)
    if status:
        qs = qs.filter(status=status)
    if needs_deadline:
        qs = qs.filter(deadline_kind="unset")
    return qs.prefetch_related(Prefetch("instances", queryset=MeasureInstance.objects.order_by("due_date")))


def measure_get(*, actor: Actor | None, measure_id: uuid.UUID | str) -> Measure:
    qs = Measure.objects.select_related("plan", "plan__company", "section")
    if actor is not None:
        qs = qs.filter(scope_of(actor, policy.VIEW_PLANS).q(company="plan__company"))
    return qs.get(pk=measure_id)


def instance_get(*, actor: Actor | None, instance_id: uuid.UUID | str) -> MeasureInstance:
    qs = MeasureInstance.objects.select_related("measure", "measure__plan")
    if actor is not None:
        qs = qs.filter(scope_of(actor, policy.VIEW_PLANS).q(company="measure__plan__company"))
    return qs.get(pk=instance_id)


def section_tree(*, plan: Plan) -> list[PlanSection]:
    return list(PlanSection.objects.filter(plan=plan).select_related("parent"))


def unit_names(*, plan: Plan) -> list[str]:
    """The responsible units as the plan names them, one entry per distinct wording."""
    names = Measure.objects.filter(plan=plan).exclude(units_text="").values_list("units_text", flat=True)
    return sorted(set(names))


def _open() -> Q:
    return ~Q(status__in=[MeasureStatus.DONE, MeasureStatus.CANCELLED])


def instance_attention(
    *, actor: Actor | None, plan: Plan | None = None, today: dt.date | None = None, days: int = DUE_SOON_DAYS
) -> tuple[QuerySet[MeasureInstance], QuerySet[MeasureInstance]]:
    """(overdue, due within `days`) periods of open measures, in the actor's scope."""
    today = today or timezone.localdate()
    qs = MeasureInstance.objects.filter(_open()).select_related("measure", "measure__plan")
    if actor is not None:
        qs = qs.filter(scope_of(actor, policy.VIEW_PLANS).q(company="measure__plan__company"))
    if plan is not None:
        qs = qs.filter(measure__plan=plan)
    overdue = qs.filter(due_date__lt=today).order_by("due_date")
    soon = qs.filter(due_date__gte=today, due_date__lte=today + dt.timedelta(days=days)).order_by("due_date")
    return overdue, soon


@dataclass(frozen=True)
class RollUp:
    year: int
    on_time: int
    late: int
    overdue: int
    in_progress: int
    not_started: int

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.overdue + self.in_progress + self.not_started


def plan_rollup(*, plan: Plan, today: dt.date | None = None) -> list[RollUp]:
    """Per year of the plan: periods done on time, done late, overdue, in progress, not started
    (by their due dates and the dates they were completed)."""
    today = today or timezone.localdate()
    done = Q(status=MeasureStatus.DONE)
    rows = (
        MeasureInstance.objects.filter(measure__plan=plan)
        .exclude(status=MeasureStatus.CANCELLED)
        .values("due_date__year")
        .annotate(
            on_time=Count("pk", filter=done & Q(completed_on__lte=F("due_date"))),
            late=Count("pk", filter=done & Q(completed_on__gt=F("due_date"))),
            overdue=Count("pk", filter=~done & Q(due_date__lt=today)),
            in_progress=Count("pk", filter=Q(status=MeasureStatus.IN_PROGRESS, due_date__gte=today)),
            not_started=Count("pk", filter=Q(status=MeasureStatus.NOT_STARTED, due_date__gte=today)),
        )
        .order_by("due_date__year")
    )
    return [
        RollUp(r["due_date__year"], r["on_time"], r["late"], r["overdue"], r["in_progress"], r["not_started"])
        for r in rows
    ]
