"""Checks at the edge, before a view reads the request.

RejectNulMiddleware refuses NUL characters: PostgreSQL text cannot hold them, and no legitimate
query or form value contains one. Multipart bodies (file uploads) are left to the forms, whose
text fields refuse NUL themselves, and to the import reader. A JSON body nested deeper than
MAX_JSON_DEPTH is refused before anything parses it (Python's parser would recurse).
BodyLimitMiddleware bounds every body. (A service's refusal is a 403 by itself: core.access.PermissionDenied
is Django's PermissionDenied.)
"""

import json
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

# No request of Senim nests JSON this deep; a deeper body is refused unparsed.
MAX_JSON_DEPTH = 64


class RejectNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with translation.override(translation.get_language_from_request(request)):
            refusal = self._refusal(request)
        return refusal or self.get_response(request)

    def _refusal(self, request: HttpRequest) -> HttpResponse | None:
        sends_json = request.content_type == "application/json" and request.method not in {"GET", "HEAD", "OPTIONS"}
        if sends_json and json_depth(request.body) > MAX_JSON_DEPTH:
            return _refuse(request, 400, _("The JSON body is nested too deeply."))
        if self._carries_nul(request):
            return _refuse(request, 400, _("The request contains a NUL character, which is not allowed."))
        return None

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
    """Whether decoded JSON holds a NUL anywhere (an escaped "\\u0000" in the text is not one).
    Iterative, so no nesting depth can exhaust the stack."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


_JSON_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{\]}]')


def json_depth(body: bytes) -> int:
    """The deepest nesting of brackets in a JSON text, counted without parsing (brackets inside
    strings do not count). Linear in the length, no recursion."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(body):
        token = match.group()[:1]
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


# ---------------------------------------------------------------------------- request bodies

_BOUNDARY = re.compile(r"[ -~]{0,200}[!-~]")
_upload_limits: list[Callable[[], int]] = []


def register_upload_limit(limit: Callable[[], int]) -> None:
    """A module that takes larger uploads than SENIM_MAX_UPLOAD_MB (Speak Up: several files per
    report) gives the largest body it accepts, in bytes, read at request time."""
    if limit not in _upload_limits:
        _upload_limits.append(limit)


def body_limit() -> int:
    """The largest body that is not multipart: what Django reads into memory at most."""
    return int(getattr(settings, "SENIM_MAX_BODY_BYTES", 0) or settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


def upload_body_limit() -> int:
    """The largest multipart body: the largest upload of any module plus 1 MB of form fields,
    and 1 MB more, so that a module refusing a body just over its own limit does so with its
    own page."""
    largest = int(settings.SENIM_MAX_UPLOAD_MB) * 1024 * 1024 + 1024 * 1024
    return max([largest, *(limit() for limit in _upload_limits)]) + 1024 * 1024


class BodyLimitMiddleware:
    """Refuse a body too large from its declared length, before anything reads it (413), and a
    multipart body whose boundary is missing or malformed (400).

    Under WSGI Django reads at most the declared length (a LimitedStream over the input), so the
    declared length bounds the actual one too; a body without a length is read as empty. The
    limits: `SENIM_MAX_BODY_BYTES` (by default Django's DATA_UPLOAD_MAX_MEMORY_SIZE, what it reads
    into memory at most) for every body that is not multipart; for multipart bodies, which carry
    files, the largest upload any module accepts plus form fields (upload_body_limit). A module's
    own, smaller limit for a given form still applies after this one (with its own message).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # These run before LocaleMiddleware: answer in the language the request asks for, not in
        # whatever language the worker thread last served.
        with translation.override(translation.get_language_from_request(request)):
            refusal = self._refusal(request)
        return refusal or self.get_response(request)

    def _refusal(self, request: HttpRequest) -> HttpResponse | None:
        multipart = request.META.get("CONTENT_TYPE", "").lower().startswith("multipart/")
        limit = upload_body_limit() if multipart else body_limit()
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = limit + 1  # an unreadable length counts as too large
        if length > limit or length < 0:
            message = _("The request is too large (at most %(size)s MB).") % {"size": round(limit / 1048576, 1)}
            return _refuse(request, 413, message)
        if multipart and length and not _BOUNDARY.fullmatch((request.content_params or {}).get("boundary", "")):
            return _refuse(request, 400, _("The multipart request has no valid boundary."))
        return None


def _refuse(request: HttpRequest, status: int, message: str) -> HttpResponse:
    """A plain refusal that needs nothing else of the request (no user, no session yet)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
