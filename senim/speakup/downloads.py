"""Serving a decrypted case file: always as a download, never rendered inline by the browser
(a reporter's file is untrusted content), and never cached."""

from urllib.parse import quote

from django.http import HttpResponse

from senim.speakup.files import CONTENT_TYPES
from senim.speakup.models import FileKind


def file_response(name: str, kind: str, data: bytes) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES.get(FileKind(kind), "application/octet-stream"))
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
