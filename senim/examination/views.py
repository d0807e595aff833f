"""Examination pages: the list, a new examination from an upload, the draft with its findings beside it
(confirm or dismiss with HTMX), revisions, conclusion, risk acceptance and the files."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.exports import csv_response
from senim.core.forms import apply_errors
from senim.core.uploads import check_upload_size
from senim.core.views import permission_required
from senim.examination import exports, policy, selectors, services, tables
from senim.examination.forms import (
    AcceptRiskForm,
    ConcludeForm,
    ConfirmForm,
    DismissForm,
    ExaminationFilterForm,
    ExaminationForm,
    FindingAddForm,
    VersionForm,
)
from senim.examination.messages import DOCUMENT_FINDINGS, FACTOR_BOUND, FACTOR_NAMES, FACTOR_WHY, NOTES
from senim.examination.models import Examination, Finding


def _examination(request: ActorRequest, examination_id: uuid.UUID, permission: str = policy.VIEW) -> Examination:
    try:
        return selectors.examination_get(actor=request.user, examination_id=examination_id, permission=permission)
    except Examination.DoesNotExist as error:
        raise Http404 from error


def _can_examine(request: ActorRequest, examination: Examination) -> bool:
    return request.user.scope_for(policy.EXAMINE).covers(company_id=examination.company_id, unit_id=examination.unit_id)


@permission_required(policy.VIEW)
def examination_list(request: ActorRequest) -> HttpResponse:
    form = ExaminationFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    items = selectors.examination_list(
        actor=request.user, kind=data.get("kind", ""), status=data.get("status", ""), query=data.get("q", "")
    )
    context = {"form": form, "can_create": request.user.can(policy.EXAMINE)}
    return tables.EXAMINATIONS.respond(request, items, "examination/examination_list.html", context)


@permission_required(policy.EXAMINE)
def examination_create(request: ActorRequest) -> HttpResponse:
    companies = selectors.companies_for_examination(actor=request.user)
    units = selectors.units_for_examination(actor=request.user)
    form = ExaminationForm(request.POST or None, request.FILES or None, companies=companies, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            examination = services.examination_create(
                actor=request.user,
                title=data["title"],
                kind=data["kind"],
                company_id=data["company"].pk,
                unit_id=data["unit"].pk if data["unit"] else None,
                expert=request.user,
                deadline=data["deadline"],
                examined_on=data["examined_on"],
                file_name=upload.name,
                data=_read(upload),
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("The draft was examined: review the proposed findings."))
            return redirect("examination:detail", examination_id=examination.pk)
    return render(request, "examination/examination_form.html", {"form": form})


def _read(upload) -> bytes:  # type: ignore[no-untyped-def]
    return check_upload_size(upload).read()


def _finding_context(finding: Finding, can_examine: bool) -> dict:
    return {
        "finding": finding,
        "name": FACTOR_NAMES.get(finding.code, finding.code),
        "why": DOCUMENT_FINDINGS.get(finding.provision_text)
        if finding.source == "document"
        else FACTOR_WHY.get(finding.code),
        "bound": FACTOR_BOUND.get(finding.code, ""),
        "can_examine": can_examine and finding.version.examination.status != "concluded",
        "confirm_form": ConfirmForm(initial={"recommendation": FACTOR_BOUND.get(finding.code, "")}),
        "dismiss_form": DismissForm(),
    }


@permission_required(policy.VIEW)
def examination_detail(request: ActorRequest, examination_id: uuid.UUID) -> HttpResponse:
    examination = _examination(request, examination_id)
    version = selectors.latest_version(examination)
    can_examine = _can_examine(request, examination)
    findings = list(version.findings.select_related("version__examination")) if version else []
    context = {
        "examination": examination,
        "version": version,
        "versions": examination.versions.all(),
        "provisions": selectors.provisions_with_findings(version) if version else [],
        "finding_cards": [_finding_context(f, can_examine) for f in findings],
        "notes": [NOTES[n] for n in (version.notes if version else []) if n in NOTES],
        "eliminated": selectors.eliminated_findings(actor=request.user, examination=examination, version=version)
        if version
        else [],
        "can_examine": can_examine,
        "clearance": services.clearance(examination),
        "pending": selectors.findings_pending(examination),
        "version_form": VersionForm(),
        "add_form": FindingAddForm(
            provisions=version.provisions if version else (), language=version.language if version else ""
        ),
        "conclude_form": ConcludeForm(initial={"recommendations": examination.recommendations}),
        "risk_form": AcceptRiskForm(),
    }
    return render(request, "examination/examination_detail.html", context)


@permission_required(policy.EXAMINE)
@require_POST
def finding_decide(request: ActorRequest, finding_id: uuid.UUID, decision: str) -> HttpResponse:
    try:
        finding = selectors.finding_get(actor=request.user, finding_id=finding_id, permission=policy.EXAMINE)
    except Finding.DoesNotExist as error:
        raise Http404 from error
    form = ConfirmForm(request.POST) if decision == "confirm" else DismissForm(request.POST)
    if decision not in ("confirm", "dismiss"):
        raise Http404
    error_text = ""
    if form.is_valid():
        try:
            if decision == "confirm":
                services.finding_confirm(actor=request.user, finding=finding, **form.cleaned_data)
            else:
                services.finding_dismiss(actor=request.user, finding=finding, **form.cleaned_data)
        except ValidationError as error:
            error_text = " ".join(error.messages)
        except PermissionDenied as error:
            raise Http404 from error
    else:
        error_text = _("Give the reason for dismissing the finding.")
    if request.htmx:  # type: ignore[attr-defined]
        context = _finding_context(finding, True)
        context["error"] = error_text
        return render(request, "examination/_finding.html", context)
    if error_text:
        messages.error(request, error_text)
    return redirect("examination:detail", examination_id=finding.version.examination_id)


def _post(request: ActorRequest, examination_id: uuid.UUID, form_class, action, success: str):  # type: ignore[no-untyped-def]
    examination = _examination(request, examination_id, policy.EXAMINE)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            action(examination, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, success)
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("examination:detail", examination_id=examination.pk)


@permission_required(policy.EXAMINE)
@require_POST
def version_upload(request: ActorRequest, examination_id: uuid.UUID) -> HttpResponse:
    def action(examination: Examination, data: dict) -> None:
        services.version_add(
            actor=request.user, examination=examination, file_name=data["file"].name, data=_read(data["file"])
        )

    return _post(request, examination_id, VersionForm, action, _("The revision was examined and compared."))


@permission_required(policy.EXAMINE)
@require_POST
def finding_add(request: ActorRequest, examination_id: uuid.UUID) -> HttpResponse:
    examination = _examination(request, examination_id, policy.EXAMINE)
    version = selectors.latest_version(examination)
    if version is None:
        raise Http404

    def action(examination: Examination, data: dict) -> None:
        services.finding_add(actor=request.user, version=version, **data)

    def form_class(*args, **kwargs):  # type: ignore[no-untyped-def]
        return FindingAddForm(*args, provisions=version.provisions, language=version.language, **kwargs)

    return _post(request, examination_id, form_class, action, _("The finding was added."))


@permission_required(policy.EXAMINE)
@require_POST
def conclude(request: ActorRequest, examination_id: uuid.UUID) -> HttpResponse:
    def action(examination: Examination, data: dict) -> None:
        services.examination_conclude(actor=request.user, examination=examination, **data)

    return _post(request, examination_id, ConcludeForm, action, _("The conclusion was signed."))


@permission_required(policy.EXAMINE)
@require_POST
def accept_risk(request: ActorRequest, examination_id: uuid.UUID) -> HttpResponse:
    def action(examination: Examination, data: dict) -> None:
        services.examination_accept_risk(actor=request.user, examination=examination, **data)

    return _post(request, examination_id, AcceptRiskForm, action, _("The accepted risk was recorded."))


def _file(data: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@permission_required(policy.VIEW)
def commented_download(request: ActorRequest, examination_id: uuid.UUID) -> HttpResponse:
    examination = _examination(request, examination_id)
    version = selectors.latest_version(examination)
    if version is None:
        raise Http404
    data = exports.commented_draft(version, language=get_language() or "en")
    return _file(data, f"draft-v{version.number}-commented.docx", _DOCX)


@permission_required(policy.VIEW)
def conclusion_download(request: ActorRequest, examination_id: uuid.UUID, fmt: str) -> HttpResponse:
    examination = _examination(request, examination_id)
    if examination.status != "concluded" or fmt not in ("docx", "pdf"):
        raise Http404
    language = get_language() or "en"
    if fmt == "pdf":
        return _file(exports.conclusion_pdf(examination, language=language), "conclusion.pdf", "application/pdf")
    return _file(exports.conclusion_docx(examination, language=language), "conclusion.docx", _DOCX)


@permission_required(policy.VIEW)
def dismissed_export(request: ActorRequest) -> StreamingHttpResponse:
    """Dismissed engine proposals as evaluation data: the provision, its language, the factor that did not
    apply and the expert's reason."""
    rows = (
        [f.pk, f.provision_text, f.version.language, f.code, f.reason]
        for f in selectors.dismissed_proposals(actor=request.user).iterator()
    )
    return csv_response(
        filename="examination-dismissed.csv", header=["id", "text", "language", "dismissed_factor", "reason"], rows=rows
    )
