"""Cases are made through the services (they are encrypted); these helpers give defaults."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from senim.speakup import services
from senim.speakup.services import Submission

# A 1×1 JPEG carrying an EXIF segment (with a camera make) and a comment.
EXIF = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x0f\x00\x02\x00\x00\x00\x06\x00\x00\x00\x1aCanon\x00"
JPEG = (
    b"\xff\xd8"
    + b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    + b"\xff\xe1"
    + (len(EXIF) + 2).to_bytes(2, "big")
    + EXIF
    + b"\xff\xfe\x00\x0fAlice's phone"
    + b"\xff\xdb\x00\x43\x00"
    + bytes(range(64))
    + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00"
    + b"\x12\x34\x56"
    + b"\xff\xd9"
)
PDF = b"%PDF-1.4\n1 0 obj<</Author(Alice)>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name: str = "evidence.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def submit(**overrides: Any) -> Submission:
    """A web report (anonymous, about bribery) unless overridden."""
    values: dict[str, Any] = {
        "kind": "report",
        "category": "bribery",
        "content": {"what": "The warehouse head asks suppliers for cash.", "when": "March", "people": "A. Head"},
        "anonymous": True,
        "reporter": {},
        "company_id": None,
        "language": "ru",
    }
    values.update(overrides)
    if "company" in values:
        company = values.pop("company")
        values["company_id"] = company.pk if company else None
    return services.case_submit(**values)


def submit_named(**overrides: Any) -> Submission:
    reporter = {"name": "Айгерим Жаксыбекова", "email": "aigerim@example.kz", "phone": "+7 701 000 0000"}
    return submit(anonymous=False, reporter=reporter, **overrides)
