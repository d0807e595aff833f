"""Attachment checks: type by content, metadata removal from JPEG, PNG and PDF, and robustness on
arbitrary bytes."""

import struct
import zipfile
import zlib
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from senim.speakup import files
from senim.speakup.models import FileKind
from senim.speakup.tests.factories import JPEG


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG = (
    b"\x89PNG\r\n\x1a\n"
    + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    + _chunk(b"tEXt", b"Author\x00Alice Reporter")
    + _chunk(b"tIME", b"\x07\xea\x0c\x05\x00\x00\x00")
    + _chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    + _chunk(b"IEND", b"")
)


def test_png_text_and_time_chunks_are_removed():
    cleaned, stripped = files.strip_metadata(FileKind.PNG, PNG)
    assert stripped and b"Alice" not in cleaned and b"tIME" not in cleaned
    assert cleaned.startswith(b"\x89PNG") and b"IDAT" in cleaned and cleaned.endswith(_chunk(b"IEND", b""))


def test_jpeg_keeps_the_image_data():
    cleaned, stripped = files.strip_metadata(FileKind.JPEG, JPEG)
    assert stripped and b"Exif" not in cleaned and cleaned.endswith(b"\x12\x34\x56\xff\xd9")


def test_type_is_decided_by_content_not_name():
    prepared = files.prepare([SimpleUploadedFile("notes.txt", "Заметки".encode())])
    assert prepared[0].kind == FileKind.TEXT and prepared[0].metadata_stripped
    for name, data in [("photo.png", JPEG), ("doc.docx", b"PK\x03\x04not a zip"), ("a.txt", b"\xff\xfe\x00")]:
        try:
            files.prepare([SimpleUploadedFile(name, data)])
        except ValidationError as error:
            assert error.code == "file_type"
        else:
            raise AssertionError(name)


@given(data=st.binary(max_size=400))
def test_stripping_never_crashes_on_arbitrary_bytes(data):
    for kind in (FileKind.JPEG, FileKind.PNG):
        for sample in (data, b"\xff\xd8" + data, b"\x89PNG\r\n\x1a\n" + data):
            cleaned, stripped = files.strip_metadata(kind, sample)
            assert isinstance(cleaned, bytes)
            if not stripped:
                assert cleaned == sample


def _pdf_with_metadata() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 100)
    writer.add_metadata({"/Author": "Alice Reporter", "/Creator": "ScannerModel X9", "/Title": "Invoices"})
    writer.xmp_metadata = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>XmpAlice</dc:creator></x:xmpmeta>'
    writer.pages[0][NameObject("/Metadata")] = writer.root_object["/Metadata"]
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_document_information_and_xmp_are_removed():
    original = _pdf_with_metadata()
    assert b"Alice Reporter" in original and b"XmpAlice" in original
    cleaned, stripped = files.strip_metadata(FileKind.PDF, original)
    assert stripped
    for secret in (b"Alice Reporter", b"ScannerModel X9", b"XmpAlice", b"Invoices"):
        assert secret not in cleaned
    reader = PdfReader(BytesIO(cleaned))
    assert len(reader.pages) == 1 and not reader.metadata and reader.xmp_metadata is None
    prepared = files.prepare([SimpleUploadedFile("scan.pdf", original)])
    assert prepared[0].metadata_stripped and b"Alice" not in prepared[0].data


def test_a_damaged_or_encrypted_pdf_is_kept_and_flagged():
    damaged = b"%PDF-1.4\n1 0 obj<</Author(Alice)>>endobj\ntrailer<<>>\n%%EOF\n"
    assert files.strip_metadata(FileKind.PDF, damaged) == (damaged, False)
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt("secret")
    out = BytesIO()
    writer.write(out)
    assert files.strip_metadata(FileKind.PDF, out.getvalue()) == (out.getvalue(), False)


def test_office_files_are_still_flagged_for_the_officer():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("docProps/core.xml", "<dc:creator>Alice</dc:creator>")
    prepared = files.prepare([SimpleUploadedFile("memo.docx", buffer.getvalue())])
    assert prepared[0].kind == FileKind.OFFICE and not prepared[0].metadata_stripped


@given(data=st.binary(max_size=400))
def test_pdf_stripping_never_crashes_on_arbitrary_bytes(data):
    sample = b"%PDF-1.7\n" + data
    cleaned, stripped = files.strip_metadata(FileKind.PDF, sample)
    assert isinstance(cleaned, bytes) and (stripped or cleaned == sample)
