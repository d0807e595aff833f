"""Helpers every app's API endpoints share: refuse early, filter a PATCH, shape an import."""

from collections.abc import Iterable
from typing import Any

from ninja import Schema
from ninja.errors import HttpError
from pydantic import ConfigDict

from senim.core.access import ActorRequest, PermissionDenied
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


def patch_data(payload: Schema, *, clearable: Iterable[str] = ()) -> dict[str, Any]:
    """The fields a PATCH body sets: those present in it. Null clears the fields named `clearable`
    (those that may be empty) and is ignored for the others."""
    keep = set(clearable)
    return {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k in keep}
