"""Journeys in a real browser (Chromium through Playwright, against the live server): an
application for a counterparty that refuses, from filing to its entry in the Register; and a
questionnaire filled through its personal link in Kazakh, without an account.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (the root conftest's browser_page).
"""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from senim.accounts.tests.factories import user_with_role
from senim.counterparties import services
from senim.counterparties.models import Application, QuestionnaireResponse, RegisterEntry
from senim.counterparties.tests.factories import ClauseFactory, CounterpartyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_out(page, live_server) -> None:
    page.context.clear_cookies()


def test_an_application_from_filing_to_a_register_entry(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    page = browser_page
    counterparty = CounterpartyFactory(name_en="KazTransGas JSC", category="natural_monopoly")
    clause = ClauseFactory(code="5.1")
    officer = user_with_role("officer")
    approver = user_with_role("approver")

    # The officer files the application from the counterparty's card.
    browser_log_in(page, officer)
    page.goto(f"{live_server.url}/counterparties/{counterparty.pk}/")
    with page.expect_navigation():
        page.click(f"a[href='/counterparties/{counterparty.pk}/applications/new/']")
    page.select_option("select[name=company]", str(group.a.pk))
    page.select_option("select[name=refusal]", "clause")
    page.fill("input[name=contract_count]", "2")
    page.fill("textarea[name=justification]", "The only gas supplier in the region.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/counterparties/applications/[0-9a-f-]+/$"))
    application = Application.objects.get()

    # It proposes entering the counterparty in the Register, citing clause 5.1.
    page.select_option("select[name=decision]", "register")
    page.select_option("select[name=clause]", str(clause.pk))
    page.fill("textarea[name=grounds]", "Natural monopoly.")
    with page.expect_navigation():
        page.click(f"form[action$='/applications/{application.pk}/propose/'] button[type=submit]")
    application.refresh_from_db()
    assert application.status == "proposed"
    assert not RegisterEntry.objects.exists()
    _log_out(page, live_server)

    # The approver approves; the counterparty is on the Register page.
    browser_log_in(page, approver)
    page.goto(f"{live_server.url}/counterparties/applications/{application.pk}/")
    with page.expect_navigation():
        page.click("form[data-approval-form] button[name=decision][value=approve]")
    assert RegisterEntry.objects.filter(counterparty=counterparty, clause=clause).exists()
    with page.expect_navigation():
        page.click("nav.sidebar a.nav-link[href='/counterparties/register/']")
    row = page.locator("main table tbody tr").filter(has_text="KazTransGas JSC")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("5.1")
    assert page.problems == []  # type: ignore[attr-defined]


def test_a_questionnaire_filled_through_its_link_in_kazakh(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    page = browser_page
    counterparty = CounterpartyFactory()
    response, token = services.questionnaire_send(
        actor=user_with_role("officer"), counterparty=counterparty, company=group.a
    )

    # No account: the counterparty opens the link and picks Kazakh.
    page.goto(f"{live_server.url}/counterparties/q/{token}/")
    with page.expect_navigation():
        page.locator("#language-select").select_option("kk")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator("h1")).to_have_text("Контрагенттің сыбайлас жемқорлыққа қарсы сауалнамасы")

    # A draft first, then the answers, then the single submission.
    page.fill("textarea[name=q_owners]", "Сапаров Ерлан; ; 100 %")
    with translation.override("kk"):
        save_draft, submit, thanks = gettext("Save a draft"), gettext("Submit the questionnaire"), gettext("Thank you")
    with page.expect_navigation():
        page.get_by_role("button", name=save_draft).click()
    response.refresh_from_db()
    assert response.status == "draft"
    expect(page.locator("textarea[name=q_owners]")).to_have_value("Сапаров Ерлан; ; 100 %")
    page.fill("textarea[name=q_managers]", "Ким Ольга; ; директор")
    for name, value in (
        ("q_officials", "no"),
        ("q_policy", "yes"),
        ("q_programme", "officer"),
        ("q_investigations", "no"),
        ("q_agents", "no"),
    ):
        page.check(f"input[name={name}][value={value}]")
    with page.expect_navigation():
        page.get_by_role("button", name=submit).click()
    expect(page.locator("h1")).to_have_text(thanks)
    response.refresh_from_db()
    assert response.status == QuestionnaireResponse.Status.SUBMITTED and response.language == "kk"

    # The link now shows a clear page and changes nothing.
    page.goto(f"{live_server.url}/counterparties/q/{token}/")
    expect(page.locator("main .alert")).to_be_visible()
    assert thanks != "Thank you"
