"""Risk assessment pages: a unit head assesses a function, compliance returns and accepts, the head
approves and approves the list of positions; each role in and out of scope; the map as XLSX, SVG
and from the command line."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.org.tests.factories import PositionFactory
from senim.risks import services
from senim.risks.models import Exercise, RiskFunction

pytestmark = pytest.mark.django_db

ROLES = ["admin", "officer", "investigator", "approver", "auditor", "employee"]
VIEWERS = {"admin", "officer", "approver", "auditor"}


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def exercise(group):
    officer = user_with_role("officer", company=group.a)
    exercise = services.exercise_create(actor=officer, company=group.a, year=2025)
    services.function_add(actor=officer, exercise=exercise, unit=group.branch, name="Закупки")
    return exercise


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["company_a", "company_b"])
def test_assessment_pages_by_role_and_scope(group, exercise, role, scope):
    company = group.a if scope == "company_a" else group.b
    employee = group.in_branch if role == "employee" else None
    client = _client(user_with_role(role, company=company, employee=employee))
    function = exercise.functions.get()
    for url in (
        reverse("risks:exercise-detail", args=[exercise.pk]),
        reverse("risks:exercise-map", args=[exercise.pk, "xlsx"]),
        reverse("risks:exercise-map", args=[exercise.pk, "svg"]),
        reverse("risks:function-detail", args=[function.pk]),
    ):
        status = client.get(url).status_code
        if role not in VIEWERS:
            assert status == 403, url
        else:
            assert status == (200 if scope == "company_a" else 404), url


def test_a_unit_head_assesses_compliance_accepts_the_head_approves(group, exercise):
    buyer = PositionFactory(company=group.a, unit=group.branch, code="BUYER", is_corruption_prone=False)
    function = exercise.functions.get()
    unit_head = _client(user_with_role("approver", unit=group.branch))
    officer = _client(user_with_role("officer", company=group.a))
    head = _client(user_with_role("approver", company=group.a))
    url = reverse("risks:function-detail", args=[function.pk])
    response = unit_head.post(url, {"level": "high", "risk": "", "positions": [buyer.pk]})
    assert response.status_code == 200 and "Describe the risk" in response.content.decode()
    unit_head.post(url, {"level": "high", "risk": "Откат поставщика", "positions": [buyer.pk]})
    function.refresh_from_db()
    assert function.status == RiskFunction.Status.SUBMITTED
    review = reverse("risks:function-review", args=[function.pk])
    officer.post(review, {"decision": "return", "comment": "Опишите схему подробнее"})
    function.refresh_from_db()
    assert function.status == RiskFunction.Status.RETURNED
    unit_head.post(url, {"level": "medium", "risk": "Откат через посредника", "positions": [buyer.pk]})
    officer.post(review, {"decision": "approve"})
    approve = reverse("risks:exercise-approve", args=[exercise.pk])
    # No right: refused.
    officer.post(approve, {"decision": "approve", "decision_number": "5", "approved_on": "2025-12-20"})
    exercise.refresh_from_db()
    assert exercise.status == Exercise.Status.OPEN
    head.post(approve, {"decision": "approve", "decision_number": "5", "approved_on": "2025-12-20"})
    exercise.refresh_from_db()
    assert exercise.status == Exercise.Status.APPROVED and exercise.approved_on == dt.date(2025, 12, 20)
    head.post(reverse("risks:positions-approve", args=[exercise.pk]), {"position": [buyer.pk]})
    buyer.refresh_from_db()
    assert buyer.is_corruption_prone
    page = head.get(reverse("risks:exercise-detail", args=[exercise.pk])).content.decode()
    assert "Закупки" in page and "risk-map" in page
    sheet = openpyxl.load_workbook(
        io.BytesIO(head.get(reverse("risks:exercise-map", args=[exercise.pk, "xlsx"])).content)
    ).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[3][:5] == (str(group.branch), 0, 1, 0, 1)


def test_cli_prints_and_writes_the_map(group, exercise, tmp_path, capsys):
    officer = user_with_role("officer", company=group.a)
    services.function_assess(actor=officer, function=exercise.functions.get(), level="low")
    call_command("risks", "map", "--year", "2025")
    assert "Total" in capsys.readouterr().out
    out = tmp_path / "map.svg"
    call_command("risks", "map", "--year", "2025", "--format", "svg", "--output", str(out))
    assert out.read_text().startswith("<svg")


def test_the_map_as_docx_and_the_functions_shown_one_unit_at_a_time(group, exercise):
    import docx

    officer = user_with_role("officer", company=group.a)
    services.function_add(actor=officer, exercise=exercise, unit=group.leaf, name="Кадры")
    procurement = exercise.functions.get(name="Закупки")
    services.function_assess(actor=officer, function=procurement, level="high", risk="Откат", recommendation="Ротация")
    client = _client(officer)
    response = client.get(reverse("risks:exercise-map", args=[exercise.pk, "docx"]))
    document = docx.Document(io.BytesIO(response.content))
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert [str(group.branch), "0", "0", "1", "1", "—"] in cells
    assert [str(group.branch), "Закупки", "Откат", "High", "Ротация"] in cells
    page = client.get(reverse("risks:exercise-detail", args=[exercise.pk]), {"unit": str(group.leaf.pk)})
    html = page.content.decode()
    assert "Кадры" in html and "Закупки" not in html.split('id="functions"')[1]
    first = client.get(reverse("risks:exercise-detail", args=[exercise.pk])).content.decode()
    assert first.split('id="functions"')[1].count("risks/functions/") == 1


def _workbook(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_catalogue_imports_from_a_workbook_all_or_nothing(group, exercise, settings, tmp_path):
    """A bad row shows by line and column and adds nothing; the corrected file adds the new
    functions with their positions and counts the one already there."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DATA_DIR = tmp_path
    client = _client(user_with_role("officer", company=group.a))
    url = reverse("risks:catalogue-import", args=[exercise.pk])
    header = ["Подразделение", "Функция", "Должности"]
    bad = _workbook([header, ["BR", "Закупки", ""], ["LEAF", "Кадры", "BR-HEAD"], ["NOPE", "Склад", ""]])
    response = client.post(url, {"file": SimpleUploadedFile("c.xlsx", bad)})
    assert response.status_code == 422 and "No unit of the company" in response.content.decode()
    assert exercise.functions.count() == 1
    good = _workbook([header, ["BR", "Закупки", ""], ["LEAF", "Кадры", "BR-HEAD"], [str(group.leaf), "Склад", ""]])
    client.post(url, {"file": SimpleUploadedFile("c.xlsx", good)})
    assert sorted(exercise.functions.values_list("name", flat=True)) == ["Закупки", "Кадры", "Склад"]
    assert [p.code for p in exercise.functions.get(name="Кадры").positions.all()] == ["BR-HEAD"]
    api_client = Client(HTTP_AUTHORIZATION="Bearer " + _token(group))
    again = api_client.post(
        f"/api/v1/risks/assessments/{exercise.pk}/imports/catalogue", {"file": SimpleUploadedFile("c.xlsx", good)}
    )
    assert again.status_code == 200 and again.json()["created"] == 0 and again.json()["unchanged"] == 3


def _token(group) -> str:  # type: ignore[no-untyped-def]
    from senim.accounts import services as account_services

    _record, secret = account_services.api_token_create(actor=user_with_role("officer", company=group.a), name="t")
    return secret


def test_the_catalogue_imports_from_the_command_line_dry_run_first(group, exercise, tmp_path):
    """`senim risks import-catalogue` checks in full (a bad file writes nothing), --dry-run only
    counts, and the run adds the new functions through the same writer as the page."""
    from django.core.management.base import CommandError

    header = ["Подразделение", "Функция", "Должности"]
    path = tmp_path / "catalogue.xlsx"
    path.write_bytes(_workbook([header, ["BR", "Закупки", ""], ["LEAF", "Кадры", "NO-SUCH"]]))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "risks", "import-catalogue", str(path), "--year", "2025", stdout=io.StringIO(), stderr=io.StringIO()
        )
    path.write_bytes(_workbook([header, ["BR", "Закупки", ""], ["LEAF", "Кадры", "BR-HEAD"]]))
    out = io.StringIO()
    call_command("risks", "import-catalogue", str(path), "--year", "2025", "--dry-run", stdout=out)
    assert "2 valid (1 new, 1 already in the assessment)" in out.getvalue()
    assert exercise.functions.count() == 1
    call_command("risks", "import-catalogue", str(path), "--year", "2025", stdout=out, stderr=io.StringIO())
    assert "Functions added: 1; already in the assessment: 1." in out.getvalue()
    assert [p.code for p in exercise.functions.get(name="Кадры").positions.all()] == ["BR-HEAD"]
    with pytest.raises(CommandError, match="No risk assessment for 2030"):
        call_command("risks", "import-catalogue", str(path), "--year", "2030")
