"""Traceability: every figure of a report opens the records behind it, live for a draft and as
frozen on approval, without naming the people behind personal records."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.conflicts.tests.factories import submit as declare
from senim.core import indicators
from senim.reports import content, services, trace
from senim.reports.models import FigureTrace
from senim.speakup.tests.factories import submit as report_case

YEAR = timezone.localdate().year


@pytest.fixture
def records(group):
    """Two forms A by one employee (the second a correction) and one by another; a form B; two
    Speak Up reports for company A."""
    declare(group.in_root)
    declare(group.in_root)
    declare(group.in_branch)
    declare(group.in_leaf, form_type="b")
    report_case(company=group.a)
    report_case(company=group.a, category="fraud")
    return group


def _value(report, code):
    return next(f for f in content.build(report)["figures"] if f["code"] == code)["value"]


@pytest.mark.django_db
def test_every_counting_figure_equals_the_records_it_traces(records):
    """For each indicator that counts records, the figure is the number of traced records (or of
    the distinct people or counterparties among them), for the group and for one company."""
    officer = user_with_role("officer")
    for company_id in (None, records.a.id):
        report = services.report_create(actor=officer, year=YEAR, company_id=company_id, languages=["en"])
        figures = {f["code"]: f for f in content.build(report)["figures"]}
        checked = 0
        for indicator in indicators.all_indicators():
            if not indicator.counts_records:
                continue
            traced = trace.figure_records(report, indicator.code)
            assert traced is not None
            assert traced.counted(traced.current) == (figures[indicator.code]["value"] or 0), indicator.code
            assert traced.counted(traced.previous) == (figures[indicator.code]["previous"] or 0), indicator.code
            checked += 1
        assert checked > 50


@pytest.mark.django_db
def test_a_distinct_figure_counts_each_person_once_and_lists_every_record(records):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["en"])
    traced = trace.figure_records(report, "conflicts.forms_a")
    assert traced is not None and traced.distinct
    assert len(traced.current) == 3
    assert traced.counted(traced.current) == 2 == _value(report, "conflicts.forms_a")


@pytest.mark.django_db
def test_personal_records_are_listed_without_names(records):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["en"])
    traced = trace.figure_records(report, "conflicts.forms_a")
    assert traced is not None
    listed = " ".join(r.reference for r in traced.current)
    for employee in (records.in_root, records.in_branch):
        assert employee.surname not in listed and employee.surname_latin not in listed
    assert all(r.url.startswith("/") for r in traced.current)
    cases = trace.figure_records(report, "speakup.reports")
    assert cases is not None
    assert {r.reference for r in cases.current} == {c.reference for c in _cases(records)}


def _cases(group):
    from senim.speakup.models import Case

    return Case.objects.filter(company=group.a)


@pytest.mark.django_db
def test_an_approved_report_keeps_the_records_of_the_day_it_was_approved(records):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=records.a.id, languages=["en"])
    approved = services.report_approve(actor=officer, report=report)
    assert FigureTrace.objects.filter(report=approved, code="speakup.reports", year=YEAR).exists()
    report_case(company=records.a)

    frozen = trace.figure_records(approved, "speakup.reports")
    assert frozen is not None and len(frozen.current) == 2 == _value(approved, "speakup.reports")
    draft = services.report_new_version(actor=officer, report=approved)
    live = trace.figure_records(draft, "speakup.reports")
    assert live is not None and len(live.current) == 3 == _value(draft, "speakup.reports")


@pytest.mark.django_db
def test_the_figure_page_lists_the_records_and_exports_them(records):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["en", "ru"])
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("reports:report-detail", args=[report.id]))
    url = reverse("reports:figure-records", args=[report.id, "speakup.reports"])
    assert url in page.content.decode()

    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    for case in _cases(records):
        assert case.reference in body
        assert reverse("speakup:case-detail", args=[case.id]) in body

    exported = b"".join(client.get(url + "?export=csv").streaming_content).decode()
    assert len([line for line in exported.splitlines() if str(YEAR) in line]) == 2
    assert client.get(reverse("reports:figure-records", args=[report.id, "no.such.figure"])).status_code == 404


@pytest.mark.django_db
def test_only_report_readers_open_a_figure(records):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["en"])
    client = Client()
    client.force_login(user_with_role("employee"))
    assert client.get(reverse("reports:figure-records", args=[report.id, "speakup.reports"])).status_code == 403


@pytest.mark.django_db
def test_the_api_traces_a_figure_like_the_page(records):
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=YEAR, company_id=None, languages=["en"])
    api = token_client(officer)
    response = api.get(f"/api/v1/reports/{report.id}/figures/conflicts.forms_a/records")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["current"]["count"] == _value(report, "conflicts.forms_a") == 2
    assert len(data["current"]["records"]) == 3
    assert api.get(f"/api/v1/reports/{report.id}/figures/nope/records").status_code == 404
