"""The review journey in a real browser (Chromium through Playwright, against the live server):
an officer finds a Cyrillic list entry by its Latin spelling, opens the hit the screening raised,
and records a decision, which the queue then shows.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.screening import services
from senim.screening.models import Hit, HitStatus
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_searches_across_scripts_and_decides_a_hit(browser_page, browser_log_in, live_server, group, tmp_path):
    from playwright.sync_api import expect

    page = browser_page
    watchlist = WatchlistFactory(name="Sanctions")
    import_entities(watchlist, [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы", birthDate="1953-05-17")], tmp_path)
    hit = services.screen(
        actor=SYSTEM, subject_key="t:1", schema="Person", names=["Kassym-Jomart Tokayev"], label="K.-J. Tokayev"
    ).hits[0]
    officer = user_with_role("officer")

    browser_log_in(page, officer)

    # Ad-hoc search: a Latin spelling finds the Cyrillic entry, with its score and explanation.
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/screening/search/']")
    page.fill("input[name=name]", "Kasym-Zhomart Tokaev")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    results = page.locator("ol.search-results > li")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Тоқаев Қасым-Жомарт Кемелұлы")
    results.first.locator("summary").click()
    expect(results.first).to_contain_text("same word in another script")

    # The hit raised by the screening: both sides, then a decision.
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/screening/hits/']")
    with page.expect_navigation():
        page.click("text=K.-J. Tokayev")
    expect(page.locator("h1")).to_contain_text("Тоқаев")
    page.check("input[name=status][value=false_positive]")
    page.fill("textarea[name=comment]", "Different person: born 1980.")
    with page.expect_navigation():
        page.click("text=Record the decision")
    expect(page.locator(".alert-success")).to_contain_text("The decision was recorded.")
    hit = Hit.objects.get(pk=hit.pk)
    assert hit.status == HitStatus.FALSE_POSITIVE and hit.decided_by_id == officer.pk
