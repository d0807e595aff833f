"""An officer builds the year's report in Kazakh in a real browser, edits a paragraph around a
figure, approves it, and downloads it as DOCX and PDF."""

import datetime as dt

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.org.tests.factories import EmployeeFactory
from senim.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_builds_edits_approves_and_downloads_the_report_in_kazakh(
    browser_page, browser_log_in, live_server, group
):
    from playwright.sync_api import expect

    page = browser_page
    for day in (1, 2):
        EmployeeFactory(company=group.a, unit=group.root, hire_date=dt.date(2025, 3, day))
    browser_log_in(page, user_with_role("officer"))
    page.goto(f"{live_server.url}/reports/new/")
    page.fill("input[name=year]", "2025")
    for code in ("ru", "en"):
        page.uncheck(f"input[name=languages][value={code}]")
    page.check("input[name=languages][value=kk]")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    report = Report.objects.get()
    assert report.languages == ["kk"]

    with page.expect_navigation():
        page.click(f"a[href='/reports/{report.id}/sections/governance/kk/']")
    page.fill("textarea[name=text]", "Есепті жылы жұмысқа {org.hires} адам алынды.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("article[lang=kk]")).to_contain_text("Есепті жылы жұмысқа 2 (0) адам алынды.")

    with page.expect_navigation():
        page.click("text=Approve and freeze")
    expect(page.locator(".badge-ok")).to_be_visible()
    report.refresh_from_db()
    assert report.is_frozen and report.snapshot

    with page.expect_download() as docx:
        page.click(f"a[href='/reports/{report.id}/export/kk.docx']")
    assert docx.value.suggested_filename.endswith("-kk.docx")
    with page.expect_download() as pdf:
        page.click(f"a[href='/reports/{report.id}/export/kk.pdf']")
    with open(pdf.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
