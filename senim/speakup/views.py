"""Officers' pages: the case list, staff intake, the case page with its actions, files and
statistics. Every case page opened is logged in the audit trail. A case the user may not open is
"not found", so that a person named in it does not learn that it exists."""

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from senim.core.access import ActorRequest, PermissionDenied, scope_of
from senim.core.forms import apply_errors
from senim.core.pdf import html_to_pdf
from senim.core.policy import VIEW_AUDIT
from senim.core.views import get_or_404, permission_required
from senim.org.models import Employee
from senim.speakup import policy, selectors, services, tables
from senim.speakup.downloads import file_response
from senim.speakup.forms import (
    AnswerForm,
    AssignForm,
    CaseFilterForm,
    CloseForm,
    IntakeForm,
    LinkForm,
    MessageForm,
    NoteForm,
    RewardForm,
    StatsForm,
    StatusForm,
    TaskForm,
)
from senim.speakup.limits import staff_upload
from senim.speakup.models import (
    FINAL_STATUSES,
    Attachment,
    Case,
    CaseLink,
    Category,
    Channel,
    Measure,
    Outcome,
    Status,
    Task,
)


def cases_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A signed-in user who may see some cases (as officer or as investigator)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.can_see_cases(request.user):  # type: ignore[arg-type]
            raise DjangoPermissionDenied
        return never_cache(view)(request, *args, **kwargs)

    return wrapper


def _case(request: ActorRequest, case_id: uuid.UUID) -> Case:
    return get_or_404(selectors.case_get, actor=request.user, case_id=case_id)


@cases_required
def case_list(request: ActorRequest) -> HttpResponse:
    form = CaseFilterForm(request.GET or None, companies=selectors.public_companies())
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.CaseFilter(
        status=data.get("status", ""),
        kind=data.get("kind", ""),
        channel=data.get("channel", ""),
        category=data.get("category", ""),
        company_id=uuid.UUID(data["company"]) if data.get("company") else None,
        overdue=bool(data.get("overdue")),
        mine=bool(data.get("mine")),
        watched=bool(data.get("watched")),
        query=data.get("q", ""),
    )
    today = timezone.localdate()
    return tables.CASES.respond(
        request,
        selectors.case_list(actor=request.user, filters=filters),
        "speakup/case_list.html",
        {"form": form, "can_register": request.user.can(policy.MANAGE)},
        per_page_context=lambda page: {"rows": [(case, case.overdue_kinds(today)) for case in page]},
    )


def _manage_companies(request: ActorRequest) -> tuple[list[tuple[Any, str]], bool]:
    scope = scope_of(request.user, policy.MANAGE)
    companies = selectors.public_companies()
    if not scope.everything:
        companies = [(pk, name) for pk, name in companies if pk in scope.company_ids]
    return companies, scope.everything


@staff_upload
@permission_required(policy.MANAGE)
@never_cache
def case_intake(request: ActorRequest) -> HttpResponse:
    """Register a report received by the hotline, e-mail, post or in person."""
    companies, whole_group = _manage_companies(request)
    form = IntakeForm(request.POST or None, request.FILES or None, companies=companies, whole_group=whole_group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submission = services.case_register(
                actor=request.user,
                kind=data["kind"],
                channel=data["channel"],
                category=data["category"],
                content=form.content(),
                anonymous=form.anonymous,
                reporter=form.reporter(),
                company_id=data.get("company") or None,
                language=data["language"],
                received_on=data["received_on"],
                uploads=data.get("attachments") or [],
                issue_receipt=bool(data.get("issue_receipt")),
            )
        except (ValidationError, PermissionDenied) as error:
            apply_errors(form, error if isinstance(error, ValidationError) else ValidationError(_("Not allowed.")))
        else:
            if submission.receipt:
                return render(
                    request, "speakup/receipt_issued.html", {"case": submission.case, "receipt": submission.receipt}
                )
            messages.success(request, _("The report was registered."))
            return redirect("speakup:case-detail", case_id=submission.case.pk)
    return render(request, "speakup/case_intake.html", {"form": form})


def _units(case: Case) -> list[tuple[Any, str]]:
    if not case.company_id:
        return []
    return [(u.pk, str(u)) for u in selectors.company_units(company_id=case.company_id)]


def _forms(case: Case, bound: dict[str, forms.Form]) -> dict[str, forms.Form]:
    investigators = selectors.eligible_investigators(case=case)
    made: dict[str, forms.Form] = {
        "status_form": StatusForm(allowed=list(services.TRANSITIONS.get(case.status, ()))),
        "assign_form": AssignForm(
            users=investigators, initial={"assignees": [str(pk) for pk in case.assignees.values_list("pk", flat=True)]}
        ),
        "message_form": MessageForm(),
        "note_form": NoteForm(),
        "task_form": TaskForm(users=investigators),
        "link_form": LinkForm(units=_units(case)),
        "close_form": CloseForm(),
        "answer_form": AnswerForm(),
        "reward_form": RewardForm(initial={"decided_on": timezone.localdate()}),
    }
    made.update(bound)
    return made


def _detail(request: ActorRequest, case: Case, status: int = 200, **bound: forms.Form) -> HttpResponse:
    user = request.user
    manage = scope_of(user, policy.MANAGE)
    work = scope_of(user, policy.WORK)
    data = selectors.case_content(case=case)
    internals = selectors.case_internals(case=case)
    context: dict[str, Any] = {
        "case": case,
        "data": data,
        "internals": internals,
        "timeline": selectors.case_timeline(case=case, data=data, internals=internals),
        "overdue": case.overdue_kinds(),
        "can_manage": selectors.scope_covers_case(manage, case),
        "can_work": selectors.scope_covers_case(work, case),
        "is_open": case.status not in FINAL_STATUSES,
        "assignees": list(case.assignees.all()),
        "today": timezone.localdate(),
        "measures": [Measure(m).label for m in case.measures if m in Measure.values],
        "can_view_audit": user.can(VIEW_AUDIT),
        **_forms(case, bound),
    }
    return render(request, "speakup/case_detail.html", context, status=status)


@cases_required
def case_detail(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    services.case_record_view(actor=request.user, case=case)
    return _detail(request, case)


@cases_required
def case_report_pdf(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    """The case as a printable report (PDF): facts, what was reported, findings and the timeline.
    The reporter's identity is left out unless asked for (`?identity=1`) by someone who manages
    the case; the printing is recorded in the case's access log like a look at the page."""
    case = _case(request, case_id)
    may_identify = selectors.scope_covers_case(scope_of(request.user, policy.MANAGE), case)
    with_identity = request.GET.get("identity") == "1" and may_identify and not case.anonymous
    services.case_record_view(actor=request.user, case=case)
    data = selectors.case_content(case=case)
    internals = selectors.case_internals(case=case)
    context = {
        "case": case,
        "data": data,
        "with_identity": with_identity,
        "timeline": selectors.case_timeline(case=case, data=data, internals=internals),
        "assignees": list(case.assignees.all()),
        "measures": [Measure(m).label for m in case.measures if m in Measure.values],
        "printed_at": timezone.localtime(),
        "printed_by": request.user.display_name,
        "language": get_language() or "en",
    }
    content = html_to_pdf(render_to_string("speakup/case_report_pdf.html", context, request=request))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def _act(
    request: ActorRequest,
    case: Case,
    form: forms.Form,
    form_name: str,
    action: Callable[[], object],
    success: str,
) -> HttpResponse:
    """Run one case action from a posted form: on success back to the case page with a message;
    on a form or service error, the case page again with the errors beside the form."""
    if form.is_valid():
        try:
            action()
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("speakup:case-detail", case_id=case.pk)
    return _detail(request, case, status=400, **{form_name: form})


@cases_required
@require_POST
def case_status(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    form = StatusForm(request.POST, allowed=list(services.TRANSITIONS.get(case.status, ())))
    return _act(
        request,
        case,
        form,
        "status_form",
        lambda: services.case_set_status(actor=request.user, case=case, status=form.cleaned_data["status"]),
        _("The status was changed."),
    )


@cases_required
@require_POST
def case_assign(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    users = selectors.eligible_investigators(case=case)
    form = AssignForm(request.POST, users=users)
    by_id = {str(u.pk): u for u in users}
    return _act(
        request,
        case,
        form,
        "assign_form",
        lambda: services.case_assign(
            actor=request.user, case=case, users=[by_id[pk] for pk in form.cleaned_data["assignees"]]
        ),
        _("The investigators were saved."),
    )


@staff_upload
@cases_required
@require_POST
def case_message(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    form = MessageForm(request.POST, request.FILES)
    return _act(
        request,
        case,
        form,
        "message_form",
        lambda: services.message_send(
            actor=request.user,
            case=case,
            body=form.cleaned_data["body"],
            uploads=form.cleaned_data.get("attachments") or [],
        ),
        _("The message was sent. The reporter reads it on the portal with the receipt key."),
    )


@cases_required
@require_POST
def case_note(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    form = NoteForm(request.POST)
    return _act(
        request,
        case,
        form,
        "note_form",
        lambda: services.note_add(actor=request.user, case=case, body=form.cleaned_data["body"]),
        _("The note was added."),
    )


@cases_required
@require_POST
def case_task(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    users = selectors.eligible_investigators(case=case)
    form = TaskForm(request.POST, users=users)
    by_id = {str(u.pk): u for u in users}
    return _act(
        request,
        case,
        form,
        "task_form",
        lambda: services.task_add(
            actor=request.user,
            case=case,
            title=form.cleaned_data["title"],
            due=form.cleaned_data["due"],
            assignee=by_id.get(form.cleaned_data.get("assignee") or ""),
        ),
        _("The task was added."),
    )


@cases_required
@require_POST
def case_task_done(request: ActorRequest, case_id: uuid.UUID, task_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    try:
        task = case.tasks.get(pk=task_id)
    except Task.DoesNotExist as error:
        raise Http404 from error
    services.task_complete(actor=request.user, task=task)
    messages.success(request, _("The task was marked as done."))
    return redirect("speakup:case-detail", case_id=case.pk)


def _link_target(actor: Any, case: Case, data: dict[str, Any]) -> dict[str, Any]:
    if data.get("unit"):
        units = dict(_units(case))
        if uuid.UUID(data["unit"]) not in units:
            raise ValidationError({"unit": [_("Choose one of the options.")]})
        return {"unit": selectors.company_units(company_id=case.company_id).get(pk=data["unit"])}
    if data.get("personnel_number"):
        employee = (
            Employee.objects.filter(
                company_id=case.company_id, personnel_number=data["personnel_number"].strip()
            ).first()
            if case.company_id
            else None
        )
        if employee is None:
            raise ValidationError({"personnel_number": [_("No employee of this company has this personnel number.")]})
        return {"employee": employee}
    if data.get("counterparty_number"):
        found = selectors.register_counterparties_by_number(actor=actor, number=data["counterparty_number"])
        if not found:
            raise ValidationError(
                {"counterparty_number": [_("No counterparty of the register you can see has this number.")]}
            )
        if len(found) > 1:
            raise ValidationError(
                {
                    "counterparty_number": [
                        _("Several counterparties have this number; link it through the API by its id.")
                    ]
                }
            )
        return {"counterparty": found[0]}
    user = get_user_model().objects.filter(username=data["username"].strip()).first()
    if user is None:
        raise ValidationError({"username": [_("There is no user with this name.")]})
    return {"user": user}


@cases_required
@require_POST
def case_link(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    form = LinkForm(request.POST, units=_units(case))
    return _act(
        request,
        case,
        form,
        "link_form",
        lambda: services.link_add(
            actor=request.user,
            case=case,
            role=form.cleaned_data["role"],
            **_link_target(request.user, case, form.cleaned_data),
        ),
        _("The link was added."),
    )


@cases_required
@require_POST
def case_unlink(request: ActorRequest, case_id: uuid.UUID, link_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    try:
        link = case.links.get(pk=link_id)
    except CaseLink.DoesNotExist as error:
        raise Http404 from error
    services.link_remove(actor=request.user, link=link)
    messages.success(request, _("The link was removed."))
    return redirect("speakup:case-detail", case_id=case.pk)


@cases_required
@require_POST
def case_close(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    form = CloseForm(request.POST)
    return _act(
        request,
        case,
        form,
        "close_form",
        lambda: services.case_close(
            actor=request.user,
            case=case,
            outcome=form.cleaned_data["outcome"],
            measures=form.cleaned_data["measures"],
            summary=form.cleaned_data.get("summary") or "",
        ),
        _("The case was closed."),
    )


@cases_required
@require_POST
def case_answer(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    form = AnswerForm(request.POST)
    return _act(
        request,
        case,
        form,
        "answer_form",
        lambda: services.case_answer(actor=request.user, case=case, answer=form.cleaned_data["answer"]),
        _("The answer was sent to the reporter."),
    )


@cases_required
@require_POST
def case_reward(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    form = RewardForm(request.POST)
    return _act(
        request,
        case,
        form,
        "reward_form",
        lambda: services.reward_record(actor=request.user, case=case, **form.cleaned_data),
        _("The reward was recorded."),
    )


@cases_required
@require_POST
def case_conflict(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    services.conflict_declare(actor=request.user, case=case)
    messages.success(request, _("You declared a conflict of interest and no longer have access to this case."))
    return redirect("speakup:case-list")


@cases_required
@require_POST
def case_receipt(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    try:
        receipt = services.case_issue_receipt(actor=request.user, case=case)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("speakup:case-detail", case.pk)
    return render(request, "speakup/receipt_issued.html", {"case": case, "receipt": receipt})


@cases_required
def case_file(request: ActorRequest, case_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    try:
        name, kind, data = selectors.attachment_get(case=case, attachment_id=file_id)
    except Attachment.DoesNotExist as error:
        raise Http404 from error
    services.case_record_file_download(actor=request.user, case=case, file_id=file_id)
    return file_response(name, kind, data)


@permission_required(policy.VIEW_STATS)
def statistics(request: ActorRequest) -> HttpResponse:
    """Counts and durations only, never content: what auditors see."""
    form = StatsForm(request.GET or None)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or timezone.localdate().year
    stats = selectors.case_statistics(cases=selectors.statistics_cases(actor=request.user), year=year)
    return render(
        request, "speakup/statistics.html", {"form": form, "stats": stats, "year": year, "tables": _tables(stats)}
    )


def _tables(stats: dict[str, Any]) -> list[tuple[str, list[tuple[str, int]]]]:
    """The breakdowns with translated labels, in the order of the choices."""

    def rows(counts: dict[str, int], choices: Any) -> list[tuple[str, int]]:
        return [(str(label), counts[value]) for value, label in choices.choices if counts.get(value)]

    return [
        (_("By channel"), rows(stats["by_channel"], Channel)),
        (_("By category"), rows(stats["by_category"], Category)),
        (_("By status"), rows(stats["by_status"], Status)),
        (_("Outcomes of closed reports"), rows(stats["by_outcome"], Outcome)),
        (_("Measures taken"), rows(stats["measures"], Measure)),
    ]
