"""Annual reports: figures from the records with the previous year beside them, prose that cannot
type over a figure, audited overrides, freezing on approval, versions, exports and access."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.org.tests.factories import EmployeeFactory
from senim.reports import content, exports, services
from senim.reports.charts import format_pair
from senim.reports.models import Report

API = "/api/v1/reports"
YEAR = 2025


@pytest.fixture
def hires(group):
    """Company A hired three people in 2025 and one in 2024; company B one in 2025."""
    for day in (3, 4, 5):
        EmployeeFactory(company=group.a, unit=group.root, hire_date=dt.date(YEAR, 2, day))
    EmployeeFactory(company=group.a, unit=group.root, hire_date=dt.date(YEAR - 1, 6, 1))
    EmployeeFactory(company=group.b, unit=group.other, hire_date=dt.date(YEAR, 7, 1), iin="", pinfl="")
    return group


def _figure(data: dict, language: str, code: str) -> dict:
    return next(f for s in data["languages"][language] for f in s["figures"] if f["code"] == code)


def _hires_in_fixture(group, year: int, company=None) -> int:
    """Count hires the way a reader would, from the employees themselves (not through the report)."""
    from senim.org.models import Employee

    employees = Employee.objects.filter(hire_date__year=year)
    return employees.filter(company=company).count() if company else employees.count()


@pytest.mark.django_db
def test_a_company_report_states_the_records_with_the_previous_year(hires):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=hires.a.id, languages=["ru", "en"])
    figure = _figure(content.build(report), "en", "org.hires")
    assert figure["value"] == _hires_in_fixture(hires, YEAR, hires.a)
    assert figure["previous"] == _hires_in_fixture(hires, YEAR - 1, hires.a)
    assert figure["text"] == f"{figure['value']} ({figure['previous']})"


@pytest.mark.django_db
def test_the_group_report_counts_every_company(hires):
    report = services.report_create(actor=user_with_role("officer"), year=YEAR, company_id=None, languages=["en"])
    assert _figure(content.build(report), "en", "org.hires")["value"] == _hires_in_fixture(hires, YEAR)


def test_figures_use_the_readers_number_format():
    """Digits grouped with a no-break space as the region's reports print them; the decimal mark
    is the reader's (a comma in Russian, a point in English); one decimal at most."""
    with translation.override("ru"):
        assert format_pair(2981, 2577) == "2\xa0981 (2\xa0577)"
        assert format_pair(98.66, None) == "98,7 (—)"
    with translation.override("en"):
        assert format_pair(98.66, 12) == "98.7 (12)"


@pytest.mark.django_db
def test_only_a_group_wide_role_builds_the_group_report(group):
    company_officer = user_with_role("officer", company=group.a)
    with pytest.raises(PermissionDenied):
        services.report_create(actor=company_officer, year=YEAR, company_id=None, languages=["en"])
    with pytest.raises(PermissionDenied):
        services.report_create(actor=company_officer, year=YEAR, company_id=group.b.id, languages=["en"])
    assert services.report_create(actor=company_officer, year=YEAR, company_id=group.a.id, languages=["en"])


@pytest.mark.django_db
def test_bad_languages_are_refused(group):
    officer = user_with_role("officer")
    for languages in ([], ["de"]):
        with pytest.raises(ValidationError):
            services.report_create(actor=officer, year=YEAR, company_id=None, languages=languages)
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_prose_prints_figures_through_tokens_and_refuses_unknown_ones(hires):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["ru"])
    with pytest.raises(ValidationError):
        services.section_text_set(
            actor=officer, report=report, section="governance", language="ru", text="Принято {org.hirez} человек."
        )
    services.section_text_set(
        actor=officer, report=report, section="governance", language="ru", text="Принято на работу {org.hires}."
    )
    section = next(s for s in content.build(report)["languages"]["ru"] if s["code"] == "governance")
    expected = f"{_hires_in_fixture(hires, YEAR)} ({_hires_in_fixture(hires, YEAR - 1)})"
    assert section["paragraphs"] == [f"Принято на работу {expected}."]
    with pytest.raises(ValidationError):  # a language the report is not written in
        services.section_text_set(actor=officer, report=report, section="governance", language="kk", text="x")


def _russian_people(n: int) -> str:
    """How Russian counts people: 1 человек, 2–4 человека, 5–20 человек, 21 человек, 22 человека."""
    return "человека" if n % 10 in (2, 3, 4) and not 12 <= n % 100 <= 14 else "человек"


@pytest.mark.django_db
def test_a_noun_token_agrees_with_this_years_figure(hires):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["ru", "en"])
    services.section_text_set(
        actor=officer, report=report, section="governance", language="ru", text="Принято {org.hires:noun}."
    )
    services.section_text_set(
        actor=officer, report=report, section="governance", language="en", text="Hired: {org.hires:noun}."
    )
    built = content.build(report)
    now, before = _hires_in_fixture(hires, YEAR), _hires_in_fixture(hires, YEAR - 1)
    russian = next(s for s in built["languages"]["ru"] if s["code"] == "governance")["paragraphs"]
    assert russian == [f"Принято {now} ({before}) {_russian_people(now)}."]
    english = next(s for s in built["languages"]["en"] if s["code"] == "governance")["paragraphs"]
    assert english == [f"Hired: {now} ({before}) {'person' if now == 1 else 'people'}."]
    assert _figure(built, "ru", "org.hires")["unit"] == _russian_people(now)
    with pytest.raises(ValidationError):
        services.section_text_set(
            actor=officer, report=report, section="governance", language="ru", text="{org.hirez:noun}"
        )


@pytest.mark.django_db
def test_an_override_needs_a_reason_is_shown_and_audited(hires):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["en"])
    with pytest.raises(ValidationError):
        services.figure_override_set(actor=officer, report=report, code="org.hires", value=10, reason=" ")
    services.figure_override_set(actor=officer, report=report, code="org.hires", value=10, reason="HR system count")
    figure = _figure(content.build(report), "en", "org.hires")
    assert (figure["value"], figure["overridden"], figure["reason"]) == (10, True, "HR system count")
    assert AuditEvent.objects.filter(event_type="reports.figure.overridden", object_id=str(report.id)).exists()
    services.figure_override_remove(actor=officer, report=report, code="org.hires")
    assert _figure(content.build(report), "en", "org.hires")["overridden"] is False


@pytest.mark.django_db
def test_an_approved_report_is_frozen_and_a_correction_is_a_new_version(hires):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["en", "kk"])
    services.section_text_set(actor=officer, report=report, section="governance", language="kk", text="Мәтін.")
    services.report_approve(actor=officer, report=report)
    report.refresh_from_db()
    frozen = _figure(content.build(report), "en", "org.hires")["value"]

    EmployeeFactory(company=hires.a, unit=hires.root, hire_date=dt.date(YEAR, 9, 1))  # a late record
    assert _figure(content.build(report), "en", "org.hires")["value"] == frozen
    with pytest.raises(ValidationError):
        services.section_text_set(actor=officer, report=report, section="governance", language="kk", text="Жаңа.")
    with pytest.raises(ValidationError):
        services.report_approve(actor=officer, report=report)

    draft = services.report_new_version(actor=officer, report=report)
    assert draft.version == 2 and not draft.is_frozen
    assert _figure(content.build(draft), "en", "org.hires")["value"] == frozen + 1
    kk = next(s for s in content.build(draft)["languages"]["kk"] if s["code"] == "governance")
    assert kk["paragraphs"] == ["Мәтін."]
    changes = services.differences(older=content.build(report), newer=content.build(draft))
    assert {"code": "org.hires", "old": frozen, "new": frozen + 1} in changes
    with pytest.raises(ValidationError):  # one open draft per report
        services.report_new_version(actor=officer, report=report)


@pytest.mark.django_db
def test_exports_carry_the_figures_in_each_format(hires):
    from docx import Document
    from openpyxl import load_workbook

    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["kk"])
    services.figure_override_set(actor=officer, report=report, code="org.leavers", value=3, reason="=HYPERLINK(x)")
    data = content.build(report)
    hired = _figure(data, "kk", "org.hires")

    document = Document(io.BytesIO(exports.render(report, data, "kk", "docx")))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert hired["text"] in cells and hired["title"] in cells

    sheet = load_workbook(io.BytesIO(exports.render(report, data, "kk", "xlsx"))).active
    rows = {row[1]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["org.hires"][3:5] == (hired["value"], hired["previous"])
    reason = next(row for row in sheet.iter_rows() if row[1].value == "org.leavers")[7]
    assert (reason.value, reason.data_type) == ("=HYPERLINK(x)", "s")  # text, never a live formula

    assert exports.render(report, data, "kk", "pdf").startswith(b"%PDF")
    page = exports.render(report, data, "kk", "html").decode()
    assert hired["text"] in page and 'lang="kk"' in page


@pytest.mark.django_db
def test_charts_compare_the_two_years_by_category(group):
    from senim.reports import charts

    svg = charts.bar_chart_svg(title="Refusals", labels=["A", "B"], current=[4, 0], previous=[2, 8], year=YEAR)
    assert svg.count("<rect") == 4 + 2  # two bars per category and the legend
    assert "Refusals" in svg and str(YEAR - 1) in svg
    assert charts.bar_chart_png(title="R", labels=["A"], current=[1], previous=[2], year=YEAR).startswith(b"\x89PNG")


# ---------------------------------------------------------------------------- pages


def _login(role: str, **kwargs) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user_with_role(role, **kwargs))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "list_status", "create_status"),
    [("officer", 200, 200), ("admin", 200, 200), ("auditor", 200, 403), ("approver", 200, 403), ("employee", 403, 403)],
)
def test_pages_follow_the_roles(group, role, list_status, create_status):
    kwargs = {"employee": group.in_branch} if role == "employee" else {}
    client = _login(role, **kwargs)
    assert client.get(reverse("reports:report-list")).status_code == list_status
    assert client.get(reverse("reports:report-create")).status_code == create_status


@pytest.mark.django_db
def test_an_officer_builds_edits_and_approves_in_the_browser_pages(hires):
    client = _login("officer")
    response = client.post(
        reverse("reports:report-create"), {"year": YEAR, "company": "", "languages": ["kk", "ru"], "title": ""}
    )
    report = Report.objects.get()
    assert response.status_code == 302
    page = client.get(reverse("reports:report-detail", args=[report.id])).content.decode()
    assert "Approve and freeze" in page or "Бекіту" in page or "approve" in page.lower()
    client.post(
        reverse("reports:section-edit", args=[report.id, "governance", "kk"]), {"text": "Жұмысқа алынды {org.hires}."}
    )
    page = client.get(reverse("reports:report-detail", args=[report.id])).content.decode()
    assert f"Жұмысқа алынды {_hires_in_fixture(hires, YEAR)} (" in page
    client.post(reverse("reports:report-approve", args=[report.id]))
    report.refresh_from_db()
    assert report.is_frozen
    response = client.get(reverse("reports:report-export", args=[report.id, "kk", "docx"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")


@pytest.mark.django_db
def test_a_report_of_another_company_is_not_found(group):
    report = services.report_create(actor=user_with_role("officer"), year=YEAR, company_id=group.b.id, languages=["en"])
    client = _login("auditor", company=group.a)
    assert client.get(reverse("reports:report-detail", args=[report.id])).status_code == 404
    assert client.get(reverse("reports:report-export", args=[report.id, "en", "pdf"])).status_code == 404


# ---------------------------------------------------------------------------- API and CLI


def _token(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


@pytest.mark.django_db
def test_the_api_builds_overrides_approves_and_exports(hires):
    client = _token(user_with_role("officer"))
    created = client.post(f"{API}/", json.dumps({"year": YEAR, "languages": ["uz"]}), content_type="application/json")
    assert created.status_code == 201, created.content
    report_id = created.json()["id"]
    figures = {f["code"]: f for f in client.get(f"{API}/{report_id}/figures").json()}
    assert figures["org.hires"]["value"] == _hires_in_fixture(hires, YEAR)
    no_reason = client.post(
        f"{API}/{report_id}/overrides",
        json.dumps({"code": "org.hires", "value": 1, "reason": ""}),
        content_type="application/json",
    )
    assert no_reason.status_code in (400, 422)
    assert client.post(f"{API}/{report_id}/approve").json()["status"] == "approved"
    frozen = client.put(
        f"{API}/{report_id}/sections/governance/uz", json.dumps({"text": "x"}), content_type="application/json"
    )
    assert frozen.status_code == 422
    export = client.get(f"{API}/{report_id}/export/uz/xlsx")
    assert export.status_code == 200 and export.content[:2] == b"PK"
    assert client.get(f"{API}/{report_id}/export/ru/xlsx").status_code == 404


@pytest.mark.django_db
def test_the_api_refuses_roles_without_the_right(group):
    employee = _token(user_with_role("employee", employee=group.in_branch))
    assert employee.get(f"{API}/").status_code == 403
    auditor = _token(user_with_role("auditor"))
    assert auditor.get(f"{API}/").status_code == 200
    payload = json.dumps({"year": YEAR, "languages": ["en"]})
    assert auditor.post(f"{API}/", payload, content_type="application/json").status_code == 403


@pytest.mark.django_db
def test_the_command_writes_a_report_without_saving_a_draft(hires, tmp_path):
    target = tmp_path / "report.xlsx"
    out = io.StringIO()
    call_command(
        "report",
        "build",
        "--year",
        str(YEAR),
        "--language",
        "kk",
        "--format",
        "xlsx",
        "--output",
        str(target),
        stdout=out,
    )
    from openpyxl import load_workbook

    rows = {row[1]: row for row in load_workbook(target).active.iter_rows(values_only=True)}
    assert rows["org.hires"][3] == _hires_in_fixture(hires, YEAR)
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_a_baseline_figure_for_a_year_before_senim_is_marked_with_its_source(group):
    from senim.core import baselines

    officer = user_with_role("officer")
    baselines.baseline_set(actor=officer, code="org.hires", year=YEAR - 1, value=7, source="annual report 2024, p. 57")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["en"])
    figure = _figure(content.build(report), "en", "org.hires")
    assert figure["previous"] == 7 and figure["entered"] == ["annual report 2024, p. 57"]
    page = exports.render(report, content.build(report), "en", "html").decode()
    assert "annual report 2024, p. 57" in page
