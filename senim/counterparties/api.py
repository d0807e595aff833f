"""API of the counterparties module (the same services and selectors as the pages)."""

import datetime as dt
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import File, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate
from pydantic import Field

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.pagination import Pagination
from senim.counterparties import exports, importing, policy, selectors, services
from senim.counterparties.models import Document, VerificationCase
from senim.counterparties.schemas import (
    ApplicationIn,
    ApplicationOut,
    CaseCheckOut,
    CaseDetailOut,
    CaseFlagOut,
    CaseIn,
    CaseOut,
    CheckIn,
    ClauseIn,
    ClauseOut,
    ClausePatch,
    CommentIn,
    ConclusionIn,
    ContactIn,
    ContactOut,
    ContactPatch,
    ContractIn,
    ContractOut,
    CounterpartyDetailOut,
    CounterpartyIn,
    CounterpartyOut,
    CounterpartyPatch,
    CoverageOut,
    DocumentOut,
    FlagIn,
    ImportReportOut,
    MergeIn,
    PartyIn,
    PartyOut,
    ProposalIn,
    QuestionnaireLinkOut,
    QuestionnaireSendIn,
    ReasonIn,
    RedFlagOut,
    RegisterEntryOut,
    ResponseDetailOut,
    ResponseOut,
    RuleOut,
    SimilarOut,
)
from senim.org import selectors as org_selectors

router = Router(tags=["Counterparties"])


def _require(request: ActorRequest, permission: str) -> None:
    """Refuse writers without the permission before resolving ids, so they get 403, not 404."""
    if not request.user.can(permission):
        raise PermissionDenied(permission)


class CounterpartyQuery(Schema):
    q: str = Field("", max_length=200)
    kind: str = Field("", pattern="^(legal_entity|entrepreneur|individual|)$")
    category: str = Field("", max_length=20)
    country: str = Field("", pattern="^([A-Za-z]{2})?$")
    sort: str = Field("name", pattern="^-?(name|identifier|country|created)$")


@router.get("/counterparties", response=list[CounterpartyOut])
@paginate(Pagination, page_size=50)
def counterparty_list(request: ActorRequest, filters: Query[CounterpartyQuery]):  # type: ignore[no-untyped-def]
    return selectors.counterparty_list(
        actor=request.user,
        query=filters.q,
        kind=filters.kind,
        category=filters.category,
        country=filters.country,
        sort=filters.sort,
    )


@router.get("/counterparties/{counterparty_id}", response=CounterpartyDetailOut)
def counterparty_get(request: ActorRequest, counterparty_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """The counterparty with its owners, managers and contacts (merged ones too: see merged_into_id)."""
    return selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)


@router.post("/counterparties", response={201: CounterpartyOut})
def counterparty_create(request: ActorRequest, payload: CounterpartyIn):  # type: ignore[no-untyped-def]
    return Status(201, services.counterparty_create(actor=request.user, **payload.dict()))


@router.patch("/counterparties/{counterparty_id}", response=CounterpartyOut)
def counterparty_update(request: ActorRequest, counterparty_id: uuid.UUID, payload: CounterpartyPatch):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k == "registration_date"}
    return services.counterparty_update(actor=request.user, counterparty=counterparty, **data)


@router.get("/counterparties/{counterparty_id}/similar", response=list[SimilarOut])
def counterparty_similar(request: ActorRequest, counterparty_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """Registered counterparties whose names the screening engine matches: possible duplicates."""
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    names = [n for n in (counterparty.name_ru, counterparty.name_kk, counterparty.name_en, counterparty.name_uz) if n]
    found = selectors.counterparty_similar(
        actor=request.user,
        names=names,
        kind=counterparty.kind,
        country=counterparty.country,
        exclude_id=counterparty.pk,
    )
    return [{"counterparty": cp, "score": score} for cp, score in found]


@router.post("/counterparties/{counterparty_id}/merge", response=CounterpartyOut)
def counterparty_merge(request: ActorRequest, counterparty_id: uuid.UUID, payload: MergeIn):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    survivor = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    duplicate = selectors.counterparty_get(actor=request.user, counterparty_id=payload.duplicate_id)
    return services.counterparty_merge(actor=request.user, survivor=survivor, duplicate=duplicate)


@router.post("/counterparties/{counterparty_id}/parties", response={201: PartyOut})
def party_add(request: ActorRequest, counterparty_id: uuid.UUID, payload: PartyIn):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    return Status(201, services.party_add(actor=request.user, counterparty=counterparty, **payload.dict()))


@router.delete("/counterparties/{counterparty_id}/parties/{party_id}", response={204: None})
def party_remove(request: ActorRequest, counterparty_id: uuid.UUID, party_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    party = selectors.party_list(actor=request.user, counterparty=counterparty).get(id=party_id)
    services.party_remove(actor=request.user, party=party)
    return Status(204, None)


@router.post("/counterparties/{counterparty_id}/screen", response=dict)
def counterparty_screen(request: ActorRequest, counterparty_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """Screen the counterparty and each owner and manager against every enabled list."""
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    outcomes = services.counterparty_screen(actor=request.user, counterparty=counterparty)
    return {
        "subjects": [
            {"key": o.subject.key, "hits": [str(h.pk) for h in o.hits], "open": len(o.raised)} for o in outcomes
        ]
    }


class ContractQuery(Schema):
    q: str = Field("", max_length=100)
    company: uuid.UUID | None = None
    counterparty: uuid.UUID | None = None
    year: int | None = Field(None, ge=1990, le=2100)
    method: str = Field("", pattern="^(open_tender|price_offers|direct|other|)$")
    has_clause: bool | None = None
    sort: str = Field("-date", pattern="^-?(date|number|amount)$")


@router.get("/contracts", response=list[ContractOut])
@paginate(Pagination, page_size=50)
def contract_list(request: ActorRequest, filters: Query[ContractQuery]):  # type: ignore[no-untyped-def]
    return selectors.contract_list(
        actor=request.user,
        query=filters.q,
        company_id=filters.company,
        counterparty_id=filters.counterparty,
        year=filters.year,
        method=filters.method,
        has_clause=filters.has_clause,
        sort=filters.sort,
    )


@router.get("/contracts/coverage", response=list[CoverageOut], summary="Clause coverage by year, company, method")
def contract_coverage(request: ActorRequest, year: int | None = None):  # type: ignore[no-untyped-def]
    if year is not None and not 1990 <= year <= 2100:
        raise HttpError(422, "year must be between 1990 and 2100")
    return [row.__dict__ for row in selectors.contract_clause_coverage(actor=request.user, year=year)]


@router.get("/contracts/{contract_id}", response=ContractOut)
def contract_get(request: ActorRequest, contract_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.contract_get(actor=request.user, contract_id=contract_id)


@router.post("/contracts", response={201: ContractOut})
def contract_create(request: ActorRequest, payload: ContractIn):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE_CONTRACTS)
    data = payload.dict()
    data["company"] = org_selectors.company_get(actor=request.user, company_id=data.pop("company_id"))
    unit_id = data.pop("unit_id")
    data["unit"] = org_selectors.unit_get(actor=request.user, unit_id=unit_id) if unit_id else None
    data["counterparty"] = selectors.counterparty_get(actor=request.user, counterparty_id=data.pop("counterparty_id"))
    case_id = data.pop("verification_case_id")
    data["verification_case"] = selectors.case_get(actor=request.user, case_id=case_id) if case_id else None
    approver_id = data.pop("approved_by_id")
    if approver_id:
        data["approved_by"] = org_selectors.employee_get(actor=request.user, employee_id=approver_id)
    return Status(201, services.contract_create(actor=request.user, **data))


@router.post("/imports/{kind}", response=ImportReportOut, summary="Validate, and optionally import, a CSV/XLSX file")
def import_file(
    request: ActorRequest,
    kind: str,
    file: File[UploadedFile],  # type: ignore[no-untyped-def]
    dry_run: bool = True,
    valid_only: bool = False,
):
    """`kind`: counterparties or contracts. With dry_run (the default) only the validation report
    is returned; nothing is written."""
    if kind not in importing.KINDS:
        raise HttpError(404, "Unknown import kind.")
    _require(request, policy.IMPORT if kind == "counterparties" else policy.MANAGE_CONTRACTS)
    if file.size and file.size > settings.SENIM_MAX_UPLOAD_MB * 1024 * 1024:
        raise HttpError(413, "The file is too large.")
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR) as folder:
        suffix = ".xlsx" if (file.name or "").lower().endswith(".xlsx") else ".csv"
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as target:
            for chunk in file.chunks():
                target.write(chunk)
        try:
            plan = importing.plan_file(actor=request.user, kind=kind, path=path)
        except importing.FileRejected as error:
            raise HttpError(422, error.message) from error
        report = {
            "kind": kind,
            "total": plan.total,
            "valid": len(plan.valid),
            "rejected": len(plan.rejected),
            "file_errors": plan.file_errors,
            "errors": [e.__dict__ for e in plan.errors[:1000]],
            "imported": False,
        }
        if not dry_run:
            if plan.file_errors or (plan.rejected and not valid_only):
                raise HttpError(422, "The file has errors; nothing was imported.")
            result = importing.apply(actor=request.user, plan=plan, valid_only=valid_only)
            report.update(imported=True, created=result.created, updated=result.updated, unchanged=result.unchanged)
    return report


# --- applications, the Register and regulation clauses ------------------------------------------------


@router.get("/clauses", response=list[ClauseOut])
def clause_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.clause_list(actor=request.user))


@router.post("/clauses", response={201: ClauseOut})
def clause_create(request: ActorRequest, payload: ClauseIn):  # type: ignore[no-untyped-def]
    return Status(201, services.clause_create(actor=request.user, **payload.dict()))


class ApplicationQuery(Schema):
    q: str = Field("", max_length=100)
    status: str = Field("", pattern="^(filed|proposed|decided|)$")
    decision: str = Field("", pattern="^(register|one_off|reference|no_consideration|refuse|)$")
    counterparty: uuid.UUID | None = None
    year: int | None = Field(None, ge=1990, le=2100)


@router.get("/applications", response=list[ApplicationOut])
@paginate(Pagination, page_size=50)
def application_list(request: ActorRequest, filters: Query[ApplicationQuery]):  # type: ignore[no-untyped-def]
    return selectors.application_list(
        actor=request.user,
        status=filters.status,
        decision=filters.decision,
        counterparty_id=filters.counterparty,
        year=filters.year,
        query=filters.q,
    ).prefetch_related("contracts")


@router.get("/applications/{application_id}", response=ApplicationOut)
def application_get(request: ActorRequest, application_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.application_get(actor=request.user, application_id=application_id)


@router.post("/applications", response={201: ApplicationOut})
def application_file(request: ActorRequest, payload: ApplicationIn):  # type: ignore[no-untyped-def]
    _require(request, policy.FILE_APPLICATION)
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
    _require(request, policy.DECIDE)
    application = selectors.application_get(actor=request.user, application_id=application_id)
    data = payload.dict()
    clause = selectors.clause_list(actor=request.user).get(id=data.pop("clause_id"))
    reference_id = data.pop("reference_id")
    reference = selectors.application_get(actor=request.user, application_id=reference_id) if reference_id else None
    return services.application_propose(
        actor=request.user, application=application, clause=clause, reference=reference, **data
    )


@router.post("/applications/{application_id}/approval", response=ApplicationOut)
def application_approve(request: ActorRequest, application_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.APPROVE)
    application = selectors.application_get(actor=request.user, application_id=application_id)
    return services.application_approve(actor=request.user, application=application)


@router.post("/applications/{application_id}/return", response=ApplicationOut)
def application_return(request: ActorRequest, application_id: uuid.UUID, payload: CommentIn):  # type: ignore[no-untyped-def]
    _require(request, policy.APPROVE)
    application = selectors.application_get(actor=request.user, application_id=application_id)
    return services.application_return(actor=request.user, application=application, comment=payload.comment)


@router.get("/register", response=list[RegisterEntryOut], summary="The Register of permitted counterparties")
@paginate(Pagination, page_size=100)
def register_list(request: ActorRequest, all: bool = False, category: str = ""):  # type: ignore[no-untyped-def]
    """Entries in force today; `all=true` adds expired and revoked ones."""
    return selectors.register_entry_list(
        actor=request.user, active_on=None if all else timezone.localdate(), category=category[:20]
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


# --- verification -----------------------------------------------------------------------------------


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
    _require(request, policy.VERIFY)
    data = payload.dict()
    data["company"] = org_selectors.company_get(actor=request.user, company_id=data.pop("company_id"))
    unit_id = data.pop("unit_id")
    data["unit"] = org_selectors.unit_get(actor=request.user, unit_id=unit_id) if unit_id else None
    data["counterparty"] = selectors.counterparty_get(actor=request.user, counterparty_id=data.pop("counterparty_id"))
    return Status(201, services.case_open(actor=request.user, **data))


@router.put("/verifications/{case_id}/checks/{code}", response=CaseCheckOut)
def case_check(request: ActorRequest, case_id: uuid.UUID, code: str, payload: CheckIn):  # type: ignore[no-untyped-def]
    _require(request, policy.VERIFY)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    check = case.checks.get(code=code[:40])
    return services.case_check_update(actor=request.user, check=check, **payload.dict())


@router.post("/verifications/{case_id}/flags", response={201: CaseFlagOut})
def case_flag(request: ActorRequest, case_id: uuid.UUID, payload: FlagIn):  # type: ignore[no-untyped-def]
    _require(request, policy.VERIFY)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    flag = selectors.red_flag_list(actor=request.user).get(code=payload.code)
    return Status(201, services.case_flag_raise(actor=request.user, case=case, flag=flag, detail=payload.detail))


@router.post("/verifications/{case_id}/conclusion", response=CaseOut)
def case_conclude(request: ActorRequest, case_id: uuid.UUID, payload: ConclusionIn):  # type: ignore[no-untyped-def]
    _require(request, policy.VERIFY)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    return services.case_conclude(actor=request.user, case=case, **payload.dict())


@router.post("/verifications/{case_id}/approval", response=CaseOut)
def case_approve(request: ActorRequest, case_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """The compliance officer's approval, or, for a high-risk case awaiting it, the second approval."""
    case = selectors.case_get(actor=request.user, case_id=case_id)
    if case.status == VerificationCase.Status.AWAITING_SECOND:
        return services.case_second_approve(actor=request.user, case=case)
    return services.case_approve(actor=request.user, case=case)


# --- contacts, documents and questionnaires -------------------------------------------------------


@router.post("/counterparties/{counterparty_id}/contacts", response={201: ContactOut})
def contact_add(request: ActorRequest, counterparty_id: uuid.UUID, payload: ContactIn):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    return Status(201, services.contact_add(actor=request.user, counterparty=counterparty, **payload.dict()))


@router.patch("/counterparties/{counterparty_id}/contacts/{contact_id}", response=ContactOut)
def contact_update(request: ActorRequest, counterparty_id: uuid.UUID, contact_id: uuid.UUID, payload: ContactPatch):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    contact = counterparty.contacts.get(id=contact_id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    return services.contact_update(actor=request.user, contact=contact, **data)


@router.delete("/counterparties/{counterparty_id}/contacts/{contact_id}", response={204: None})
def contact_remove(request: ActorRequest, counterparty_id: uuid.UUID, contact_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    services.contact_remove(actor=request.user, contact=counterparty.contacts.get(id=contact_id))
    return Status(204, None)


@router.get("/counterparties/{counterparty_id}/documents", response=list[DocumentOut])
def document_list(request: ActorRequest, counterparty_id: uuid.UUID):  # type: ignore[no-untyped-def]
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    return list(counterparty.documents.all())


@router.post("/counterparties/{counterparty_id}/questionnaires", response={201: QuestionnaireLinkOut})
def questionnaire_send(request: ActorRequest, counterparty_id: uuid.UUID, payload: QuestionnaireSendIn):  # type: ignore[no-untyped-def]
    """Create a personal link; the link is in this answer only (Senim keeps its hash)."""
    _require(request, policy.SEND_QUESTIONNAIRE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    company = org_selectors.company_get(actor=request.user, company_id=payload.company_id)
    response, token = services.questionnaire_send(
        actor=request.user, counterparty=counterparty, company=company, valid_days=payload.valid_days
    )
    link = request.build_absolute_uri(reverse("counterparties:questionnaire-public", args=[token]))
    return Status(201, {"id": response.pk, "link": link, "expires_on": response.expires_on})


@router.get("/questionnaire-responses", response=list[ResponseOut])
@paginate(Pagination, page_size=50)
def response_list(request: ActorRequest, counterparty: uuid.UUID | None = None):  # type: ignore[no-untyped-def]
    return selectors.response_list(actor=request.user, counterparty_id=counterparty)


@router.get("/questionnaire-responses/{response_id}", response=ResponseDetailOut)
def response_get(request: ActorRequest, response_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.response_get(actor=request.user, response_id=response_id)


@router.post("/counterparties/{counterparty_id}/documents", response={201: DocumentOut})
def document_add(
    request: ActorRequest,
    counterparty_id: uuid.UUID,
    file: File[UploadedFile],  # type: ignore[no-untyped-def]
    title: str,
    kind: str = "other",
):
    """Multipart `file`; `title` and `kind` (charter, registration, licence, financial, other) as parameters."""
    _require(request, policy.MANAGE)
    if kind not in Document.Kind.values or not 0 < len(title) <= 300:
        raise HttpError(
            422, "kind must be one of charter, registration, licence, financial, other; title 1-300 characters"
        )
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    document = services.document_add(actor=request.user, counterparty=counterparty, title=title, kind=kind, upload=file)
    return Status(201, document)


@router.get("/red-flags", response=list[RedFlagOut], summary="The red-flag catalogue with weights")
def red_flag_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.red_flag_list(actor=request.user))


@router.get("/due-diligence-rules", response=list[RuleOut])
def rule_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.rule_list(actor=request.user))


@router.patch("/clauses/{clause_id}", response=ClauseOut)
def clause_update(request: ActorRequest, clause_id: uuid.UUID, payload: ClausePatch):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE_CLAUSES)
    clause = selectors.clause_list(actor=request.user).get(id=clause_id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    return services.clause_update(actor=request.user, clause=clause, **data)


@router.post("/register/{entry_id}/revoke", response=RegisterEntryOut)
def register_revoke(request: ActorRequest, entry_id: uuid.UUID, payload: ReasonIn):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE_CLAUSES)
    entry = selectors.register_entry_list(actor=request.user).get(id=entry_id)
    return services.register_entry_revoke(actor=request.user, entry=entry, reason=payload.reason)


@router.delete("/verifications/{case_id}/flags/{code}", response={204: None})
def case_flag_withdraw(request: ActorRequest, case_id: uuid.UUID, code: str):  # type: ignore[no-untyped-def]
    _require(request, policy.VERIFY)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    raised = case.flags.select_related("flag", "case").get(flag__code=code[:40])
    services.case_flag_withdraw(actor=request.user, raised=raised)
    return Status(204, None)


@router.post("/verifications/{case_id}/reopen", response=CaseOut)
def case_reopen(request: ActorRequest, case_id: uuid.UUID, payload: ReasonIn):  # type: ignore[no-untyped-def]
    _require(request, policy.APPROVE_CONCLUSION)
    case = selectors.case_get(actor=request.user, case_id=case_id)
    return services.case_reopen(actor=request.user, case=case, reason=payload.reason)
