"""API of the Speak Up module, staff side (the public side is the portal): cases, their
workflow, messages and notes, intake from other channels, statistics. The same services and
selectors as the pages; every case opened is logged."""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from senim.core import endpoints
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.endpoints import require
from senim.core.pagination import Pagination
from senim.speakup import policy, posters, selectors, services
from senim.speakup.downloads import file_response
from senim.speakup.importing import IMPORTS
from senim.speakup.models import Case, CaseLink, PosterLayout, PosterTag, PosterText
from senim.speakup.posters import CONTENT_TYPES, poster_url
from senim.speakup.schemas import (
    AssignIn,
    CaseCreatedOut,
    CloseIn,
    FileOut,
    LinkIn,
    LinkOut,
    RewardIn,
    SpeakupCaseDetailOut,
    SpeakupCaseIn,
    SpeakupCaseOut,
    SpeakupPosterTagIn,
    SpeakupPosterTagOut,
    SpeakupPosterTextIn,
    SpeakupPosterTextOut,
    StatisticsOut,
    StatusIn,
    TaskIn,
    TextIn,
)

router = Router(tags=["Speak Up"])
endpoints.add_import_endpoint(
    router,
    IMPORTS,
    app="speakup",
    description="""History import: `kind` cases (reports and questions received before Senim, with their
    dates, category and outcome; no identity columns); see docs/speakup.md. With dry_run (the default)
    only the validation report is returned; once written, `rows` gives the case each line created or updated.""",
)


def _cases(request: ActorRequest) -> None:
    """Refuse callers who may see no case at all before ids are resolved (403, not 404)."""
    if not selectors.can_see_cases(actor=request.user):
        raise PermissionDenied(policy.VIEW_ALL)


def _case(request: ActorRequest, case_id: uuid.UUID) -> Case:
    _cases(request)
    return selectors.case_get(actor=request.user, case_id=case_id)


def _detail(request: ActorRequest, case: Case) -> Case:
    """The case with its decrypted content attached, for SpeakupCaseDetailOut."""
    data = selectors.case_content(actor=request.user, case=case)
    internals = selectors.case_internals(actor=request.user, case=case)
    case.content, case.reporter = data.content, data.reporter  # type: ignore[attr-defined]
    case.closure, case.answer = data.closure, data.answer  # type: ignore[attr-defined]
    case.messages_out = [vars(m) for m in data.messages]  # type: ignore[attr-defined]
    case.notes_out = [vars(n) for n in internals["notes"]]  # type: ignore[attr-defined]
    case.tasks_out = [vars(t) for t in internals["tasks"]]  # type: ignore[attr-defined]
    return case


class CaseFilterIn(endpoints.HistoryFilters):
    """`date_from`/`date_to`: the day the case was received; `external_id`: its id in the register
    it was imported from."""

    status: str = ""
    kind: str = ""
    channel: str = ""
    category: str = ""
    company_id: uuid.UUID | None = None
    overdue: bool = False
    mine: bool = False
    watched: bool = False
    q: str = ""


@router.get("/cases", response=list[SpeakupCaseOut])
@paginate(Pagination, page_size=50)
def case_list(request: ActorRequest, filters: Query[CaseFilterIn]) -> QuerySet[Case]:
    _cases(request)
    f = selectors.CaseFilter(
        status=filters.status,
        kind=filters.kind,
        channel=filters.channel,
        category=filters.category,
        company_id=filters.company_id,
        overdue=filters.overdue,
        mine=filters.mine,
        watched=filters.watched,
        query=filters.q,
        received_from=filters.date_from,
        received_to=filters.date_to,
        external_id=filters.external_id,
    )
    return selectors.case_list(actor=request.user, filters=f)


@router.post("/cases", response={201: CaseCreatedOut})
def case_register(request: ActorRequest, payload: SpeakupCaseIn) -> Status:
    """Register a report received by the hotline, e-mail, post or in person."""
    if request.user.scope_for(policy.MANAGE).is_empty:
        raise PermissionDenied(policy.MANAGE)
    submission = services.case_register(actor=request.user, **payload.dict())
    return Status(201, {"case": submission.case, "receipt": submission.receipt})


@router.get("/cases/{case_id}", response=SpeakupCaseDetailOut)
def case_detail(request: ActorRequest, case_id: uuid.UUID) -> Case:
    case = _case(request, case_id)
    services.case_record_view(actor=request.user, case=case)
    return _detail(request, case)


@router.post("/cases/{case_id}/status", response=SpeakupCaseOut)
def case_status(request: ActorRequest, case_id: uuid.UUID, payload: StatusIn) -> Case:
    return services.case_set_status(
        actor=request.user, case=_case(request, case_id), status=payload.status, acknowledged_on=payload.acknowledged_on
    )


@router.post("/cases/{case_id}/messages", response={201: SpeakupCaseOut})
def case_message(request: ActorRequest, case_id: uuid.UUID, payload: TextIn) -> Status:
    """A message to the reporter (read on the portal with the receipt key)."""
    case = _case(request, case_id)
    services.message_send(actor=request.user, case=case, body=payload.text)
    case.refresh_from_db()
    return Status(201, case)


@router.post("/cases/{case_id}/notes", response={201: SpeakupCaseOut})
def case_note(request: ActorRequest, case_id: uuid.UUID, payload: TextIn) -> Status:
    case = _case(request, case_id)
    services.note_add(actor=request.user, case=case, body=payload.text)
    return Status(201, case)


@router.post("/cases/{case_id}/answer", response=SpeakupCaseOut)
def case_answer(request: ActorRequest, case_id: uuid.UUID, payload: TextIn) -> Case:
    return services.case_answer(actor=request.user, case=_case(request, case_id), answer=payload.text)


@router.post("/cases/{case_id}/close", response=SpeakupCaseOut)
def case_close(request: ActorRequest, case_id: uuid.UUID, payload: CloseIn) -> Case:
    return services.case_close(actor=request.user, case=_case(request, case_id), **payload.dict())


@router.post("/cases/{case_id}/assignees", response=SpeakupCaseOut)
def case_assign(request: ActorRequest, case_id: uuid.UUID, payload: AssignIn) -> Case:
    case = _case(request, case_id)
    eligible = {u.pk: u for u in selectors.eligible_investigators(actor=request.user, case=case)}
    unknown = [pk for pk in payload.user_ids if pk not in eligible]
    if unknown:
        raise ValidationError({"user_ids": [_("This person cannot work on this case.")]})
    return services.case_assign(actor=request.user, case=case, users=[eligible[pk] for pk in payload.user_ids])


@router.post("/cases/{case_id}/conflict", response={204: None})
def case_conflict(request: ActorRequest, case_id: uuid.UUID) -> Status:
    """Declare a conflict of interest and step aside from the case."""
    services.conflict_declare(actor=request.user, case=_case(request, case_id))
    return Status(204, None)


@router.post("/cases/{case_id}/tasks", response={201: SpeakupCaseOut})
def case_task(request: ActorRequest, case_id: uuid.UUID, payload: TaskIn) -> Status:
    case = _case(request, case_id)
    assignee = None
    if payload.assignee_id:
        eligible = {u.pk: u for u in selectors.eligible_investigators(actor=request.user, case=case)}
        if payload.assignee_id not in eligible:
            raise ValidationError({"assignee_id": [_("This person cannot work on this case.")]})
        assignee = eligible[payload.assignee_id]
    services.task_add(actor=request.user, case=case, title=payload.title, due=payload.due, assignee=assignee)
    return Status(201, case)


@router.post("/cases/{case_id}/links", response={201: LinkOut})
def case_link(request: ActorRequest, case_id: uuid.UUID, payload: LinkIn) -> Status:
    """Link a unit (of the case's company), an employee, a staff user account or a counterparty of
    the register to the case."""
    case = _case(request, case_id)
    target = selectors.link_target(
        actor=request.user,
        case=case,
        unit_id=payload.unit_id,
        employee_id=payload.employee_id,
        user_id=payload.user_id,
        counterparty_id=payload.counterparty_id,
    )
    link = services.link_add(actor=request.user, case=case, role=payload.role, **target)
    return Status(201, link)


@router.get("/cases/{case_id}/links", response=list[LinkOut])
def case_links(request: ActorRequest, case_id: uuid.UUID) -> QuerySet[CaseLink]:
    return selectors.link_list(actor=request.user, case=_case(request, case_id))


@router.post("/cases/{case_id}/rewards", response={201: SpeakupCaseOut})
def case_reward(request: ActorRequest, case_id: uuid.UUID, payload: RewardIn) -> Status:
    case = _case(request, case_id)
    services.reward_record(actor=request.user, case=case, **payload.dict())
    return Status(201, case)


@router.get("/cases/{case_id}/files", response=list[FileOut])
def case_files(request: ActorRequest, case_id: uuid.UUID) -> list[dict[str, Any]]:
    """The case's files (names decrypted), the reporter's and the officers'."""
    data = selectors.case_content(actor=request.user, case=_case(request, case_id))
    return data.files + [f for m in data.messages for f in m.attachments]


@router.get("/cases/{case_id}/files/{file_id}")
def case_file(request: ActorRequest, case_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponse:
    """Download one file, decrypted (always as an attachment); the download is audited."""
    case = _case(request, case_id)
    name, kind, data = selectors.attachment_get(actor=request.user, case=case, attachment_id=file_id)
    services.case_record_file_download(actor=request.user, case=case, file_id=file_id)
    return file_response(name, kind, data)


@router.get("/statistics", response=StatisticsOut)
def statistics(request: ActorRequest, year: int | None = None) -> dict[str, Any]:
    """Counts and durations of the cases in the caller's scope; never content."""
    if request.user.scope_for(policy.VIEW_STATS).is_empty:
        raise PermissionDenied(policy.VIEW_STATS)
    if year is not None and not 2000 <= year <= 2100:
        raise ValidationError({"year": [_("Choose a year between 2000 and 2100.")]})
    cases = selectors.statistics_cases(actor=request.user)
    return selectors.case_statistics(cases=cases, year=year or timezone.localdate().year)


# Posters and pocket cards, their source tags and wording.


class PosterQueryIn(Schema):
    company_id: uuid.UUID
    layout: str = "a4"
    languages: str = "ru"
    format: str = "pdf"
    tag: str = ""


@router.get("/posters")
def poster_render(request: ActorRequest, query: Query[PosterQueryIn]) -> HttpResponse:
    """The poster or card as PDF, PNG or SVG; `languages` is a comma-separated list (ru,kk,en,uz)."""
    require(request, policy.POSTERS)
    company = selectors.poster_company_get(actor=request.user, company_id=query.company_id)
    languages = [code.strip() for code in query.languages.split(",") if code.strip()]
    errors = {}
    known = ", ".join(posters.LANGUAGE_CODES)
    if not languages or set(languages) - set(posters.LANGUAGE_CODES) or len(set(languages)) < len(languages):
        errors["languages"] = _("Choose one or several of: %(codes)s.") % {"codes": known}
    if query.layout not in PosterLayout.values:
        errors["layout"] = _("Choose one of: %(codes)s.") % {"codes": ", ".join(PosterLayout.values)}
    if query.format not in posters.FORMATS:
        errors["format"] = _("Choose one of: %(codes)s.") % {"codes": ", ".join(posters.FORMATS)}
    if query.tag and not selectors.poster_tag_list(actor=request.user).filter(code=query.tag, company=company).exists():
        errors["tag"] = _("No such tag for this company.")
    if errors:
        raise ValidationError(errors)
    body = posters.render(
        url=poster_url(request, query.tag),
        company_id=company.pk,
        company_name=str(company),
        layout=query.layout,
        languages=languages,
        fmt=query.format,
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[query.format])
    response["Content-Disposition"] = f'attachment; filename="speakup-{query.layout}.{query.format}"'
    return response


def _tag_out(request: ActorRequest, tag: PosterTag) -> dict[str, Any]:
    visits = getattr(tag, "visit_count", None)
    if visits is None:
        visits = sum(tag.visits.values_list("count", flat=True))
    return {
        "id": tag.pk,
        "company_id": tag.company_id,
        "code": tag.code,
        "label": tag.label,
        "visits": visits,
        "url": poster_url(request, tag.code),
    }


@router.get("/poster-tags", response=list[SpeakupPosterTagOut])
def poster_tag_list(request: ActorRequest, year: int | None = None) -> list[dict[str, Any]]:
    """Source tags with their visits (in `year`, else since they were made)."""
    require(request, policy.POSTERS)
    return [_tag_out(request, tag) for tag in selectors.poster_tag_list(actor=request.user, year=year)]


@router.post("/poster-tags", response={201: SpeakupPosterTagOut})
def poster_tag_create(request: ActorRequest, payload: SpeakupPosterTagIn) -> Status:
    require(request, policy.POSTERS)
    tag = services.poster_tag_create(
        actor=request.user, company_id=payload.company_id, label=payload.label, code=payload.code
    )
    return Status(201, _tag_out(request, tag))


@router.put("/poster-texts/{company_id}/{language}", response=SpeakupPosterTextOut)
def poster_text_save(
    request: ActorRequest, company_id: uuid.UUID, language: str, payload: SpeakupPosterTextIn
) -> PosterText:
    """A company's own wording in one language; empty fields print the translated defaults."""
    require(request, policy.POSTERS)
    company = selectors.poster_company_get(actor=request.user, company_id=company_id)
    if language not in posters.LANGUAGE_CODES:
        known = ", ".join(posters.LANGUAGE_CODES)
        raise ValidationError({"language": _("Choose one of: %(codes)s.") % {"codes": known}})
    return services.poster_text_save(actor=request.user, company_id=company.pk, language=language, data=payload.dict())
