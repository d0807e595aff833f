"""Done when (issue 18): a group's records for two years loaded through the history imports, and the
report states its figures in en, ru, kk and uz, each "current (previous)" equal to what the imported
rows say (counted here from the rows, never through the report), traceable to its records, with
charts, and frozen on approval."""

import datetime as dt
from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

import senim.conflicts.tests.test_history_imports as conflicts_history
from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.counterparties.tests.factories import ClauseFactory, CounterpartyFactory
from senim.org.tests.factories import EmployeeFactory
from senim.reports import content, services, trace

pytestmark = pytest.mark.django_db
THIS_YEAR = dt.date.today().year
YEARS = (THIS_YEAR - 2, THIS_YEAR - 1)
LANGUAGES = ["en", "ru", "kk", "uz"]
APPLICATION_HEADER = ["company", "external_id", "counterparty", "refusal", "filed_on", "contracts"]
APPLICATION_HEADER += ["contract_count", "justification", "decision", "clause", "grounds", "decided_on"]


def _import(client, app: str, kind: str, header: list[str], rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    body = ("\n".join(",".join(row) for row in [header, *rows]) + "\n").encode()
    response = client.post(
        f"/api/v1/{app}/imports/{kind}?dry_run=false", {"file": SimpleUploadedFile("f.csv", body)}, format="multipart"
    )
    assert response.status_code == 200, response.content


@pytest.fixture
def loaded(group):  # type: ignore[no-untyped-def]
    """Two years of applications, forms A and B, gifts and Speak Up cases, through the imports only."""
    for company in (group.a, group.b):
        company.founded_on = dt.date(THIS_YEAR - 10, 1, 1)
        company.save()
    counterparty, _clause = CounterpartyFactory(), ClauseFactory(code="5.3")
    people = [group.in_root, group.in_branch, group.in_leaf, *EmployeeFactory.create_batch(3, company=group.a)]
    a, b = group.a.registration_number, group.b.registration_number
    rows: dict[str, list[list[str]]] = {"applications": [], "declarations": [], "gifts": [], "cases": []}
    for i, year in enumerate(YEARS):
        for n in range(2 + 2 * i):  # applications: 2, then 4; one refused, then two
            decision = ["refuse", "5.3", "No", f"{year}-11-02"] if n <= i else ["", "", "", ""]
            rows["applications"].append(
                [a, f"P{year}-{n}", counterparty.identifier, "both", f"{year}-0{1 + n}-10", "", "2", "x", *decision]
            )
        for n, person in enumerate(people[: 3 + 2 * i]):  # forms A: 3, then 5
            review = ["none", f"{year}-04-01", "", ""]
            rows["declarations"].append(
                [a, f"A{year}-{n}", person.personnel_number, "a", f"{year}-03-0{1 + n}", "yes", "", *review]
            )
        for n in range(3 - i):  # gifts: 3, then 2; one refused, then two
            decision = ["refused", f"{year}-09-02", "No"] if n <= i else ["approved", f"{year}-09-02", ""]
            gift = [a, f"G{year}-{n}", people[n].personnel_number, "received", "Partner", "Visit", "Pen", "10"]
            rows["gifts"].append([*gift, "KZT", f"{year}-09-01", *decision])
        for n in range(1 + 3 * i):  # Speak Up reports: 1, then 4, in both companies
            rows["cases"].append([b if n % 2 else a, f"C{year}-{n}", "report", "hotline", "fraud", f"{year}-10-01"])
            rows["cases"][-1] += ["Text", "", "", ""]
    officer = token_client(user_with_role("officer"))
    _import(officer, "counterparties", "applications", APPLICATION_HEADER, rows["applications"])
    _import(officer, "conflicts", "declarations", conflicts_history.DECLARATION_HEADER, rows["declarations"])
    _import(officer, "conflicts", "gifts", conflicts_history.GIFT_HEADER, rows["gifts"])
    _import(officer, "speakup", "cases", conflicts_history.CASE_HEADER, rows["cases"])
    return group, rows


def _per_year(rows: list[list[str]], date_column: int, **where: tuple[int, str]) -> Counter[int]:
    """Rows per year of the date in `date_column`, among those whose columns hold the given values."""
    chosen = [r for r in rows if all(r[column] == value for column, value in where.values()) and r[date_column]]
    return Counter(int(r[date_column][:4]) for r in chosen)


def test_the_report_states_the_imported_years_in_four_languages_traced_and_frozen(loaded):
    group, rows = loaded
    expected = {
        "counterparties.applications": _per_year(rows["applications"], 4),
        "counterparties.applications.decision.refuse": _per_year(rows["applications"], 4, d=(8, "refuse")),
        "conflicts.forms_a": _per_year(rows["declarations"], 4),
        "conflicts.gifts": _per_year(rows["gifts"], 9),
        "conflicts.gifts_refused": _per_year(rows["gifts"], 9, d=(10, "refused")),
        "speakup.reports": _per_year(rows["cases"], 5),
    }
    assert all(counts[YEARS[1]] != counts[YEARS[0]] for counts in expected.values())  # the years differ
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEARS[1], company_id=None, languages=LANGUAGES)
    data = content.build(report)
    for language in LANGUAGES:
        sections = data["languages"][language]
        figures = {f["code"]: f for section in sections for f in section["figures"]}
        for code, counts in expected.items():
            assert (figures[code]["value"], figures[code]["previous"]) == (counts[YEARS[1]], counts[YEARS[0]]), (
                language,
                code,
            )
        assert any(section["charts"] for section in sections), language
    for code, counts in expected.items():  # every figure opens the records behind it, both years
        behind = trace.figure_records(report, code)
        assert behind is not None, code
        assert (behind.counted(behind.current), behind.counted(behind.previous)) == (counts[YEARS[1]], counts[YEARS[0]])

    services.report_approve(actor=officer, report=report)
    report.refresh_from_db()
    late = [[group.a.registration_number, "G-late", group.in_root.personnel_number, "received", "Partner", "Visit"]]
    late[0] += ["Pen", "10", "KZT", f"{YEARS[1]}-12-01", "approved", f"{YEARS[1]}-12-02", ""]
    _import(token_client(officer), "conflicts", "gifts", conflicts_history.GIFT_HEADER, late)
    frozen = {f["code"]: f["value"] for f in content.build(report)["figures"]}
    assert frozen["conflicts.gifts"] == expected["conflicts.gifts"][YEARS[1]]  # the snapshot, not the new record
    behind = trace.figure_records(report, "conflicts.gifts")
    assert behind is not None and behind.counted(behind.current) == expected["conflicts.gifts"][YEARS[1]]
