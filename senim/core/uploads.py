"""The one upload-size guard for pages, forms, services and the API (SENIM_MAX_UPLOAD_MB)."""

import re
import zipfile
from dataclasses import dataclass
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


# --- kind by content --------------------------------------------------------------------------------
# What a file is comes from its first bytes, not from its name or the browser's content type; the
# name's suffix must agree with it, so an executable renamed "extract.pdf" is refused.

PDF, PNG, JPEG, DOCX, XLSX, ODT = "pdf", "png", "jpeg", "docx", "xlsx", "odt"
KIND_SUFFIXES = {
    PDF: (".pdf",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg"),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    ODT: (".odt",),
}
KIND_CONTENT_TYPES = {
    PDF: "application/pdf",
    PNG: "image/png",
    JPEG: "image/jpeg",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ODT: "application/vnd.oasis.opendocument.text",
}
# Supporting documents: extracts, screenshots, scans, letters.
DOCUMENT_KINDS = (PDF, PNG, JPEG, DOCX, XLSX, ODT)


def _zip_kind(upload: Any) -> str | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text":
                return ODT
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if any(name.startswith("word/") for name in names):
        return DOCX
    if any(name.startswith("xl/") for name in names):
        return XLSX
    return None


def sniff_kind(upload: Any) -> str | None:
    """The kind of an uploaded file read from its content (one of KIND_SUFFIXES), or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    return None


def clean_file_name(name: str | None) -> str:
    """A file's name as the person called it, without folders or control characters (≤ 200 chars)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().strip(".")
    if len(base) > 200:
        stem, dot, suffix = base.rpartition(".")
        base = f"{stem[: 199 - len(suffix)]}.{suffix}" if dot and len(suffix) <= 10 else base[:200]
    return base or "file"


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    kind: str
    content_type: str
    size: int


def check_upload(upload: Any, *, kinds: tuple[str, ...] = DOCUMENT_KINDS, field: str | None = None) -> CheckedUpload:
    """Check an uploaded file's size, its kind by content (one of `kinds`) and that its name's suffix
    agrees; return its clean name, kind, content type and size, or raise ValidationError (on `field`)."""

    def refuse(message: str) -> ValidationError:
        return ValidationError({field: message} if field else message)

    if upload is None:
        raise refuse(_("Choose a file."))
    check_upload_size(upload, field=field)
    if not upload.size:
        raise refuse(_("The file is empty."))
    allowed = ", ".join(suffix[1:].upper() for kind in kinds for suffix in KIND_SUFFIXES[kind][:1])
    kind = sniff_kind(upload)
    name = clean_file_name(upload.name)
    if kind not in kinds:
        raise refuse(_("This kind of file is not accepted; attach one of: %(kinds)s.") % {"kinds": allowed})
    if not name.lower().endswith(KIND_SUFFIXES[kind]):
        raise refuse(
            _("The file's name does not match its content (a %(kind)s file); rename it.")
            % {"kind": KIND_SUFFIXES[kind][0][1:].upper()}
        )
    return CheckedUpload(name=name, kind=kind, content_type=KIND_CONTENT_TYPES[kind], size=int(upload.size))
