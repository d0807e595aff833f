"""The one upload-size guard for pages, forms, services and the API (SENIM_MAX_UPLOAD_MB)."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

# Room for the other fields of a multipart form besides the file.
FORM_OVERHEAD = 65536


def upload_limit() -> int:
    """The largest upload accepted, in bytes."""
    return int(settings.SENIM_MAX_UPLOAD_MB) * 1024 * 1024


def too_large_message() -> str:
    return _("The file is larger than %(limit)d MB.") % {"limit": settings.SENIM_MAX_UPLOAD_MB}


def request_too_large(request: HttpRequest) -> bool:
    """Whether the declared length of a POST exceeds the limit, so it is refused before Django
    reads the body (a missing or malformed length counts as too large)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > upload_limit() + FORM_OVERHEAD


def check_upload_size(upload: Any, *, field: str | None = None) -> Any:
    """Return `upload`, or raise ValidationError (on `field` if given) when it exceeds the limit."""
    if upload is not None and upload.size and upload.size > upload_limit():
        message = too_large_message()
        raise ValidationError({field: message} if field else message)
    return upload
