"""API of the examination module under /api/v1/examination/ (the same services and selectors as the pages)."""

import uuid

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.pagination import Pagination
from senim.examination import policy, selectors, services
from senim.examination.engine import examine_provision
from senim.examination.schemas import (
    ClearanceOut,
    ExaminationDecisionIn,
    ExaminationDetailOut,
    ExaminationOut,
    FindingOut,
    ProvisionIn,
    ProvisionOut,
)

router = Router(tags=["Anti-corruption examination"])


def _require(request: ActorRequest, permission: str) -> None:
    """Refuse callers without the permission before ids are resolved, so they get 403, not 404."""
    if request.user.scope_for(permission).is_empty:
        raise PermissionDenied(permission)


class ExaminationFilter(Schema):
    kind: str = ""
    status: str = ""
    q: str = ""


@router.get("/examinations", response=list[ExaminationOut], summary="Examinations in the caller's scope")
@paginate(Pagination)
def examination_list(request: ActorRequest, filters: Query[ExaminationFilter]):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    return selectors.examination_list(
        actor=request.user, kind=filters.kind[:20], status=filters.status[:20], query=filters.q[:100]
    )


@router.get("/examinations/{examination_id}", response=ExaminationDetailOut)
def examination_get(request: ActorRequest, examination_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    examination = selectors.examination_get(actor=request.user, examination_id=examination_id)
    version = selectors.latest_version(examination)
    return {
        **{f: getattr(examination, f) for f in ExaminationOut.model_fields},
        "version": version.number if version else None,
        "language": version.language if version else "",
        "findings": list(version.findings.all()) if version else [],
    }


@router.get(
    "/examinations/{examination_id}/clearance",
    response=ClearanceOut,
    summary="May this draft move on to approval or signature?",
)
def examination_clearance(request: ActorRequest, examination_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW)
    examination = selectors.examination_get(actor=request.user, examination_id=examination_id)
    return services.clearance(examination, actor=request.user)


@router.post("/findings/{finding_id}/decision", response=FindingOut, summary="Confirm or dismiss a proposed finding")
def finding_decide(request: ActorRequest, finding_id: uuid.UUID, payload: ExaminationDecisionIn):  # type: ignore[no-untyped-def]
    _require(request, policy.EXAMINE)
    finding = selectors.finding_get(actor=request.user, finding_id=finding_id, permission=policy.EXAMINE)
    if payload.decision == "confirm":
        return services.finding_confirm(actor=request.user, finding=finding, recommendation=payload.recommendation)
    if payload.decision == "dismiss":
        return services.finding_dismiss(actor=request.user, finding=finding, reason=payload.reason)
    raise ValidationError({"decision": "confirm or dismiss"})


@router.post("/provisions", response=ProvisionOut, summary="Examine one provision's text (nothing is stored)")
def provision_examine(request: ActorRequest, payload: ProvisionIn):  # type: ignore[no-untyped-def]
    _require(request, policy.EXAMINE)
    result = examine_provision(payload.text[:20000], payload.language)
    return {
        "language": result.language,
        "findings": [
            {"code": f.code, "triggers": f.triggers, "confidence": f.confidence, "why": f.why, "bound": f.bound}
            for f in result.findings
        ],
    }
