"""What an officer sees of the lists in a browser: on a phone, rows become cards labelled with their
column headings (nothing cut at the screen's edge); on a 1366 px laptop the Speak Up case list shows
its last column, Investigators; the dashboard's charts are drawn without any script library."""

import datetime as dt

import pytest
from django.utils import timezone

from senim.accounts.tests.factories import user_with_role
from senim.counterparties.models import VerificationCase
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.speakup import services as speakup_services
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db(transaction=True)


def test_lists_turn_into_cards_on_a_phone_and_fit_a_laptop(browser_page, browser_log_in, live_server, group):
    officer = user_with_role("officer")
    investigator = user_with_role("investigator", company=group.a)
    investigator.first_name, investigator.last_name = "Нурсултан", "Абдрахмановтың-Жолдасбеков"
    investigator.save()
    cp = CounterpartyFactory(name_ru="ТОО «Алтын Құрылыс Инжиниринг»", name_en="Altyn Qurylys Engineering")
    VerificationCase.objects.create(
        counterparty=cp, company=group.a, opened_on=timezone.localdate(), risk_level="high",
        procurement_method="open_tender", subject="Works", level="standard",
    )  # fmt: skip
    case = submit(company=group.a).case
    speakup_services.case_assign(actor=officer, case=case, users=[investigator])
    page = browser_page
    page.set_default_timeout(90_000)  # a loaded shared machine, not a timing assertion
    page.set_default_navigation_timeout(90_000)
    browser_log_in(page, officer)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/counterparties/")
    row = page.locator("table.table-cards tbody tr").first
    assert row.evaluate("el => getComputedStyle(el).display") == "block"
    cell = page.locator("table.table-cards tbody td[data-label]").first
    assert cell.get_attribute("data-label") == "Name"
    assert page.locator("text=Altyn Qurylys Engineering").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.locator("td[data-label='Risk']").first.inner_text().strip() == "High"
    assert page.locator(".list-export a", has_text="CSV").is_visible()

    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{live_server.url}/speakup/cases/")
    head = page.locator("table.table-cases thead th").last
    assert head.inner_text().strip() == "Investigators"
    wrap = page.locator(".table-wrap").first.bounding_box()
    box = head.bounding_box()
    assert wrap and box and box["x"] + box["width"] <= wrap["x"] + wrap["width"] + 1
    assert page.locator("text=Абдрахмановтың-Жолдасбеков").first.is_visible()

    page.goto(f"{live_server.url}/")
    assert page.locator(".chart-card svg").count() >= 1
    assert page.locator("script[src*='cdn'], script:not([src]):not([type='application/json'])").count() == 0
    assert dt.date.today()
