"""Import of counterparties and contracts: upload → check every row → import (all, or valid rows only)."""

import secrets

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core import files
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.uploads import request_too_large, too_large_message
from senim.core.views import permission_required
from senim.counterparties import importing, policy
from senim.counterparties.forms import ImportUploadForm

SESSION_KEY = "senim_counterparty_imports"
# Where an import of each kind lands once written.
LANDING = {
    "counterparties": "counterparties:counterparty-list",
    "contracts": "counterparties:contract-list",
    "applications": "counterparties:application-list",
}
UPLOAD_LIFETIME_SECONDS = 24 * 3600


# Uploaded files (personal data of counterparties' people), sealed in the storage every host shares.
UPLOAD_AREA = "counterparties/imports"


def _stored(request: HttpRequest, token: str) -> tuple[str, str, str]:
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or not files.file_exists(entry["file"]):
        raise Http404
    return entry["kind"], entry["file"], entry["name"]


@permission_required(policy.MANAGE_CONTRACTS)
def upload(request: ActorRequest) -> HttpResponse:
    if request.method == "POST" and request_too_large(request):
        message = too_large_message()
        context = {"form": ImportUploadForm(), "file_error": message}
        return render(request, "counterparties/import_upload.html", context, status=413)
    form = ImportUploadForm(request.POST or None, request.FILES or None, initial={"kind": request.GET.get("kind")})
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        if kind == "counterparties" and not request.user.can(policy.IMPORT):
            form.add_error("kind", _("You may not import counterparties."))
        elif kind == "applications" and not request.user.can(policy.FILE_APPLICATION):
            form.add_error("kind", _("You may not import applications."))
        else:
            files.area_sweep(UPLOAD_AREA, older_than_seconds=UPLOAD_LIFETIME_SECONDS, sealed=True)
            upload = form.cleaned_data["file"]
            token = secrets.token_urlsafe(16)
            suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
            name = files.file_save(UPLOAD_AREA, upload, suffix=suffix, sealed=True)
            imports = request.session.get(SESSION_KEY, {})
            imports[token] = {"kind": kind, "file": name, "name": upload.name[:200]}
            request.session[SESSION_KEY] = imports
            return redirect("counterparties:import-preview", token=token)
    return render(request, "counterparties/import_upload.html", {"form": form})


@permission_required(policy.MANAGE_CONTRACTS)
def preview(request: ActorRequest, token: str) -> HttpResponse:
    kind, stored, name = _stored(request, token)
    try:
        with files.file_local(stored, sealed=True) as path:
            plan = importing.plan_file(actor=request.user, kind=kind, path=path)
    except importing.FileRejected as error:
        context = {"form": ImportUploadForm(), "file_error": error.message}
        return render(request, "counterparties/import_upload.html", context)
    context = {
        "token": token,
        "kind": kind,
        "plan": plan,
        "name": name,
        "preview_rows": [(line, [raw.get(c, "") for c in plan.columns]) for line, raw in plan.sample],
        "errors": plan.errors[:500],
        "more_errors": max(0, len(plan.errors) - 500),
        "url_namespace": "counterparties",
        "kind_label": dict(ImportUploadForm.KIND_CHOICES)[kind],
    }
    return render(request, "imports/preview.html", context)


@require_POST
@permission_required(policy.MANAGE_CONTRACTS)
def confirm(request: ActorRequest, token: str) -> HttpResponse:
    kind, stored, _name = _stored(request, token)
    try:
        with files.file_local(stored, sealed=True) as path:
            plan = importing.plan_file(actor=request.user, kind=kind, path=path)
        result = importing.apply(actor=request.user, plan=plan, valid_only=request.POST.get("mode") == "valid_only")
    except importing.FileRejected as error:
        messages.error(request, error.message)
        return redirect("counterparties:import-upload")
    except PermissionDenied:
        messages.error(request, _("The file has errors: fix them, or choose to import the valid rows only."))
        return redirect("counterparties:import-preview", token=token)
    files.file_delete(stored)
    imports = request.session.get(SESSION_KEY, {})
    imports.pop(token, None)
    request.session[SESSION_KEY] = imports
    messages.success(
        request,
        _("Imported: %(created)d added, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d rejected.")
        % {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": result.skipped,
        },
    )
    return redirect(LANDING[kind])


@permission_required(policy.MANAGE_CONTRACTS)
def rejected(request: ActorRequest, token: str) -> HttpResponse:
    """The rejected rows with the reason for each, as CSV to fix and upload again."""
    kind, stored, _name = _stored(request, token)
    try:
        with files.file_local(stored, sealed=True) as path:
            plan = importing.plan_file(actor=request.user, kind=kind, path=path)
    except importing.FileRejected as error:
        raise Http404 from error
    response = HttpResponse(plan.rejected_csv(_("error")), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="rejected.csv"'
    return response
