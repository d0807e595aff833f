"""The main journey in a real browser (Chromium through Playwright, against the live server): an
employee passes a test in Uzbek and downloads the certificate.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

from pathlib import Path

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.learning import services
from senim.learning.models import Attempt, Certificate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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


def test_an_employee_passes_a_test_in_uzbek(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    page = browser_page
    test = _uzbek_test()
    user = user_with_role("employee", employee=group.in_b, language="uz")
    browser_log_in(page, user)
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
