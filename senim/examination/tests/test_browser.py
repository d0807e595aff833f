"""The examination journey in a real browser: an expert uploads a Russian draft contract, confirms two
findings, dismisses one, downloads the commented Word file, uploads the revision and sees both
confirmed findings eliminated.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (the root conftest's browser_page).
"""

import re

import docx
import pytest

from senim.accounts.tests.factories import user_with_role
from senim.examination.models import Finding
from senim.examination.tests.factories import CONTRACT, REVISION, draft_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_decide_download_and_revise(browser_page, browser_log_in, live_server, group, tmp_path):
    from playwright.sync_api import expect

    page = browser_page
    expert = user_with_role("officer", company=group.a)
    browser_log_in(page, expert)

    draft = tmp_path / "dogovor.docx"
    draft.write_bytes(draft_docx(CONTRACT))
    page.goto(f"{live_server.url}/examination/new/")
    page.fill("input[name=title]", "Договор поставки № 12")
    page.select_option("select[name=kind]", "contract")
    page.select_option("select[name=company]", str(group.a.pk))
    page.set_input_files("input[name=file]", str(draft))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/examination/[0-9a-f-]+/$"))
    expect(page.locator("mark").first).to_be_visible()

    def card(code: str):  # type: ignore[no-untyped-def]
        return page.locator(f"article.finding[data-code={code}]")

    card("ADVANCE_UNSECURED").locator("button", has_text="Confirm").click()
    expect(card("ADVANCE_UNSECURED")).to_have_class(re.compile("finding-confirmed"))
    card("CASH_PAYMENT").locator("button", has_text="Confirm").click()
    expect(card("CASH_PAYMENT")).to_have_class(re.compile("finding-confirmed"))
    card("UNILATERAL_PRICE_CHANGE").locator("textarea[name=reason]").fill("Цена по формуле приложения 2.")
    card("UNILATERAL_PRICE_CHANGE").locator("button", has_text="Dismiss").click()
    expect(card("UNILATERAL_PRICE_CHANGE")).to_have_class(re.compile("finding-dismissed"))

    page.reload()
    with page.expect_download() as download:
        page.click("a[href$='commented.docx']")
    commented = docx.Document(download.value.path())
    assert len(list(commented.comments)) == 2
    assert [p.text for p in commented.paragraphs] == CONTRACT

    revision = tmp_path / "dogovor-v2.docx"
    revision.write_bytes(draft_docx(REVISION))
    page.locator("summary", has_text="Upload a revised version").click()
    page.set_input_files("form[action$='/revision/'] input[name=file]", str(revision))
    with page.expect_navigation():
        page.click("form[action$='/revision/'] button[type=submit]")
    eliminated = page.locator("#eliminated li")
    expect(eliminated).to_have_count(2)
    expect(page.locator("#eliminated li[data-code=ADVANCE_UNSECURED]")).to_be_visible()
    expect(page.locator("#eliminated li[data-code=CASH_PAYMENT]")).to_be_visible()
    assert Finding.objects.filter(eliminated_in__isnull=False).count() == 2
