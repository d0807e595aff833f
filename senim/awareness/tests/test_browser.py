"""The main journeys in a real browser (Chromium through Playwright, against the live server): an
employee acknowledges the Code in Kazakh after its short check; an officer imports paper
acknowledgements with one bad row, sees it reported, and imports the valid rows only.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import datetime as dt

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.awareness import services
from senim.awareness.models import Acknowledgement
from senim.awareness.tests.factories import adopted_code, officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_employee_acknowledges_the_code_in_kazakh(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    page = browser_page
    actor = officer()
    code = adopted_code(group, actor)
    campaign = services.campaign_create(
        actor=actor,
        version=code.current_version,
        title="Кодекс",
        deadline=dt.date.today() + dt.timedelta(days=10),
        statements=[{"texts": {"kk": "Пара алуға тыйым салынған.", "en": "Bribes are forbidden."}, "is_true": True}],
    )
    services.campaign_launch(actor=actor, campaign=campaign)
    user = user_with_role("employee", employee=group.in_leaf, language="kk")
    browser_log_in(page, user)
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/awareness/my/']")
    expect(page.locator("h1")).to_contain_text("Танысуға арналған құжаттар")
    with page.expect_navigation():
        page.click("text=Сыбайлас жемқорлыққа қарсы кодекс")
    expect(page.locator(".document-text")).to_contain_text("Жұмыскер пара бермейді")
    page.check("input[value=false]")
    with page.expect_navigation():
        page.click("text=Оқыдым және түсіндім")
    expect(page.locator(".alert-error")).to_contain_text("Кейбір жауаптар қате")
    assert not Acknowledgement.objects.exists()
    page.check("input[value=true]")
    with page.expect_navigation():
        page.click("text=Оқыдым және түсіндім")
    expect(page.locator(".alert-success")).to_contain_text("Рақмет")
    assert Acknowledgement.objects.get().employee == group.in_leaf


def test_an_officer_imports_paper_acknowledgements_with_one_bad_row(
    browser_page, browser_log_in, live_server, group, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    actor = user_with_role("officer")
    code = adopted_code(group, actor)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "personnel_number;acknowledged_on\n"
        f"{group.in_leaf.personnel_number};05.03.2026\n"
        f"{group.in_root.personnel_number};06.03.2026\n"
        f"{group.in_branch.personnel_number};31.02.2026\n",
        encoding="utf-8",
    )
    browser_log_in(page, actor)
    page.goto(f"{live_server.url}/awareness/documents/{code.pk}/")
    with page.expect_navigation():
        page.click("text=Import paper acknowledgements")
    page.set_input_files("input[name=file]", str(sheet))
    with page.expect_navigation():
        page.click("button[name=check]")
    expect(page.locator("#import-errors")).to_contain_text("acknowledged_on")
    expect(page.locator("#import-errors")).to_contain_text("4")
    assert not Acknowledgement.objects.exists()
    with page.expect_navigation():
        page.click("button[name=confirm]")
    expect(page.locator(".alert-success")).to_contain_text("2 added")
    assert Acknowledgement.objects.count() == 2
