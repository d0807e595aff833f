"""The main journey in a real browser (Chromium through Playwright, against the live server): an
employee passes a test in Uzbek and downloads the certificate.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import os
from pathlib import Path

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.learning import services
from senim.learning.models import Attempt, Certificate

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
        context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900}, accept_downloads=True)
        context.set_default_timeout(15_000)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def _uzbek_test():  # type: ignore[no-untyped-def]
    officer = user_with_role("officer")
    bank = services.bank_create(actor=officer, title="Asoslar")
    category = services.category_get_or_create(bank=bank, name="Siyosat")
    services.question_create(
        actor=officer,
        category=category,
        qtype="single",
        text_uz="Qoidabuzarlik haqida kimga xabar berasiz?",
        choices=[{"text_uz": "Ishonch telefoniga", "is_correct": True}, {"text_uz": "Hech kimga"}],
    )
    services.question_create(
        actor=officer,
        category=category,
        qtype="truefalse",
        text_uz="Kichik pora ham taqiqlanadi.",
        answer_true=True,
    )
    return services.test_create(
        actor=officer, rules=[(category, 2)], title_uz="Yillik test", title_en="Yearly test", pass_mark=100
    )


def test_an_employee_passes_a_test_in_uzbek(page, live_server, group):
    from playwright.sync_api import expect

    test = _uzbek_test()
    user = user_with_role("employee", employee=group.in_b, language="uz")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/learning/my/']")
    expect(page.locator("h1")).to_contain_text("Mening testlarim va kurslarim")
    expect(page.locator("main")).to_contain_text("Yillik test")
    with page.expect_navigation():
        page.click("text=Testni boshlash")
    page.check("label:has-text('Ishonch telefoniga') input")
    page.check("fieldset:has-text('Kichik pora') label:has-text('Toʻgʻri') input")
    with page.expect_navigation():
        page.click("text=Javoblarni yuborish")
    expect(page.locator("#result-verdict")).to_contain_text("Siz testdan oʻtdingiz.")
    attempt = Attempt.objects.get(test=test)
    assert (attempt.score, attempt.passed, attempt.language) == (100, True, "uz")
    with page.expect_download() as download:
        page.click("text=Sertifikatni yuklab olish")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    assert Certificate.objects.get().attempt == attempt
