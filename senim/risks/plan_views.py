"""Plan pages: the list with each plan's roll-up, import with a row-by-row preview (deadlines not
understood can be set there), the plan by aspect and topic, by unit, as a timeline, the measure with
its periods, overdue and due soon, and the export back to DOCX and XLSX."""

import uuid
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core import files
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import apply_errors
from senim.core.views import permission_required
from senim.org import selectors as org_selectors
from senim.risks import exports, policy, selectors, services, tables
from senim.risks.forms import DeadlineForm, PlanUploadForm, ReportForm
from senim.risks.importing.reader import FileRejected, Understood, read_plan
from senim.risks.models import Measure, MeasureInstance, Plan
from senim.risks.timeline import timeline_svg

SESSION_KEY = "risks_plan_imports"


def _plan(request: ActorRequest, plan_id: uuid.UUID) -> Plan:
    try:
        return selectors.plan_get(actor=request.user, plan_id=plan_id)
    except Plan.DoesNotExist as error:
        raise Http404 from error


def _measure(request: ActorRequest, measure_id: uuid.UUID) -> Measure:
    try:
        return selectors.measure_get(actor=request.user, measure_id=measure_id)
    except Measure.DoesNotExist as error:
        raise Http404 from error


@permission_required(policy.VIEW_PLANS)
def plan_list(request: ActorRequest) -> HttpResponse:
    year = timezone.localdate().year

    def rollups(page: Any) -> dict[str, Any]:
        """This year's figures of the plans shown."""
        rows = []
        for plan in page:
            rollup = {r.year: r for r in selectors.plan_rollup(plan=plan)}
            rows.append((plan, rollup.get(year)))
        return {"rows": rows}

    context = {"year": year, "can_manage": request.user.can(policy.MANAGE_PLANS)}
    plans = selectors.plan_list(actor=request.user)
    return tables.PLANS.respond(request, plans, "risks/plan_list.html", context, per_page_context=rollups)


# Uploaded plans, in the storage every host shares until imported.
UPLOAD_AREA = "risks/imports"


@permission_required(policy.MANAGE_PLANS)
def plan_import_upload(request: ActorRequest) -> HttpResponse:
    companies = org_selectors.company_list(actor=request.user)
    form = PlanUploadForm(request.POST or None, request.FILES or None, companies=companies)
    if request.method == "POST" and form.is_valid():
        token = uuid.uuid4().hex
        upload = form.cleaned_data["file"]
        stored = files.file_save(UPLOAD_AREA, upload, suffix=Path(upload.name or "").suffix.lower()[:8])
        pending = request.session.get(SESSION_KEY, {})
        pending[token] = {
            "file": stored,
            "name": upload.name[:200],
            "company": str(form.cleaned_data["company"].pk),
            "kind": form.cleaned_data["kind"],
        }
        request.session[SESSION_KEY] = pending
        return redirect("risks:plan-import-preview", token=token)
    return render(request, "risks/plan_import.html", {"form": form})


def _pending(request: ActorRequest, token: str) -> tuple[dict[str, str], Understood | None, str]:
    pending = request.session.get(SESSION_KEY, {}).get(token)
    if not pending or not files.file_exists(pending.get("file", "")):
        raise Http404
    try:
        with files.file_local(pending["file"]) as path:
            return pending, read_plan(path, source=pending["name"]), ""
    except FileRejected as error:
        return pending, None, error.message


@permission_required(policy.MANAGE_PLANS)
def plan_import_preview(request: ActorRequest, token: str) -> HttpResponse:
    pending, understood, refused = _pending(request, token)
    error = ""
    if request.method == "POST" and understood is not None:
        fixes = {
            row.line: request.POST.get(f"deadline-{row.line}", "")
            for row in understood.deadlines_to_set
            if request.POST.get(f"deadline-{row.line}", "").strip()
        }
        try:
            company = org_selectors.company_get(actor=request.user, company_id=pending["company"])
            plan = services.plan_import(
                actor=request.user, company=company, understood=understood, kind=pending["kind"], deadline_fixes=fixes
            )
        except (ValidationError, PermissionDenied) as problem:
            error = "; ".join(getattr(problem, "messages", [_("You may not import plans for this company.")]))
        else:
            files.file_delete(pending["file"])
            to_set = plan.measures.filter(deadline_kind="unset").count()
            messages.success(request, _("The plan was imported."))
            if to_set:
                messages.warning(request, _("Some deadlines are still to be set: they are marked on the plan."))
            return redirect("risks:plan-detail", plan_id=plan.pk)
    return render(
        request,
        "risks/plan_import_preview.html",
        {"u": understood, "refused": refused, "token": token, "name": pending["name"], "error": error},
    )


def _grouped(measures: list[Measure]) -> list[tuple[Any, Any, list[Measure]]]:
    """(aspect, topic, measures) in plan order."""
    groups: list[tuple[Any, Any, list[Measure]]] = []
    for m in measures:
        section = m.section
        aspect = section.parent if section and section.parent_id else section
        topic = section if section and section.parent_id else None
        if not groups or groups[-1][0] != aspect or groups[-1][1] != topic:
            groups.append((aspect, topic, []))
        groups[-1][2].append(m)
    return groups


@permission_required(policy.VIEW_PLANS)
def plan_detail(request: ActorRequest, plan_id: uuid.UUID) -> HttpResponse:
    plan = _plan(request, plan_id)
    view = request.GET.get("view", "topics")
    unit = request.GET.get("unit", "")
    measures = list(selectors.measure_list(actor=request.user, plan=plan, unit=unit if view == "units" else ""))
    today = timezone.localdate()
    context: dict[str, Any] = {
        "plan": plan,
        "view": view,
        "unit": unit,
        "rollup": selectors.plan_rollup(plan=plan, today=today),
        "to_set": [m for m in measures if m.needs_deadline],
        "can_manage": request.user.can(policy.MANAGE_PLANS),
        "today": today,
    }
    if view == "units":
        context["units"] = selectors.unit_names(plan=plan)
        context["measures"] = measures
    elif view == "timeline":
        context["svg"] = mark_safe(timeline_svg(plan, measures, today=today))  # noqa: S308  (escaped when built)
    else:
        context["groups"] = _grouped(measures)
    return render(request, "risks/plan_detail.html", context)


@permission_required(policy.VIEW_PLANS)
def plan_timeline_svg(request: ActorRequest, plan_id: uuid.UUID) -> HttpResponse:
    plan = _plan(request, plan_id)
    measures = selectors.measure_list(actor=request.user, plan=plan)
    return HttpResponse(timeline_svg(plan, measures, today=timezone.localdate()), content_type="image/svg+xml")


@permission_required(policy.VIEW_PLANS)
def plan_export(request: ActorRequest, plan_id: uuid.UUID, fmt: str) -> HttpResponse:
    plan = _plan(request, plan_id)
    measures = selectors.measure_list(actor=request.user, plan=plan)
    if fmt == "docx":
        body = exports.plan_docx(plan, measures)
        ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    elif fmt == "xlsx":
        body = exports.plan_xlsx(plan, measures)
        ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(body, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.first_year}-{plan.last_year}.{fmt}"'
    return response


@permission_required(policy.VIEW_PLANS)
def measure_detail(request: ActorRequest, measure_id: uuid.UUID) -> HttpResponse:
    measure = _measure(request, measure_id)
    deadline_form = DeadlineForm(initial={"deadline_text": measure.deadline_text})
    if request.method == "POST":
        deadline_form = DeadlineForm(request.POST)
        if deadline_form.is_valid():
            try:
                services.measure_set_deadline(
                    actor=request.user, measure=measure, text=deadline_form.cleaned_data["deadline_text"]
                )
            except ValidationError as error:
                apply_errors(deadline_form, error)
            except PermissionDenied as error:
                raise Http404 from error
            else:
                messages.success(request, _("The deadline was set."))
                return redirect("risks:measure-detail", measure_id=measure.pk)
    instances = measure.instances.prefetch_related("notes").order_by("due_date")
    return render(
        request,
        "risks/measure_detail.html",
        {
            "measure": measure,
            "deadline_form": deadline_form,
            "instances": instances,
            "report_form": ReportForm(),
            "can_manage": request.user.can(policy.MANAGE_PLANS),
            "today": timezone.localdate(),
        },
    )


@require_POST
@permission_required(policy.MANAGE_PLANS)
def instance_report(request: ActorRequest, instance_id: uuid.UUID) -> HttpResponse:
    try:
        instance = selectors.instance_get(actor=request.user, instance_id=instance_id)
    except MeasureInstance.DoesNotExist as error:
        raise Http404 from error
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.instance_report(actor=request.user, instance=instance, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("The progress was recorded."))
    else:
        messages.error(request, _("Check the status and the date."))
    return redirect("risks:measure-detail", measure_id=instance.measure_id)


@permission_required(policy.VIEW_PLANS)
def attention(request: ActorRequest) -> HttpResponse:
    overdue, soon = selectors.instance_attention(actor=request.user)
    return render(
        request,
        "risks/attention.html",
        {"overdue": overdue[:500], "soon": soon[:500], "days": selectors.DUE_SOON_DAYS},
    )
