"""The ISO 37001 evidence map: both editions' outlines, live evidence from the indicators, uploaded
documents, readiness per clause (current, stale, missing) and the auditor's export."""

import datetime as dt
import io
import json
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core import indicators
from senim.core.access import PermissionDenied
from senim.reports import evidence, iso37001, services
from senim.reports.models import EvidenceDocument

TODAY = dt.date(2026, 6, 30)


def test_the_2025_edition_adds_planning_of_changes_and_swaps_clause_ten():
    numbers_2016 = [number for number, _clause in iso37001.clauses("2016")]
    numbers_2025 = [number for number, _clause in iso37001.clauses("2025")]
    assert "6.3" not in numbers_2016 and "6.3" in numbers_2025
    assert len(numbers_2025) == len(numbers_2016) + 1
    improvement = next(clause for clause in iso37001.CLAUSES if clause.number == "10.2")
    assert iso37001.clause_number(improvement, "2025") == "10.1"
    assert numbers_2016.index("4.5") < numbers_2016.index("8.10") < numbers_2016.index("9.1")  # numeric order


def test_every_evidence_code_names_a_declared_indicator():
    """A typo in the map would silently leave a clause without evidence."""
    from django.apps import apps  # noqa: F401  (the registry fills when the apps are ready)

    codes = {code for clause in iso37001.CLAUSES for code in clause.evidence}
    assert {code for code in codes if indicators.get_indicator(code) is None} == set()


class _Doc:
    def __init__(self, clause: str, dated: dt.date) -> None:
        self.clause, self.dated, self.title = clause, dated, f"doc {clause}"


@pytest.fixture
def gift_figures(monkeypatch):
    """8.7's evidence: gifts declared this year and last year; nothing else has data."""
    values = {("conflicts.gifts", 2026): 4, ("conflicts.gifts", 2025): 2, ("conflicts.gifts_approved", 2025): 1}
    real = indicators.get_indicator

    def fake(code: str):  # type: ignore[no-untyped-def]
        found = real(code)
        if found is None:
            return None
        return indicators.Indicator(
            code=code,
            title=found.title,
            unit=found.unit,
            module=found.module,
            compute=lambda year, company_id, code=code: values.get((code, year), 0),
        )

    monkeypatch.setattr(indicators, "get_indicator", fake)


def _status(items: list[evidence.ClauseEvidence], number: str) -> str:
    return next(item.status for item in items if item.number == number)


def test_readiness_from_records_and_documents(gift_figures):
    documents = [_Doc("9.3", TODAY - dt.timedelta(days=100)), _Doc("9.2", TODAY - dt.timedelta(days=500))]
    items = evidence.readiness(year=2026, company_id=None, edition="2016", documents=documents, today=TODAY)
    assert _status(items, "8.7") == "current"  # this year's gifts
    assert _status(items, "9.3") == "current"  # minutes of a management review within twelve months
    assert _status(items, "9.2") == "stale"  # an internal audit report older than a year
    assert _status(items, "8.9") == "missing"
    earlier = evidence.readiness(year=2025, company_id=None, edition="2016", documents=[], today=TODAY)
    gifts = next(item for item in earlier if item.number == "8.7")
    assert gifts.status == "current" and [f["code"] for f in gifts.figures] == [
        "conflicts.gifts",
        "conflicts.gifts_approved",
    ]
    counts = evidence.summary(items)
    assert sum(counts.values()) == len(iso37001.clauses("2016"))


@pytest.mark.django_db
def test_uploading_evidence_checks_the_clause_the_date_and_the_scope(group, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    officer = user_with_role("officer", company=group.a)
    with pytest.raises(ValidationError):
        services.evidence_upload(actor=officer, company_id=group.a.id, clause="11.1", title="x", dated=TODAY)
    with pytest.raises(ValidationError):
        services.evidence_upload(
            actor=officer, company_id=group.a.id, clause="9.3", title="x", dated=dt.date.today() + dt.timedelta(days=3)
        )
    with pytest.raises(PermissionDenied):
        services.evidence_upload(actor=officer, company_id=group.b.id, clause="9.3", title="x", dated=TODAY)
    with pytest.raises(PermissionDenied):
        services.evidence_upload(actor=officer, company_id=None, clause="9.3", title="x", dated=TODAY)
    document = services.evidence_upload(
        actor=officer,
        company_id=group.a.id,
        clause="9.3",
        title="Management review 2026",
        dated=TODAY,
        file=SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes"),
    )
    assert EvidenceDocument.objects.get().file.read() == b"%PDF-1.4 minutes"
    services.evidence_remove(actor=officer, document=document)
    assert not EvidenceDocument.objects.exists()


@pytest.mark.django_db
def test_the_map_page_upload_and_export(group, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = Client()
    client.force_login(user_with_role("officer"))
    page = client.get(reverse("reports:iso-map"), {"year": 2026, "edition": "2025"})
    assert page.status_code == 200 and "6.3" in page.content.decode()
    response = client.post(
        reverse("reports:evidence-upload") + "?year=2026",
        {"clause": "9.2", "title": "=Internal audit", "dated": "2026-03-01", "file": SimpleUploadedFile("a.pdf", b"x")},
    )
    assert response.status_code == 302 and EvidenceDocument.objects.get().title == "=Internal audit"
    export = client.get(reverse("reports:iso-export"), {"year": 2026})
    from openpyxl import load_workbook

    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows())
    audit_row = next(row for row in rows if row[0].value == "9.2")
    assert "=Internal audit" in audit_row[4].value and audit_row[4].data_type == "s"
    download = client.get(reverse("reports:evidence-download", args=[EvidenceDocument.objects.get().id]))
    assert b"".join(download.streaming_content) == b"x"


@pytest.mark.django_db
def test_the_map_through_the_api_and_its_access(group):
    officer = user_with_role("officer")
    _record, secret = account_services.api_token_create(actor=officer, name="t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    body = client.get("/api/v1/reports/iso37001/", {"year": 2026, "edition": "2016"}).json()
    assert {item["clause"] for item in body} == {number for number, _c in iso37001.clauses("2016")}
    assert client.get("/api/v1/reports/iso37001/", {"edition": "2019"}).status_code == 422
    _record, secret = account_services.api_token_create(actor=user_with_role("auditor", company=group.a), name="t")
    auditor = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert auditor.get("/api/v1/reports/iso37001/").status_code == 403  # the group's map needs a group-wide role
    assert auditor.get("/api/v1/reports/iso37001/", {"company": str(group.a.id)}).status_code == 200
    assert auditor.get("/api/v1/reports/iso37001/", {"company": str(group.b.id)}).status_code == 403
    assert json.dumps(body)  # plain JSON
    assert uuid.UUID(str(group.a.id))
