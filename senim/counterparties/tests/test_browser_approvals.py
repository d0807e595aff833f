"""Issue 13 in a real browser: a high-risk verification waits on the first approver's dashboard,
who approves it with a comment; the page then names the second approver, who returns it for rework
with a comment that the analyst reads on the verification."""

from decimal import Decimal

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.counterparties import services
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_approvers_decide_a_verification_from_their_dashboards(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    analyst = user_with_role("officer", language="en")
    first = user_with_role("officer", language="en")
    second = user_with_role("approver", language="en", first_name="Dana", last_name="Second")
    cp = CounterpartyFactory(name_en="Risky Trading LLP", name_ru="", name_kk="")
    OwnerFactory(counterparty=cp, share=Decimal("100"), is_official=True, country="CY")
    case = services.case_open(
        actor=analyst, company=group.a, counterparty=cp, procurement_method="open_tender", subject="Pipes"
    )
    for check in case.checks.all():
        services.case_check_update(actor=analyst, check=check, status="done")
    services.case_conclude(actor=analyst, case=case, conclusion="conditions", text="With conditions")

    page = browser_page
    browser_log_in(page, first)
    page.goto(f"{live_server.url}/")
    queue = page.locator("[data-approval-queue]")
    expect(queue).to_contain_text("Risky Trading LLP")
    with page.expect_navigation():
        queue.locator("a").first.click()
    expect(page.locator("[data-approval-next]")).to_contain_text("by a compliance officer")
    page.fill("[data-approval-form] textarea[name=comment]", "Conditions are adequate.")
    with page.expect_navigation():
        page.click("[data-approval-form] button[value=approve]")
    expect(page.locator("[data-approval-next]")).to_contain_text("second approval")
    expect(page.locator("[data-approval-next]")).to_contain_text(second.display_name)
    expect(page.locator("[data-approval-history]")).to_contain_text("Conditions are adequate.")
    expect(page.locator("[data-approval-form]")).to_have_count(0)

    page.context.clear_cookies()
    browser_log_in(page, second)
    page.goto(f"{live_server.url}/")
    with page.expect_navigation():
        page.locator("[data-approval-queue] a").first.click()
    with page.expect_navigation():
        page.click("[data-approval-form] button[value=return]")  # no comment: refused, nothing changes
    expect(page.locator("[data-approval-next]")).to_contain_text("second approval")
    page.fill("[data-approval-form] textarea[name=comment]", "Ask for the owner's declaration.")
    with page.expect_navigation():
        page.click("[data-approval-form] button[value=return]")
    expect(page.locator("[data-approval-next]")).to_contain_text("Nothing waits for approval.")

    page.context.clear_cookies()
    browser_log_in(page, analyst)
    page.goto(f"{live_server.url}/counterparties/verifications/{case.pk}/")
    expect(page.locator("[data-approval-history]")).to_contain_text("Ask for the owner's declaration.")
    case.refresh_from_db()
    assert case.status == "open"
