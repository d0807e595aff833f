"""Report pages: the list, building a report, the preview in two languages side by side, editing
a section's prose, overriding a figure with a reason, approving, correcting, and the exports."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core import indicators
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.exports import csv_response
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, paginate, permission_required
from senim.reports import content, exports, policy, selectors, services, trace
from senim.reports.forms import OverrideForm, ReportForm, SectionTextForm
from senim.reports.models import Report
from senim.reports.sections import get_section


def _get(request: ActorRequest, report_id: uuid.UUID) -> Report:
    return get_or_404(selectors.report_get, actor=request.user, report_id=report_id)


@permission_required(policy.VIEW)
def report_list(request: ActorRequest) -> HttpResponse:
    reports = selectors.report_list(actor=request.user)
    context = {"page_obj": paginate(request, reports, 50), "can_edit": request.user.can(policy.EDIT)}
    return render(request, "reports/report_list.html", context)


@permission_required(policy.EDIT)
def report_create(request: ActorRequest) -> HttpResponse:
    scope = request.user.scope_for(policy.EDIT)
    companies = [(str(pk), name) for pk, name in indicators.company_choices(request.user)]
    form = ReportForm(request.POST or None, companies=companies, whole_group=scope.everything)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_create(
                actor=request.user,
                year=data["year"],
                company_id=uuid.UUID(data["company"]) if data["company"] else None,
                languages=data["languages"],
                title=data["title"],
                include_empty_sections=data["include_empty_sections"],
            )
        except PermissionDenied:
            form.add_error("company", _("You may not build a report for this part of the group."))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The report was created."))
            return redirect("reports:report-detail", report_id=report.id)
    return render(request, "reports/report_form.html", {"form": form})


@permission_required(policy.VIEW)
def report_detail(request: ActorRequest, report_id: uuid.UUID) -> HttpResponse:
    """The report in two of its languages side by side (chosen with ?left=…&right=…)."""
    report = _get(request, report_id)
    data = content.build(report)
    languages = report.languages
    left = request.GET.get("left") if request.GET.get("left") in languages else languages[0]
    others = [code for code in languages if code != left]
    right = request.GET.get("right") if request.GET.get("right") in others else (others[0] if others else None)
    versions = list(selectors.report_versions(actor=request.user, report=report))
    older = next((v for v in versions if v.version == report.version - 1), None)
    context = {
        "report": report,
        "columns": [(code, data["languages"].get(code, [])) for code in (left, right) if code],
        "left": left,
        "right": right,
        "versions": versions,
        "changes": services.differences(older=content.build(older), newer=data) if older else [],
        "can_edit": not report.is_frozen and request.user.can(policy.EDIT),
        "can_approve": not report.is_frozen and request.user.can(policy.APPROVE),
        "can_correct": report.is_frozen and request.user.can(policy.EDIT) and selectors.report_is_latest(report),
        "override_form": OverrideForm(),
        "formats": list(exports.FORMATS),
        "overrides": selectors.override_list(report=report) if not report.is_frozen else [],
    }
    return render(request, "reports/report_detail.html", context)


@permission_required(policy.EDIT)
def section_edit(request: ActorRequest, report_id: uuid.UUID, section: str, language: str) -> HttpResponse:
    report = _get(request, report_id)
    described = get_section(section)
    if described is None or language not in report.languages:
        raise Http404
    current = selectors.section_text(report=report, section=section, language=language)
    form = SectionTextForm(request.POST or None, initial={"text": current})
    if request.method == "POST" and form.is_valid():
        try:
            services.section_text_set(
                actor=request.user, report=report, section=section, language=language, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("The text was saved."))
            return redirect("reports:report-detail", report_id=report.id)
    context = {"report": report, "section": described, "language": language, "form": form}
    return render(request, "reports/section_form.html", context)


@require_POST
@permission_required(policy.EDIT)
def override_set(request: ActorRequest, report_id: uuid.UUID) -> HttpResponse:
    report = _get(request, report_id)
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            services.figure_override_set(actor=request.user, report=report, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The figure was overridden; the report shows it was entered by hand."))
            return redirect("reports:report-detail", report_id=report.id)
    for field_errors in form.errors.values():
        for message in field_errors:
            messages.error(request, str(message))
    return redirect("reports:report-detail", report_id=report.id)


@require_POST
@permission_required(policy.EDIT)
def override_remove(request: ActorRequest, report_id: uuid.UUID, code: str) -> HttpResponse:
    report = _get(request, report_id)
    try:
        services.figure_override_remove(actor=request.user, report=report, code=code)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The computed figure is used again."))
    return redirect("reports:report-detail", report_id=report.id)


@require_POST
@permission_required(policy.APPROVE)
def report_approve(request: ActorRequest, report_id: uuid.UUID) -> HttpResponse:
    report = _get(request, report_id)
    try:
        services.report_approve(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        raise Http404 from error
    else:
        messages.success(request, _("The report was approved and frozen."))
    return redirect("reports:report-detail", report_id=report.id)


@require_POST
@permission_required(policy.EDIT)
def report_new_version(request: ActorRequest, report_id: uuid.UUID) -> HttpResponse:
    report = _get(request, report_id)
    try:
        draft = services.report_new_version(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:report-detail", report_id=report.id)
    messages.success(request, _("A new version was opened for correction."))
    return redirect("reports:report-detail", report_id=draft.id)


@permission_required(policy.VIEW)
def report_export(request: ActorRequest, report_id: uuid.UUID, language: str, fmt: str) -> HttpResponse:
    report = _get(request, report_id)
    if language not in report.languages or fmt not in exports.FORMATS:
        raise Http404
    body = exports.render(report, content.build(report), language, fmt)
    response = HttpResponse(body, content_type=exports.FORMATS[fmt])
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="{exports.filename(report, language, fmt)}"'
    return response


@permission_required(policy.VIEW)
def figure_records(request: ActorRequest, report_id: uuid.UUID, code: str) -> HttpResponse | StreamingHttpResponse:
    """The records behind one figure, for both years: as frozen for an approved report, live for a
    draft; `?export=csv` downloads them."""
    report = _get(request, report_id)
    figure = trace.figure_records(report, code)
    if figure is None:
        raise Http404
    if request.GET.get("export") == "csv":
        rows = [
            (year, r.kind, r.reference, request.build_absolute_uri(r.url) if r.url else "", r.counted_as)
            for year, records in ((report.year, figure.current), (report.year - 1, figure.previous))
            for r in records
        ]
        header = (_("Year"), _("Record"), _("Reference"), _("Link"), _("Counted as"))
        return csv_response(filename=f"{code}-{report.year}.csv", header=header, rows=rows)
    values = {item["code"]: item for item in content.build(report)["figures"]}.get(code, {})
    years = [
        (report.year, figure.current, values.get("value"), values.get("overridden", False)),
        (report.year - 1, figure.previous, values.get("previous"), False),
    ]
    context = {"report": report, "figure": figure, "years": years, "limit": TRACE_PAGE}
    return render(request, "reports/figure_records.html", context)


# A figure's page lists this many records per year; the CSV holds them all.
TRACE_PAGE = 500
