"""Reads of plans and roadmaps, scoped by the actor's company: out of scope is not found."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from senim.conflicts import selectors as conflicts_selectors
from senim.core.access import SYSTEM, Actor, scope_of
from senim.counterparties import selectors as counterparty_selectors
from senim.org.models import Position, Unit
from senim.risks import policy
from senim.risks.models import Exercise, Level, Measure, MeasureInstance, MeasureStatus, Plan, PlanSection, RiskFunction
from senim.speakup import selectors as speakup_selectors

DUE_SOON_DAYS = 30


def plan_list(*, actor: Actor, year: int | None = None) -> QuerySet[Plan]:
    """Plans of the companies in the actor's scope (everything for SYSTEM, the command line)."""
    qs = Plan.objects.select_related("company")
    qs = qs.filter(scope_of(actor, policy.VIEW_PLANS).q(company="company"))
    if year:
        qs = qs.filter(first_year__lte=year, last_year__gte=year)
    return qs.annotate(measure_count=Count("measures"))


def plan_get(*, actor: Actor, plan_id: uuid.UUID | str) -> Plan:
    """The plan; raises Plan.DoesNotExist when it is not in scope."""
    return plan_list(actor=actor).get(pk=plan_id)


def measure_list(
    *,
    actor: Actor,
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


def measure_get(*, actor: Actor, measure_id: uuid.UUID | str) -> Measure:
    qs = Measure.objects.select_related("plan", "plan__company", "section")
    qs = qs.filter(scope_of(actor, policy.VIEW_PLANS).q(company="plan__company"))
    return qs.get(pk=measure_id)


def instance_get(*, actor: Actor, instance_id: uuid.UUID | str) -> MeasureInstance:
    qs = MeasureInstance.objects.select_related("measure", "measure__plan")
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
    *, actor: Actor, plan: Plan | None = None, today: dt.date | None = None, days: int = DUE_SOON_DAYS
) -> tuple[QuerySet[MeasureInstance], QuerySet[MeasureInstance]]:
    """(overdue, due within `days`) periods of open measures, in the actor's scope."""
    today = today or timezone.localdate()
    qs = MeasureInstance.objects.filter(_open()).select_related("measure", "measure__plan")
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


# --------------------------------------------------------------------------- the risk assessment


def exercise_list(*, actor: Actor) -> QuerySet[Exercise]:
    qs = Exercise.objects.select_related("company")
    qs = qs.filter(scope_of(actor, policy.VIEW_ASSESSMENT).q(company="company"))
    return qs.annotate(function_count=Count("functions"))


def exercise_get(*, actor: Actor, exercise_id: uuid.UUID | str) -> Exercise:
    return exercise_list(actor=actor).get(pk=exercise_id)


def exercise_for_year(*, actor: Actor, year: int, company_id: uuid.UUID | None = None) -> Exercise | None:
    qs = exercise_list(actor=actor).filter(year=year)
    if company_id:
        qs = qs.filter(company_id=company_id)
    return qs.order_by("company__name_ru").first()


def function_list(*, actor: Actor, exercise: Exercise, unit_id: uuid.UUID | None = None) -> QuerySet[RiskFunction]:
    """The exercise's functions the actor may see: all of the company, or those of the actor's units."""
    qs = RiskFunction.objects.filter(exercise=exercise).select_related("unit")
    qs = qs.filter(
        scope_of(actor, policy.VIEW_ASSESSMENT).q(company="exercise__company", unit="unit")
        | scope_of(actor, policy.ASSESS).q(company="exercise__company", unit="unit")
    )
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return qs.prefetch_related("positions")


def function_units(*, actor: Actor, exercise: Exercise) -> list[tuple[Unit, int]]:
    """The units whose functions the actor may see in the exercise, each with how many: the map
    page shows one unit's functions at a time, so a catalogue of thousands stays one page each."""
    counts = dict(
        function_list(actor=actor, exercise=exercise)
        .prefetch_related(None)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(unit, counts[unit.pk]) for unit in Unit.objects.filter(pk__in=counts).order_by("code")]


def function_get(*, actor: Actor, function_id: uuid.UUID | str) -> RiskFunction:
    qs = RiskFunction.objects.select_related("exercise", "exercise__company", "unit")
    qs = qs.filter(
        scope_of(actor, policy.VIEW_ASSESSMENT).q(company="exercise__company", unit="unit")
        | scope_of(actor, policy.ASSESS).q(company="exercise__company", unit="unit")
    )
    return qs.get(pk=function_id)


@dataclass(frozen=True)
class MapRow:
    unit_id: uuid.UUID
    unit: str
    low: int
    medium: int
    high: int
    previous: tuple[int, int, int] | None  # last year's (low, medium, high) for the unit

    @property
    def total(self) -> int:
        return self.low + self.medium + self.high


def _counts(exercise: Exercise) -> dict[uuid.UUID, dict[str, int]]:
    out: dict[uuid.UUID, dict[str, int]] = {}
    rows = (
        RiskFunction.objects.filter(exercise=exercise)
        .exclude(level="")
        .values("unit_id", "level")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for r in rows:
        out.setdefault(r["unit_id"], {})[r["level"]] = r["n"]
    return out


def previous_exercise(exercise: Exercise) -> Exercise | None:
    return Exercise.objects.filter(company_id=exercise.company_id, year__lt=exercise.year).order_by("-year").first()


def risk_map(*, exercise: Exercise) -> list[MapRow]:
    """The Corruption Risk Map: per unit, its functions by level, with last year's beside them."""
    now = _counts(exercise)
    before_exercise = previous_exercise(exercise)
    before = _counts(before_exercise) if before_exercise else {}
    units = Unit.objects.filter(pk__in=set(now) | set(before)).order_by("code")
    rows = []
    for unit in units:
        c = now.get(unit.pk, {})
        p = before.get(unit.pk)
        rows.append(
            MapRow(
                unit_id=unit.pk,
                unit=str(unit),
                low=c.get(Level.LOW, 0),
                medium=c.get(Level.MEDIUM, 0),
                high=c.get(Level.HIGH, 0),
                previous=(p.get(Level.LOW, 0), p.get(Level.MEDIUM, 0), p.get(Level.HIGH, 0)) if p is not None else None,
            )
        )
    return rows


@dataclass(frozen=True)
class Move:
    unit: str
    name: str
    before: str
    after: str


def year_over_year(*, exercise: Exercise) -> list[Move]:
    """Functions whose level moved since last year's exercise (matched by unit and name), compared
    in the database: an exercise may hold thousands of functions and only the moves are read."""
    previous = previous_exercise(exercise)
    if previous is None:
        return []
    before = (
        RiskFunction.objects.filter(exercise=previous, unit_id=OuterRef("unit_id"), name=OuterRef("name"))
        .exclude(level="")
        .values("level")[:1]
    )
    moved = (
        exercise.functions.exclude(level="")
        .annotate(before=Subquery(before))
        .exclude(before__isnull=True)
        .exclude(before=F("level"))
        .select_related("unit")
    )
    return [Move(unit=str(f.unit), name=f.name, before=f.before, after=f.level) for f in moved]


def risky_functions(*, exercise: Exercise) -> QuerySet[RiskFunction]:
    """The exercise's medium and high functions, by unit: the second part of the filed map."""
    return (
        RiskFunction.objects.filter(exercise=exercise, level__in=[Level.MEDIUM, Level.HIGH])
        .select_related("unit")
        .order_by("unit__code", "-level", "name")
    )


def prone_positions(*, exercise: Exercise) -> QuerySet[Position]:
    """Positions performing medium or high functions of the exercise: the proposed list."""
    return (
        Position.objects.filter(
            pk__in=RiskFunction.objects.filter(exercise=exercise, level__in=[Level.MEDIUM, Level.HIGH]).values(
                "positions"
            )
        )
        .select_related("unit")
        .order_by("code")
    )


@dataclass(frozen=True)
class UnitSignals:
    """What Senim's own records say about a unit over the period reviewed: shown beside the
    assessment, never applied to it."""

    reports: int = 0
    substantiated: int = 0
    gifts: int = 0
    conflicts: int = 0
    high_risk_contracts: int = 0
    contracts_without_clause: int = 0

    @property
    def any(self) -> bool:
        return bool(
            self.reports or self.gifts or self.conflicts or self.high_risk_contracts or self.contracts_without_clause
        )


def unit_signals(*, exercise: Exercise) -> dict[uuid.UUID, UnitSignals]:
    """Per unit of the exercise: Speak Up reports naming it (and how many were substantiated), gifts
    declared by its staff, declarations disclosing a conflict, contracts it concluded with high-risk
    counterparties or without the anti-corruption clause — over the year before the exercise."""
    unit_ids = set(
        RiskFunction.objects.filter(exercise=exercise).order_by().values_list("unit_id", flat=True).distinct()
    )
    since, until = dt.date(exercise.year - 1, 1, 1), dt.date(exercise.year - 1, 12, 31)
    # Counts only, shown beside the assessment to whoever may open it: read as the system.
    cases = speakup_selectors.unit_case_counts(actor=SYSTEM, unit_ids=unit_ids, since=since, until=until)
    staff = conflicts_selectors.unit_signal_counts(unit_ids=unit_ids, since=since, until=until)
    contracts = counterparty_selectors.contract_unit_signal_counts(unit_ids=unit_ids, since=since, until=until)
    return {
        uid: UnitSignals(
            reports=cases.get(uid, (0, 0))[0],
            substantiated=cases.get(uid, (0, 0))[1],
            gifts=staff.get(uid, (0, 0))[0],
            conflicts=staff.get(uid, (0, 0))[1],
            high_risk_contracts=contracts.get(uid, (0, 0))[0],
            contracts_without_clause=contracts.get(uid, (0, 0))[1],
        )
        for uid in unit_ids
    }


def functions_to_assess(*, actor: Actor) -> QuerySet[RiskFunction]:
    """Functions of open assessments that wait for the actor's units to assess them (not assessed
    yet, or returned by compliance): a unit head's way in, since the assessment's own pages cover
    every unit of the company."""
    scope = scope_of(actor, policy.ASSESS)
    if scope.is_empty:
        return RiskFunction.objects.none()
    return (
        RiskFunction.objects.filter(scope.q(company="exercise__company", unit="unit"))
        .filter(
            status__in=[RiskFunction.Status.DRAFT, RiskFunction.Status.RETURNED],
            exercise__status=Exercise.Status.OPEN,
        )
        .select_related("exercise", "exercise__company", "unit")
        .order_by("-exercise__year", "unit__code", "name")
    )


def functions_awaiting_review(*, actor: Actor) -> QuerySet[RiskFunction]:
    """Assessed functions waiting for compliance's review in the actor's scope, oldest first."""
    scope = scope_of(actor, policy.REVIEW_ASSESSMENT)
    if scope.is_empty:
        return RiskFunction.objects.none()
    return (
        RiskFunction.objects.filter(scope.q(company="exercise__company", unit="unit"))
        .filter(status=RiskFunction.Status.SUBMITTED)
        .select_related("exercise", "unit")
        .order_by("updated_at")
    )


def exercises_awaiting_approval(*, actor: Actor) -> QuerySet[Exercise]:
    """Open exercises whose every function is assessed and accepted, in the actor's scope for the
    head's approval, oldest first."""
    scope = scope_of(actor, policy.APPROVE_ASSESSMENT)
    if scope.is_empty:
        return Exercise.objects.none()
    not_accepted = RiskFunction.objects.filter(exercise=OuterRef("pk")).exclude(status=RiskFunction.Status.ACCEPTED)
    return (
        Exercise.objects.filter(scope.q(company="company"), status=Exercise.Status.OPEN)
        .filter(Exists(RiskFunction.objects.filter(exercise=OuterRef("pk"))), ~Exists(not_accepted))
        .select_related("company")
        .order_by("updated_at")
    )


@dataclass(frozen=True)
class MatrixCell:
    likelihood: int
    impact: int
    level: str
    count: int
    previous: int | None = None  # last year's count, when last year used the same grid


@dataclass(frozen=True)
class RiskMatrix:
    """The likelihood × impact grid of a matrix-method exercise: functions per cell, each cell's
    band. `rows` run from the most likely down, as heat maps are drawn."""

    likelihood_labels: list[str]
    impact_labels: list[str]
    residual: bool
    rows: list[list[MatrixCell]]

    @property
    def total(self) -> int:
        return sum(cell.count for row in self.rows for cell in row)


def _matrix_counts(exercise: Exercise, residual: bool) -> dict[tuple[int, int], int]:
    fields = ("residual_likelihood", "residual_impact") if residual else ("likelihood", "impact")
    return {
        (r[fields[0]], r[fields[1]]): r["n"]
        for r in RiskFunction.objects.filter(exercise=exercise, **{f"{fields[0]}__isnull": False})
        .values(*fields)
        .annotate(n=Count("pk"))
        .order_by()
    }


def risk_matrix(*, exercise: Exercise, residual: bool = True) -> RiskMatrix | None:
    """The heat map of the exercise (residual ratings, or inherent), each cell with last year's count
    when last year's exercise used a grid of the same size; None in the three-level method."""
    if not exercise.is_matrix:
        return None
    counts = _matrix_counts(exercise, residual)
    likelihood, impact = exercise.likelihood_labels, exercise.impact_labels
    before = previous_exercise(exercise)
    same_grid = (
        before is not None
        and before.is_matrix
        and (len(before.likelihood_labels), len(before.impact_labels)) == (len(likelihood), len(impact))
    )
    previous = _matrix_counts(before, residual) if same_grid and before is not None else None
    rows = [
        [
            MatrixCell(
                lk,
                im,
                exercise.band(lk, im),
                counts.get((lk, im), 0),
                previous.get((lk, im), 0) if previous is not None else None,
            )
            for im in range(1, len(impact) + 1)
        ]
        for lk in range(len(likelihood), 0, -1)
    ]
    return RiskMatrix(likelihood, impact, residual, rows)


def risk_matrices(*, exercise: Exercise) -> list[RiskMatrix]:
    """The inherent and the residual heat maps of a matrix-method exercise (none otherwise)."""
    grids = [risk_matrix(exercise=exercise, residual=residual) for residual in (False, True)]
    return [grid for grid in grids if grid is not None]
