"""An officer makes a source tag and prints a Kazakh-and-Russian A4 poster in a real browser; the
PDF, drawn to an image, shows a QR code that reads back as the tag's address on the portal, and
that address, opened, lands on the portal and counts one visit."""

import io

import pytest
import zxingcpp
from PIL import Image

from senim.accounts.tests.factories import user_with_role
from senim.speakup import posters
from senim.speakup.models import PosterVisit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_prints_a_poster_whose_qr_code_opens_the_portal(browser_page, browser_log_in, live_server, group):
    page = browser_page
    browser_log_in(page, user_with_role("officer", company=group.a))
    page.goto(f"{live_server.url}/speakup/posters/")
    page.select_option("form[action$='/posters/tags/'] select[name=company]", str(group.a.pk))
    page.fill("input[name=label]", "Main office, lobby")
    page.fill("input[name=code]", "lobby")
    with page.expect_navigation():
        page.click("text=Create the tag")

    form = page.locator("#poster-form")
    form.locator("select[name=company]").select_option(str(group.a.pk))
    form.locator("select[name=layout]").select_option("a4")
    for code in ("kk", "ru"):
        form.locator(f"input[name=languages][value={code}]").check()
    form.locator("select[name=format]").select_option("pdf")
    form.locator("select[name=tag]").select_option("lobby")
    with page.expect_download() as download:
        form.locator("button[type=submit]").click()
    with open(download.value.path(), "rb") as handle:
        pdf = handle.read()
    assert pdf[:4] == b"%PDF"

    image = Image.open(io.BytesIO(posters.pdf_to_png(pdf)))
    codes = [code.text for code in zxingcpp.read_barcodes(image)]
    assert codes == [f"{live_server.url}/speakup/p/lobby/"]

    page.goto(codes[0])
    assert page.url == f"{live_server.url}/speakup/"
    assert PosterVisit.objects.get().count == 1
