"""API of risk assessments, plans and roadmaps under /api/v1/risks/ (the same services and selectors as
the pages)."""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import File, Router, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from senim.core.access import ActorRequest
from senim.core.endpoints import import_report, require
from senim.core.pagination import Pagination
from senim.org import selectors as org_selectors
from senim.risks import policy, selectors, services
from senim.risks.importing import catalogue
from senim.risks.schemas import (
    DeadlineIn,
    PeriodOut,
    PlanOut,
    ReportIn,
    RiskMeasureOut,
    RisksApproveIn,
    RisksAssessIn,
    RisksExerciseIn,
    RisksExerciseOut,
    RisksFunctionIn,
    RisksFunctionOut,
    RisksMapRowOut,
    RisksMatrixOut,
    RisksPositionsIn,
    RisksReviewIn,
    RollUpOut,
)

router = Router(tags=["Risks and plans"])


@router.get("/plans", response=list[PlanOut], summary="Plans and roadmaps in the caller's scope")
@paginate(Pagination)
def plan_list(request: ActorRequest, year: int | None = None):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_PLANS)
    return selectors.plan_list(actor=request.user, year=year)


@router.get("/plans/{plan_id}", response=PlanOut)
def plan_get(request: ActorRequest, plan_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_PLANS)
    return selectors.plan_get(actor=request.user, plan_id=plan_id)


@router.get(
    "/plans/{plan_id}/measures", response=list[RiskMeasureOut], summary="The plan's measures with their periods"
)
@paginate(Pagination)
def measure_list(request: ActorRequest, plan_id: uuid.UUID, status: str = "", needs_deadline: bool = False):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_PLANS)
    plan = selectors.plan_get(actor=request.user, plan_id=plan_id)
    return selectors.measure_list(actor=request.user, plan=plan, status=status[:20], needs_deadline=needs_deadline)


@router.get("/plans/{plan_id}/rollup", response=list[RollUpOut], summary="Done on time / late / overdue by year")
def plan_rollup(request: ActorRequest, plan_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_PLANS)
    return selectors.plan_rollup(plan=selectors.plan_get(actor=request.user, plan_id=plan_id))


@router.post("/measures/{measure_id}/deadline", response=RiskMeasureOut, summary="Set a deadline as people write it")
def measure_deadline(request: ActorRequest, measure_id: uuid.UUID, payload: DeadlineIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE_PLANS)
    measure = selectors.measure_get(actor=request.user, measure_id=measure_id)
    services.measure_set_deadline(actor=request.user, measure=measure, text=payload.deadline_text[:300])
    return selectors.measure_get(actor=request.user, measure_id=measure_id)


@router.post("/periods/{period_id}/report", response=PeriodOut, summary="Record the status of one period")
def period_report(request: ActorRequest, period_id: uuid.UUID, payload: ReportIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE_PLANS)
    instance = selectors.instance_get(actor=request.user, instance_id=period_id)
    return services.instance_report(actor=request.user, instance=instance, **payload.dict())


# ------------------------------------------------------------------------------------ risk assessment


@router.get("/assessments", response=list[RisksExerciseOut], summary="Risk assessments in the caller's scope")
@paginate(Pagination)
def exercise_list(request: ActorRequest, year: int | None = None):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_ASSESSMENT)
    exercises = selectors.exercise_list(actor=request.user)
    return exercises.filter(year=year) if year else exercises


@router.post("/assessments", response={201: RisksExerciseOut}, summary="Open a year's assessment")
def exercise_create(request: ActorRequest, payload: RisksExerciseIn):  # type: ignore[no-untyped-def]
    require(request, policy.REVIEW_ASSESSMENT)
    company = org_selectors.company_get(actor=request.user, company_id=payload.company_id)
    exercise = services.exercise_create(actor=request.user, company=company, **payload.dict(exclude={"company_id"}))
    return Status(201, selectors.exercise_get(actor=request.user, exercise_id=exercise.pk))


@router.get("/assessments/{exercise_id}", response=RisksExerciseOut)
def exercise_get(request: ActorRequest, exercise_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_ASSESSMENT)
    return selectors.exercise_get(actor=request.user, exercise_id=exercise_id)


@router.get(
    "/assessments/{exercise_id}/map",
    response=list[RisksMapRowOut],
    summary="The map: units by level, with signals",
)
def exercise_map(request: ActorRequest, exercise_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_ASSESSMENT)
    exercise = selectors.exercise_get(actor=request.user, exercise_id=exercise_id)
    signals = selectors.unit_signals(exercise=exercise)
    return [_map_row(r, signals.get(r.unit_id)) for r in selectors.risk_map(exercise=exercise)]


@router.get(
    "/assessments/{exercise_id}/matrix",
    response=list[RisksMatrixOut],
    summary="The likelihood × impact grids (inherent, residual) of a matrix-method assessment",
)
def exercise_matrix(request: ActorRequest, exercise_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_ASSESSMENT)
    exercise = selectors.exercise_get(actor=request.user, exercise_id=exercise_id)
    return [
        {
            "residual": grid.residual,
            "likelihood_scale": grid.likelihood_labels,
            "impact_scale": grid.impact_labels,
            "rows": [[cell.__dict__ for cell in row] for row in grid.rows],
        }
        for grid in selectors.risk_matrices(exercise=exercise)
    ]


def _map_row(row: Any, signals: Any) -> dict[str, Any]:
    return {
        "unit_id": row.unit_id,
        "unit": row.unit,
        "low": row.low,
        "medium": row.medium,
        "high": row.high,
        "total": row.total,
        "previous": list(row.previous) if row.previous is not None else None,
        "signals": signals.__dict__ if signals is not None else None,
    }


@router.get("/assessments/{exercise_id}/functions", response=list[RisksFunctionOut], summary="Functions, by unit")
@paginate(Pagination)
def function_list(request: ActorRequest, exercise_id: uuid.UUID, unit_id: uuid.UUID | None = None):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_ASSESSMENT)
    exercise = selectors.exercise_get(actor=request.user, exercise_id=exercise_id)
    return selectors.function_list(actor=request.user, exercise=exercise, unit_id=unit_id)


@router.post("/assessments/{exercise_id}/functions", response={201: RisksFunctionOut}, summary="Add a function")
def function_add(request: ActorRequest, exercise_id: uuid.UUID, payload: RisksFunctionIn):  # type: ignore[no-untyped-def]
    require(request, policy.ASSESS)
    exercise = selectors.exercise_get(actor=request.user, exercise_id=exercise_id)
    unit = org_selectors.unit_get(actor=request.user, unit_id=payload.unit_id)
    function = services.function_add(actor=request.user, exercise=exercise, unit=unit, name=payload.name)
    return Status(201, selectors.function_get(actor=request.user, function_id=function.pk))


@router.get("/functions/{function_id}", response=RisksFunctionOut)
def function_get(request: ActorRequest, function_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_ASSESSMENT)
    return selectors.function_get(actor=request.user, function_id=function_id)


@router.post("/functions/{function_id}/assess", response=RisksFunctionOut, summary="The unit's assessment")
def function_assess(request: ActorRequest, function_id: uuid.UUID, payload: RisksAssessIn):  # type: ignore[no-untyped-def]
    require(request, policy.ASSESS)
    function = selectors.function_get(actor=request.user, function_id=function_id)
    positions = org_selectors.position_list(actor=request.user, company_id=function.exercise.company_id).filter(
        pk__in=payload.position_ids
    )
    if positions.count() != len(set(payload.position_ids)):
        raise ValidationError({"position_ids": _("The positions must be of the company assessed.")})
    services.function_assess(
        actor=request.user, function=function, positions=list(positions), **payload.dict(exclude={"position_ids"})
    )
    return selectors.function_get(actor=request.user, function_id=function_id)


@router.post("/functions/{function_id}/review", response=RisksFunctionOut, summary="Compliance accepts or returns")
def function_review(request: ActorRequest, function_id: uuid.UUID, payload: RisksReviewIn):  # type: ignore[no-untyped-def]
    require(request, policy.REVIEW_ASSESSMENT)
    function = selectors.function_get(actor=request.user, function_id=function_id)
    services.function_review(actor=request.user, function=function, accept=payload.accept, note=payload.note)
    return selectors.function_get(actor=request.user, function_id=function_id)


@router.post("/assessments/{exercise_id}/approve", response=RisksExerciseOut, summary="The head approves the result")
def exercise_approve(request: ActorRequest, exercise_id: uuid.UUID, payload: RisksApproveIn):  # type: ignore[no-untyped-def]
    require(request, policy.APPROVE_ASSESSMENT)
    exercise = selectors.exercise_get(actor=request.user, exercise_id=exercise_id)
    services.exercise_approve(actor=request.user, exercise=exercise, **payload.dict())
    return selectors.exercise_get(actor=request.user, exercise_id=exercise_id)


@router.post(
    "/assessments/{exercise_id}/positions", response=dict[str, int], summary="Approve the corruption-prone positions"
)
def positions_approve(request: ActorRequest, exercise_id: uuid.UUID, payload: RisksPositionsIn):  # type: ignore[no-untyped-def]
    require(request, policy.APPROVE_ASSESSMENT)
    exercise = selectors.exercise_get(actor=request.user, exercise_id=exercise_id)
    positions = org_selectors.position_list(actor=request.user, company_id=exercise.company_id).filter(
        pk__in=payload.position_ids
    )
    if positions.count() != len(set(payload.position_ids)):
        raise ValidationError({"position_ids": _("The positions must be of the company assessed.")})
    changed = services.positions_approve(
        actor=request.user, exercise=exercise, positions=list(positions), approved_on=payload.approved_on
    )
    return {"changed": changed}


@router.post(
    "/assessments/{exercise_id}/imports/catalogue",
    response=dict[str, Any],
    summary="Import the catalogue of functions (XLSX/CSV: unit, function, positions); all or nothing",
)
def catalogue_import(  # type: ignore[no-untyped-def]
    request: ActorRequest, exercise_id: uuid.UUID, file: File[UploadedFile], dry_run: bool = False
):
    require(request, policy.ASSESS)
    exercise = selectors.exercise_get(actor=request.user, exercise_id=exercise_id)
    return import_report(
        file,
        kind=catalogue.KIND,
        plan=lambda path: catalogue.plan_file(actor=request.user, exercise=exercise, path=path),
        apply=lambda plan: catalogue.apply(actor=request.user, exercise=exercise, plan=plan),
        dry_run=dry_run,
        valid_only=False,
    )
