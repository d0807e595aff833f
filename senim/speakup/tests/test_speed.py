"""What keeps the public pages fast (issue 5, performance), without weakening anything: the receipt
key checked by one keyed HMAC (old PBKDF2 hashes still open their case, once upgraded), pages that
are the same for every visitor served from one copy with fresh tokens, and the follow-up page
decrypting only what it shows."""

import hashlib
import hmac
import re
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.org.tests.factories import CompanyFactory
from senim.speakup import conf, crypto, nonces, public_views, selectors, services
from senim.speakup.models import Case
from senim.speakup.tests.factories import submit, submit_named

pytestmark = pytest.mark.django_db


def _token(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', page)
    assert match, page[:2000]
    return match.group(1)


def test_receipt_key_is_stored_as_an_hmac_with_the_pepper(db):
    submission = submit()
    key = crypto.receipt_normalise(submission.receipt or "").encode()
    expected = hmac.new(conf.receipt_pepper(), key, hashlib.sha256).hexdigest()
    assert submission.case.receipt_digest == expected
    assert submission.receipt not in expected and key.decode() not in expected


def test_a_key_stored_with_the_old_pbkdf2_hash_still_opens_its_case_and_is_upgraded(db):
    submission = submit()
    receipt = submission.receipt or ""
    legacy = hashlib.pbkdf2_hmac("sha256", crypto.receipt_normalise(receipt).encode(), conf.receipt_pepper(), 2000)
    Case.objects.filter(pk=submission.case.pk).update(receipt_digest=legacy.hex())
    assert selectors.case_for_receipt(key=receipt.lower()) == submission.case
    assert Case.objects.get(pk=submission.case.pk).receipt_digest == crypto.receipt_digest(receipt)
    assert selectors.case_for_receipt(key=receipt) == submission.case  # now by the HMAC alone
    assert selectors.case_for_receipt(key="ABCDE-FGHJK-MNPQR-STUVW-XYZ23") is None


def test_a_wrong_key_does_not_open_a_case_under_either_hash(db):
    submit()
    other = crypto.receipt_new()
    assert selectors.case_for_receipt(key=other) is None


def test_pages_the_same_for_everyone_are_rendered_once_and_get_fresh_tokens(group):
    public_views._PAGES.clear()
    client = Client(enforce_csrf_checks=True)
    with mock.patch.object(public_views, "render_to_string", wraps=public_views.render_to_string) as rendered:
        pages = [client.get(reverse("speakup:report")).content.decode() for _ in range(3)]
        assert sum(call.args[0] == "speakup/public/report.html" for call in rendered.call_args_list) == 1
    nonce_values = [_token(page, "nonce") for page in pages]
    assert len(set(nonce_values)) == 3 and all(nonces.consume(value) for value in nonce_values)
    assert public_views._CSRF_SLOT not in pages[0] and public_views._NONCE_SLOT not in pages[0]
    # The page's CSRF token is this visitor's: a post with it is accepted.
    page = client.get(reverse("speakup:report")).content.decode()
    data = {
        "csrfmiddlewaretoken": _token(page, "csrfmiddlewaretoken"),
        "nonce": _token(page, "nonce"),
        "category": "fraud",
        "what": "Invoices paid twice.",
        "identity": "anonymous",
    }
    response = client.post(reverse("speakup:report"), data)
    assert response.status_code == 200 and "data-receipt" in response.content.decode()


def test_a_copy_is_kept_per_language_and_follows_the_contacts(group, settings):
    public_views._PAGES.clear()
    client = Client()
    settings.SENIM_SPEAKUP_PHONE = "+7 700 111 22 33"
    english = client.get(reverse("speakup:portal"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    russian = client.get(reverse("speakup:portal"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<html lang="en"' in english and '<html lang="ru"' in russian
    assert "+7 700 111 22 33" in english
    settings.SENIM_SPEAKUP_PHONE = "+7 700 999 88 77"
    assert "+7 700 999 88 77" in client.get(reverse("speakup:portal"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_page_with_a_query_string_is_rendered_for_itself(group):
    client = Client()
    page = client.get(reverse("speakup:portal") + "?from=poster").content.decode()
    assert 'name="next" value="/speakup/?from=poster"' in page
    assert public_views._CSRF_SLOT not in page
    again = client.get(reverse("speakup:portal")).content.decode()
    assert "poster" not in again


def test_follow_up_page_shows_the_case_inside_the_shared_layout(group):
    public_views._PAGES.clear()
    officer = user_with_role("officer")
    first, second = submit_named(), submit(content={"what": "Second <script>case</script>."})
    services.message_send(actor=officer, case=first.case, body="When did it start?")
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("speakup:follow"))
    token = client.cookies["csrftoken"].value
    pages = [
        client.post(reverse("speakup:follow"), {"receipt": s.receipt, "csrfmiddlewaretoken": token}).content.decode()
        for s in (first, second)
    ]
    assert "When did it start?" in pages[0] and "When did it start?" not in pages[1]
    assert "&lt;script&gt;case&lt;/script&gt;" in pages[1] and "<script>case" not in pages[1]
    assert all(public_views._BODY_SLOT not in page and '<html lang="' in page for page in pages)
    assert "Айгерим" not in pages[0]  # the reporter's own identity is not decrypted for the page
    # The reply form's tokens work: the reporter answers from the page.
    reply = {
        "receipt": first.receipt,
        "action": "reply",
        "body": "Since March.",
        "nonce": _token(pages[0], "nonce"),
        "csrfmiddlewaretoken": _token(pages[0], "csrfmiddlewaretoken"),
    }
    answered = client.post(reverse("speakup:follow"), reply).content.decode()
    assert "Since March." in answered


def test_follow_up_page_decrypts_nothing_it_does_not_show(group):
    submission = submit_named()
    opened: list[str] = []
    real_open = crypto.CaseCipher.open

    def spy(self, token):  # type: ignore[no-untyped-def]
        opened.append(token)
        return real_open(self, token)

    with mock.patch.object(crypto.CaseCipher, "open", spy):
        Client().post(reverse("speakup:follow"), {"receipt": submission.receipt})
    case = Case.objects.get(pk=submission.case.pk)
    assert case.content_sealed in opened
    assert case.reporter_sealed not in opened


def test_the_forms_list_of_companies_is_cached_and_follows_changes(group):
    client = Client()
    client.get(reverse("speakup:report"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("speakup:report"))
    assert not [q for q in queries.captured_queries if "org_company" in q["sql"]]
    CompanyFactory(name_en="Gamma Copper LLP", name_ru="ТОО «Гамма Медь»")
    assert "Gamma Copper LLP" in client.get(reverse("speakup:report"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
