"""API of the conflicts module (the same services and selectors as the pages)."""

import uuid

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import get_language
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from senim.conflicts import jobs, policy, selectors, services
from senim.conflicts.importing import IMPORTS
from senim.conflicts.schemas import (
    AlertDecisionIn,
    AlertOut,
    CampaignIn,
    CampaignOut,
    DeclarationDetailOut,
    DeclarationIn,
    DeclarationOut,
    DetectionRunOut,
    GiftDecisionIn,
    GiftIn,
    GiftOut,
    HandOverIn,
    MeasureIn,
    MeasureOut,
    NoteIn,
    ReviewIn,
    ThresholdIn,
    ThresholdOut,
    UnitProgressOut,
)
from senim.core import endpoints
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.pagination import Pagination
from senim.org import selectors as org_selectors

router = Router(tags=["Conflicts of interest"])
endpoints.add_import_endpoint(
    router,
    IMPORTS,
    app="conflicts",
    description="""History imports: `kind` declarations (forms A and B with their review) or gifts (with
    their decisions); see docs/conflicts.md for the columns. With dry_run (the default) only the
    validation report is returned; once written, `rows` gives the record each line created or updated.""",
)


def _require(request: ActorRequest, permission: str) -> None:
    """Refuse callers without the permission before ids are resolved, so they get 403, not 404."""
    if request.user.scope_for(permission).is_empty:
        raise PermissionDenied(permission)


def _own_employee(request: ActorRequest):  # type: ignore[no-untyped-def]
    ids = request.user.scope_for(policy.DECLARE).own_employee_ids
    employee = org_selectors.employee_for_user(user_employee_id=next(iter(ids), None))
    if employee is None:
        raise PermissionDenied(policy.DECLARE)
    return employee


# ---------------------------------------------------------------------------- declarations


class DeclarationFilter(endpoints.HistoryFilters):
    """`date_from`/`date_to`: the day submitted; `current_only=false` lists the versions newer ones
    replaced too (a form A of each year is a version of the one before)."""

    status: str = ""
    form_type: str = ""
    q: str = ""
    current_only: bool = True


@router.get("/declarations", response=list[DeclarationOut], summary="Declarations in the caller's scope")
@paginate(Pagination)
def declaration_list(request: ActorRequest, filters: Query[DeclarationFilter]):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    return selectors.declaration_list(
        actor=request.user,
        status=filters.status[:20],
        form_type=filters.form_type[:1],
        query=filters.q[:100],
        current_only=filters.current_only,
        submitted_from=filters.date_from,
        submitted_to=filters.date_to,
        external_id=filters.external_id,
    )


@router.get("/declarations/mine", response=list[DeclarationOut], summary="The caller's own declarations")
def declaration_mine(request: ActorRequest):  # type: ignore[no-untyped-def]
    _require(request, policy.DECLARE)
    return list(selectors.own_declarations(actor=request.user))


@router.post("/declarations", response={201: DeclarationDetailOut}, summary="Submit form A or B for oneself")
def declaration_submit(request: ActorRequest, payload: DeclarationIn):  # type: ignore[no-untyped-def]
    employee = _own_employee(request)
    previous = None
    if payload.supersedes_id:
        previous = selectors.declaration_get(actor=request.user, declaration_id=payload.supersedes_id)
    declaration = services.declaration_submit(
        actor=request.user,
        employee=employee,
        form_type=payload.form_type,
        items=[item.dict() for item in payload.items],
        nothing_to_declare=payload.nothing_to_declare,
        circumstances=payload.circumstances,
        supersedes=previous,
    )
    return Status(201, selectors.declaration_get(actor=request.user, declaration_id=declaration.pk))


@router.get("/declarations/{declaration_id}", response=DeclarationDetailOut)
def declaration_get(request: ActorRequest, declaration_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.declaration_get(actor=request.user, declaration_id=declaration_id)


@router.post("/declarations/{declaration_id}/review", response=DeclarationOut, summary="Assess a declaration once")
def declaration_review(request: ActorRequest, declaration_id: uuid.UUID, payload: ReviewIn):  # type: ignore[no-untyped-def]
    _require(request, policy.REVIEW)
    declaration = selectors.declaration_get(actor=request.user, declaration_id=declaration_id)
    return services.declaration_review(actor=request.user, declaration=declaration, **payload.dict())


@router.post("/declarations/{declaration_id}/measures", response={201: MeasureOut})
def measure_add(request: ActorRequest, declaration_id: uuid.UUID, payload: MeasureIn):  # type: ignore[no-untyped-def]
    _require(request, policy.REVIEW)
    declaration = selectors.declaration_get(actor=request.user, declaration_id=declaration_id)
    owner = selectors.measure_owners(actor=request.user).filter(pk=payload.owner_id).first()
    data = payload.dict(exclude={"owner_id"})
    return Status(201, services.measure_add(actor=request.user, declaration=declaration, owner=owner, **data))


@router.get("/measures/mine", response=list[MeasureOut], summary="Measures the caller is responsible for")
def measure_mine(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.my_measures(actor=request.user))


@router.post("/measures/{measure_id}/done", response=MeasureOut)
def measure_done(request: ActorRequest, measure_id: uuid.UUID, payload: NoteIn):  # type: ignore[no-untyped-def]
    measure = selectors.measure_get(actor=request.user, measure_id=measure_id)
    return services.measure_complete(actor=request.user, measure=measure, note=payload.note)


# ---------------------------------------------------------------------------- campaigns


@router.get("/campaigns", response=list[CampaignOut])
@paginate(Pagination)
def campaign_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    return selectors.campaign_list(actor=request.user)


@router.post("/campaigns", response={201: CampaignOut}, summary="Create a draft campaign")
def campaign_create(request: ActorRequest, payload: CampaignIn):  # type: ignore[no-untyped-def]
    _require(request, policy.REVIEW)
    company = (
        org_selectors.company_get(actor=request.user, company_id=payload.company_id) if payload.company_id else None
    )
    units = list(org_selectors.unit_list(actor=request.user).filter(pk__in=payload.unit_ids))
    if len(units) != len(set(payload.unit_ids)):
        raise ObjectDoesNotExist
    data = payload.dict(exclude={"company_id", "unit_ids"})
    campaign = services.campaign_create(actor=request.user, company=company, units=units, **data)
    return Status(201, selectors.campaign_get(actor=request.user, campaign_id=campaign.pk))


@router.get("/campaigns/{campaign_id}/progress", response=list[UnitProgressOut], summary="Progress by unit")
def campaign_progress(request: ActorRequest, campaign_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    campaign = selectors.campaign_get(actor=request.user, campaign_id=campaign_id)
    return selectors.campaign_progress(actor=request.user, campaign=campaign)


@router.post("/campaigns/{campaign_id}/{action}", response=CampaignOut, summary="launch, close or remind")
def campaign_action(request: ActorRequest, campaign_id: uuid.UUID, action: str):  # type: ignore[no-untyped-def]
    _require(request, policy.REVIEW)
    campaign = selectors.campaign_get(actor=request.user, campaign_id=campaign_id)
    if action == "launch":
        services.campaign_launch(actor=request.user, campaign=campaign)
    elif action == "close":
        services.campaign_close(actor=request.user, campaign=campaign)
    elif action == "remind":
        services.campaign_remind(actor=request.user, campaign=campaign)
    else:
        raise ObjectDoesNotExist
    return selectors.campaign_get(actor=request.user, campaign_id=campaign_id)


# ---------------------------------------------------------------------------- detection


class AlertFilter(Schema):
    status: str = ""
    kind: str = ""
    disclosed: bool | None = None


@router.get("/alerts", response=list[AlertOut])
@paginate(Pagination)
def alert_list(request: ActorRequest, filters: Query[AlertFilter]):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    return selectors.alert_list(
        actor=request.user, status=filters.status[:20], kind=filters.kind[:40], disclosed=filters.disclosed
    )


@router.get("/alerts/{alert_id}", response=AlertOut)
def alert_get(request: ActorRequest, alert_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    return selectors.alert_get(actor=request.user, alert_id=alert_id)


@router.post("/alerts/{alert_id}/decision", response=AlertOut)
def alert_decide(request: ActorRequest, alert_id: uuid.UUID, payload: AlertDecisionIn):  # type: ignore[no-untyped-def]
    _require(request, policy.REVIEW)
    alert = selectors.alert_get(actor=request.user, alert_id=alert_id)
    return services.alert_decide(actor=request.user, alert=alert, **payload.dict())


@router.post("/detection-runs", response={202: DetectionRunOut}, summary="Start the cross-match in the background")
def run_start(request: ActorRequest):  # type: ignore[no-untyped-def]
    _require(request, policy.REVIEW)
    run = jobs.detection_start(actor=request.user, language=get_language() or "en")
    return Status(202, run)


@router.get("/detection-runs/{run_id}", response=DetectionRunOut)
def run_get(request: ActorRequest, run_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    return selectors.run_get(actor=request.user, run_id=run_id)


# ---------------------------------------------------------------------------- gifts


class GiftFilter(endpoints.HistoryFilters):
    """`date_from`/`date_to`: the day of the gift."""

    status: str = ""
    year: int | None = None
    q: str = ""


@router.get("/gifts", response=list[GiftOut], summary="The gifts register in the caller's scope")
@paginate(Pagination)
def gift_list(request: ActorRequest, filters: Query[GiftFilter]):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW_GIFTS)
    year = filters.year if filters.year and 2000 <= filters.year <= 2100 else None
    return selectors.gift_list(
        actor=request.user,
        status=filters.status[:20],
        year=year,
        query=filters.q[:100],
        date_from=filters.date_from,
        date_to=filters.date_to,
        external_id=filters.external_id,
    )


@router.get("/gifts/mine", response=list[GiftOut])
def gift_mine(request: ActorRequest):  # type: ignore[no-untyped-def]
    _require(request, policy.DECLARE)
    return list(selectors.own_gifts(actor=request.user))


@router.post("/gifts", response={201: GiftOut}, summary="Declare a gift or hospitality for oneself")
def gift_declare(request: ActorRequest, payload: GiftIn):  # type: ignore[no-untyped-def]
    employee = _own_employee(request)
    return Status(201, services.gift_declare(actor=request.user, employee=employee, **payload.dict()))


@router.get("/gifts/{gift_id}", response=GiftOut)
def gift_get(request: ActorRequest, gift_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.gift_get(actor=request.user, gift_id=gift_id)


@router.post("/gifts/{gift_id}/decision", response=GiftOut)
def gift_decide(request: ActorRequest, gift_id: uuid.UUID, payload: GiftDecisionIn):  # type: ignore[no-untyped-def]
    _require(request, policy.APPROVE_GIFTS)
    gift = selectors.gift_get(actor=request.user, gift_id=gift_id)
    return services.gift_decide(actor=request.user, gift=gift, **payload.dict())


@router.post("/gifts/{gift_id}/hand-over", response=GiftOut)
def gift_hand_over(request: ActorRequest, gift_id: uuid.UUID, payload: HandOverIn):  # type: ignore[no-untyped-def]
    _require(request, policy.REVIEW)
    gift = selectors.gift_get(actor=request.user, gift_id=gift_id)
    return services.gift_hand_over(actor=request.user, gift=gift, **payload.dict())


@router.get("/thresholds", response=list[ThresholdOut])
def threshold_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW_GIFTS)
    return list(selectors.threshold_list())


@router.put("/thresholds", response=ThresholdOut, summary="Set the MRP/BRV value and threshold of a year")
def threshold_set(request: ActorRequest, payload: ThresholdIn):  # type: ignore[no-untyped-def]
    return services.threshold_set(actor=request.user, **payload.dict())
