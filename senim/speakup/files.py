"""Attachment checks before anything is stored: size, count, type by content (not by name), and
removal of identifying metadata: EXIF and text chunks of images (plain Python), the document
information and XMP metadata of PDFs (pypdf). Office documents, and PDFs or images too damaged or
encrypted to rewrite, are kept as they are and flagged, so officers are warned that the file may
still carry an author name or a device."""

import logging
import struct
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath
from typing import Protocol

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pypdf import PdfReader, PdfWriter

from senim.speakup import conf
from senim.speakup.models import FileKind

EXTENSIONS = {
    ".pdf": FileKind.PDF,
    ".jpg": FileKind.JPEG,
    ".jpeg": FileKind.JPEG,
    ".png": FileKind.PNG,
    ".txt": FileKind.TEXT,
    ".docx": FileKind.OFFICE,
    ".xlsx": FileKind.OFFICE,
    ".odt": FileKind.OFFICE,
}
CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.JPEG: "image/jpeg",
    FileKind.PNG: "image/png",
    FileKind.TEXT: "text/plain; charset=utf-8",
    FileKind.OFFICE: "application/octet-stream",
}


class Upload(Protocol):
    name: str | None
    size: int | None

    def read(self, size: int = -1) -> bytes: ...


@dataclass(frozen=True)
class PreparedFile:
    name: str
    kind: str
    data: bytes
    metadata_stripped: bool


def prepare(uploads: list[Upload]) -> list[PreparedFile]:
    """Check every upload and return what to store; raise ValidationError (nothing stored) if any
    file is too large, of a type not allowed, or if there are too many."""
    if len(uploads) > conf.max_files():
        raise ValidationError(
            ngettext("Attach at most %(count)s file.", "Attach at most %(count)s files.", conf.max_files())
            % {"count": conf.max_files()},
            code="too_many_files",
        )
    limit = conf.max_file_mb() * 1024 * 1024
    prepared = []
    for upload in uploads:
        name = PurePath((upload.name or "file").replace("\\", "/")).name[:200] or "file"
        if (upload.size or 0) > limit:
            raise _too_large(name, limit)
        data = upload.read(limit + 1)
        if len(data) > limit:
            raise _too_large(name, limit)
        if not data:
            raise ValidationError(_("The file “%(name)s” is empty.") % {"name": name}, code="empty_file")
        kind = EXTENSIONS.get(PurePath(name).suffix.lower())
        if kind is None or not _content_matches(kind, data):
            raise ValidationError(
                _("The file “%(name)s” is not allowed. Allowed types: PDF, JPEG, PNG, text, DOCX, XLSX, ODT.")
                % {"name": name},
                code="file_type",
            )
        cleaned, stripped = strip_metadata(kind, data)
        prepared.append(PreparedFile(name=name, kind=kind, data=cleaned, metadata_stripped=stripped))
    return prepared


def _too_large(name: str, limit: int) -> ValidationError:
    return ValidationError(
        _("The file “%(name)s” is larger than %(limit)s.") % {"name": name, "limit": filesizeformat(limit)},
        code="file_too_large",
    )


def _content_matches(kind: str, data: bytes) -> bool:
    if kind == FileKind.PDF:
        return data.startswith(b"%PDF-")
    if kind == FileKind.JPEG:
        return data.startswith(b"\xff\xd8\xff")
    if kind == FileKind.PNG:
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == FileKind.OFFICE:
        return data.startswith(b"PK\x03\x04") and zipfile.is_zipfile(BytesIO(data))
    try:  # text: UTF-8 without NUL
        return b"\x00" not in data and bool(data.decode("utf-8"))
    except UnicodeDecodeError:
        return False


def strip_metadata(kind: str, data: bytes) -> tuple[bytes, bool]:
    """Return (data without identifying metadata, whether that was done)."""
    try:
        if kind == FileKind.JPEG:
            return strip_jpeg(data), True
        if kind == FileKind.PNG:
            return strip_png(data), True
    except (ValueError, IndexError, struct.error):  # a damaged file is kept as it is, flagged
        return data, False
    if kind == FileKind.PDF:
        try:
            return strip_pdf(data), True
        except Exception:
            return data, False
    return data, kind == FileKind.TEXT


# pypdf warns in its log about every oddity of a damaged PDF; the file is flagged instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)
_PDF_PAGE_KEYS = ("/Metadata", "/PieceInfo")


def strip_pdf(data: bytes) -> bytes:
    """The PDF without its document information (author, creator, producer, dates…) and XMP
    metadata, in the catalogue and on each page, nor the private data of the editing application
    (/PieceInfo); objects left unreferenced are dropped, so the old values are not in the file
    any more. Raises on an encrypted or unreadable PDF."""
    reader = PdfReader(BytesIO(data))
    if reader.is_encrypted:
        raise ValueError("encrypted PDF")
    writer = PdfWriter(clone_from=reader)
    writer.metadata = None
    writer.xmp_metadata = None
    if "/PieceInfo" in writer.root_object:
        del writer.root_object["/PieceInfo"]
    for page in writer.pages:
        for key in _PDF_PAGE_KEYS:
            if key in page:
                del page[key]
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


# JPEG: APP1–APP15 hold EXIF (camera, GPS, time), XMP, IPTC and the like; COM holds comments.
_JPEG_DROP = set(range(0xE1, 0xF0)) | {0xFE}


def strip_jpeg(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG")
    out, pos = bytearray(b"\xff\xd8"), 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise ValueError("bad marker")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xDA:  # start of scan: the image data follows to the end
            out += data[pos:]
            return bytes(out)
        if 0xD0 <= marker <= 0xD9 or marker == 0x01:
            out += data[pos : pos + 2]
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise ValueError("bad segment")
        if marker not in _JPEG_DROP:
            out += data[pos : pos + 2 + length]
        pos += 2 + length
    raise ValueError("no image data")


_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def strip_png(data: bytes) -> bytes:
    signature = b"\x89PNG\r\n\x1a\n"
    out, pos = bytearray(signature), len(signature)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunk_type = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError("truncated chunk")
        if chunk_type not in _PNG_DROP:
            out += data[pos:end]
        pos = end
        if chunk_type == b"IEND":
            return bytes(out)
    raise ValueError("no IEND")
