"""Issue 13: evidence files on a verification: attached while it is in progress (size, kind by
content and name checked), listed with who and when, downloaded only by those who may see the
verification, audited, removed only while it is open; the same through the API."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.counterparties import services
from senim.counterparties.models import CaseEvidence
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.counterparties.tests.test_verification import _finish_checks, _open

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
BASE = "/api/v1/counterparties"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _stored(media) -> list:  # type: ignore[no-untyped-def]
    return [p for p in media.rglob("*") if p.is_file()]


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _case(group, officer):  # type: ignore[no-untyped-def]
    return _open(officer, group, CounterpartyFactory(name_en="Evidence Trading LLP"))


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_an_officer_attaches_files_that_are_listed_downloaded_and_audited(group, media):
    officer = user_with_role("officer", first_name="Aida")
    case = _case(group, officer)
    client = _client(officer)
    url = reverse("counterparties:case-evidence-add", args=[case.pk])
    response = client.post(url, {"file": SimpleUploadedFile("../../etc/extract.pdf", PDF), "note": "Egov extract"})
    assert response.status_code == 302
    client.post(url, {"file": SimpleUploadedFile("Заключение.docx", _docx())})
    first, second = CaseEvidence.objects.filter(case=case).order_by("created_at")
    assert (first.name, first.content_type, first.size, first.uploaded_by) == (
        "extract.pdf",
        "application/pdf",
        len(PDF),
        officer,
    )
    assert second.name == "Заключение.docx" and "wordprocessingml" in second.content_type
    # Stored under a generated name inside the evidence folder, never the person's path.
    assert all("evidence" in str(p) and ".." not in str(p) for p in _stored(media)) and len(_stored(media)) == 2
    page = client.get(reverse("counterparties:case-detail", args=[case.pk])).content.decode()
    assert "data-evidence" in page and "extract.pdf" in page and "Egov extract" in page and officer.display_name in page
    auditor = user_with_role("investigator", company=group.a)
    download = _client(auditor).get(reverse("counterparties:case-evidence-download", args=[case.pk, first.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"] and download["Content-Type"] == "application/pdf"
    events = list(AuditEvent.objects.filter(object_id=str(case.pk)).values_list("event_type", flat=True))
    assert events.count("counterparties.verification.evidence_added") == 2
    assert "counterparties.verification.evidence_downloaded" in events


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("virus.pdf", b"MZ\x90\x00" + b"\x00" * 60, "not accepted"),
        ("shot.pdf", PNG, "does not match"),
        ("archive.docx", b"PK\x03\x04not really a zip", "not accepted"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_kept(group, media, name, content, error):
    officer = user_with_role("officer")
    case = _case(group, officer)
    with pytest.raises(ValidationError, match=error):
        services.case_evidence_add(actor=officer, case=case, upload=SimpleUploadedFile(name, content))
    assert not CaseEvidence.objects.exists() and _stored(media) == []


def test_a_file_over_the_limit_is_refused_on_the_page_and_in_the_api(group, media, settings):
    settings.SENIM_MAX_UPLOAD_MB = 1
    officer = user_with_role("officer", language="en")
    case = _case(group, officer)
    big = PDF + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError, match="larger than 1 MB"):
        services.case_evidence_add(actor=officer, case=case, upload=SimpleUploadedFile("big.pdf", big))
    response = token_client(officer).post(
        f"{BASE}/verifications/{case.pk}/evidence", {"file": SimpleUploadedFile("big.pdf", big)}
    )
    assert response.status_code == 413 and "1 MB" in response.json()["detail"]
    assert not CaseEvidence.objects.exists() and _stored(media) == []


def test_evidence_is_added_and_removed_only_while_the_verification_is_open(group, media):
    officer = user_with_role("officer")
    case = _case(group, officer)
    kept = services.case_evidence_add(actor=officer, case=case, upload=SimpleUploadedFile("a.png", PNG))
    _finish_checks(officer, case)
    services.case_conclude(actor=officer, case=case, conclusion="permitted", text="Чисто")
    with pytest.raises(ValidationError, match="in progress"):
        services.case_evidence_add(actor=officer, case=case, upload=SimpleUploadedFile("b.pdf", PDF))
    response = _client(officer).post(reverse("counterparties:case-evidence-remove", args=[case.pk, kept.pk]))
    assert response.status_code == 302
    assert CaseEvidence.objects.filter(pk=kept.pk).exists() and len(_stored(media)) == 1
    services.case_reopen(actor=user_with_role("officer"), case=case, reason="More checks")
    services.case_evidence_remove(actor=officer, evidence=CaseEvidence.objects.get(pk=kept.pk))
    assert not CaseEvidence.objects.exists()
    assert AuditEvent.objects.filter(event_type="counterparties.verification.evidence_removed").count() == 1


def test_only_those_who_may_see_the_verification_download_and_only_workers_attach(group, media):
    officer = user_with_role("officer", company=group.a)
    case = _case(group, officer)
    evidence = services.case_evidence_add(actor=officer, case=case, upload=SimpleUploadedFile("a.pdf", PDF))
    url = reverse("counterparties:case-evidence-download", args=[case.pk, evidence.pk])
    assert _client(user_with_role("officer", company=group.b)).get(url).status_code == 404
    assert _client(user_with_role("employee")).get(url).status_code in {302, 403}
    # Another verification's id in the address does not reach this file.
    other = _case(group, officer)
    assert (
        _client(officer).get(reverse("counterparties:case-evidence-download", args=[other.pk, evidence.pk])).status_code
        == 404
    )
    with pytest.raises(PermissionDenied):
        services.case_evidence_add(actor=user_with_role("approver"), case=case, upload=SimpleUploadedFile("b.pdf", PDF))
    outsider = token_client(user_with_role("officer", company=group.b))
    assert outsider.get(f"{BASE}/verifications/{case.pk}/evidence/{evidence.pk}").status_code == 404
    assert (
        outsider.post(
            f"{BASE}/verifications/{case.pk}/evidence", {"file": SimpleUploadedFile("c.pdf", PDF)}
        ).status_code
        == 404
    )
    assert CaseEvidence.objects.count() == 1 and len(_stored(media)) == 1


def test_the_api_uploads_lists_downloads_and_removes_evidence(group, media, django_capture_on_commit_callbacks):
    officer = user_with_role("officer", language="en")
    case = _case(group, officer)
    api = token_client(officer)
    created = api.post(
        f"{BASE}/verifications/{case.pk}/evidence", {"file": SimpleUploadedFile("scan.png", PNG), "note": "Screenshot"}
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["name"], body["content_type"], body["size"], body["note"]) == (
        "scan.png",
        "image/png",
        len(PNG),
        "Screenshot",
    )
    listed = api.get(f"{BASE}/verifications/{case.pk}/evidence").json()
    assert [item["id"] for item in listed] == [body["id"]] and listed[0]["uploaded_by"]
    download = api.get(f"{BASE}/verifications/{case.pk}/evidence/{body['id']}")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    wrong = api.post(f"{BASE}/verifications/{case.pk}/evidence", {"file": SimpleUploadedFile("x.pdf", b"plain text")})
    assert wrong.status_code == 422 and "not accepted" in str(wrong.json())
    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete(f"{BASE}/verifications/{case.pk}/evidence/{body['id']}").status_code == 204
    assert api.get(f"{BASE}/verifications/{case.pk}/evidence").json() == [] and _stored(media) == []
