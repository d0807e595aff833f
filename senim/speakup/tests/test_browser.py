"""Speak Up journeys in a real browser (Chromium through Playwright, against the live server):
an anonymous report in Russian whose receipt key later reads the officer's question and answers
it; an officer closing a case; a named investigator unable to open the report naming them.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.speakup import services
from senim.speakup.models import Case, Status
from senim.speakup.tests.factories import submit_named

PHONE = (390, 844)  # the reporter and the officer on a phone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_anonymous_russian_report_and_follow_up_with_the_receipt(browser_context, live_server, group):
    from playwright.sync_api import expect

    # A phone without JavaScript, in Russian: the portal works as plain HTML forms.
    reporter = browser_context(locale="ru-RU", javascript=False, viewport=PHONE).new_page()
    reporter.goto(f"{live_server.url}/speakup/")
    expect(reporter.locator("html")).to_have_attribute("lang", "ru")
    with reporter.expect_navigation():
        reporter.click("text=Сообщить о нарушении")
    reporter.select_option("select[name=category]", "bribery")
    reporter.fill("textarea[name=what]", "Начальник склада требует наличные за приёмку товара.")
    reporter.check("input[name=identity][value=anonymous]")
    with reporter.expect_navigation():
        reporter.click("main button[type=submit]")
    expect(reporter.locator("h1")).to_contain_text("Спасибо")
    receipt = reporter.locator("[data-receipt]").inner_text().strip()
    case = Case.objects.get()
    assert case.language == "ru" and case.anonymous

    officer = user_with_role("officer")
    services.message_send(actor=officer, case=case, body="Какой склад и с какого времени?")

    reporter.goto(f"{live_server.url}/speakup/follow/")
    reporter.fill("input[name=receipt]", receipt.lower())  # case and dashes are forgiven
    with reporter.expect_navigation():
        reporter.click("main button[type=submit]")
    expect(reporter.locator("[data-message=to_reporter]")).to_contain_text("Какой склад и с какого времени?")
    expect(reporter.locator("[data-status]")).to_contain_text("Получение подтверждено")
    reporter.fill("textarea[name=body]", "Склад №3, с марта.")
    with reporter.expect_navigation():
        reporter.click("text=Отправить")
    expect(reporter.locator(".alert-success")).to_contain_text("Ваше сообщение отправлено")
    expect(reporter.locator("[data-message=from_reporter]")).to_contain_text("Склад №3, с марта.")

    # A wrong key: one plain message.
    reporter.goto(f"{live_server.url}/speakup/follow/")
    reporter.fill("input[name=receipt]", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")
    with reporter.expect_navigation():
        reporter.click("main button[type=submit]")
    expect(reporter.locator(".alert-error")).to_contain_text("не подходит ни к одному обращению")


def test_officer_closes_a_case(browser_context, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    case = submit_named(company=group.a).case
    officer = user_with_role("officer", company=group.a)
    page = browser_context(viewport=PHONE).new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_log_in(page, officer)
    page.goto(f"{live_server.url}/speakup/cases/")
    with page.expect_navigation():
        page.click(f"text={case.reference}")
    expect(page.locator("[data-content]")).to_contain_text("suppliers for cash")
    page.select_option("select[name=status]", "acknowledged")
    with page.expect_navigation():
        page.click("text=Change the status")
    expect(page.locator(".alert-success")).to_contain_text("The status was changed.")
    page.check("input[name=outcome][value=substantiated]")
    page.check("input[name=measures][value=disciplinary]")
    page.fill("textarea[name=summary]", "Cash taken from two suppliers; the head of the warehouse was disciplined.")
    with page.expect_navigation():
        page.click("section[aria-labelledby=close-title] button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("The case was closed.")
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.outcome == "substantiated" and case.measures == ["disciplinary"]
    assert case.watch_until is not None


def test_named_investigator_cannot_open_the_report_naming_them(browser_context, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    officer = user_with_role("officer")
    investigator = user_with_role("investigator", employee=group.in_leaf)
    named = submit_named(company=group.a).case
    other = submit_named(company=group.a).case
    services.case_assign(actor=officer, case=named, users=[investigator])
    services.case_assign(actor=officer, case=other, users=[investigator])
    services.link_add(actor=officer, case=named, role="named", employee=group.in_leaf)

    page = browser_context(viewport=PHONE).new_page()
    browser_log_in(page, investigator)
    page.goto(f"{live_server.url}/speakup/cases/")
    expect(page.locator("main")).to_contain_text(other.reference)
    expect(page.locator("main")).not_to_contain_text(named.reference)
    response = page.goto(f"{live_server.url}/speakup/cases/{named.pk}/")
    assert response is not None and response.status == 404
    expect(page.locator("main")).not_to_contain_text("suppliers for cash")
