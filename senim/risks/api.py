"""API of plans and roadmaps under /api/v1/risks/ (the same services and selectors as the pages)."""

import uuid

from ninja import Router
from ninja.pagination import paginate

from senim.core.access import ActorRequest
from senim.core.endpoints import require
from senim.core.pagination import Pagination
from senim.risks import policy, selectors, services
from senim.risks.schemas import DeadlineIn, PeriodOut, PlanOut, ReportIn, RiskMeasureOut, RollUpOut

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
