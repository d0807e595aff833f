"""Officer pages: results by test and by unit, assignments and overdue lists, question banks
(import and export in GIFT, Moodle XML and workbook), tests, training events with attendees and
certificates, and completions imported from an external LMS."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import apply_errors
from senim.core.views import permission_required
from senim.learning import banks, policy, selectors, services, tables, workbooks
from senim.learning.forms import (
    AssignmentForm,
    AttendeesForm,
    BankForm,
    BankImportForm,
    CompletionsImportForm,
    EventForm,
    TestForm,
    YearForm,
)
from senim.learning.models import QuestionBank, TrainingEvent
from senim.learning.services import CompletionRow
from senim.org import selectors as org_selectors


def _year(request: ActorRequest) -> tuple[YearForm, int]:
    form = YearForm(request.GET or None)
    return form, (form.cleaned_data.get("year") if form.is_valid() else None) or timezone.localdate().year


@permission_required(policy.VIEW_RESULTS)
def results(request: ActorRequest) -> HttpResponse:
    form, year = _year(request)
    attempts = selectors.attempt_list(actor=request.user, year=year)
    return tables.ATTEMPTS.respond(request, attempts, "learning/results.html", {"form": form, "year": year})


@permission_required(policy.VIEW_RESULTS)
def results_by_unit(request: ActorRequest) -> HttpResponse:
    form, year = _year(request)
    rows = selectors.trained_share_by_unit(actor=request.user, year=year)
    return render(request, "learning/results_units.html", {"form": form, "year": year, "rows": rows})


@permission_required(policy.VIEW_RESULTS)
def assignment_list(request: ActorRequest) -> HttpResponse:
    assignments = selectors.assignment_list(actor=request.user)
    context = {"can_manage": request.user.can(policy.MANAGE)}
    return tables.ASSIGNMENTS.respond(request, assignments, "learning/assignments.html", context)


@permission_required(policy.MANAGE)
def assignment_create(request: ActorRequest) -> HttpResponse:
    form = AssignmentForm(
        request.POST or None,
        companies=org_selectors.company_list(actor=request.user),
        units=org_selectors.unit_list(actor=request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment = services.assignment_create(
                actor=request.user,
                test=data["test"],
                audience=data["audience"],
                company=data["company"],
                units=list(data["units"]),
                due_date=data["due_date"],
                probation_days=data["probation_days"],
            )
        except PermissionDenied:
            form.add_error("company", _("You may assign tests only within your scope."))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            count = assignment.items.count()
            messages.success(
                request,
                ngettext("%(count)s employee was asked.", "%(count)s employees were asked.", count) % {"count": count},
            )
            return redirect("learning:assignments")
    return render(request, "learning/assignment_form.html", {"form": form})


@permission_required(policy.VIEW_RESULTS)
def overdue(request: ActorRequest) -> HttpResponse:
    items = selectors.overdue_items(actor=request.user)
    return tables.OVERDUE.respond(request, items, "learning/overdue.html")


# ------------------------------------------------------------------------------------ banks and tests


def _bank(request: ActorRequest, bank_id: uuid.UUID) -> QuestionBank:
    try:
        return selectors.bank_get(actor=request.user, bank_id=bank_id)
    except (QuestionBank.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error


@permission_required(policy.MANAGE)
def bank_list(request: ActorRequest) -> HttpResponse:
    form = BankForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        bank = services.bank_create(actor=request.user, title=form.cleaned_data["title"])
        return redirect("learning:bank-detail", bank_id=bank.pk)
    context = {"banks": selectors.bank_list(actor=request.user), "tests": selectors.test_list(actor=request.user)}
    return render(request, "learning/banks.html", {**context, "form": form})


@permission_required(policy.MANAGE)
def bank_detail(request: ActorRequest, bank_id: uuid.UUID) -> HttpResponse:
    bank = _bank(request, bank_id)
    form = BankImportForm(request.POST or None, request.FILES or None)
    problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        parsed = banks.read_bank(upload.name, upload.read())
        try:
            added = services.bank_import(
                actor=request.user, bank=bank, parsed=parsed, language=form.cleaned_data["language"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                ngettext("%(count)s question was imported.", "%(count)s questions were imported.", added)
                % {"count": added},
            )
            problems = parsed.problems
    categories = selectors.bank_categories(actor=request.user, bank=bank).prefetch_related("questions")
    context = {"bank": bank, "form": form, "problems": problems, "categories": categories}
    return render(request, "learning/bank_detail.html", context)


EXPORTS = {
    "gift": ("text/plain; charset=utf-8", "gift", lambda qs: banks.write_gift(qs).encode()),
    "xml": ("application/xml", "xml", banks.write_moodle_xml),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", banks.write_workbook),
}


@permission_required(policy.MANAGE)
def bank_export(request: ActorRequest, bank_id: uuid.UUID, fmt: str) -> HttpResponse:
    bank = _bank(request, bank_id)
    if fmt not in EXPORTS:
        raise Http404
    content_type, suffix, writer = EXPORTS[fmt]
    language = request.GET.get("language") or request.LANGUAGE_CODE
    questions = selectors.bank_questions(bank=bank, language=language)
    response = HttpResponse(writer(questions), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="question-bank.{suffix}"'
    return response


@permission_required(policy.MANAGE)
def test_create(request: ActorRequest, bank_id: uuid.UUID) -> HttpResponse:
    """A test drawing from the categories of one bank: a count per category."""
    bank = _bank(request, bank_id)
    categories = list(selectors.bank_categories(actor=request.user, bank=bank))
    form = TestForm(request.POST or None)
    counts = {c.pk: request.POST.get(f"count-{c.pk}", "") for c in categories}
    if request.method == "POST" and form.is_valid():
        try:
            rules = [(c, int(counts[c.pk])) for c in categories if counts[c.pk].strip() not in ("", "0")]
            test = services.test_create(actor=request.user, rules=rules, **form.cleaned_data)
        except ValueError:
            form.add_error(None, _("The number of questions must be a whole number."))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The test was created."))
            return redirect("learning:bank-detail", bank_id=bank.pk) if test else redirect("learning:banks")
    rows = [(c, c.questions.filter(is_active=True).count(), counts[c.pk]) for c in categories]
    return render(request, "learning/test_form.html", {"form": form, "bank": bank, "rows": rows})


# ------------------------------------------------------------------------------------ events


def _event(request: ActorRequest, event_id: uuid.UUID) -> TrainingEvent:
    try:
        return selectors.event_get(actor=request.user, event_id=event_id)
    except (TrainingEvent.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error


@permission_required(policy.VIEW_RESULTS)
def event_list(request: ActorRequest) -> HttpResponse:
    form, year = _year(request)
    events = selectors.event_list(actor=request.user, year=year)
    context = {"form": form, "year": year, "can_manage": request.user.can(policy.MANAGE)}
    return tables.EVENTS.respond(request, events, "learning/events.html", context)


@permission_required(policy.MANAGE)
def event_create(request: ActorRequest) -> HttpResponse:
    form = EventForm(request.POST or None, companies=org_selectors.company_list(actor=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("learning:event-detail", event_id=event.pk)
    return render(request, "learning/event_form.html", {"form": form})


@permission_required(policy.VIEW_RESULTS)
def event_detail(request: ActorRequest, event_id: uuid.UUID) -> HttpResponse:
    event = _event(request, event_id)
    form = AttendeesForm(request.POST or None, request.FILES or None)
    row_errors = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            if upload:
                numbers = [
                    str(row[0] if row[0] is not None else "") for row in workbooks.rows(upload.name, upload.read())
                ]
            else:
                numbers = [line for line in form.cleaned_data["numbers"].splitlines() if line.strip()]
            added = services.attendees_add(actor=request.user, event=event, personnel_numbers=numbers)
        except workbooks.UnreadableFile:
            form.add_error("file", _("The file could not be read as a workbook or CSV file."))
        except services.RowError as error:
            row_errors = error.messages
        else:
            messages.success(
                request,
                ngettext("%(count)s attendee was added.", "%(count)s attendees were added.", added) % {"count": added},
            )
            return redirect("learning:event-detail", event_id=event.pk)
    context = {
        "event": event,
        "attendees": selectors.event_attendees(event=event),
        "form": form,
        "row_errors": row_errors,
        "can_manage": request.user.can(policy.MANAGE),
    }
    return render(request, "learning/event_detail.html", context)


@permission_required(policy.MANAGE)
def event_certificates(request: ActorRequest, event_id: uuid.UUID) -> HttpResponse:
    event = _event(request, event_id)
    if request.method == "POST":
        issued = services.event_certificates_issue(actor=request.user, event=event)
        messages.success(
            request,
            ngettext("%(count)s certificate was issued.", "%(count)s certificates were issued.", issued)
            % {"count": issued},
        )
    return redirect("learning:event-detail", event_id=event.pk)


@permission_required(policy.MANAGE)
def completions_import(request: ActorRequest) -> HttpResponse:
    form = CompletionsImportForm(request.POST or None, request.FILES or None)
    row_errors = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = [CompletionRow(*(list(row) + [None] * 6)[:6]) for row in workbooks.rows(upload.name, upload.read())]
            added = services.completions_import(actor=request.user, rows=rows)
        except workbooks.UnreadableFile:
            form.add_error("file", _("The file could not be read as a workbook or CSV file."))
        except services.RowError as error:
            row_errors = error.messages
        else:
            messages.success(
                request,
                ngettext("%(count)s completion was recorded.", "%(count)s completions were recorded.", added)
                % {"count": added},
            )
            return redirect("learning:completions-import")
    completions = selectors.completion_list(actor=request.user)[:50]
    context = {"form": form, "row_errors": row_errors, "completions": completions}
    return render(request, "learning/completions_import.html", context)
