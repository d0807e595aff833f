"""The import wizard: upload → preview with every error → import (all, or the valid rows only)."""

import secrets

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from senim.core import files
from senim.core.access import ActorRequest
from senim.core.uploads import request_too_large, too_large_message
from senim.core.views import permission_required
from senim.org import importing, jobs, policy
from senim.org.forms import ImportUploadForm

SESSION_KEY = "senim_org_imports"


def _stored(request: HttpRequest, token: str) -> tuple[str, str]:
    """The kind and stored name of an upload this session made; 404 for anything else."""
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or not files.file_exists(entry["file"]):
        raise Http404
    return entry["kind"], entry["file"]


@permission_required(policy.IMPORT)
def upload(request: ActorRequest) -> HttpResponse:
    if request.method == "POST" and request_too_large(request):
        # Refused from the declared length, before Django reads the body.
        message = too_large_message()
        return render(
            request, "org/import_upload.html", {"form": ImportUploadForm(), "file_error": message}, status=413
        )
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files.area_sweep(jobs.UPLOAD_AREA, older_than_seconds=jobs.UPLOAD_LIFETIME_SECONDS, sealed=True)
        upload = form.cleaned_data["file"]
        token = secrets.token_urlsafe(16)
        suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
        name = files.file_save(jobs.UPLOAD_AREA, upload, suffix=suffix, sealed=True)
        imports = request.session.get(SESSION_KEY, {})
        imports[token] = {"kind": form.cleaned_data["kind"], "file": name, "name": upload.name[:200]}
        request.session[SESSION_KEY] = imports
        return redirect("org:import-preview", token=token)
    recent = jobs.import_job_list(actor=request.user)[:10]
    return render(request, "org/import_upload.html", {"form": form, "recent_jobs": recent})


@permission_required(policy.IMPORT)
def preview(request: ActorRequest, token: str) -> HttpResponse:
    kind, name = _stored(request, token)
    try:
        with files.file_local(name, sealed=True) as path:
            plan = importing.plan_file(actor=request.user, kind=kind, path=path)
    except importing.FileRejected as error:
        return render(request, "org/import_upload.html", {"form": ImportUploadForm(), "file_error": error.message})
    context = {
        "token": token,
        "kind": kind,
        "plan": plan,
        "name": request.session[SESSION_KEY][token]["name"],
        "preview_rows": [(line, [raw.get(c, "") for c in plan.columns]) for line, raw in plan.sample],
        "errors": plan.errors[:500],
        "more_errors": max(0, len(plan.errors) - 500),
        "url_namespace": "org",
        "kind_label": {"employees": _("Employees"), "units": _("Structural units"), "positions": _("Positions")}[kind],
    }
    return render(request, "imports/preview.html", context)


@permission_required(policy.IMPORT)
def confirm(request: ActorRequest, token: str) -> HttpResponse:
    """Queue the import; the job page follows it to the end."""
    if request.method != "POST":
        return redirect("org:import-preview", token=token)
    kind, name = _stored(request, token)
    entry = request.session[SESSION_KEY][token]
    job = jobs.import_job_start(
        actor=request.user,
        kind=kind,
        stored_file=name,
        file_name=entry["name"],
        valid_only=request.POST.get("mode") == "valid_only",
        language=get_language() or "en",
    )
    return redirect("org:import-job", job_id=job.pk)


@permission_required(policy.IMPORT)
def job_detail(request: ActorRequest, job_id: str) -> HttpResponse:
    job = jobs.import_job_list(actor=request.user).filter(pk=job_id).first()
    if job is None:
        raise Http404
    rejected_available = job.status == job.Status.DONE and job.skipped and files.file_exists(job.stored_file)
    context = {"job": job, "rejected_available": rejected_available}
    template = "org/import_job_status.html" if request.htmx else "org/import_job.html"
    return render(request, template, context)


@permission_required(policy.IMPORT)
def job_rejected(request: ActorRequest, job_id: str) -> HttpResponse:
    job = jobs.import_job_list(actor=request.user).filter(pk=job_id).first()
    if job is None or not files.file_exists(job.stored_file):
        raise Http404
    return _rejected_csv(request, job.kind, job.stored_file)


@permission_required(policy.IMPORT)
def rejected(request: ActorRequest, token: str) -> HttpResponse:
    kind, name = _stored(request, token)
    return _rejected_csv(request, kind, name)


def _rejected_csv(request: ActorRequest, kind: str, name: str) -> HttpResponse:
    try:
        with files.file_local(name, sealed=True) as path:
            plan = importing.plan_file(actor=request.user, kind=kind, path=path)
    except importing.FileRejected as error:
        messages.error(request, error.message)
        return redirect(reverse("org:import-upload"))
    response = HttpResponse(plan.rejected_csv(_("error")), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rejected-{kind}.csv"'
    return response
