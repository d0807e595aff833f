"""The main plan journey in a real browser (Chromium through Playwright, against the live server): an
officer imports the Kazakh ESG roadmap from Word, sets the one deadline nobody could parse by hand
in the preview, saves, and reports a period done.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.risks.models import DeadlineKind, Plan
from senim.risks.samples import UNPARSEABLE
from senim.risks.tests.factories import roadmap_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_roadmap_is_imported_with_an_unparseable_deadline_fixed_by_hand(
    browser_page, browser_log_in, live_server, group, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    officer = user_with_role("officer", company=group.a, language="kk")
    path = roadmap_docx(tmp_path)
    browser_log_in(page, officer)
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/risks/plans/']")
    expect(page.locator("h1")).to_contain_text("Жоспарлар мен жол карталары")
    with page.expect_navigation():
        page.click("a[href='/risks/plans/import/']")
    page.set_input_files("input[name=file]", str(path))
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Танылғанды тексеріңіз")
    # The row with the input (its warning is a row of its own that also quotes the deadline).
    row = page.locator("#preview tr", has=page.locator("input[type=text]"))
    expect(row).to_contain_text(UNPARSEABLE)
    expect(row).to_contain_text("Белгіленбеген")
    row.locator("input[type=text]").fill("2027 жылғы 1 шілдеге дейін")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("Жоспар импортталды.")
    plan = Plan.objects.get()
    assert plan.measures.count() == 11
    fixed = plan.measures.get(number="11")
    assert fixed.deadline_kind == DeadlineKind.DUE and str(fixed.due_date) == "2027-07-01"
    with page.expect_navigation():
        page.click("text=Кесте-график")
    expect(page.locator("svg.timeline")).to_be_visible()
    page.goto(f"{live_server.url}/risks/measures/{fixed.pk}/")
    page.fill("input[name=note]", "Бұйрық шықты")
    page.select_option("select[name=status]", "done")
    page.fill("input[name=completed_on]", "2026-06-30")
    with page.expect_navigation():
        page.click("form.inline-form button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("Орындалу барысы жазылды.")
    fixed.refresh_from_db()
    assert fixed.status == "done"
