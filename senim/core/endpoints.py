"""Helpers every app's API endpoints share: refuse early, filter a PATCH, shape an import."""

from senim.core.access import ActorRequest, PermissionDenied


def require(request: ActorRequest, permission: str, *, group_wide: bool = False) -> None:
    """Refuse a caller without the permission (anywhere, or group-wide) before ids are resolved,
    so a caller who may not act at all gets 403, not the 404 of an object outside their scope."""
    scope = request.user.scope_for(permission)
    if scope.is_empty or (group_wide and not scope.everything):
        raise PermissionDenied(permission)
