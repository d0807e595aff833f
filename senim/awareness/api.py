"""API of the awareness module (the same services and selectors as the pages)."""

import datetime as dt
import uuid
from typing import Any

from django.utils.translation import gettext as _
from ninja import File, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate

from senim.awareness import importing, policy, selectors, services
from senim.awareness.models import Document, OutreachEvent, OutsiderAck
from senim.awareness.outsider_views import link_for
from senim.awareness.schemas import (
    AcknowledgeIn,
    AcknowledgementOut,
    AdoptIn,
    AgreementIn,
    AgreementOut,
    AwarenessCampaignIn,
    AwarenessCampaignOut,
    AwarenessCheckIn,
    AwarenessDocumentOut,
    AwarenessOutreachIn,
    AwarenessOutreachKindOut,
    AwarenessOutreachMaterialOut,
    AwarenessOutreachOut,
    AwarenessOutreachPatchIn,
    AwarenessOutsiderCounterpartyOut,
    AwarenessOutsiderIn,
    AwarenessOutsiderOut,
    AwarenessUnitProgressOut,
    AwarenessVersionDetailOut,
    AwarenessVersionOut,
    AwarenessVersionPatchIn,
    CheckOut,
    ConcludeIn,
    DocumentDetailOut,
    DocumentIn,
    HireRecordIn,
    HireRecordOut,
    PaperIn,
    RepealIn,
    RequestOut,
    ReviseIn,
    SubmitIn,
)
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.endpoints import CoreImportReportOut, import_report, patch_data, refuse_large_upload, require
from senim.core.pagination import Pagination
from senim.org import selectors as org_selectors

router = Router(tags=["Awareness"])


def _detail(document: Document) -> dict:
    return {
        **AwarenessDocumentOut.from_orm(document).dict(),
        "versions": list(selectors.version_list(document=document)),
        "companies": list(document.companies.values_list("pk", flat=True)),
    }


# ---------------------------------------------------------------------------- documents


class DocumentFilter(Schema):
    kind: str = ""
    status: str = ""
    q: str = ""
    in_force_on: str = ""
    submitted_from: str = ""
    submitted_to: str = ""


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError as error:
        raise HttpError(422, _("“%(value)s” is not a date (use YYYY-MM-DD).") % {"value": text[:30]}) from error


@router.get("/documents", response=list[AwarenessDocumentOut], summary="Internal documents in the caller's scope")
@paginate(Pagination)
def document_list(request: ActorRequest, filters: Query[DocumentFilter]):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_DOCUMENTS)
    return selectors.document_list(
        actor=request.user,
        kind=filters.kind[:20],
        status=filters.status[:20],
        query=filters.q[:100],
        in_force_on=_date(filters.in_force_on),
        submitted_from=_date(filters.submitted_from),
        submitted_to=_date(filters.submitted_to),
    )


@router.get("/documents/{document_id}", response=DocumentDetailOut)
def document_get(request: ActorRequest, document_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_DOCUMENTS)
    return _detail(selectors.document_get(actor=request.user, document_id=document_id))


@router.post("/documents", response={201: DocumentDetailOut}, summary="Register a document (its first version a draft)")
def document_create(request: ActorRequest, payload: DocumentIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE_DOCUMENTS)
    companies = org_selectors.company_list(actor=request.user)
    company = companies.get(pk=payload.company_id)
    owner_unit = (
        org_selectors.unit_get(actor=request.user, unit_id=payload.owner_unit_id) if payload.owner_unit_id else None
    )
    document = services.document_create(
        actor=request.user,
        kind=payload.kind,
        code=payload.code,
        titles=payload.titles.dict(),
        company=company,
        companies=list(companies.filter(pk__in=payload.companies)),
        owner_unit=owner_unit,
        texts=payload.texts.dict() if payload.texts else {},
    )
    return Status(201, _detail(document))


@router.get("/versions/{version_id}", response=AwarenessVersionDetailOut)
def version_get(request: ActorRequest, version_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW_DOCUMENTS)
    return selectors.version_get(actor=request.user, version_id=version_id)


@router.patch("/versions/{version_id}", response=AwarenessVersionDetailOut, summary="Edit a draft's texts (Markdown)")
def version_update(request: ActorRequest, version_id: uuid.UUID, payload: AwarenessVersionPatchIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE_DOCUMENTS)
    version = selectors.version_get(actor=request.user, version_id=version_id)
    data = patch_data(payload)
    return services.version_update(
        actor=request.user,
        version=version,
        texts=data.get("texts") or {},
        is_material=data.get("is_material", version.is_material),
        change_note=data.get("change_note", version.change_note),
    )


@router.post("/versions/{version_id}/submit", response=AwarenessVersionOut, summary="Submit a draft for approval")
def version_submit(request: ActorRequest, version_id: uuid.UUID, payload: SubmitIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE_DOCUMENTS)
    version = selectors.version_get(actor=request.user, version_id=version_id)
    return services.version_submit(actor=request.user, version=version, **payload.dict())


@router.post(
    "/versions/{version_id}/adopt", response=AwarenessVersionOut, summary="Record the decision adopting a version"
)
def version_adopt(request: ActorRequest, version_id: uuid.UUID, payload: AdoptIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE_DOCUMENTS)
    version = selectors.version_get(actor=request.user, version_id=version_id)
    return services.version_adopt(actor=request.user, version=version, **payload.dict())


@router.post("/documents/{document_id}/revise", response={201: AwarenessVersionOut}, summary="Start a new version")
def document_revise(request: ActorRequest, document_id: uuid.UUID, payload: ReviseIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE_DOCUMENTS)
    document = selectors.document_get(actor=request.user, document_id=document_id)
    return Status(201, services.document_revise(actor=request.user, document=document, **payload.dict()))


@router.post("/documents/{document_id}/repeal", response=AwarenessDocumentOut, summary="Repeal a document in force")
def document_repeal(request: ActorRequest, document_id: uuid.UUID, payload: RepealIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE_DOCUMENTS)
    document = selectors.document_get(actor=request.user, document_id=document_id)
    return services.document_repeal(actor=request.user, document=document, **payload.dict())


# ---------------------------------------------------------------------------- campaigns


@router.get("/campaigns", response=list[AwarenessCampaignOut])
@paginate(Pagination)
def campaign_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW)
    return selectors.campaign_list(actor=request.user)


@router.post("/campaigns", response={201: AwarenessCampaignOut}, summary="Create a draft acknowledgement campaign")
def campaign_create(request: ActorRequest, payload: AwarenessCampaignIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    version = selectors.version_get(actor=request.user, version_id=payload.version_id)
    companies = org_selectors.company_list(actor=request.user)
    campaign = services.campaign_create(
        actor=request.user,
        version=version,
        title=payload.title,
        deadline=payload.deadline,
        audience=payload.audience,
        company=companies.get(pk=payload.company_id) if payload.company_id else None,
        companies=list(companies.filter(pk__in=payload.companies)),
        units=list(org_selectors.unit_list(actor=request.user).filter(pk__in=payload.units)),
        positions=list(org_selectors.position_list(actor=request.user).filter(pk__in=payload.positions)),
        include_new_hires=payload.include_new_hires,
        hire_window_days=payload.hire_window_days,
        statements=[s.dict() for s in payload.statements],
    )
    return Status(201, selectors.campaign_get(actor=request.user, campaign_id=campaign.pk))


@router.post("/campaigns/{campaign_id}/launch", response=AwarenessCampaignOut, summary="Launch: ask the audience")
def campaign_launch(request: ActorRequest, campaign_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    campaign = selectors.campaign_get(actor=request.user, campaign_id=campaign_id)
    services.campaign_launch(actor=request.user, campaign=campaign)
    return selectors.campaign_get(actor=request.user, campaign_id=campaign_id)


@router.post("/campaigns/{campaign_id}/remind", response=dict[str, int], summary="E-mail those who have not read")
def campaign_remind(request: ActorRequest, campaign_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    campaign = selectors.campaign_get(actor=request.user, campaign_id=campaign_id)
    return services.campaign_remind(actor=request.user, campaign=campaign)


@router.get("/campaigns/{campaign_id}/progress", response=list[AwarenessUnitProgressOut], summary="Progress by unit")
def campaign_progress(request: ActorRequest, campaign_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW)
    campaign = selectors.campaign_get(actor=request.user, campaign_id=campaign_id)
    return selectors.campaign_progress(actor=request.user, campaign=campaign)


@router.get("/overdue", response=list[RequestOut], summary="Unanswered requests past their due date")
@paginate(Pagination)
def overdue(request: ActorRequest):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW)
    return selectors.overdue_requests(actor=request.user)


# ---------------------------------------------------------------------------- acknowledgements


@router.get("/acknowledgements/requests/mine", response=list[RequestOut], summary="Documents the caller must read")
def my_requests(request: ActorRequest):  # type: ignore[no-untyped-def]
    require(request, policy.ACKNOWLEDGE)
    return list(selectors.my_requests(actor=request.user))


@router.post("/acknowledgements", response={201: AcknowledgementOut}, summary="I have read and understood")
def acknowledge(request: ActorRequest, payload: AcknowledgeIn):  # type: ignore[no-untyped-def]
    require(request, policy.ACKNOWLEDGE)
    ids = request.user.scope_for(policy.ACKNOWLEDGE).own_employee_ids
    employee = org_selectors.employee_for_user(user_employee_id=next(iter(ids), None))
    if employee is None:
        raise PermissionDenied(policy.ACKNOWLEDGE)
    version = selectors.my_version_get(actor=request.user, version_id=payload.version_id)
    ack = services.acknowledge(actor=request.user, employee=employee, version=version, answers=payload.answers)
    return Status(201, ack)


@router.post("/acknowledgements/paper", response={201: AcknowledgementOut}, summary="Record a paper sheet")
def acknowledge_on_paper(request: ActorRequest, payload: PaperIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    version = selectors.version_get(actor=request.user, version_id=payload.version_id)
    employee = selectors.employee_in_scope(
        actor=request.user, permission=policy.MANAGE, company_id=payload.company_id, number=payload.personnel_number
    )
    if employee is None:
        raise HttpError(404, _("No employee with this personnel number in your scope."))
    ack = services.acknowledge_on_paper(
        actor=request.user, employee=employee, version=version, acknowledged_on=payload.acknowledged_on
    )
    return Status(201, ack)


@router.post(
    "/imports/{kind}", response=CoreImportReportOut, summary="Validate, and optionally import, a CSV/XLSX file"
)
def import_file(
    request: ActorRequest,
    kind: str,
    file: File[UploadedFile],  # type: ignore[no-untyped-def]
    version_id: uuid.UUID | None = None,
    dry_run: bool = True,
    valid_only: bool = False,
):
    """`kind`: acknowledgements (with `version_id`), agreements or hires. With dry_run (the
    default) only the validation report is returned; nothing is written."""
    if kind not in importing.KINDS:
        raise HttpError(404, _("Unknown import kind."))
    require(request, policy.MANAGE)
    version = selectors.version_get(actor=request.user, version_id=version_id) if version_id else None
    return import_report(
        file,
        kind=kind,
        plan=lambda path: importing.plan_file(actor=request.user, kind=kind, path=path, version=version),
        apply=lambda plan: importing.apply(actor=request.user, plan=plan, valid_only=valid_only, version=version),
        dry_run=dry_run,
        valid_only=valid_only,
    )


# ---------------------------------------------------------------------------- agreements


class AgreementFilter(Schema):
    missing: bool = False


@router.get("/agreements", response=list[AgreementOut], summary="Agreements required by position")
@paginate(Pagination)
def agreement_list(request: ActorRequest, filters: Query[AgreementFilter]):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW)
    return selectors.agreement_list(actor=request.user, missing_only=filters.missing)


@router.post("/agreements/{obligation_id}", response=AgreementOut, summary="Record the signed agreement")
def agreement_record(request: ActorRequest, obligation_id: uuid.UUID, payload: AgreementIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    obligation = selectors.agreement_get(actor=request.user, obligation_id=obligation_id)
    return services.agreement_record(actor=request.user, obligation=obligation, **payload.dict())


class HireFilter(Schema):
    year: int | None = None


@router.get("/hires", response=list[HireRecordOut], summary="New hires' contracts")
@paginate(Pagination)
def hire_list(request: ActorRequest, filters: Query[HireFilter]):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW)
    return selectors.hire_record_list(actor=request.user, year=filters.year)


@router.post("/hires", response={201: HireRecordOut}, summary="Record a new hire's contract")
def hire_record(request: ActorRequest, payload: HireRecordIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    employee = selectors.employee_in_scope(
        actor=request.user, permission=policy.MANAGE, company_id=payload.company_id, number=payload.personnel_number
    )
    if employee is None:
        raise HttpError(404, _("No employee with this personnel number in your scope."))
    data = payload.dict(exclude={"company_id", "personnel_number"})
    return Status(201, services.hire_record_save(actor=request.user, employee=employee, **data))


# ---------------------------------------------------------------------------- candidate checks


@router.get("/candidate-checks", response=list[CheckOut])
@paginate(Pagination)
def check_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    require(request, policy.CHECK_CANDIDATES)
    return selectors.candidate_check_list(actor=request.user)


@router.post("/candidate-checks", response={201: CheckOut}, summary="Check a candidate or an employee before a move")
def check_run(request: ActorRequest, payload: AwarenessCheckIn):  # type: ignore[no-untyped-def]
    require(request, policy.CHECK_CANDIDATES)
    company = org_selectors.company_list(actor=request.user).get(pk=payload.company_id)
    employee = (
        org_selectors.employee_get(actor=request.user, employee_id=payload.employee_id) if payload.employee_id else None
    )
    data = payload.dict(exclude={"company_id", "employee_id"})
    check = services.candidate_check_run(
        actor=request.user, company=company, employee=employee, unit=employee.unit if employee else None, **data
    )
    return Status(201, check)


@router.get("/candidate-checks/{check_id}", response=CheckOut)
def check_get(request: ActorRequest, check_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.CHECK_CANDIDATES)
    return selectors.candidate_check_get(actor=request.user, check_id=check_id)


@router.post("/candidate-checks/{check_id}/conclude", response=CheckOut, summary="Approve the conclusion")
def check_conclude(request: ActorRequest, check_id: uuid.UUID, payload: ConcludeIn):  # type: ignore[no-untyped-def]
    require(request, policy.CHECK_CANDIDATES)
    check = selectors.candidate_check_get(actor=request.user, check_id=check_id)
    return services.candidate_check_conclude(actor=request.user, check=check, **payload.dict())


# People without an account: personal links, paper sheets, a contractor's list.


def _outsider_out(record: OutsiderAck, link: str | None = None) -> dict[str, Any]:
    return {
        "id": record.pk,
        "version_id": record.version_id,
        "company_id": record.company_id,
        "kind": record.kind,
        "full_name": record.full_name,
        "role": record.role,
        "counterparty_id": record.counterparty_id,
        "source": record.source,
        "expires_on": record.expires_on,
        "acknowledged_on": record.acknowledged_on,
        "language": record.language,
        "revoked_on": record.revoked_on,
        "link": link,
    }


@router.get("/outsiders", response=list[AwarenessOutsiderOut])
@paginate(Pagination, page_size=100)
def outsider_list(request: ActorRequest, kind: str = "") -> list[dict[str, Any]]:
    require(request, policy.VIEW)
    return [_outsider_out(r) for r in selectors.outsider_list(actor=request.user, kind=kind)]


@router.get("/outsiders/by-counterparty", response=list[AwarenessOutsiderCounterpartyOut])
def outsider_by_counterparty(
    request: ActorRequest, year: int | None = Query(None, ge=2000, le=2100)
) -> list[dict[str, Any]]:
    """Contractors' people who acknowledged (in `year`, else ever) and those asked, per counterparty."""
    require(request, policy.VIEW)
    return selectors.outsiders_by_counterparty(actor=request.user, year=year)


@router.post("/outsiders", response={201: AwarenessOutsiderOut})
def outsider_add(request: ActorRequest, payload: AwarenessOutsiderIn) -> Status:
    """A personal link (answered once in `link`), or a paper sheet when `acknowledged_on` is given."""
    require(request, policy.MANAGE)
    common: dict[str, Any] = {
        "actor": request.user,
        "version": selectors.version_get(actor=request.user, version_id=payload.version_id),
        "company_id": payload.company_id,
        "kind": payload.kind,
        "person": services.Person(payload.full_name, payload.role, payload.email),
        "counterparty_id": payload.counterparty_id,
    }
    if payload.acknowledged_on:
        return Status(201, _outsider_out(services.outsider_on_paper(acknowledged_on=payload.acknowledged_on, **common)))
    record, token = services.outsider_invite(days=payload.days, **common)
    return Status(201, _outsider_out(record, link_for(request, token)))


@router.post("/outsiders/import", response={201: list[AwarenessOutsiderOut]})
def outsider_import(
    request: ActorRequest,
    file: File[UploadedFile],  # type: ignore[no-untyped-def]
    version_id: uuid.UUID,
    company_id: uuid.UUID,
    counterparty_id: uuid.UUID,
    days: int = 14,
) -> Status:
    """A contractor's list of people (CSV: full_name, role, email): a personal link each, all or nothing."""
    require(request, policy.MANAGE)
    refuse_large_upload(file)
    created = services.outsiders_import(
        actor=request.user,
        version=selectors.version_get(actor=request.user, version_id=version_id),
        company_id=company_id,
        counterparty_id=counterparty_id,
        data=file.read(),
        days=days,
    )
    return Status(201, [_outsider_out(r, link_for(request, t)) for r, t in created])


@router.post("/outsiders/{record_id}/revoke", response=AwarenessOutsiderOut, summary="Revoke an unused personal link")
def outsider_revoke(request: ActorRequest, record_id: uuid.UUID) -> dict[str, Any]:
    require(request, policy.MANAGE)
    record = selectors.outsider_get(actor=request.user, record_id=record_id)
    return _outsider_out(services.outsider_revoke(actor=request.user, record=record))


# ---------------------------------------------------------------------------- outreach events


def _outreach_out(event: OutreachEvent) -> dict[str, Any]:
    return {
        **{name: getattr(event, name) for name in ("id", "company_id", "title", "kind", "format", "audience")},
        **{name: getattr(event, name) for name in ("held_on", "reach", "counterparty_id", "place", "link")},
        "description": event.description,
        "materials": list(event.materials.all()),
    }


@router.get("/outreach", response=list[AwarenessOutreachOut], summary="Outreach events")
@paginate(Pagination, page_size=100)
def outreach_list(
    request: ActorRequest, year: int | None = Query(None, ge=2000, le=2100), kind: str = "", audience: str = ""
) -> list[dict[str, Any]]:
    require(request, policy.VIEW)
    events = selectors.outreach_list(actor=request.user, year=year, kind=kind, audience=audience)
    return [_outreach_out(e) for e in events.prefetch_related("materials")]


@router.get("/outreach/by-kind", response=list[AwarenessOutreachKindOut], summary="Outreach by kind, two years")
def outreach_by_kind(request: ActorRequest, year: int = Query(..., ge=2000, le=2100)) -> list[dict[str, Any]]:
    """Events held and people reached per kind in `year` and the year before."""
    require(request, policy.VIEW)
    return selectors.outreach_by_kind(actor=request.user, year=year)


@router.post("/outreach", response={201: AwarenessOutreachOut}, summary="Record an outreach event")
def outreach_create(request: ActorRequest, payload: AwarenessOutreachIn) -> Status:
    require(request, policy.MANAGE)
    event = services.outreach_create(actor=request.user, **payload.dict())
    return Status(201, _outreach_out(event))


@router.get("/outreach/{event_id}", response=AwarenessOutreachOut, summary="One outreach event")
def outreach_get(request: ActorRequest, event_id: uuid.UUID) -> dict[str, Any]:
    require(request, policy.VIEW)
    return _outreach_out(selectors.outreach_get(actor=request.user, event_id=event_id))


@router.patch("/outreach/{event_id}", response=AwarenessOutreachOut, summary="Change an outreach event")
def outreach_update(request: ActorRequest, event_id: uuid.UUID, payload: AwarenessOutreachPatchIn) -> dict[str, Any]:
    require(request, policy.MANAGE)
    event = selectors.outreach_get(actor=request.user, event_id=event_id)
    data = patch_data(payload, clearable=("counterparty_id", "place", "link", "description"))
    for name in ("place", "link", "description"):
        if name in data and data[name] is None:
            data[name] = ""
    return _outreach_out(services.outreach_update(actor=request.user, event=event, data=data))


@router.delete("/outreach/{event_id}", response={204: None}, summary="Delete an outreach event")
def outreach_delete(request: ActorRequest, event_id: uuid.UUID) -> Status:
    require(request, policy.MANAGE)
    services.outreach_delete(actor=request.user, event=selectors.outreach_get(actor=request.user, event_id=event_id))
    return Status(204, None)


@router.post(
    "/outreach/{event_id}/materials", response={201: AwarenessOutreachMaterialOut}, summary="Attach a material"
)
def outreach_material(
    request: ActorRequest,
    event_id: uuid.UUID,
    file: File[UploadedFile],  # type: ignore[no-untyped-def]
) -> Status:
    require(request, policy.MANAGE)
    refuse_large_upload(file)
    event = selectors.outreach_get(actor=request.user, event_id=event_id)
    return Status(201, services.outreach_material_attach(actor=request.user, event=event, upload=file))
