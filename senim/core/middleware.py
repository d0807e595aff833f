"""Refuse NUL characters at the edge: PostgreSQL text cannot hold them, and no legitimate
query or form value contains one. Multipart bodies (file uploads) are left to the forms, whose
text fields refuse NUL themselves, and to the import reader."""

import json
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


class RejectNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._carries_nul(request):
            message = _("The request contains a NUL character, which is not allowed.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request: HttpRequest) -> bool:
        query = request.META.get("QUERY_STRING", "").encode("latin-1", "replace").lower()
        if b"\x00" in query or b"%00" in query:
            return True
        if request.method in {"GET", "HEAD", "OPTIONS"} or request.content_type == "multipart/form-data":
            return False
        body = request.body  # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE for non-file bodies
        if b"\x00" in body:
            return True
        if request.content_type == "application/json":
            try:
                return _has_nul(json.loads(body))
            except ValueError:  # not JSON: the endpoint answers that
                return False
        return b"%00" in body.lower()


def _has_nul(value: Any) -> bool:
    """Whether decoded JSON holds a NUL anywhere (an escaped "\\u0000" in the text is not one)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False
