"""The pages of an import, for any app's `core.importing.Imports`: upload → check every row (the
shared preview, `imports/preview.html`) → import all, or the valid rows only; the rejected rows as
CSV. The uploaded file (people's personal data) waits sealed in the storage every host shares
(`core.files`, area `<namespace>/imports`), named by a token kept in the session, and is swept after
a day. An app mounts them with `ImportPages(...).urls()` in its urls.py,
which names them `<namespace>:import-upload`, `-preview`, `-confirm` and `-rejected`."""

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core import files
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import ImportUploadForm
from senim.core.importing import FileRejected, Imports
from senim.core.uploads import request_too_large, too_large_message
from senim.core.views import login_required

UPLOAD_LIFETIME_SECONDS = 24 * 3600


class ImportPages:
    """Upload, check, confirm and rejected-rows pages for `imports`. `landing`: the URL name each
    kind lands on once written; `title`, `back` (URL name) and `help_template` dress the upload page."""

    def __init__(
        self,
        *,
        namespace: str,
        imports: Imports,
        landing: dict[str, str],
        title: Any,
        back: tuple[str, Any],
        help_template: str,
    ) -> None:
        self.namespace = namespace
        self.imports = imports
        self.landing = landing
        self.title = title
        self.back = back
        self.help_template = help_template
        self.session_key = f"senim_{namespace}_imports"

    def urls(self) -> list[URLPattern]:
        return [
            path("import/", login_required(self.upload), name="import-upload"),
            path("import/<str:token>/", login_required(self.preview), name="import-preview"),
            path("import/<str:token>/confirm/", require_POST(login_required(self.confirm)), name="import-confirm"),
            path("import/<str:token>/rejected.csv", login_required(self.rejected), name="import-rejected"),
        ]

    # ------------------------------------------------------------------ helpers

    def _allowed_kinds(self, request: HttpRequest) -> list[tuple[str, Any]]:
        """The kinds the user may import; none at all is a 403 (before anything is read)."""
        kinds = [(k, spec.label) for k, spec in self.imports.kinds.items() if request.user.can(spec.permission)]  # type: ignore[union-attr]
        if not kinds:
            raise DjangoPermissionDenied
        return kinds

    @property
    def _area(self) -> str:
        return f"{self.namespace}/imports"

    def _stored(self, request: HttpRequest, token: str) -> tuple[str, str, str]:
        entry = request.session.get(self.session_key, {}).get(token)
        allowed = dict(self._allowed_kinds(request))
        if not entry or entry["kind"] not in allowed or not files.file_exists(entry["file"]):
            raise Http404
        return entry["kind"], entry["file"], entry["name"]

    def _upload_page(
        self, request: HttpRequest, form: ImportUploadForm, *, error: str = "", status: int = 200
    ) -> HttpResponse:
        context = {
            "form": form,
            "file_error": error,
            "title": self.title,
            "back_url": self.back[0],
            "back_label": self.back[1],
            "upload_url": f"{self.namespace}:import-upload",
            "help_template": self.help_template,
        }
        return render(request, "imports/upload.html", context, status=status)

    # ------------------------------------------------------------------ pages

    def upload(self, request: ActorRequest) -> HttpResponse:
        kinds = self._allowed_kinds(request)
        if request.method == "POST" and request_too_large(request):
            return self._upload_page(request, ImportUploadForm(kinds=kinds), error=too_large_message(), status=413)
        form = ImportUploadForm(
            request.POST or None, request.FILES or None, kinds=kinds, initial={"kind": request.GET.get("kind")}
        )
        if request.method == "POST" and form.is_valid():
            files.area_sweep(self._area, older_than_seconds=UPLOAD_LIFETIME_SECONDS, sealed=True)
            upload = form.cleaned_data["file"]
            token = secrets.token_urlsafe(16)
            suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
            name = files.file_save(self._area, upload, suffix=suffix, sealed=True)
            imports = request.session.get(self.session_key, {})
            imports[token] = {"kind": form.cleaned_data["kind"], "file": name, "name": upload.name[:200]}
            request.session[self.session_key] = imports
            return redirect(f"{self.namespace}:import-preview", token=token)
        return self._upload_page(request, form)

    def preview(self, request: ActorRequest, token: str) -> HttpResponse:
        kind, stored, name = self._stored(request, token)
        try:
            with files.file_local(stored, sealed=True) as local:
                plan = self.imports.plan_file(actor=request.user, kind=kind, path=local)
        except FileRejected as error:
            return self._upload_page(request, ImportUploadForm(kinds=self._allowed_kinds(request)), error=error.message)
        context = {
            "token": token,
            "kind": kind,
            "plan": plan,
            "name": name,
            "preview_rows": [(line, [raw.get(c, "") for c in plan.columns]) for line, raw in plan.sample],
            "errors": plan.errors[:500],
            "more_errors": max(0, len(plan.errors) - 500),
            "url_namespace": self.namespace,
            "kind_label": self.imports.kinds[kind].label,
        }
        return render(request, "imports/preview.html", context)

    def confirm(self, request: ActorRequest, token: str) -> HttpResponse:
        kind, stored, _name = self._stored(request, token)
        try:
            with files.file_local(stored, sealed=True) as local:
                plan = self.imports.plan_file(actor=request.user, kind=kind, path=local)
            valid_only = request.POST.get("mode") == "valid_only"
            result = self.imports.apply(actor=request.user, plan=plan, valid_only=valid_only)
        except FileRejected as error:
            messages.error(request, error.message)
            return redirect(f"{self.namespace}:import-upload")
        except PermissionDenied:
            messages.error(request, _("The file has errors: fix them, or choose to import the valid rows only."))
            return redirect(f"{self.namespace}:import-preview", token=token)
        files.file_delete(stored)
        imports = request.session.get(self.session_key, {})
        imports.pop(token, None)
        request.session[self.session_key] = imports
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
        return redirect(self.landing[kind])

    def rejected(self, request: ActorRequest, token: str) -> HttpResponse:
        """The rejected rows with the reason for each, as CSV to fix and upload again."""
        kind, stored, _name = self._stored(request, token)
        try:
            with files.file_local(stored, sealed=True) as local:
                plan = self.imports.plan_file(actor=request.user, kind=kind, path=local)
        except FileRejected as error:
            raise Http404 from error
        response = HttpResponse(plan.rejected_csv(_("error")), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="rejected.csv"'
        return response
