"""Attachment checks: type by content, metadata removal from JPEG and PNG, and robustness on
arbitrary bytes."""

import struct
import zlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

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
