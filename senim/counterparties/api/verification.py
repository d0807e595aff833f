"""API of verification before a contract, the red-flag catalogue and the due-diligence rules."""

import datetime as dt
import uuid

from django.http import FileResponse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate
from pydantic import Field

from senim.core import endpoints
from senim.core.access import ActorRequest
from senim.core.pagination import Pagination
from senim.counterparties import policy, selectors, services
from senim.counterparties.evidence_views import evidence_response
from senim.counterparties.models import VerificationCase
from senim.counterparties.schemas import (
    CaseCheckOut,
    CaseDecisionIn,
    CaseDetailOut,
    CaseEvidenceOut,
    CaseFlagOut,
    CaseIn,
    CaseOut,
    CheckIn,
    ConclusionIn,
    FlagIn,
    ReasonIn,
    RedFlagOut,
    RuleOut,
)
from senim.org import selectors as org_selectors

router = Router()


class CaseQuery(Schema):
    q: str = Field("", max_length=100)
    status: str = Field("", pattern="^(open|concluded|awaiting_second|approved|)$")
    level: str = Field("", pattern="^(simplified|standard|enhanced|)$")
    risk: str = Field("", pattern="^(low|medium|high|)$")
    counterparty: uuid.UUID | None = None
    lapsing_by: dt.date | None = None
    needs_reverification: bool | None = None


@router.get("/verifications", response=list[CaseOut])
@paginate(Pagination, page_size=50)
def case_list(request: ActorRequest, filters: Query[CaseQuery]):  # type: ignore[no-untyped-def]
    return selectors.case_list(
        actor=request.user,
        status=filters.status,
        level=filters.level,
        risk=filters.risk,
        counterparty_id=filters.counterparty,
        lapsing_by=filters.lapsing_by,
        needs_reverification=filters.needs_reverification,
        query=filters.q,
    )


@router.get("/verifications/{case_id}", response=CaseDetailOut)
def case_get(request: ActorRequest, case_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.case_get(actor=request.user, case_id=case_id)


@router.post("/verifications", response={201: CaseDetailOut})
def case_open(request: ActorRequest, payload: CaseIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.VERIFY)
    data = payload.dict()
    data["company"] = org_selectors.company_get(actor=request.user, company_id=data.pop("company_id"))
    unit_id = data.pop("unit_id")
    data["unit"] = org_selectors.unit_get(actor=request.user, unit_id=unit_id) if unit_id else None
    data["counterparty"] = selectors.counterparty_get(actor=request.user, counterparty_id=data.pop("counterparty_id"))
    return Status(201, services.case_open(actor=request.user, **data))


@router.put("/verifications/{case_id}/checks/{code}", response=CaseCheckOut)
def case_check(request: ActorRequest, case_id: uuid.UUID, code: str, payload: CheckIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.VERIFY)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    check = case.checks.get(code=code[:40])
    return services.case_check_update(actor=request.user, check=check, **payload.dict())


@router.post("/verifications/{case_id}/flags", response={201: CaseFlagOut})
def case_flag(request: ActorRequest, case_id: uuid.UUID, payload: FlagIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.VERIFY)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    flag = selectors.red_flag_list(actor=request.user).get(code=payload.code)
    return Status(201, services.case_flag_raise(actor=request.user, case=case, flag=flag, detail=payload.detail))


@router.post("/verifications/{case_id}/conclusion", response=CaseOut)
def case_conclude(request: ActorRequest, case_id: uuid.UUID, payload: ConclusionIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.VERIFY)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    return services.case_conclude(actor=request.user, case=case, **payload.dict())


@router.post("/verifications/{case_id}/approval", response=CaseOut)
def case_approve(request: ActorRequest, case_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """The compliance officer's approval, or, for a high-risk case awaiting it, the second approval."""
    case = selectors.case_get(actor=request.user, case_id=case_id)
    if case.status == VerificationCase.Status.AWAITING_SECOND:
        return services.case_second_approve(actor=request.user, case=case)
    return services.case_approve(actor=request.user, case=case)


@router.post("/verifications/{case_id}/decision", response=CaseOut)
def case_decide(request: ActorRequest, case_id: uuid.UUID, payload: CaseDecisionIn):  # type: ignore[no-untyped-def]
    """Decide the step the verification waits at: approve, return for rework or refuse (a comment
    to return or refuse), with the same rules as the page; `decided_on` enters a decision taken
    earlier on paper (back-dating, for those who may)."""
    case = selectors.case_get(actor=request.user, case_id=case_id)
    return services.case_decide(actor=request.user, case=case, **payload.dict())


@router.get("/red-flags", response=list[RedFlagOut], summary="The red-flag catalogue with weights")
def red_flag_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.red_flag_list(actor=request.user))


@router.get("/due-diligence-rules", response=list[RuleOut])
def rule_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.rule_list(actor=request.user))


@router.delete("/verifications/{case_id}/flags/{code}", response={204: None})
def case_flag_withdraw(request: ActorRequest, case_id: uuid.UUID, code: str):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.VERIFY)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    raised = case.flags.select_related("flag", "case").get(flag__code=code[:40])
    services.case_flag_withdraw(actor=request.user, raised=raised)
    return Status(204, None)


@router.post("/verifications/{case_id}/reopen", response=CaseOut)
def case_reopen(request: ActorRequest, case_id: uuid.UUID, payload: ReasonIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.APPROVE_CONCLUSION)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    return services.case_reopen(actor=request.user, case=case, reason=payload.reason)


@router.get(
    "/verifications/{case_id}/evidence", response=list[CaseEvidenceOut], summary="A verification's evidence files"
)
def case_evidence_list(request: ActorRequest, case_id: uuid.UUID):  # type: ignore[no-untyped-def]
    case = selectors.case_get(actor=request.user, case_id=case_id)
    return list(selectors.case_evidence_list(actor=request.user, case=case))


@router.post(
    "/verifications/{case_id}/evidence",
    response={201: CaseEvidenceOut},
    summary="Attach an evidence file (multipart: file, note) to a verification in progress",
)
def case_evidence_add(  # type: ignore[no-untyped-def]
    request: ActorRequest, case_id: uuid.UUID, file: File[UploadedFile], note: Form[str] = ""
):
    endpoints.require(request, policy.VERIFY)
    endpoints.refuse_large_upload(file)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    return Status(201, services.case_evidence_add(actor=request.user, case=case, upload=file, note=note))


@router.get("/verifications/{case_id}/evidence/{evidence_id}", summary="Download an evidence file")
def case_evidence_download(request: ActorRequest, case_id: uuid.UUID, evidence_id: uuid.UUID) -> FileResponse:
    evidence = selectors.case_evidence_get(actor=request.user, case_id=case_id, evidence_id=evidence_id)
    return evidence_response(request, evidence)


@router.delete("/verifications/{case_id}/evidence/{evidence_id}", response={204: None})
def case_evidence_remove(request: ActorRequest, case_id: uuid.UUID, evidence_id: uuid.UUID):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.VERIFY)
    evidence = selectors.case_evidence_get(actor=request.user, case_id=case_id, evidence_id=evidence_id)
    services.case_evidence_remove(actor=request.user, evidence=evidence)
    return Status(204, None)
