"""The review journey in a real browser (Chromium through Playwright, against the live server):
an officer finds a Cyrillic list entry by its Latin spelling, opens the hit the screening raised,
and records a decision, which the queue then shows.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import os
from pathlib import Path

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.screening import services
from senim.screening.models import Hit, HitStatus
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "correct horse battery staple"  # UserFactory's password


@pytest.fixture
def page(monkeypatch, live_server):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not CHROMIUM.exists():
        if os.environ.get("SENIM_REQUIRE_BROWSER") == "1":
            pytest.fail(f"SENIM_REQUIRE_BROWSER=1 but {CHROMIUM} is not installed")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True)
        context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def test_officer_searches_across_scripts_and_decides_a_hit(page, live_server, group, tmp_path):
    from playwright.sync_api import expect

    watchlist = WatchlistFactory(name="Sanctions")
    import_entities(watchlist, [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы", birthDate="1953-05-17")], tmp_path)
    hit = services.screen(
        actor=SYSTEM, subject_key="t:1", schema="Person", names=["Kassym-Jomart Tokayev"], label="K.-J. Tokayev"
    ).hits[0]
    officer = user_with_role("officer")

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", officer.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")

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
