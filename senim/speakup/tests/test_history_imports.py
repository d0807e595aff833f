"""The import of Speak Up cases received before Senim: real dates in order, content sealed, no
reporter identity (a file with such a column is refused whole), matched by external id on re-import
(a changed text is audited as changed, never shown), all or nothing, officers only."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.speakup.crypto import CaseCipher
from senim.speakup.models import Case

pytestmark = pytest.mark.django_db
URL = "/api/v1/speakup/imports/cases"
YEAR = dt.date.today().year - 1
HEADER = ["company", "external_id", "kind", "channel", "category", "received_on", "summary", "acknowledged_on"]
HEADER += ["closed_on", "outcome", "measures", "anonymous"]


def _post(client, rows: list[list[str]], header: list[str] = HEADER, *, dry_run: bool = False):  # type: ignore[no-untyped-def]
    content = ("\n".join(",".join(row) for row in [header, *rows]) + "\n").encode()
    flag = "true" if dry_run else "false"
    return client.post(f"{URL}?dry_run={flag}", {"file": SimpleUploadedFile("c.csv", content)}, format="multipart")


def _row(company: str, external_id: str, **cells: str) -> list[str]:
    values = {
        "kind": "report",
        "channel": "post",
        "category": "bribery",
        "received_on": f"{YEAR}-02-01",
        "summary": "Kickback at the depot",
        "acknowledged_on": f"{YEAR}-02-03",
        "closed_on": f"{YEAR}-04-01",
        "outcome": "substantiated",
        "measures": "dismissal;training",
        "anonymous": "no",
    } | cells
    return [company, external_id, *[values[name] for name in HEADER[2:]]]


def test_cases_keep_their_dates_are_sealed_and_updated_by_external_id(group):
    officer = token_client(user_with_role("officer"))
    company = group.a.registration_number
    assert _post(token_client(user_with_role("investigator")), [_row(company, "R-1")]).status_code == 403
    answer = _post(officer, [_row(company, "R-1"), _row(company, "Q-1", kind="question", outcome="", measures="")])
    assert answer.json()["created"] == 2, answer.content
    case = Case.objects.get(external_id="R-1")
    assert (case.status, case.outcome, case.measures) == ("closed", "substantiated", ["dismissal", "training"])
    assert [d.date() for d in (case.received_at, case.acknowledged_at, case.closed_at)] == [
        dt.date(YEAR, 2, 1),
        dt.date(YEAR, 2, 3),
        dt.date(YEAR, 4, 1),
    ]
    assert case.is_backdated and case.receipt_digest is None and case.reporter_sealed == ""
    assert Case.objects.get(external_id="Q-1").status == "answered"
    assert "Kickback" not in case.content_sealed
    again = _post(officer, [_row(company, "R-1", summary="Kickback at the port")]).json()
    assert again["rows"] == [{"line": 2, "id": str(case.pk), "action": "updated"}]
    case.refresh_from_db()
    assert CaseCipher.unwrap(case.wrapped_key).open_json(case.content_sealed) == {"what": "Kickback at the port"}
    trail = AuditEvent.objects.filter(event_type="speakup.case.imported", object_id=str(case.pk)).order_by("seq")
    assert trail.last().changes["content"] == [None, "changed"]
    assert "Kickback" not in str(list(trail.values_list("changes", flat=True)))
    listed = officer.get("/api/v1/speakup/cases", {"external_id": "R-1"}).json()["items"]
    assert [c["id"] for c in listed] == [str(case.pk)]


def test_dates_out_of_order_and_identity_columns_are_refused_and_nothing_is_written(group):
    officer = token_client(user_with_role("officer"))
    company = group.a.registration_number
    rows = [
        _row(company, "1"),
        _row(company, "2", acknowledged_on=f"{YEAR}-01-01"),  # acknowledged before it was received
        _row(company, "3", closed_on="", outcome="partly", measures=""),  # an outcome without closure
        _row(company, "4", category="gossip"),
    ]
    assert _post(officer, rows).status_code == 422
    report = _post(officer, rows, dry_run=True).json()
    assert {(e["line"], e["column"]) for e in report["errors"]} == {
        (3, "acknowledged_on"),
        (4, "outcome"),
        (5, "category"),
    }
    named = _post(officer, [[*_row(company, "5"), "Ivanov"]], [*HEADER, "reporter_name"], dry_run=True).json()
    assert named["valid"] == 0 and "reporter_name" in named["file_errors"][0]
    assert not Case.objects.exists()
