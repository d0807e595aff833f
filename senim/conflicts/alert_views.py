"""Detection pages: runs (started here, run in the background), alerts and their review."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.conflicts import jobs, policy, selectors, services, tables
from senim.conflicts.forms import AlertDecisionForm, AlertFilterForm
from senim.conflicts.models import DetectionRun
from senim.core.access import ActorRequest
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, paginate, permission_required


@permission_required(policy.VIEW)
def alert_list(request: ActorRequest) -> HttpResponse:
    form = AlertFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    disclosed = {"yes": True, "no": False}.get(data.get("disclosed", ""))
    alerts = selectors.alert_list(
        actor=request.user, status=data.get("status", ""), kind=data.get("kind", ""), disclosed=disclosed
    )
    last_run = selectors.run_list(actor=request.user).first()
    context = {
        "form": form,
        "last_run": last_run,
        "changes": selectors.changes_since_last_run(run=last_run),
        "can_run": request.user.scope_for(policy.REVIEW).everything,
    }
    return tables.ALERTS.respond(request, alerts, "conflicts/alert_list.html", context)


@permission_required(policy.VIEW)
def alert_detail(request: ActorRequest, alert_id: uuid.UUID) -> HttpResponse:
    alert = get_or_404(selectors.alert_get, actor=request.user, alert_id=alert_id)
    scope = request.user.scope_for(policy.REVIEW)
    can_review = scope.covers(company_id=alert.company_id, unit_id=alert.unit_id) and alert.employee_id != getattr(
        request.user, "employee_id", None
    )
    form = AlertDecisionForm(request.POST or None)
    if request.method == "POST":
        if not can_review:
            raise Http404
        if form.is_valid():
            try:
                services.alert_decide(actor=request.user, alert=alert, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The decision was recorded."))
                return redirect("conflicts:alert-detail", alert_id=alert.pk)
    last_run = selectors.run_list(actor=request.user).filter(status=DetectionRun.Status.DONE).first()
    stale = bool(last_run and last_run.started_at and alert.last_seen_at < last_run.started_at)
    context = {"alert": alert, "form": form, "can_review": can_review, "evidence": alert.evidence, "stale": stale}
    return render(request, "conflicts/alert_detail.html", context)


@permission_required(policy.VIEW)
def run_list(request: ActorRequest) -> HttpResponse:
    context = {
        "page_obj": paginate(request, selectors.run_list(actor=request.user), 50),
        "can_run": request.user.scope_for(policy.REVIEW).everything,
    }
    return render(request, "conflicts/run_list.html", context)


@permission_required(policy.REVIEW)
@require_POST
def run_start(request: ActorRequest) -> HttpResponse:
    try:
        run = jobs.detection_start(actor=request.user, language=get_language() or "en")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("conflicts:run-list")
    return redirect("conflicts:run-detail", run_id=run.pk)


@permission_required(policy.VIEW)
def run_detail(request: ActorRequest, run_id: uuid.UUID) -> HttpResponse:
    run = get_or_404(selectors.run_get, actor=request.user, run_id=run_id)
    template = "conflicts/run_status.html" if request.htmx else "conflicts/run_detail.html"
    return render(request, template, {"run": run})
