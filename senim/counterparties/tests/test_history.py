"""History of counterparty approvals: applications with their real dates (filed, decided), the Register
from the day of the decision, contracts with their dates; the applications import with external ids
(re-import updates), all-or-nothing; the date-range and external-id filters of the API lists; three
years loaded through the API and the import read back by `senim indicators` with the year before."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.indicators import get_indicator
from senim.core.models import AuditEvent
from senim.counterparties import services
from senim.counterparties.models import Application, Contract, Decision, RegisterEntry
from senim.counterparties.tests.factories import ClauseFactory, CounterpartyFactory

pytestmark = pytest.mark.django_db
BASE = "/api/v1/counterparties"
THIS_YEAR = dt.date.today().year
HEADER = [
    "company",
    "external_id",
    "counterparty",
    "refusal",
    "filed_on",
    "contracts",
    "contract_count",
    "justification",
    "decision",
    "clause",
    "grounds",
    "decided_on",
]


def _csv(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def _upload(client, content: bytes, *, dry_run: bool = False):  # type: ignore[no-untyped-def]
    query = "?dry_run=false" if not dry_run else ""
    return client.post(
        f"{BASE}/imports/applications{query}", {"file": SimpleUploadedFile("a.csv", content)}, format="multipart"
    )


def _value(code: str, year: int) -> object:
    indicator = get_indicator(code)
    assert indicator is not None
    return indicator.compute(year, None)


@pytest.fixture
def history(group):  # type: ignore[no-untyped-def]
    group.a.founded_on = dt.date(THIS_YEAR - 10, 1, 1)
    group.a.save()
    return group, CounterpartyFactory(), ClauseFactory(code="5.3")


def test_an_application_filed_and_decided_in_the_past_counts_in_its_year_and_is_marked(history):
    group, cp, clause = history
    officer, approver = user_with_role("officer"), user_with_role("approver")
    filed = dt.date(THIS_YEAR - 2, 3, 10)
    application = services.application_file(
        actor=officer, company=group.a, counterparty=cp, refusal="clause", justification="Sole supplier", filed_on=filed
    )
    services.application_propose(
        actor=officer, application=application, decision=Decision.REGISTER, clause=clause, grounds="Monopoly"
    )
    with pytest.raises(ValidationError) as refused:  # an approver may not back-date
        services.application_approve(actor=approver, application=application, decided_on=dt.date(THIS_YEAR - 2, 4, 1))
    assert "decided_on" in refused.value.message_dict
    admin = user_with_role("admin")
    with pytest.raises(ValidationError) as early:  # decided before it was filed
        services.application_approve(actor=admin, application=application, decided_on=dt.date(THIS_YEAR - 2, 3, 1))
    assert "cannot be before" in early.value.message_dict["decided_on"][0]
    services.application_approve(actor=admin, application=application, decided_on=dt.date(THIS_YEAR - 2, 4, 1))
    application.refresh_from_db()
    assert application.is_backdated and application.decided_on == dt.date(THIS_YEAR - 2, 4, 1)
    assert RegisterEntry.objects.get(application=application).start_date == dt.date(THIS_YEAR - 2, 4, 1)
    filed_event = AuditEvent.objects.get(event_type="counterparties.application.filed", object_id=str(application.pk))
    assert filed_event.actor_id == officer.pk and filed_event.changes["backdated"] == [None, True]
    assert _value("counterparties.applications", THIS_YEAR - 2) == 1
    assert _value("counterparties.register_entries", THIS_YEAR - 2) == 1
    assert _value("counterparties.applications", THIS_YEAR) == 0
    assert _value("counterparties.register_entries", THIS_YEAR) == 0


def test_dates_in_the_future_or_before_the_company_existed_are_refused(history):
    group, cp, _clause = history
    officer = user_with_role("officer")
    for day, words in [
        (dt.date.today() + dt.timedelta(days=1), "future"),
        (dt.date(THIS_YEAR - 11, 6, 1), "before the company existed"),
    ]:
        with pytest.raises(ValidationError) as refused:
            services.application_file(
                actor=officer, company=group.a, counterparty=cp, refusal="both", justification="x", filed_on=day
            )
        assert words in refused.value.message_dict["filed_on"][0]
        with pytest.raises(ValidationError) as contract:
            services.contract_create(actor=officer, company=group.a, counterparty=cp, number="C-1", date=day)
        assert words in contract.value.message_dict["date"][0]
    assert not Application.objects.exists() and not Contract.objects.exists()


def test_the_import_creates_then_updates_by_external_id_and_answers_per_row(history):
    group, cp, _clause = history
    services.contract_create(
        actor=SYSTEM, company=group.a, counterparty=cp, number="D-7", date=dt.date(THIS_YEAR - 1, 2, 1)
    )
    client = token_client(user_with_role("officer"))
    rows = [
        [
            group.a.registration_number,
            "LEG-1",
            cp.identifier,
            "clause",
            f"{THIS_YEAR - 1}-01-20",
            "D-7",
            "2",
            "Sole",
            "register",
            "5.3",
            "Monopoly",
            f"{THIS_YEAR - 1}-02-01",
        ],
        [
            group.a.registration_number,
            "LEG-2",
            cp.identifier,
            "анкета",
            f"{THIS_YEAR - 1}-05-03",
            "",
            "",
            "x",
            "",
            "",
            "",
            "",
        ],
    ]
    first = _upload(client, _csv(rows)).json()
    assert (first["created"], first["updated"]) == (2, 0), first
    assert [r["action"] for r in first["rows"]] == ["created", "created"]
    decided = Application.objects.get(external_id="LEG-1")
    assert str(decided.pk) == first["rows"][0]["id"]
    assert decided.status == "decided" and decided.contract_count == 2
    assert [c.number for c in decided.contracts.all()] == ["D-7"]
    assert RegisterEntry.objects.get(application=decided).start_date == dt.date(THIS_YEAR - 1, 2, 1)
    assert AuditEvent.objects.filter(event_type="counterparties.application.imported").count() == 2

    rows[1][8:12] = ["refuse", "5.3", "Refused to sign", f"{THIS_YEAR - 1}-06-01"]
    again = _upload(client, _csv(rows)).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 1, 1), again
    assert Application.objects.count() == 2
    assert Application.objects.get(external_id="LEG-2").decision == "refuse"
    assert _value("counterparties.applications.decision.refuse", THIS_YEAR - 1) == 1
    # A Register decision cannot be turned into another one by import.
    rows[0][8] = "refuse"
    refused = _upload(client, _csv(rows))
    assert refused.status_code == 422
    assert Application.objects.get(external_id="LEG-1").decision == "register"


def test_one_bad_row_writes_nothing_and_each_error_names_its_column(history):
    group, cp, _clause = history
    company = group.a.registration_number
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    rows = [
        [company, "OK-1", cp.identifier, "both", f"{THIS_YEAR - 1}-01-01", "", "", "x", "", "", "", ""],
        [company, "BAD-1", cp.identifier, "both", future, "", "", "x", "", "", "", ""],
        [
            company,
            "BAD-2",
            cp.identifier,
            "both",
            f"{THIS_YEAR - 1}-05-01",
            "",
            "",
            "x",
            "one_off",
            "5.3",
            "",
            f"{THIS_YEAR - 1}-04-01",
        ],
        [company, "BAD-3", cp.identifier, "both", f"{THIS_YEAR - 1}-05-01", "NO-SUCH", "", "x", "", "", "", ""],
        [company, "OK-1", cp.identifier, "both", f"{THIS_YEAR - 1}-01-01", "", "", "x", "", "", "", ""],
    ]
    client = token_client(user_with_role("officer"))
    report = _upload(client, _csv(rows), dry_run=True).json()
    columns = {(e["line"], e["column"]) for e in report["errors"]}
    assert {(3, "filed_on"), (4, "decided_on"), (5, "contracts"), (6, "external_id")} <= columns, report["errors"]
    assert _upload(client, _csv(rows)).status_code == 422
    assert not Application.objects.exists()


def test_an_external_id_of_another_company_is_not_updated_from_a_company_the_actor_may_not_import_for(history):
    group, cp, _clause = history
    importer = token_client(user_with_role("officer", company=group.a))
    row = [group.b.registration_number, "X-1", cp.identifier, "both", f"{THIS_YEAR}-01-02", "", "", "x"]
    report = _upload(importer, _csv([[*row, "", "", "", ""]]), dry_run=True).json()
    assert report["errors"][0]["column"] == "company"
    assert not Application.objects.exists()


def test_the_lists_filter_by_date_range_and_external_id(history):
    group, cp, _clause = history
    for n, year in enumerate([THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR - 1]):
        services.application_file(
            actor=SYSTEM,
            company=group.a,
            counterparty=cp,
            refusal="both",
            justification="x",
            filed_on=dt.date(year, 3, 1),
            external_id=f"E-{n}",
        )
        services.contract_create(
            actor=SYSTEM, company=group.a, counterparty=cp, number=f"K-{n}", date=dt.date(year, 3, 1)
        )
    client = token_client(user_with_role("auditor"))
    year = THIS_YEAR - 1
    page = client.get(f"{BASE}/applications?date_from={year}-01-01&date_to={year}-12-31").json()
    assert sorted(a["external_id"] for a in page["items"]) == ["E-1", "E-2"]
    assert all(a["is_backdated"] for a in page["items"])
    assert [a["external_id"] for a in client.get(f"{BASE}/applications?external_id=E-0").json()["items"]] == ["E-0"]
    contracts = client.get(f"{BASE}/contracts?date_to={THIS_YEAR - 2}-12-31").json()["items"]
    assert [c["number"] for c in contracts] == ["K-0"]
    assert [c["number"] for c in client.get(f"{BASE}/contracts?external_id=K-2").json()["items"]] == ["K-2"]
    backwards = client.get(f"{BASE}/applications?date_from={year}-12-31&date_to={year}-01-01")
    assert backwards.status_code == 422


def test_the_api_files_a_past_application_and_approves_it_on_its_day(history):
    group, cp, clause = history
    officer, admin = token_client(user_with_role("officer")), token_client(user_with_role("admin"))
    body = {
        "company_id": str(group.a.pk),
        "counterparty_id": str(cp.pk),
        "refusal": "questionnaire",
        "justification": "Sole supplier",
        "filed_on": f"{THIS_YEAR - 1}-09-01",
        "external_id": "PAPER-9",
    }
    created = officer.post(f"{BASE}/applications", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["is_backdated"], created.content
    application_id = created.json()["id"]
    proposal = {"decision": "one_off", "clause_id": str(clause.pk)}
    officer.post(f"{BASE}/applications/{application_id}/proposal", proposal, content_type="application/json")
    approval = admin.post(
        f"{BASE}/applications/{application_id}/approval",
        {"decided_on": f"{THIS_YEAR - 1}-09-20"},
        content_type="application/json",
    )
    assert approval.status_code == 200 and approval.json()["decided_on"] == f"{THIS_YEAR - 1}-09-20"
    typo = admin.post(
        f"{BASE}/applications/{application_id}/approval", {"decided": "2025-01-01"}, content_type="application/json"
    )
    assert typo.status_code == 422 and "decided" in typo.json()["detail"]
    unknown = officer.post(f"{BASE}/applications", body | {"decided": "x"}, content_type="application/json")
    assert unknown.status_code == 422 and "decided" in unknown.content.decode()


def test_three_years_of_applications_read_back_with_the_previous_year(history):
    """Done when: three years of applications (with contracts and decisions) loaded through the
    import and the API, and `senim indicators --year N --format json` states each year's figures
    with the year before, as the records say."""
    group, cp, clause = history
    years = [THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1]
    filed = dict(zip(years, [3, 5, 2], strict=True))
    refused = dict(zip(years, [1, 0, 2], strict=True))
    company = group.a.registration_number
    rows = []
    for year in years[:2]:  # two years from the old system's export
        for n in range(filed[year]):
            decision = ["refuse", "5.3", "No", f"{year}-12-01"] if n < refused[year] else ["", "", "", ""]
            rows.append([company, f"{year}-{n}", cp.identifier, "both", f"{year}-0{1 + n}-15", "", "3", "x", *decision])
    officer = token_client(user_with_role("officer"))
    assert _upload(officer, _csv(rows)).json()["created"] == filed[years[0]] + filed[years[1]]
    admin = token_client(user_with_role("admin"))
    year = years[2]  # the last year entered one by one through the API, from paper
    for n in range(filed[year]):
        body = {
            "company_id": str(group.a.pk),
            "counterparty_id": str(cp.pk),
            "refusal": "clause",
            "justification": "x",
            "contract_count": 3,
            "filed_on": f"{year}-02-0{1 + n}",
        }
        application_id = officer.post(f"{BASE}/applications", body, content_type="application/json").json()["id"]
        if n < refused[year]:
            proposal = {"decision": "refuse", "clause_id": str(clause.pk), "grounds": "No"}
            officer.post(f"{BASE}/applications/{application_id}/proposal", proposal, content_type="application/json")
            admin.post(
                f"{BASE}/applications/{application_id}/approval",
                {"decided_on": f"{year}-03-01"},
                content_type="application/json",
            )
    for year in years[1:]:
        out = io.StringIO()
        call_command("indicators", "--year", str(year), "--format", "json", stdout=out)
        figures = {row["code"]: row for row in json.loads(out.getvalue())}
        for code, expected in [
            ("counterparties.applications", filed),
            ("counterparties.applications.decision.refuse", refused),
        ]:
            assert (figures[code]["value"], figures[code]["previous"]) == (expected[year], expected[year - 1]), code
        contracts = figures["counterparties.application_contracts"]
        assert (contracts["value"], contracts["previous"]) == (3 * filed[year], 3 * filed[year - 1])
