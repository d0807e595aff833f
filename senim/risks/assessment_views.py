"""Risk assessment pages: the exercises, one exercise with its map (table and chart, last year beside
it), moves since last year, functions by unit with their status, adding and assessing a function,
compliance's review, the head's approval and the List of Corruption-Prone Positions."""

import tempfile
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.approvals import flow_post
from senim.core.forms import apply_errors
from senim.core.importing import FileRejected
from senim.core.views import paginate, permission_required
from senim.org import selectors as org_selectors
from senim.risks import approvals, policy, riskmap, selectors, services, tables
from senim.risks.forms import AssessForm, CatalogueImportForm, ExerciseForm, FunctionAddForm
from senim.risks.importing import catalogue
from senim.risks.models import Exercise, RiskFunction

# One unit's functions a page, a hundred at a time: the catalogue of a large group runs to thousands.
FUNCTIONS_PER_PAGE = 100


def _exercise(request: ActorRequest, exercise_id: uuid.UUID) -> Exercise:
    try:
        return selectors.exercise_get(actor=request.user, exercise_id=exercise_id)
    except Exercise.DoesNotExist as error:
        raise Http404 from error


def _function(request: ActorRequest, function_id: uuid.UUID) -> RiskFunction:
    try:
        return selectors.function_get(actor=request.user, function_id=function_id)
    except RiskFunction.DoesNotExist as error:
        raise Http404 from error


@permission_required(policy.ASSESS)
def functions_to_assess(request: ActorRequest) -> HttpResponse:
    """The functions the reader's units have to assess, across open assessments."""
    functions = selectors.functions_to_assess(actor=request.user)
    return render(request, "risks/functions_to_assess.html", {"page_obj": paginate(request, functions)})


@permission_required(policy.VIEW_ASSESSMENT)
def exercise_list(request: ActorRequest) -> HttpResponse:
    can_create = request.user.can(policy.REVIEW_ASSESSMENT)
    form = ExerciseForm(
        request.POST or None,
        companies=org_selectors.company_list(actor=request.user),
        initial={"year": timezone.localdate().year},
    )
    if request.method == "POST" and can_create and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            exercise = services.exercise_create(actor=request.user, **data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not open an assessment for this company."))
        else:
            return redirect("risks:exercise-detail", exercise_id=exercise.pk)
    exercises = selectors.exercise_list(actor=request.user)
    context = {"form": form if can_create else None}
    return tables.EXERCISES.respond(request, exercises, "risks/exercise_list.html", context)


@permission_required(policy.VIEW_ASSESSMENT)
def exercise_detail(request: ActorRequest, exercise_id: uuid.UUID) -> HttpResponse:
    exercise = _exercise(request, exercise_id)
    rows = selectors.risk_map(exercise=exercise)
    signals = selectors.unit_signals(exercise=exercise)
    units_with_functions = selectors.function_units(actor=request.user, exercise=exercise)
    shown_unit = next((u for u, _n in units_with_functions if str(u.pk) == request.GET.get("unit")), None)
    if shown_unit is None and units_with_functions:
        shown_unit = units_with_functions[0][0]
    functions = paginate(
        request,
        selectors.function_list(actor=request.user, exercise=exercise, unit_id=shown_unit.pk if shown_unit else None),
        per_page=FUNCTIONS_PER_PAGE,
    )
    units = org_selectors.unit_list(actor=request.user, company_id=exercise.company_id)
    context: dict[str, Any] = {
        "exercise": exercise,
        "rows": rows,
        "map_rows": [(r, signals.get(r.unit_id)) for r in rows],
        "svg": mark_safe(riskmap.map_svg(exercise, rows)),  # noqa: S308  (escaped when built)
        "matrices": [
            mark_safe(riskmap.matrix_svg(exercise, m))  # noqa: S308  (escaped when built)
            for m in selectors.risk_matrices(exercise=exercise)
        ],
        "moves": selectors.year_over_year(exercise=exercise),
        "functions": functions,
        "function_units": units_with_functions,
        "shown_unit": shown_unit,
        "prone": selectors.prone_positions(exercise=exercise),
        "add_form": FunctionAddForm(units=units),
        "catalogue_form": CatalogueImportForm(),
        "approval": approvals.exercise_approval.panel(
            request.user, exercise, reverse("risks:exercise-approve", args=[exercise.pk])
        ),
        "can_assess": request.user.can(policy.ASSESS),
        "can_approve": request.user.can(policy.APPROVE_ASSESSMENT),
        "can_review": request.user.can(policy.REVIEW_ASSESSMENT),
        "totals": [sum(r.low for r in rows), sum(r.medium for r in rows), sum(r.high for r in rows)],
    }
    return render(request, "risks/exercise_detail.html", context)


@permission_required(policy.VIEW_ASSESSMENT)
def exercise_map(request: ActorRequest, exercise_id: uuid.UUID, fmt: str) -> HttpResponse:
    exercise = _exercise(request, exercise_id)
    rows = selectors.risk_map(exercise=exercise)
    if fmt == "svg":
        return HttpResponse(riskmap.map_svg(exercise, rows), content_type="image/svg+xml")
    if fmt == "docx":
        body = riskmap.map_docx(
            exercise, rows, selectors.risky_functions(exercise=exercise), selectors.risk_matrices(exercise=exercise)
        )
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    elif fmt == "xlsx":
        body = riskmap.map_xlsx(exercise, rows, selectors.risk_matrices(exercise=exercise))
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="risk-map-{exercise.year}.{fmt}"'
    return response


@require_POST
@permission_required(policy.ASSESS)
def function_add(request: ActorRequest, exercise_id: uuid.UUID) -> HttpResponse:
    exercise = _exercise(request, exercise_id)
    form = FunctionAddForm(
        request.POST, units=org_selectors.unit_list(actor=request.user, company_id=exercise.company_id)
    )
    if form.is_valid():
        try:
            services.function_add(actor=request.user, exercise=exercise, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            messages.error(request, _("You may not add functions to this unit."))
        else:
            messages.success(request, _("The function was added."))
    else:
        messages.error(request, _("Choose the unit and name the function."))
    return redirect("risks:exercise-detail", exercise_id=exercise.pk)


@permission_required(policy.VIEW_ASSESSMENT)
def function_detail(request: ActorRequest, function_id: uuid.UUID) -> HttpResponse:
    function = _function(request, function_id)
    positions = org_selectors.position_list(actor=request.user, company_id=function.exercise.company_id)
    form = AssessForm(
        request.POST or None,
        positions=positions,
        exercise=function.exercise,
        initial={
            "likelihood": function.likelihood,
            "impact": function.impact,
            "residual_likelihood": function.residual_likelihood,
            "residual_impact": function.residual_impact,
            "level": function.level or "low",
            "risk": function.risk,
            "causes": function.causes,
            "norm": function.norm,
            "controls": function.controls,
            "recommendation": function.recommendation,
            "positions": list(function.positions.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.function_assess(actor=request.user, function=function, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not assess the functions of this unit."))
        else:
            messages.success(request, _("The assessment was sent to compliance."))
            # A unit head sees their unit's functions, not the company's exercise: back to the function.
            if selectors.exercise_list(actor=request.user).filter(pk=function.exercise_id).exists():
                return redirect("risks:exercise-detail", exercise_id=function.exercise_id)
            return redirect("risks:function-detail", function_id=function.pk)
    return render(
        request,
        "risks/function_detail.html",
        {
            "function": function,
            "form": form,
            "approval": approvals.function_review.panel(
                request.user, function, reverse("risks:function-review", args=[function.pk])
            ),
            "can_review": request.user.can(policy.REVIEW_ASSESSMENT),
            "can_assess": request.user.can(policy.ASSESS)
            and function.status in (RiskFunction.Status.DRAFT, RiskFunction.Status.RETURNED),
        },
    )


@require_POST
@permission_required(policy.REVIEW_ASSESSMENT)
def function_review(request: ActorRequest, function_id: uuid.UUID) -> HttpResponse:
    function = _function(request, function_id)
    done = reverse("risks:exercise-detail", args=[function.exercise_id])
    return flow_post(request, approvals.function_review, function, done)


@require_POST
@permission_required(policy.APPROVE_ASSESSMENT)
def exercise_approve(request: ActorRequest, exercise_id: uuid.UUID) -> HttpResponse:
    exercise = _exercise(request, exercise_id)
    done = reverse("risks:exercise-detail", args=[exercise.pk])
    return flow_post(request, approvals.exercise_approval, exercise, done)


@require_POST
@permission_required(policy.APPROVE_ASSESSMENT)
def positions_approve(request: ActorRequest, exercise_id: uuid.UUID) -> HttpResponse:
    exercise = _exercise(request, exercise_id)
    proposed = selectors.prone_positions(exercise=exercise)
    chosen = proposed.filter(pk__in=request.POST.getlist("position"))
    try:
        changed = services.positions_approve(
            actor=request.user, exercise=exercise, positions=chosen, approved_on=timezone.localdate()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("Only the head of the company approves the list of positions."))
    else:
        messages.success(
            request, _("The list of corruption-prone positions was approved (%(count)s changed).") % {"count": changed}
        )
    return redirect("risks:exercise-detail", exercise_id=exercise.pk)


@require_POST
@permission_required(policy.REVIEW_ASSESSMENT)
def programme_draft(request: ActorRequest, exercise_id: uuid.UUID) -> HttpResponse:
    exercise = _exercise(request, exercise_id)
    try:
        plan = services.programme_from_assessment(
            actor=request.user, exercise=exercise, first_year=exercise.year + 1, last_year=exercise.year + 2
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("risks:exercise-detail", exercise_id=exercise.pk)
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(request, _("The programme was drafted: one measure per medium or high risk."))
    return redirect("risks:plan-detail", plan_id=plan.pk)


@require_POST
@permission_required(policy.ASSESS)
def catalogue_import(request: ActorRequest, exercise_id: uuid.UUID) -> HttpResponse:
    """Import the catalogue of functions from a workbook: every row checked, then all or nothing;
    a file with errors shows them by line and column and adds nothing."""
    exercise = _exercise(request, exercise_id)
    form = CatalogueImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("risks:exercise-detail", exercise_id=exercise.pk)
    upload = form.cleaned_data["file"]
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR) as folder:
        path = Path(folder) / f"catalogue{suffix}"
        with path.open("wb") as target:
            for chunk in upload.chunks():
                target.write(chunk)
        try:
            plan = catalogue.plan_file(actor=request.user, exercise=exercise, path=path)
        except FileRejected as error:
            messages.error(request, error.message)
            return redirect("risks:exercise-detail", exercise_id=exercise.pk)
    if plan.file_errors or plan.rejected:
        context = {"exercise": exercise, "plan": plan, "errors": plan.errors[:500]}
        return render(request, "risks/catalogue_errors.html", context, status=422)
    result = catalogue.apply(actor=request.user, exercise=exercise, plan=plan)
    messages.success(
        request,
        _("Functions added: %(created)s; already in the assessment: %(unchanged)s.")
        % {"created": result.created, "unchanged": result.unchanged},
    )
    return redirect("risks:exercise-detail", exercise_id=exercise.pk)
