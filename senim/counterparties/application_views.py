"""Pages of applications for counterparties that refuse, the Register of counterparties permitted
without anti-corruption provisions, and the regulation clauses decisions cite."""

import datetime as dt
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.approvals import ApprovalPanel, decision_history, decision_post
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, paginate, permission_required
from senim.counterparties import exports, policy, selectors, services, tables
from senim.counterparties.forms import ApplicationForm, ApproveForm, ClauseForm, CommentForm, ProposeForm
from senim.counterparties.models import Application, Category, Decision
from senim.counterparties.views import get_counterparty
from senim.org import selectors as org_selectors


def _get(request: ActorRequest, application_id: uuid.UUID) -> Application:
    return get_or_404(selectors.application_get, actor=request.user, application_id=application_id)


@permission_required(policy.VIEW_APPLICATIONS)
def application_list(request: ActorRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    decision = request.GET.get("decision", "")
    applications = selectors.application_list(
        actor=request.user,
        status=status if status in Application.Status.values else "",
        decision=decision if decision in Decision.values else "",
        query=request.GET.get("q", "")[:100],
    )
    context = {"statuses": Application.Status.choices, "decisions": Decision.choices}
    return tables.APPLICATIONS.respond(request, applications, "counterparties/application_list.html", context)


@permission_required(policy.FILE_APPLICATION)
def application_create(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    counterparty = get_counterparty(request, counterparty_id)
    if counterparty.merged_into_id:
        raise Http404
    form = ApplicationForm(
        request.POST or None,
        companies=org_selectors.company_list(actor=request.user),
        units=org_selectors.unit_list(actor=request.user),
        contracts=selectors.contract_list(actor=request.user, counterparty_id=counterparty.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_file(actor=request.user, counterparty=counterparty, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not file applications for that company or unit."))
        else:
            messages.success(request, _("The application was filed."))
            return redirect("counterparties:application-detail", application_id=application.pk)
    entry = services.register_entry_active(counterparty)
    context = {"form": form, "counterparty": counterparty, "entry": entry}
    return render(request, "counterparties/application_form.html", context)


@permission_required(policy.VIEW_APPLICATIONS)
def application_detail(request: ActorRequest, application_id: uuid.UUID) -> HttpResponse:
    application = _get(request, application_id)
    links = {"company_id": application.company_id, "unit_id": application.unit_id}
    can_propose = application.status == Application.Status.FILED and request.user.scope_for(policy.DECIDE).covers(
        **links
    )
    approve_scope = request.user.scope_for(policy.APPROVE)
    can_approve = (
        application.status == Application.Status.PROPOSED
        and approve_scope.covers(**links)
        and (application.decision != Decision.REGISTER or approve_scope.everything)
        and application.proposed_by_id != request.user.pk
    )
    propose_form = None
    if can_propose:
        propose_form = ProposeForm(
            clauses=selectors.clause_list(actor=request.user, active_only=True),
            references=selectors.earlier_approvals(actor=request.user, application=application),
            initial={"reference": application.register_entry.application_id if application.register_entry else None},
        )
    context = {
        "application": application,
        "contracts": application.contracts.all(),
        "propose_form": propose_form,
        "discrepancies": services.application_discrepancies(application),
        "approval": ApprovalPanel(
            waiting=services.application_waiting(application),
            history=decision_history(application),
            action_url=reverse("counterparties:application-decide", args=[application.pk]),
            can_decide=can_approve,
            extra_form=ApproveForm() if can_approve else None,
        ),
    }
    return render(request, "counterparties/application_detail.html", context)


@require_POST
@permission_required(policy.APPROVE)
def application_decide(request: ActorRequest, application_id: uuid.UUID) -> HttpResponse:
    application = _get(request, application_id)
    form = ApproveForm(request.POST)
    decided_on = form.cleaned_data["decided_on"] if form.is_valid() else None
    if not form.is_valid():
        messages.error(request, _("Give the day of the decision as a date, or leave it empty for today."))
        return redirect("counterparties:application-detail", application_id=application.pk)
    return decision_post(
        request,
        lambda decision, comment: services.application_decide(
            actor=request.user, application=application, decision=decision, comment=comment, decided_on=decided_on
        ),
        reverse("counterparties:application-detail", args=[application.pk]),
    )


@require_POST
@permission_required(policy.DECIDE)
def application_propose(request: ActorRequest, application_id: uuid.UUID) -> HttpResponse:
    application = _get(request, application_id)
    form = ProposeForm(
        request.POST,
        clauses=selectors.clause_list(actor=request.user, active_only=True),
        references=selectors.earlier_approvals(actor=request.user, application=application),
    )
    if form.is_valid():
        try:
            services.application_propose(actor=request.user, application=application, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not decide applications of that company or unit."))
        else:
            messages.success(request, _("The decision was sent for approval."))
            return redirect("counterparties:application-detail", application_id=application.pk)
    context = {"application": application, "contracts": application.contracts.all(), "propose_form": form}
    return render(request, "counterparties/application_detail.html", context, status=400)


@require_POST
@permission_required(policy.APPROVE)
def application_approve(request: ActorRequest, application_id: uuid.UUID) -> HttpResponse:
    application = _get(request, application_id)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the day of the decision as a date, or leave it empty for today."))
        return redirect("counterparties:application-detail", application_id=application.pk)
    try:
        services.application_approve(
            actor=request.user, application=application, decided_on=form.cleaned_data["decided_on"]
        )
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("You may not approve this decision."))
    else:
        messages.success(request, _("The decision was approved."))
    return redirect("counterparties:application-detail", application_id=application.pk)


@require_POST
@permission_required(policy.APPROVE)
def application_return(request: ActorRequest, application_id: uuid.UUID) -> HttpResponse:
    application = _get(request, application_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the decision is returned."))
        return redirect("counterparties:application-detail", application_id=application.pk)
    try:
        services.application_return(actor=request.user, application=application, comment=form.cleaned_data["comment"])
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("You may not approve this decision."))
    else:
        messages.success(request, _("The decision was returned to the officers."))
    return redirect("counterparties:application-detail", application_id=application.pk)


def _register_entries(request: ActorRequest):  # type: ignore[no-untyped-def]
    show_all = request.GET.get("show") == "all"
    category = request.GET.get("category", "")
    return selectors.register_entry_list(
        actor=request.user,
        active_on=None if show_all else timezone.localdate(),
        category=category if category in Category.values else "",
        query=request.GET.get("q", "")[:100],
    )


@permission_required(policy.VIEW)
def register(request: ActorRequest) -> HttpResponse:
    context = {
        "page_obj": paginate(request, _register_entries(request), 50),
        "categories": Category.choices,
        "today": timezone.localdate(),
        "can_revoke": request.user.scope_for(policy.MANAGE_CLAUSES).everything,
    }
    return render(request, "counterparties/register.html", context)


@permission_required(policy.VIEW)
def register_export(request: ActorRequest) -> HttpResponse:
    today = timezone.localdate()
    content = exports.register_xlsx(_register_entries(request).iterator(chunk_size=1000), on=today)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="senim-register-{today.isoformat()}.xlsx"'
    return response


@permission_required(policy.VIEW)
def register_export_pdf(request: ActorRequest) -> HttpResponse:
    today = timezone.localdate()
    content = exports.register_pdf(_register_entries(request).iterator(chunk_size=1000), on=today)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="senim-register-{today.isoformat()}.pdf"'
    return response


@require_POST
@permission_required(policy.MANAGE_CLAUSES)
def register_revoke(request: ActorRequest, entry_id: uuid.UUID) -> HttpResponse:
    entry = selectors.register_entry_list(actor=request.user).filter(id=entry_id).first()
    if entry is None:
        raise Http404
    try:
        raw = request.POST.get("revoked_on", "").strip()
        try:
            on = dt.date.fromisoformat(raw) if raw else None
        except ValueError as error:
            raise ValidationError({"revoked_on": _("Enter a valid date.")}) from error
        services.register_entry_revoke(
            actor=request.user, entry=entry, reason=request.POST.get("reason", "")[:5000], on=on
        )
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("Only group-wide administrators and officers change the Register."))
    else:
        messages.success(request, _("The entry was revoked."))
    return redirect("counterparties:register")


@permission_required(policy.VIEW_APPLICATIONS)
def clause_list(request: ActorRequest) -> HttpResponse:
    context = {
        "clauses": selectors.clause_list(actor=request.user),
        "can_manage": request.user.scope_for(policy.MANAGE_CLAUSES).everything,
    }
    return render(request, "counterparties/clause_list.html", context)


@permission_required(policy.MANAGE_CLAUSES)
def clause_form(request: ActorRequest, clause_id: uuid.UUID | None = None) -> HttpResponse:
    clause = None
    if clause_id:
        clause = selectors.clause_list(actor=request.user).filter(id=clause_id).first()
        if clause is None:
            raise Http404
    form = ClauseForm(request.POST or None, instance=clause)
    if request.method == "POST" and form.is_valid():
        try:
            if clause is None:
                services.clause_create(actor=request.user, **form.cleaned_data)
            else:
                services.clause_update(actor=request.user, clause=clause, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("Only group-wide administrators and officers change the regulation clauses."))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("counterparties:clause-list")
    return render(request, "counterparties/clause_form.html", {"form": form, "clause": clause})
