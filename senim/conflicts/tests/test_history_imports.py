"""History imports of forms A and B (with their review) and gifts (with their decisions): checked in
full, written all or nothing, matched by external id on re-import, with the real dates; the API's
date and external-id filters; three years of a group's declarations, gifts and Speak Up cases
loaded through the imports and read back by `senim indicators` with the year before."""

import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.conflicts.importing import IMPORTS
from senim.conflicts.models import Declaration, Gift
from senim.core.access import SYSTEM
from senim.core.models import AuditEvent
from senim.org.tests.factories import EmployeeFactory
from senim.speakup.crypto import CaseCipher
from senim.speakup.models import Case

pytestmark = pytest.mark.django_db
THIS_YEAR = dt.date.today().year
DECLARATION_HEADER = ["company", "external_id", "personnel_number", "form", "submitted_on", "nothing_to_declare"]
DECLARATION_HEADER += ["circumstances", "outcome", "reviewed_on", "review_comment", "settled_on"]
GIFT_HEADER = ["company", "external_id", "personnel_number", "kind", "party_name", "occasion", "description"]
GIFT_HEADER += ["value", "currency", "date", "decision", "decided_on", "decision_comment"]
CASE_HEADER = ["company", "external_id", "kind", "channel", "category", "received_on", "summary"]
CASE_HEADER += ["acknowledged_on", "closed_on", "outcome"]


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    return ("\n".join(",".join(row) for row in [header, *rows]) + "\n").encode()


def _file(tmp_path: Path, header: list[str], rows: list[list[str]], name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(_csv(header, rows))
    return path


def _post(client, app: str, kind: str, content: bytes, *, dry_run: bool = False):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/v1/{app}/imports/{kind}?dry_run={'true' if dry_run else 'false'}",
        {"file": SimpleUploadedFile("f.csv", content)},
        format="multipart",
    )


@pytest.fixture
def founded(group):  # type: ignore[no-untyped-def]
    for company in (group.a, group.b):
        company.founded_on = dt.date(THIS_YEAR - 10, 1, 1)
        company.save()
    return group


def test_forms_are_created_then_updated_by_external_id_and_each_employee_keeps_one_chain(founded, tmp_path):
    group = founded
    company, number = group.a.registration_number, group.in_root.personnel_number
    years = [THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1]
    rows = [[company, f"A-{y}", number, "a", f"{y}-02-01", "yes", "", "none", f"{y}-03-01", "", ""] for y in years]
    rows.append([company, "B-1", number, "b", f"{years[1]}-05-01", "", "Brother joined a supplier", "actual"])
    rows[-1] += [f"{years[1]}-05-10", "Recusal", f"{years[1]}-06-01"]
    officer = token_client(user_with_role("officer"))
    answer = _post(officer, "conflicts", "declarations", _csv(DECLARATION_HEADER, rows)).json()
    assert (answer["created"], answer["updated"]) == (4, 0)
    assert [row["action"] for row in answer["rows"]] == ["created"] * 4
    forms_a = list(Declaration.objects.filter(form_type="a").order_by("submitted_at"))
    assert [d.submitted_at.date() for d in forms_a] == [dt.date(y, 2, 1) for y in years]
    assert [d.supersedes_id for d in forms_a] == [None, forms_a[0].pk, forms_a[1].pk]
    assert [d.status for d in forms_a] == ["superseded", "superseded", "closed"]
    form_b = Declaration.objects.get(external_id="B-1")
    assert (form_b.status, form_b.outcome, form_b.settled_at.date()) == ("settled", "actual", dt.date(years[1], 6, 1))
    # Re-importing updates instead of duplicating: a form moved a year earlier takes its place in the chain.
    rows[2][4] = f"{years[0] - 1}-12-01"
    again = _post(officer, "conflicts", "declarations", _csv(DECLARATION_HEADER, rows)).json()
    # The three forms A moved in the chain; form B is as it was.
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 3, 1)
    assert Declaration.objects.count() == 4
    current = Declaration.objects.exclude(status="superseded").get(form_type="a")
    assert current.external_id == f"A-{years[1]}"
    assert AuditEvent.objects.filter(event_type="conflicts.declaration.imported").count() == 4 + 3
    call_command("conflicts", "import", "declarations", str(_file(tmp_path, DECLARATION_HEADER, rows)))
    assert Declaration.objects.count() == 4  # unchanged by the command line too


def test_one_bad_row_writes_nothing_and_each_error_names_its_column_in_the_callers_language(founded, tmp_path):
    group = founded
    company = group.a.registration_number
    good = [company, "1", group.in_root.personnel_number, "a", f"{THIS_YEAR - 1}-02-01", "yes", "", "", "", "", ""]
    bad = [
        [company, "2", "NOBODY", "a", f"{THIS_YEAR - 1}-02-01", "yes", "", "", "", "", ""],
        [company, "3", group.in_root.personnel_number, "a", f"{THIS_YEAR + 1}-02-01", "yes", "", "", "", "", ""],
        [company, "4", group.in_branch.personnel_number, "a", f"{THIS_YEAR - 1}-02-01", "", "", "", "", "", ""],
        [company, "5", group.in_leaf.personnel_number, "b", f"{THIS_YEAR - 1}-02-01", "", "x", "actual"],
        [group.b.registration_number, "1", group.in_b.personnel_number, "a", f"{THIS_YEAR - 1}-01-01", "yes"],
    ]
    bad[3] += [f"{THIS_YEAR - 1}-01-01", "", ""]  # reviewed before it was submitted, without a comment
    bad[4] += ["", "", "", "", ""]
    officer_a = token_client(user_with_role("officer", company=group.a))
    response = _post(officer_a, "conflicts", "declarations", _csv(DECLARATION_HEADER, [good, *bad]))
    assert response.status_code == 422
    assert not Declaration.objects.exists()
    report = _post(officer_a, "conflicts", "declarations", _csv(DECLARATION_HEADER, [good, *bad]), dry_run=True).json()
    errors = {(e["line"], e["column"]) for e in report["errors"]}
    assert {(3, "personnel_number"), (4, "submitted_on"), (5, "circumstances"), (6, "reviewed_on")} <= errors
    assert (6, "review_comment") in errors and (7, "personnel_number") in errors  # company B: not in scope
    path = _file(tmp_path, DECLARATION_HEADER, [good, *bad])
    with pytest.raises(CommandError):
        call_command("conflicts", "import", "declarations", str(path), "--language", "ru", stderr=io.StringIO())
    out = io.StringIO()
    call_command("conflicts", "import", "declarations", str(path), "--dry-run", "--language", "ru", stderr=out)
    assert "в будущем" in out.getvalue()  # "cannot be in the future", in Russian
    assert not Declaration.objects.exists()
    plan = IMPORTS.plan_file(actor=SYSTEM, kind="declarations", path=path)
    assert IMPORTS.apply(actor=SYSTEM, plan=plan, valid_only=True).created == 2  # the valid rows only, when chosen


def test_gifts_are_assessed_and_decided_on_their_days_and_filtered_by_date_and_external_id(founded):
    group = founded
    company, number = group.a.registration_number, group.in_branch.personnel_number
    year = THIS_YEAR - 2
    rows = [
        [company, "G1", number, "received", "Supplier LLP", "New year", "Watch", "900000", "KZT", f"{year}-01-10"],
        [company, "G2", number, "received", "Official", "Visit", "Dinner", "50000", "KZT", f"{year}-06-10"],
    ]
    rows[0] += ["refused", f"{year}-01-20", "Above the threshold"]
    rows[1] += ["approved", f"{year}-06-12", ""]
    approver = token_client(user_with_role("approver"))
    assert _post(approver, "conflicts", "gifts", _csv(GIFT_HEADER, rows)).status_code == 403  # approvers do not import
    officer = token_client(user_with_role("officer"))
    answer = _post(officer, "conflicts", "gifts", _csv(GIFT_HEADER, rows)).json()
    assert answer["created"] == 2
    refused = Gift.objects.get(external_id="G1")
    assert (refused.status, refused.decided_at.date(), refused.date) == (
        "refused",
        dt.date(year, 1, 20),
        dt.date(year, 1, 10),
    )
    assert refused.threshold_facts["reason"]  # assessed like a declared gift
    listed = officer.get("/api/v1/conflicts/gifts", {"date_from": f"{year}-06-01", "date_to": f"{year}-12-31"}).json()
    assert [g["external_id"] for g in listed["items"]] == ["G2"]
    found = officer.get("/api/v1/conflicts/gifts", {"external_id": "G1"}).json()["items"]
    assert [g["id"] for g in found] == [str(refused.pk)]
    rows[0][12] = ""  # a refusal without its reason
    report = _post(officer, "conflicts", "gifts", _csv(GIFT_HEADER, rows), dry_run=True).json()
    assert [(e["line"], e["column"]) for e in report["errors"]] == [(2, "decision_comment")]


def test_the_declarations_list_filters_by_day_submitted_and_external_id_across_versions(founded):
    group = founded
    company, number = group.a.registration_number, group.in_root.personnel_number
    rows = [[company, f"A-{y}", number, "a", f"{y}-02-01", "yes"] + [""] * 5 for y in (THIS_YEAR - 2, THIS_YEAR - 1)]
    officer = token_client(user_with_role("officer"))
    _post(officer, "conflicts", "declarations", _csv(DECLARATION_HEADER, rows))
    old = officer.get("/api/v1/conflicts/declarations", {"external_id": f"A-{THIS_YEAR - 2}"}).json()["items"]
    assert [(d["external_id"], d["status"]) for d in old] == [(f"A-{THIS_YEAR - 2}", "superseded")]
    year = {"date_from": f"{THIS_YEAR - 2}-01-01", "date_to": f"{THIS_YEAR - 2}-12-31", "current_only": "false"}
    assert [d["external_id"] for d in officer.get("/api/v1/conflicts/declarations", year).json()["items"]] == [
        f"A-{THIS_YEAR - 2}"
    ]
    assert (
        officer.get("/api/v1/conflicts/declarations", {"date_from": "2030-01-01", "date_to": "2020-01-01"}).status_code
        == 422
    )


def _figures(year: int) -> dict[str, dict]:
    out = io.StringIO()
    call_command("indicators", "--year", str(year), "--format", "json", stdout=out)
    return {row["code"]: row for row in json.loads(out.getvalue())}


def test_three_years_of_declarations_gifts_and_cases_read_back_with_the_previous_year(founded, tmp_path):
    """Done when: three years of a group's declarations, gifts and Speak Up cases loaded through the
    imports (API and command line) and `senim indicators --year N --format json` states each year's
    figures with the year before, as counted here from the rows of the files."""
    group = founded
    years = [THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1]
    people = [group.in_root, group.in_branch, group.in_leaf, *EmployeeFactory.create_batch(3, company=group.a)]
    a, b = group.a.registration_number, group.b.registration_number
    declarations, gifts, cases = [], [], []
    for i, year in enumerate(years):
        for n, person in enumerate(people[: 3 + i]):  # 3, 4, 5 forms A: every one a later version for some
            outcome = ["none", f"{year}-04-01", "", ""] if n % 2 == 0 else ["potential", f"{year}-04-02", "Shares", ""]
            declarations.append(
                [a, f"A{year}-{n}", person.personnel_number, "a", f"{year}-03-0{1 + n}", "", "x", *outcome]
            )
        for n in range(i + 1):  # 1, 2, 3 forms B; settled in the year after when n is odd
            settled = f"{year + 1}-01-15" if n % 2 and year + 1 < THIS_YEAR else ""
            form_b = [a, f"B{year}-{n}", people[n].personnel_number, "b", f"{year}-07-01", "", "Conflict", "actual"]
            declarations.append([*form_b, f"{year}-07-05", "Recusal", settled])
        for n in range(2 * i + 1):  # gifts: 1, 3, 5; every third refused, the others approved
            decision = ["refused", f"{year}-09-02", "No"] if n % 3 == 0 else ["approved", f"{year}-09-02", ""]
            gifts.append([a, f"G{year}-{n}", people[n].personnel_number, "received", "Partner", "Visit", "Pen", "10"])
            gifts[-1] += ["KZT", f"{year}-09-01", *decision]
        for n in range(4 - i):  # cases: 4, 3, 2, in two companies; closed ones in the same year
            closed = [f"{year}-10-02", f"{year}-11-01", "unsubstantiated"] if n % 2 == 0 else ["", "", ""]
            kind = "question" if n == 3 else "report"
            closed = ["", "", ""] if kind == "question" else closed
            cases.append(
                [a if n % 2 else b, f"C{year}-{n}", kind, "hotline", "fraud", f"{year}-10-01", "Text", *closed]
            )
    officer = token_client(user_with_role("officer"))
    assert _post(officer, "conflicts", "declarations", _csv(DECLARATION_HEADER, declarations)).status_code == 200
    call_command("conflicts", "import", "gifts", str(_file(tmp_path, GIFT_HEADER, gifts)), stdout=io.StringIO())
    assert _post(officer, "speakup", "cases", _csv(CASE_HEADER, cases)).status_code == 200

    def count(rows: list[list[str]], **where: object) -> Counter[int]:
        """Rows per year of the date in column `year_of`, among those whose columns equal `where`."""
        column = where.pop("year_of")
        header = {"A": DECLARATION_HEADER, "G": GIFT_HEADER, "C": CASE_HEADER}[rows[0][1][0]]
        index = {name: header.index(name) for name in [column, *where]}  # type: ignore[list-item]
        chosen = [r for r in rows if all(r[index[k]] == v for k, v in where.items()) and r[index[column]]]  # type: ignore[index]
        return Counter(int(r[index[column]][:4]) for r in chosen)  # type: ignore[index]

    forms_a = Counter(
        {year: len({r[2] for r in declarations if r[3] == "a" and r[4].startswith(str(year))}) for year in years}
    )
    disclosed = count([r for r in declarations if r[7] in ("potential", "actual")], year_of="reviewed_on")
    expected = {
        "conflicts.forms_a": forms_a,
        "conflicts.forms_b": count(declarations, form="b", year_of="submitted_on"),
        "conflicts.disclosed": disclosed,
        "conflicts.settled": count(declarations, year_of="settled_on"),
        "conflicts.gifts": count(gifts, year_of="date"),
        "conflicts.gifts_approved": count(gifts, decision="approved", year_of="date"),
        "conflicts.gifts_refused": count(gifts, decision="refused", year_of="date"),
        "speakup.reports": count(cases, kind="report", year_of="received_on"),
        "speakup.questions": count(cases, kind="question", year_of="received_on"),
        "speakup.closed": count(cases, year_of="closed_on"),
        "speakup.reports.category.fraud": count(cases, kind="report", year_of="received_on"),
    }
    assert expected["conflicts.settled"][years[2]] > 0 and expected["conflicts.forms_a"][years[2]] == 5
    for year in years[1:]:
        figures = _figures(year)
        for code, per_year in expected.items():
            assert (figures[code]["value"], figures[code]["previous"]) == (per_year[year], per_year[year - 1]), code
    # The content of every imported case is sealed, never stored as text.
    case = Case.objects.get(external_id=f"C{years[0]}-0")
    assert "Text" not in case.content_sealed
    assert CaseCipher.unwrap(case.wrapped_key).open_json(case.content_sealed) == {"what": "Text"}


def test_the_import_pages_check_then_import_and_refuse_those_who_may_not(founded):
    from django.test import Client
    from django.urls import reverse

    group = founded
    row = [group.a.registration_number, "P-1", group.in_root.personnel_number, "a", f"{THIS_YEAR - 1}-02-01", "yes"]
    content = _csv(DECLARATION_HEADER, [row + [""] * 5])
    auditor = Client()
    auditor.force_login(user_with_role("auditor"))
    assert auditor.get(reverse("conflicts:import-upload")).status_code == 403
    client = Client()
    client.force_login(user_with_role("officer"))
    upload = SimpleUploadedFile("d.csv", content, content_type="text/csv")
    response = client.post(reverse("conflicts:import-upload"), {"kind": "declarations", "file": upload})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200 and "submitted_on" in preview.content.decode()
    token = response["Location"].rstrip("/").split("/")[-1]
    done = client.post(reverse("conflicts:import-confirm", args=[token]))
    assert done["Location"] == reverse("conflicts:declaration-list")
    assert Declaration.objects.get().external_id == "P-1"
    assert client.get(reverse("speakup:import-upload")).status_code == 200
