"""Helpers every app's API endpoints share: refuse early, filter a PATCH, shape an import."""

import datetime as dt
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import File, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile
from pydantic import ConfigDict, Field, model_validator

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.importing import FileRejected, ImportPlan, ImportResult, Imports
from senim.core.uploads import too_large_message, upload_limit


def require(request: ActorRequest, permission: str, *, group_wide: bool = False) -> None:
    """Refuse a caller without the permission (anywhere, or group-wide) before ids are resolved,
    so a caller who may not act at all gets 403, not the 404 of an object outside their scope."""
    scope = request.user.scope_for(permission)
    if scope.is_empty or (group_wide and not scope.everything):
        raise PermissionDenied(permission)


def refuse_large_upload(file: Any) -> None:
    """Answer 413 for an uploaded file over the upload limit."""
    if file.size and file.size > upload_limit():
        raise HttpError(413, too_large_message())


class BodySchema(Schema):
    """The base of every request body: a field the schema does not know is refused with 422
    naming it (`extra_forbidden` at its location), never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class DateRangeFilters(Schema):
    """The event-date filter every list of counted records takes (inherit it in the list's query
    schema): from / to, inclusive, on the list's own event date (filed, received …), never the entry
    date. A range that ends before it starts is a 422."""

    date_from: dt.date | None = Field(None, description="Event date on or after this day.")
    date_to: dt.date | None = Field(None, description="Event date on or before this day.")

    @model_validator(mode="after")
    def _ordered(self) -> "DateRangeFilters":
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError("date_to is before date_from")
        return self


class HistoryFilters(DateRangeFilters):
    """The date range and the id a record carries from the system it was imported from."""

    external_id: str = Field("", max_length=100, description="The id in the system the record came from.")


def patch_data(payload: Schema, *, clearable: Iterable[str] = ()) -> dict[str, Any]:
    """The fields a PATCH body sets: those present in it. Null clears the fields named `clearable`
    (those that may be empty) and is ignored for the others."""
    keep = set(clearable)
    return {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k in keep}


def import_report(
    file: Any,
    *,
    kind: str,
    plan: Callable[[Path], ImportPlan],
    apply: Callable[[ImportPlan], ImportResult],
    dry_run: bool,
    valid_only: bool,
) -> dict[str, Any]:
    """The one shape of an import endpoint (`POST …/imports/{kind}`, multipart `file`): the upload is
    kept in a temporary folder for the request only, `plan(path)` validates it (a file that cannot
    be read is a 422), and unless `dry_run` a clean plan (or its valid rows, with `valid_only`) is
    written by `apply(plan)`. Answers the validation report, and the counts when written with the
    record each line created or updated (`rows`: line, id, action) where the import reports them."""
    refuse_large_upload(file)
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR) as folder:
        path = Path(folder) / ("upload.xlsx" if (file.name or "").lower().endswith(".xlsx") else "upload.csv")
        with path.open("wb") as target:
            for chunk in file.chunks():
                target.write(chunk)
        try:
            planned = plan(path)
        except FileRejected as error:
            raise HttpError(422, error.message) from error
        report: dict[str, Any] = {
            "kind": kind,
            "total": planned.total,
            "valid": len(planned.valid),
            "rejected": len(planned.rejected),
            "file_errors": planned.file_errors,
            "errors": [e.__dict__ for e in planned.errors[:1000]],
            "imported": False,
        }
        if not dry_run:
            if planned.file_errors or (planned.rejected and not valid_only):
                raise HttpError(422, _("The file has errors; nothing was imported."))
            result = apply(planned)
            report.update(
                imported=True,
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                rows=[row.__dict__ for row in result.rows],
            )
    return report


class CoreImportReportOut(Schema):
    """What an import endpoint answers: the validation report; once written, the counts and the
    record each line created or updated."""

    kind: str
    total: int
    valid: int
    rejected: int
    file_errors: list[str]
    errors: list[dict]
    imported: bool
    created: int | None = None
    updated: int | None = None
    unchanged: int | None = None
    rows: list[dict] | None = None


def add_import_endpoint(router: Router, imports: Imports, *, app: str, description: str) -> None:
    """Add `POST /imports/{kind}` (multipart `file`) for an app's imports to its router:
    `dry_run` (the default) only validates; `valid_only` writes the valid rows of a file with
    errors. The caller needs the kind's permission; an unknown kind is a 404. `app` names the
    operation (`senim_<app>_api_import_file`, as the API names the others)."""

    def import_file(
        request: ActorRequest,
        kind: str,
        file: File[UploadedFile],  # type: ignore[type-arg]
        dry_run: bool = True,
        valid_only: bool = False,
    ) -> dict[str, Any]:
        if kind not in imports.kinds:
            raise HttpError(404, _("Unknown import kind."))
        require(request, imports.kinds[kind].permission)
        return import_report(
            file,
            kind=kind,
            plan=lambda path: imports.plan_file(actor=request.user, kind=kind, path=path),
            apply=lambda plan: imports.apply(actor=request.user, plan=plan, valid_only=valid_only),
            dry_run=dry_run,
            valid_only=valid_only,
        )

    import_file.__doc__ = description
    router.post(
        "/imports/{kind}",
        response=CoreImportReportOut,
        summary="Validate, and optionally import, a CSV/XLSX file",
        operation_id=f"senim_{app}_api_import_file",
    )(import_file)
