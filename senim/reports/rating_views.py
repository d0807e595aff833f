"""Effectiveness rating pages: the self-assessments, grading one with evidence beside Senim's
suggestions, the Agency's result, approval, and the methodology's points."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core import indicators
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, paginate, permission_required
from senim.reports import policy, selectors, services
from senim.reports.forms import AssessmentForm, ExternalResultForm, GradesForm, PointsForm
from senim.reports.models import Area, RatingAssessment


def _get(request: ActorRequest, assessment_id: uuid.UUID) -> RatingAssessment:
    return get_or_404(selectors.assessment_get, actor=request.user, assessment_id=assessment_id)


@permission_required(policy.VIEW)
def rating_list(request: ActorRequest) -> HttpResponse:
    scope = request.user.scope_for(policy.EDIT)
    companies = [(str(pk), name) for pk, name in indicators.company_choices(request.user)]
    form = AssessmentForm(request.POST or None, companies=companies, whole_group=scope.everything)
    if request.method == "POST":
        if not request.user.can(policy.EDIT):
            raise PermissionDenied(policy.EDIT)
        if form.is_valid():
            company = form.cleaned_data["company"]
            try:
                assessment = services.assessment_create(
                    actor=request.user,
                    year=form.cleaned_data["year"],
                    company_id=uuid.UUID(company) if company else None,
                )
            except PermissionDenied:
                form.add_error("company", _("You may not assess this part of the group."))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("reports:rating-detail", assessment_id=assessment.id)
    context = {
        "page_obj": paginate(request, selectors.assessment_list(actor=request.user), 50),
        "form": form,
        "can_edit": request.user.can(policy.EDIT),
        "can_configure": request.user.can(policy.CONFIGURE),
    }
    return render(request, "reports/rating_list.html", context)


@permission_required(policy.VIEW)
def rating_detail(request: ActorRequest, assessment_id: uuid.UUID) -> HttpResponse:
    assessment = _get(request, assessment_id)
    view = selectors.assessment_view(actor=request.user, assessment=assessment)
    editable = assessment.status == RatingAssessment.Status.DRAFT and request.user.can(policy.EDIT)
    form = GradesForm(request.POST or None, rows=view.rows)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(policy.EDIT)
        if form.is_valid():
            try:
                services.assessment_grades_set(actor=request.user, assessment=assessment, grades=form.grades())
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The grades were saved."))
                return redirect("reports:rating-detail", assessment_id=assessment.id)
    areas = [
        (
            label,
            [
                (row, form[f"grade_{row.item.id}"], form[f"evidence_{row.item.id}"])
                for row in view.rows
                if row.item.area == value
            ],
            view.score.by_area[value],
        )
        for value, label in Area.choices
    ]
    context = {
        "view": view,
        "assessment": assessment,
        "areas": areas,
        "form": form,
        "editable": editable,
        "can_approve": assessment.status == RatingAssessment.Status.DRAFT and request.user.can(policy.APPROVE),
        "external_form": ExternalResultForm(
            initial={"score": assessment.external_score, "note": assessment.external_note}
        ),
        "can_record_external": request.user.can(policy.EDIT),
        "change": view.score.total - view.previous.total if view.previous else None,
    }
    return render(request, "reports/rating_detail.html", context)


@require_POST
@permission_required(policy.EDIT)
def rating_external(request: ActorRequest, assessment_id: uuid.UUID) -> HttpResponse:
    assessment = _get(request, assessment_id)
    form = ExternalResultForm(request.POST)
    if form.is_valid():
        try:
            services.assessment_external_set(
                actor=request.user,
                assessment=assessment,
                score=form.cleaned_data["score"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The Agency's result was recorded."))
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return redirect("reports:rating-detail", assessment_id=assessment.id)


@require_POST
@permission_required(policy.APPROVE)
def rating_approve(request: ActorRequest, assessment_id: uuid.UUID) -> HttpResponse:
    assessment = _get(request, assessment_id)
    try:
        services.assessment_approve(actor=request.user, assessment=assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The self-assessment was approved."))
    return redirect("reports:rating-detail", assessment_id=assessment.id)


@permission_required(policy.VIEW)
def methodology(request: ActorRequest) -> HttpResponse:
    methodology = services.methodology_default(actor=request.user)
    items = list(selectors.methodology_items(methodology=methodology))
    form = PointsForm(request.POST or None, items=items)
    can_configure = request.user.scope_for(policy.CONFIGURE).everything
    if request.method == "POST":
        if not can_configure:
            raise PermissionDenied(policy.CONFIGURE)
        if form.is_valid():
            try:
                services.methodology_points_set(actor=request.user, methodology=methodology, points=form.points())
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The points were saved."))
                return redirect("reports:methodology")
    rows = [(item, form[f"full_{item.id}"], form[f"mostly_{item.id}"], form[f"partly_{item.id}"]) for item in items]
    context = {
        "methodology": methodology,
        "rows": rows,
        "form": form,
        "can_configure": can_configure,
        "total": sum(item.points_full for item in items),
    }
    return render(request, "reports/methodology.html", context)
