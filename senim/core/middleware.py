"""Refuse NUL characters at the edge: PostgreSQL text cannot hold them, and no legitimate
query or form value contains one. Multipart bodies (file uploads) are left to the forms, whose
text fields refuse NUL themselves, and to the import reader."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

NUL_MARKERS = (b"\x00", b"%00", b"\\u0000")


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
        if any(marker in query for marker in NUL_MARKERS[:2]):
            return True
        if request.method in {"GET", "HEAD", "OPTIONS"} or request.content_type == "multipart/form-data":
            return False
        body = request.body  # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE for non-file bodies
        return any(marker in body.lower() for marker in NUL_MARKERS)
