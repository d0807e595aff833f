"""Officers' pages: the case list, staff intake, the case page with its actions, files and
statistics. Every case page opened is logged in the audit trail. A case the user may not open is
"not found", so that a person named in it does not learn that it exists."""

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from senim.core import indicators
from senim.core.access import ActorRequest, PermissionDenied, scope_of
from senim.core.forms import IndicatorFilterForm, apply_errors
from senim.core.pdf import html_to_pdf
from senim.core.policy import VIEW_AUDIT
from senim.core.views import get_or_404, permission_required
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
    StatusForm,
    TaskForm,
)
from senim.speakup.limits import staff_upload
from senim.speakup.models import (
    FINAL_STATUSES,
    Case,
    Category,
    Channel,
    Measure,
    Outcome,
    Status,
)


def cases_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A signed-in user who may see some cases (as officer or as investigator)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.can_see_cases(actor=request.user):  # type: ignore[arg-type]
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


def _units(request: ActorRequest, case: Case) -> list[tuple[Any, str]]:
    return [(u.pk, str(u)) for u in selectors.company_units(actor=request.user, case=case)]


def _forms(request: ActorRequest, case: Case, bound: dict[str, forms.Form]) -> dict[str, forms.Form]:
    investigators = selectors.eligible_investigators(actor=request.user, case=case)
    made: dict[str, forms.Form] = {
        "status_form": StatusForm(allowed=list(services.TRANSITIONS.get(case.status, ()))),
        "assign_form": AssignForm(
            users=investigators, initial={"assignees": [str(pk) for pk in case.assignees.values_list("pk", flat=True)]}
        ),
        "message_form": MessageForm(),
        "note_form": NoteForm(),
        "task_form": TaskForm(users=investigators),
        "link_form": LinkForm(units=_units(request, case)),
        "close_form": CloseForm(),
        "answer_form": AnswerForm(),
        "reward_form": RewardForm(initial={"decided_on": timezone.localdate()}),
    }
    made.update(bound)
    return made


def _detail(request: ActorRequest, case: Case, status: int = 200, **bound: forms.Form) -> HttpResponse:
    user = request.user
    data = selectors.case_content(actor=user, case=case)
    internals = selectors.case_internals(actor=user, case=case)
    context: dict[str, Any] = {
        "case": case,
        "data": data,
        "internals": internals,
        "timeline": selectors.case_timeline(case=case, data=data, internals=internals),
        "overdue": case.overdue_kinds(),
        "can_manage": selectors.case_in_reach(actor=user, case=case, permission=policy.MANAGE),
        "can_work": selectors.case_in_reach(actor=user, case=case, permission=policy.WORK),
        "is_open": case.status not in FINAL_STATUSES,
        "assignees": list(case.assignees.all()),
        "today": timezone.localdate(),
        "measures": [Measure(m).label for m in case.measures if m in Measure.values],
        "can_view_audit": user.can(VIEW_AUDIT),
        **_forms(request, case, bound),
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
    user = request.user
    may_identify = selectors.case_in_reach(actor=user, case=case, permission=policy.MANAGE)
    with_identity = request.GET.get("identity") == "1" and may_identify and not case.anonymous
    services.case_record_view(actor=user, case=case)
    data = selectors.case_content(actor=user, case=case)
    internals = selectors.case_internals(actor=user, case=case)
    context = {
        "case": case,
        "data": data,
        "with_identity": with_identity,
        "timeline": selectors.case_timeline(case=case, data=data, internals=internals),
        "assignees": list(case.assignees.all()),
        "measures": [Measure(m).label for m in case.measures if m in Measure.values],
        "printed_at": timezone.localtime(),
        "printed_by": getattr(user, "display_name", "") or str(user),
        "language": get_language() or "en",
    }
    content = html_to_pdf(render_to_string("speakup/case_report_pdf.html", context, request=request))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


Action = tuple[forms.Form | None, Callable[[], object]]
Build = Callable[..., tuple[forms.Form | None, Callable[[], object]]]


def case_action(form_name: str = "", success: Any = "", *, uploads: bool = False) -> Callable[[Build], Any]:
    """The one pattern of every action on a case page (a POST). The decorated function receives the
    request, the case (opened as the user sees it, else 404) and the URL's other ids, and returns the
    posted form (None for a button without fields) and the service call to make once it is valid.

    On success the user goes back to the case page with `success` as the message, unless the call
    returns a response of its own. A form or service error shows the case page again, 400, with the
    errors beside the form; a button's service error is a message on the case page. A service's
    PermissionDenied is the 403 page, as everywhere."""

    def decorate(build: Build) -> Callable[..., HttpResponse]:
        @wraps(build)
        def view(request: ActorRequest, case_id: uuid.UUID, **ids: Any) -> HttpResponse:
            case = _case(request, case_id)
            form, run = build(request, case, **ids)
            if form is None or form.is_valid():
                try:
                    result = run()
                except ValidationError as error:
                    if form is None:
                        messages.error(request, " ".join(error.messages))
                        return redirect("speakup:case-detail", case_id=case.pk)
                    apply_errors(form, error)
                else:
                    if isinstance(result, HttpResponse):
                        return result
                    messages.success(request, str(success))
                    return redirect("speakup:case-detail", case_id=case.pk)
            return _detail(request, case, status=400, **{form_name: form})

        guarded = cases_required(require_POST(view))
        return staff_upload(guarded) if uploads else guarded

    return decorate


@case_action("status_form", gettext_lazy("The status was changed."))
def case_status(request: ActorRequest, case: Case) -> Action:
    form = StatusForm(request.POST, allowed=list(services.TRANSITIONS.get(case.status, ())))
    return form, lambda: services.case_set_status(
        actor=request.user,
        case=case,
        status=form.cleaned_data["status"],
        acknowledged_on=form.cleaned_data.get("acknowledged_on"),
    )


@case_action("assign_form", gettext_lazy("The investigators were saved."))
def case_assign(request: ActorRequest, case: Case) -> Action:
    users = selectors.eligible_investigators(actor=request.user, case=case)
    form = AssignForm(request.POST, users=users)
    by_id = {str(u.pk): u for u in users}
    return form, lambda: services.case_assign(
        actor=request.user, case=case, users=[by_id[pk] for pk in form.cleaned_data["assignees"]]
    )


@case_action(
    "message_form",
    gettext_lazy("The message was sent. The reporter reads it on the portal with the receipt key."),
    uploads=True,
)
def case_message(request: ActorRequest, case: Case) -> Action:
    form = MessageForm(request.POST, request.FILES)
    return form, lambda: services.message_send(
        actor=request.user,
        case=case,
        body=form.cleaned_data["body"],
        uploads=form.cleaned_data.get("attachments") or [],
    )


@case_action("note_form", gettext_lazy("The note was added."))
def case_note(request: ActorRequest, case: Case) -> Action:
    form = NoteForm(request.POST)
    return form, lambda: services.note_add(actor=request.user, case=case, body=form.cleaned_data["body"])


@case_action("task_form", gettext_lazy("The task was added."))
def case_task(request: ActorRequest, case: Case) -> Action:
    users = selectors.eligible_investigators(actor=request.user, case=case)
    form = TaskForm(request.POST, users=users)
    by_id = {str(u.pk): u for u in users}
    return form, lambda: services.task_add(
        actor=request.user,
        case=case,
        title=form.cleaned_data["title"],
        due=form.cleaned_data["due"],
        assignee=by_id.get(form.cleaned_data.get("assignee") or ""),
    )


@case_action(success=gettext_lazy("The task was marked as done."))
def case_task_done(request: ActorRequest, case: Case, task_id: uuid.UUID) -> Action:
    task = get_or_404(selectors.task_get, actor=request.user, case=case, task_id=task_id)
    return None, lambda: services.task_complete(actor=request.user, task=task)


@case_action("link_form", gettext_lazy("The link was added."))
def case_link(request: ActorRequest, case: Case) -> Action:
    form = LinkForm(request.POST, units=_units(request, case))

    def run() -> object:
        data = form.cleaned_data
        target = selectors.link_target(
            actor=request.user,
            case=case,
            unit_id=data.get("unit") or None,
            personnel_number=data.get("personnel_number") or "",
            username=data.get("username") or "",
            counterparty_number=data.get("counterparty_number") or "",
        )
        return services.link_add(actor=request.user, case=case, role=data["role"], **target)

    return form, run


@case_action(success=gettext_lazy("The link was removed."))
def case_unlink(request: ActorRequest, case: Case, link_id: uuid.UUID) -> Action:
    link = get_or_404(selectors.link_get, actor=request.user, case=case, link_id=link_id)
    return None, lambda: services.link_remove(actor=request.user, link=link)


@case_action("close_form", gettext_lazy("The case was closed."))
def case_close(request: ActorRequest, case: Case) -> Action:
    form = CloseForm(request.POST)
    return form, lambda: services.case_close(
        actor=request.user,
        case=case,
        outcome=form.cleaned_data["outcome"],
        measures=form.cleaned_data["measures"],
        summary=form.cleaned_data.get("summary") or "",
        closed_on=form.cleaned_data.get("closed_on"),
    )


@case_action("answer_form", gettext_lazy("The answer was sent to the reporter."))
def case_answer(request: ActorRequest, case: Case) -> Action:
    form = AnswerForm(request.POST)
    return form, lambda: services.case_answer(actor=request.user, case=case, answer=form.cleaned_data["answer"])


@case_action("reward_form", gettext_lazy("The reward was recorded."))
def case_reward(request: ActorRequest, case: Case) -> Action:
    form = RewardForm(request.POST)
    return form, lambda: services.reward_record(actor=request.user, case=case, **form.cleaned_data)


@case_action()
def case_conflict(request: ActorRequest, case: Case) -> Action:
    def run() -> HttpResponse:
        services.conflict_declare(actor=request.user, case=case)
        messages.success(request, _("You declared a conflict of interest and no longer have access to this case."))
        return redirect("speakup:case-list")

    return None, run


@case_action()
def case_receipt(request: ActorRequest, case: Case) -> Action:
    def run() -> HttpResponse:
        receipt = services.case_issue_receipt(actor=request.user, case=case)
        return render(request, "speakup/receipt_issued.html", {"case": case, "receipt": receipt})

    return None, run


@cases_required
def case_file(request: ActorRequest, case_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponse:
    case = _case(request, case_id)
    name, kind, data = get_or_404(selectors.attachment_get, actor=request.user, case=case, attachment_id=file_id)
    services.case_record_file_download(actor=request.user, case=case, file_id=file_id)
    return file_response(name, kind, data)


# The figures the statistics page shows from the indicator registry, so that they are the indicators
# page's figures for the same year and company (entered baseline figures included).
STATISTICS_INDICATORS = (
    "speakup.reports",
    "speakup.questions",
    "speakup.anonymous_share",
    "speakup.closed",
    "speakup.substantiated_share",
    "speakup.questions_answered",
    "speakup.missed_deadlines",
    "speakup.median_days_to_acknowledge",
    "speakup.median_days_to_close",
)


@permission_required(policy.VIEW_STATS)
def statistics(request: ActorRequest) -> HttpResponse:
    """Counts and durations only, never content: what auditors see. The headline figures are the
    indicators (core.indicators) for the year and the company chosen; the breakdowns count the same
    cases by the same definitions."""
    scope = scope_of(request.user, policy.VIEW_STATS)
    form = IndicatorFilterForm(
        request.GET or None, choices=selectors.statistics_companies(actor=request.user), whole_group=scope.everything
    )
    year, company = form.year_and_company()
    cases = selectors.statistics_cases(actor=request.user)
    if company is not None:
        cases = cases.filter(company_id=company)
    elif not scope.everything:
        cases = cases.none()
    figures = (
        indicators.compute_values(year=year, company_id=company, codes=list(STATISTICS_INDICATORS))
        if scope.everything or company
        else []
    )
    stats = selectors.case_statistics(cases=cases, year=year)
    context = {"form": form, "stats": stats, "year": year, "figures": figures, "tables": _tables(stats)}
    return render(request, "speakup/statistics.html", context)


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
