"""API of applications for counterparties that refuse, the Register of those permitted, and
regulation clauses."""

import datetime as dt
import uuid

from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import Field
from pydantic import ValidationError as PydanticValidationError

from senim.core import endpoints
from senim.core.access import ActorRequest
from senim.core.pagination import Pagination
from senim.counterparties import exports, policy, selectors, services
from senim.counterparties.schemas import (
    ApplicationIn,
    ApplicationOut,
    ApprovalIn,
    ClauseIn,
    ClauseOut,
    ClausePatch,
    CommentIn,
    CounterpartiesRevokeIn,
    ProposalIn,
    RegisterEntryOut,
)
from senim.org import selectors as org_selectors

router = Router()


@router.get("/clauses", response=list[ClauseOut])
def clause_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.clause_list(actor=request.user))


@router.post("/clauses", response={201: ClauseOut})
def clause_create(request: ActorRequest, payload: ClauseIn):  # type: ignore[no-untyped-def]
    return Status(201, services.clause_create(actor=request.user, **payload.dict()))


class ApplicationQuery(endpoints.HistoryFilters):
    """`date_from`/`date_to`: filed on; `decided_from`/`decided_to`: decided on."""

    q: str = Field("", max_length=100)
    status: str = Field("", pattern="^(filed|proposed|decided|)$")
    decision: str = Field("", pattern="^(register|one_off|reference|no_consideration|refuse|)$")
    counterparty: uuid.UUID | None = None
    year: int | None = Field(None, ge=1990, le=2100)
    decided_from: dt.date | None = None
    decided_to: dt.date | None = None


@router.get("/applications", response=list[ApplicationOut])
@paginate(Pagination, page_size=50)
def application_list(request: ActorRequest, filters: Query[ApplicationQuery]):  # type: ignore[no-untyped-def]
    """Filtered by filing date (`date_from`, `date_to`), decision date (`decided_from`, `decided_to`)
    and `external_id` among others."""
    return selectors.application_list(
        actor=request.user,
        status=filters.status,
        decision=filters.decision,
        counterparty_id=filters.counterparty,
        year=filters.year,
        query=filters.q,
        filed_from=filters.date_from,
        filed_to=filters.date_to,
        decided_from=filters.decided_from,
        decided_to=filters.decided_to,
        external_id=filters.external_id,
    ).prefetch_related("contracts")


@router.get("/applications/{application_id}", response=ApplicationOut)
def application_get(request: ActorRequest, application_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.application_get(actor=request.user, application_id=application_id)


@router.post("/applications", response={201: ApplicationOut})
def application_file(request: ActorRequest, payload: ApplicationIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.FILE_APPLICATION)
    data = payload.dict()
    company = org_selectors.company_get(actor=request.user, company_id=data.pop("company_id"))
    unit_id = data.pop("unit_id")
    unit = org_selectors.unit_get(actor=request.user, unit_id=unit_id) if unit_id else None
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=data.pop("counterparty_id"))
    ids = data.pop("contract_ids")
    contracts = list(selectors.contract_list(actor=request.user).filter(id__in=ids))
    if len(contracts) != len(set(ids)):
        raise HttpError(422, "Unknown contract ids.")
    application = services.application_file(
        actor=request.user, company=company, unit=unit, counterparty=counterparty, contracts=contracts, **data
    )
    return Status(201, application)


@router.post("/applications/{application_id}/proposal", response=ApplicationOut)
def application_propose(request: ActorRequest, application_id: uuid.UUID, payload: ProposalIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.DECIDE)
    application = selectors.application_get(actor=request.user, application_id=application_id)
    data = payload.dict()
    clause = selectors.clause_list(actor=request.user).get(id=data.pop("clause_id"))
    reference_id = data.pop("reference_id")
    reference = selectors.application_get(actor=request.user, application_id=reference_id) if reference_id else None
    return services.application_propose(
        actor=request.user, application=application, clause=clause, reference=reference, **data
    )


@router.post(
    "/applications/{application_id}/approval",
    response=ApplicationOut,
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": ApprovalIn.model_json_schema()}},
        }
    },
)
def application_approve(request: ActorRequest, application_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """Approve the proposed decision (never by the person who proposed it). The body is optional:
    `{"decided_on": "2025-03-01"}` enters a decision taken earlier on paper (back-dating)."""
    endpoints.require(request, policy.APPROVE)
    application = selectors.application_get(actor=request.user, application_id=application_id)
    try:
        sent = request.content_type == "application/json" and request.body.strip()
        payload = ApprovalIn.model_validate_json(request.body) if sent else ApprovalIn(decided_on=None)
    except PydanticValidationError as error:
        raise HttpError(
            422, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        ) from error
    return services.application_approve(actor=request.user, application=application, decided_on=payload.decided_on)


@router.post("/applications/{application_id}/return", response=ApplicationOut)
def application_return(request: ActorRequest, application_id: uuid.UUID, payload: CommentIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.APPROVE)
    application = selectors.application_get(actor=request.user, application_id=application_id)
    return services.application_return(actor=request.user, application=application, comment=payload.comment)


class RegisterQuery(endpoints.HistoryFilters):
    """`date_from`/`date_to`: entered in the Register; `external_id`: of the application."""

    all: bool = False
    category: str = Field("", max_length=20)


@router.get("/register", response=list[RegisterEntryOut], summary="The Register of permitted counterparties")
@paginate(Pagination, page_size=100)
def register_list(request: ActorRequest, filters: Query[RegisterQuery]):  # type: ignore[no-untyped-def]
    """Entries in force today; `all=true` adds expired and revoked ones; filtered by the day of
    entry (`date_from`, `date_to`) and the external id of the application."""
    return selectors.register_entry_list(
        actor=request.user,
        active_on=None if filters.all else timezone.localdate(),
        category=filters.category,
        entered_from=filters.date_from,
        entered_to=filters.date_to,
        external_id=filters.external_id,
    )


@router.get("/register.xlsx", summary="The Register as an XLSX workbook")
def register_export(request: ActorRequest, all: bool = False):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    entries = selectors.register_entry_list(actor=request.user, active_on=None if all else today)
    response = HttpResponse(
        exports.register_xlsx(entries.iterator(chunk_size=1000), on=today),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="senim-register-{today.isoformat()}.xlsx"'
    return response


@router.get("/register.pdf", summary="The Register as a PDF document")
def register_export_pdf(request: ActorRequest, all: bool = False):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    entries = selectors.register_entry_list(actor=request.user, active_on=None if all else today)
    response = HttpResponse(
        exports.register_pdf(entries.iterator(chunk_size=1000), on=today), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="senim-register-{today.isoformat()}.pdf"'
    return response


@router.patch("/clauses/{clause_id}", response=ClauseOut)
def clause_update(request: ActorRequest, clause_id: uuid.UUID, payload: ClausePatch):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE_CLAUSES)
    clause = selectors.clause_list(actor=request.user).get(id=clause_id)
    data = endpoints.patch_data(payload)
    return services.clause_update(actor=request.user, clause=clause, **data)


@router.post("/register/{entry_id}/revoke", response=RegisterEntryOut)
def register_revoke(request: ActorRequest, entry_id: uuid.UUID, payload: CounterpartiesRevokeIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE_CLAUSES)
    entry = selectors.register_entry_list(actor=request.user).get(id=entry_id)
    return services.register_entry_revoke(actor=request.user, entry=entry, reason=payload.reason, on=payload.revoked_on)
