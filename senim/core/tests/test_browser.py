"""End-to-end journey in a real browser (Chromium through Playwright, against pytest-django's live
server): a compliance officer logs in, switches the interface to Kazakh, and uploads an employee
file with a bad row, which the preview reports by line and column.

Needs /usr/bin/chromium. Without it the test is skipped, unless SENIM_REQUIRE_BROWSER=1 (as CI
sets), in which case it fails.
"""

import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext

from senim.accounts.tests.factories import user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT = Path("/tmp/senim-browser.png")  # noqa: S108  (a fixed, documented place to look at)


def _employees_csv(group) -> bytes:
    """Three data rows; the second (line 3 of the file) has no surname."""
    bin_a = group.a.registration_number
    return (
        "company,personnel_number,surname,given_name,unit_code,hire_date\n"
        f"{bin_a},BRW-1,Сейтқали,Әсел,LEAF,2024-02-01\n"
        f"{bin_a},BRW-2,,Нұрлан,BR,2024-02-02\n"
        f"{bin_a},BRW-3,Ким,Ли,ROOT,01.03.2024\n"
    ).encode()


def test_officer_logs_in_switches_to_kazakh_and_sees_import_errors_by_line(
    browser_page, browser_log_in, live_server, group
):
    from playwright.sync_api import expect

    from senim.org.models import Employee

    page = browser_page
    officer = user_with_role("officer", first_name="Aigerim", last_name="Sadykova")

    # 1. Log in through the form.
    browser_log_in(page, officer)
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("nav.sidebar")).to_be_visible()

    # 2. Switch the language to Kazakh with the switcher (senim.js submits it on change).
    switcher = page.locator("#language-select")
    expect(switcher.locator("option[value=kk]")).to_have_text(re.compile("Қазақ", re.IGNORECASE))
    with page.expect_navigation():
        switcher.select_option("kk")

    # 3. The dashboard is in Kazakh.
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(switcher).to_have_value("kk")
    employees_link = page.locator("nav.sidebar a.nav-link[href='/org/employees/']")
    expect(employees_link).to_be_visible()
    shown_label = employees_link.inner_text().strip()
    with translation.override("kk"):
        kazakh_label = gettext("Employees")
    officer.refresh_from_db()
    assert officer.language == "kk"  # remembered on the account, not only in the session

    # 4. Import: upload a file with a bad row.
    with page.expect_navigation():
        page.click("nav.sidebar a.nav-link[href='/org/import/']")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    upload_form = page.locator("form[enctype='multipart/form-data']")
    upload_form.locator("select[name=kind]").select_option("employees")
    upload_form.locator("input[name=file]").set_input_files(
        {"name": "staff.csv", "mimeType": "text/csv", "buffer": _employees_csv(group)}
    )
    with page.expect_navigation():
        upload_form.locator("button[type=submit]").click()

    # 5. The preview names line 3 and the surname column, with the (Kazakh) message; nothing was written.
    expect(page).to_have_url(re.compile(r"/org/import/[^/]+/$"))
    errors = page.locator("#import-errors-title").locator("xpath=ancestor::section[1]").locator("tbody tr")
    expect(errors).to_have_count(1)
    cells = errors.first.locator("td")
    expect(cells.nth(0)).to_have_text("3")
    expect(cells.nth(1)).to_have_text("surname")
    with translation.override("kk"):
        required_message = gettext("This column is required.")
    expect(cells.nth(2)).to_have_text(required_message)
    assert not Employee.objects.filter(personnel_number__startswith="BRW-").exists()

    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert page.problems == []  # type: ignore[attr-defined]

    # Last, because the Kazakh catalogue is still being written: the label is the catalogue's
    # Kazakh word, and that word is not the English one.
    assert shown_label == kazakh_label
    if kazakh_label == "Employees":
        pytest.xfail("The Kazakh catalogue (senim/locale/kk) has no compiled translation of 'Employees' yet.")
    assert kazakh_label != "Employees"
    assert required_message != "This column is required."
