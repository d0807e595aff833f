"""In a real browser: an officer makes a board member's personal link; the board member, without an
account, opens it, reads the Code in Kazakh and acknowledges; the link then no longer works.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import pytest
from django.utils import timezone

from senim.accounts.tests.factories import user_with_role
from senim.awareness.models import OutsiderAck
from senim.awareness.tests.factories import adopted_code
from senim.core.indicators import compute_values

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_board_member_without_an_account_acknowledges_through_the_personal_link(
    browser_page, browser_log_in, live_server, group
):
    from playwright.sync_api import expect

    page = browser_page
    officer = user_with_role("officer", company=group.a)
    code = adopted_code(group, officer)
    browser_log_in(page, officer)
    page.goto(f"{live_server.url}/awareness/outsiders/")
    form = page.locator("#outsider-form")
    form.locator("select[name=version]").select_option(str(code.current_version.pk))
    form.locator("select[name=company]").select_option(str(group.a.pk))
    form.locator("select[name=kind]").select_option("board")
    form.locator("input[name=full_name]").fill("Ахметов Серик")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    link = page.locator("#personal-links code").inner_text()
    assert "/awareness/sign/" in link

    page.context.clear_cookies()  # from here on, nobody is signed in
    page.goto(link)
    expect(page.locator("h1")).to_be_visible()
    with page.expect_navigation():
        page.click("nav.language-choice a[lang=kk]")
    expect(page.locator(".document-text")).to_contain_text("Жұмыскер пара бермейді")
    with page.expect_navigation():
        page.click("form button[type=submit]")
    expect(page.locator("#acknowledged")).to_contain_text("Ахметов Серик")
    record = OutsiderAck.objects.get()
    assert record.acknowledged_on == timezone.localdate() and record.language == "kk"
    values = {v.code: v.value for v in compute_values(year=timezone.localdate().year, company_id=group.a.pk)}
    assert values["awareness.board_signed"] == 1

    response = page.goto(link)
    assert response is not None and response.status == 410
