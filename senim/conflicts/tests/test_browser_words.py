"""What a Kazakh-speaking officer sees, in a real browser: the language picker names every language
in itself; a declined gift says why in Kazakh with the figures written the Kazakh way; the yearly
totals keep tenge and sums apart.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

from decimal import Decimal

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.conflicts import services
from senim.conflicts.tests.factories import TODAY, threshold
from senim.core.access import SYSTEM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _gift(employee, **data):  # type: ignore[no-untyped-def]
    values = {
        "kind": "received",
        "party_kind": "counterparty",
        "party_name": "Серік Маратов",
        "party_organisation": "ТОО «Жолдас Строй»",
        "occasion": "Жаңа жыл",
        "description": "Сыйлық себеті",
        "value": Decimal("60000"),
        "currency": "KZT",
        "date": TODAY,
        "today": TODAY,
    }
    values.update(data)
    return services.gift_declare(actor=SYSTEM, employee=employee, **values)


def test_a_kazakh_officer_reads_gifts_in_kazakh(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    threshold(unit_value="4325", units="2")
    declined = _gift(group.in_leaf, kind="declined")
    above = _gift(group.in_leaf)
    _gift(group.in_b, value=Decimal("2000000"), currency="UZS", party_kind="official")
    officer = user_with_role("officer", language="kk")
    page = browser_page
    page.set_default_timeout(60_000)  # a budget for a loaded machine, not an assertion
    browser_log_in(page, officer)

    options = page.locator("#language-select option")
    assert options.all_inner_texts() == ["English", "Русский", "Қазақша", "Oʻzbekcha"]

    page.goto(f"{live_server.url}/conflicts/gifts/{declined.pk}/")
    body = page.locator("main")
    expect(body).to_contain_text("Есепке алынды, келісу қажет емес")  # recorded, no approval needed
    expect(body).not_to_contain_text("шектен төмен")  # not "below threshold"

    page.goto(f"{live_server.url}/conflicts/gifts/{above.pk}/")
    expect(body).to_contain_text("60\xa0000\xa0KZT")
    expect(body).to_contain_text("АЕК")
    text = body.inner_text()
    assert "МРП" not in text and "Выше порога" not in text and "8650.00" not in text

    page.goto(f"{live_server.url}/conflicts/gifts/totals/")
    captions = page.locator("main table caption").all_inner_texts()
    assert captions.count("KZT бойынша") == 2 and captions.count("UZS бойынша") == 2
