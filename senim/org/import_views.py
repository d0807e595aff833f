"""The import wizard: upload → preview with every error → import (all, or the valid rows only)."""

import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.views import permission_required
from senim.org import importing, policy
from senim.org.forms import ImportUploadForm
from senim.org.importing.base import ImportResult

SESSION_KEY = "senim_org_imports"
RESULTS_KEY = "senim_org_import_results"


UPLOAD_LIFETIME_SECONDS = 24 * 3600


def _upload_dir() -> Path:
    path = Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sweep_uploads() -> None:
    """Delete uploads older than a day: abandoned previews hold personal data."""
    cutoff = time.time() - UPLOAD_LIFETIME_SECONDS
    for stale in _upload_dir().iterdir():
        if stale.is_file() and stale.stat().st_mtime < cutoff:
            stale.unlink(missing_ok=True)


def _stored(request: HttpRequest, token: str) -> tuple[str, Path]:
    """The kind and path of an upload this session made; 404 for anything else."""
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry:
        raise Http404
    path = _upload_dir() / entry["file"]
    if not path.exists():
        raise Http404
    return entry["kind"], path


def _content_too_long(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.SENIM_MAX_UPLOAD_MB * 1024 * 1024 + 65536


@permission_required(policy.IMPORT)
def upload(request: ActorRequest) -> HttpResponse:
    if request.method == "POST" and _content_too_long(request):
        # Refused from the declared length, before Django reads the body.
        message = _("The file is larger than %(limit)d MB.") % {"limit": settings.SENIM_MAX_UPLOAD_MB}
        return render(
            request, "org/import_upload.html", {"form": ImportUploadForm(), "file_error": message}, status=413
        )
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _sweep_uploads()
        upload = form.cleaned_data["file"]
        token = secrets.token_urlsafe(16)
        suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
        name = f"{token}{suffix}"
        with (_upload_dir() / name).open("wb") as target:
            for chunk in upload.chunks():
                target.write(chunk)
        imports = request.session.get(SESSION_KEY, {})
        imports[token] = {"kind": form.cleaned_data["kind"], "file": name, "name": upload.name[:200]}
        request.session[SESSION_KEY] = imports
        return redirect("org:import-preview", token=token)
    return render(request, "org/import_upload.html", {"form": form})


@permission_required(policy.IMPORT)
def preview(request: ActorRequest, token: str) -> HttpResponse:
    kind, path = _stored(request, token)
    try:
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
    }
    return render(request, "org/import_preview.html", context)


@permission_required(policy.IMPORT)
def confirm(request: ActorRequest, token: str) -> HttpResponse:
    if request.method != "POST":
        return redirect("org:import-preview", token=token)
    kind, path = _stored(request, token)
    valid_only = request.POST.get("mode") == "valid_only"
    try:
        plan = importing.plan_file(actor=request.user, kind=kind, path=path)
        result = importing.KINDS[kind].apply(actor=request.user, plan=plan, valid_only=valid_only)
    except importing.FileRejected as error:
        messages.error(request, error.message)
        return redirect("org:import-upload")
    except PermissionDenied:
        messages.error(
            request, _("Nothing was imported: the file has errors. Fix them, or choose to import the valid rows only.")
        )
        return redirect("org:import-preview", token=token)
    messages.success(
        request,
        _("Imported: %(created)d added, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d rejected.")
        % result.__dict__,
    )
    done = request.session.get(RESULTS_KEY, {})
    done[token] = {"kind": kind, "rejected": len(plan.rejected), **result.__dict__}
    request.session[RESULTS_KEY] = done
    if not plan.rejected:
        _forget(request, token, path)
    # Redirect, so reloading the result page never re-submits the import.
    return redirect("org:import-done", token=token)


@permission_required(policy.IMPORT)
def done(request: ActorRequest, token: str) -> HttpResponse:
    outcome = request.session.get(RESULTS_KEY, {}).get(token)
    if outcome is None:
        raise Http404
    result = ImportResult(**{k: outcome[k] for k in ("created", "updated", "unchanged", "skipped")})
    still_stored = token in request.session.get(SESSION_KEY, {})
    context = {
        "result": result,
        "token": token,
        "kind": outcome["kind"],
        "has_rejected": outcome["rejected"] and still_stored,
    }
    return render(request, "org/import_done.html", context)


@permission_required(policy.IMPORT)
def rejected(request: ActorRequest, token: str) -> HttpResponse:
    kind, path = _stored(request, token)
    try:
        plan = importing.plan_file(actor=request.user, kind=kind, path=path)
    except importing.FileRejected as error:
        messages.error(request, error.message)
        return redirect(reverse("org:import-upload"))
    response = HttpResponse(plan.rejected_csv(_("error")), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rejected-{kind}.csv"'
    return response


def _forget(request: HttpRequest, token: str, path: Path) -> None:
    imports = request.session.get(SESSION_KEY, {})
    imports.pop(token, None)
    request.session[SESSION_KEY] = imports
    path.unlink(missing_ok=True)
