"""The public portal: no account, no JavaScript; a report becomes a receipt, the receipt opens
the case, and nothing about the visitor is kept."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from senim.accounts.tests.factories import user_with_role
from senim.core.models import SecurityCounter
from senim.speakup import nonces, services
from senim.speakup.models import Attachment, Case, Message
from senim.speakup.tests.factories import JPEG, PDF, submit, upload

pytestmark = pytest.mark.django_db

REMOTE = "203.0.113.77"
AGENT = "Mozilla/5.0 (Reporter's Phone) UniqueAgent/9.9"


def _client(**kwargs) -> Client:  # type: ignore[no-untyped-def]
    return Client(REMOTE_ADDR=REMOTE, HTTP_USER_AGENT=AGENT, **kwargs)


def _receipt(response) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"data-receipt>([A-Z0-9-]+)<", response.content.decode())
    assert match, response.content.decode()[:2000]
    return match.group(1)


def _report(client: Client, **extra) -> object:  # type: ignore[no-untyped-def]
    data = {
        "category": "bribery",
        "what": "Cash for contracts.",
        "identity": "anonymous",
        "nonce": nonces.issue(),
        **extra,
    }
    return client.post(reverse("speakup:report"), data)


def test_public_pages_need_no_account(group):
    client = _client()
    for name in ("portal", "report", "question", "follow", "anonymity"):
        response = client.get(reverse(f"speakup:{name}"))
        assert response.status_code == 200, name
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "same-origin"


def test_report_in_russian_gives_a_receipt_that_opens_it(group):
    client = _client(HTTP_ACCEPT_LANGUAGE="ru")
    response = _report(client, company=str(group.a.pk), what="Начальник склада берёт деньги.")
    assert response.status_code == 200
    assert '<html lang="ru"' in response.content.decode()
    receipt = _receipt(response)
    case = Case.objects.get()
    assert case.language == "ru" and case.company == group.a and case.anonymous
    page = client.post(reverse("speakup:follow"), {"receipt": receipt})
    assert page.status_code == 200
    assert "Начальник склада берёт деньги." in page.content.decode()


def test_nothing_about_the_visitor_is_stored(group):
    client = _client()
    receipt = _receipt(_report(client, identity="anonymous"))
    client.post(
        reverse("speakup:follow"),
        {"receipt": receipt, "action": "reply", "body": "More detail.", "nonce": nonces.issue()},
    )
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608  (table names from introspection)
            dump = repr(cursor.fetchall())
            assert REMOTE not in dump and "UniqueAgent" not in dump, table
    assert Message.objects.count() == 1


def test_confidential_report_needs_a_name(group):
    response = _report(_client(), identity="confidential", email="a@example.kz")
    assert response.status_code == 200
    assert not Case.objects.exists()
    assert "name" in response.context["form"].errors


def test_follow_up_reply_with_a_file(group):
    client = _client()
    receipt = _receipt(_report(client))
    photo = upload("photo.jpg", JPEG)
    data = {
        "receipt": receipt,
        "action": "reply",
        "body": "Photo attached.",
        "attachments": photo,
        "nonce": nonces.issue(),
    }
    response = client.post(reverse("speakup:follow"), data)
    assert response.status_code == 200 and response.context["sent"]
    attachment = Attachment.objects.get()
    assert attachment.metadata_stripped and attachment.message is not None
    download = client.post(reverse("speakup:follow-file"), {"receipt": receipt, "file": str(attachment.pk)})
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert b"Canon" not in download.content


def test_oversized_or_disallowed_files_are_refused(group, settings):
    settings.SENIM_SPEAKUP_MAX_FILE_MB = 1
    client = _client()
    big = upload("big.pdf", PDF + b"0" * (1024 * 1024 + 10))
    response = _report(client, attachments=big)
    assert response.status_code == 200 and not Case.objects.exists()
    assert response.context["form"].errors
    response = _report(client, attachments=upload("tool.exe", b"MZ\x90\x00binary"))
    assert response.status_code == 200 and not Case.objects.exists()


def test_wrong_keys_get_one_plain_message_and_are_rate_limited(group, settings):
    settings.SENIM_SPEAKUP_RECEIPT_FAILURES_PER_HOUR = 3
    real = submit()
    client = _client()
    messages = set()
    for key in ("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "short", "X" * 300):
        response = client.post(reverse("speakup:follow"), {"receipt": key})
        assert response.status_code == 200
        messages.add(str(response.context["form"].non_field_errors()))
    assert len(messages) == 1
    blocked = client.post(reverse("speakup:follow"), {"receipt": real.receipt})
    assert "Too many attempts" in blocked.content.decode() or blocked.context["form"].non_field_errors()
    assert "case" not in blocked.context or blocked.context.get("case") is None
    # Another client is not blocked, and the limit is kept under a hash, not the address.
    assert Client(REMOTE_ADDR="198.51.100.1").post(reverse("speakup:follow"), {"receipt": real.receipt}).context["case"]
    keys = list(SecurityCounter.objects.values_list("key", flat=True))
    assert keys and not any(REMOTE in k for k in keys)


def test_submissions_are_rate_limited(group, settings):
    settings.SENIM_SPEAKUP_SUBMISSIONS_PER_HOUR = 2
    client = _client()
    for _ in range(3):
        _report(client)
    assert Case.objects.count() == 2


def test_forged_posts_are_refused(group):
    client = _client(enforce_csrf_checks=True)
    response = _report(client)
    assert response.status_code == 403
    assert not Case.objects.exists()


def test_html_in_report_is_shown_as_text(group):
    client = _client()
    receipt = _receipt(_report(client, what="<script>alert('x')</script><b>bold</b>"))
    page = client.post(reverse("speakup:follow"), {"receipt": receipt}).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    officer = user_with_role("officer")
    staff = Client()
    staff.force_login(officer)
    detail = staff.get(reverse("speakup:case-detail", args=[Case.objects.get().pk])).content.decode()
    assert "<script>alert" not in detail and "&lt;script&gt;" in detail


def test_officer_question_and_reporter_answer_round_trip(group):
    client = _client()
    receipt = _receipt(_report(client))
    case = Case.objects.get()
    officer = user_with_role("officer")
    services.message_send(actor=officer, case=case, body="Which warehouse?")
    page = client.post(reverse("speakup:follow"), {"receipt": receipt}).content.decode()
    assert "Which warehouse?" in page and officer.username not in page
    reply = {"receipt": receipt, "action": "reply", "body": "Warehouse 3.", "nonce": nonces.issue()}
    client.post(reverse("speakup:follow"), reply)
    assert [m.direction for m in case.messages.all()] == ["to_reporter", "from_reporter"]


def test_question_form(group):
    client = _client()
    response = client.post(
        reverse("speakup:question"),
        {"category": "gifts", "question": "May I accept a pen?", "identity": "anonymous", "nonce": nonces.issue()},
    )
    assert Case.objects.get().kind == "question"
    assert _receipt(response)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300))
def test_any_text_is_stored_and_read_back_or_refused_cleanly(db, text):
    client = _client()
    SecurityCounter.objects.all().delete()  # the hourly limit, reset between examples
    response = _report(client, what=text)
    assert response.status_code == 200
    if "data-receipt" in response.content.decode():
        receipt = _receipt(response)
        page = client.post(reverse("speakup:follow"), {"receipt": receipt})
        assert page.status_code == 200
        assert page.context["data"].content["what"] == text.replace("\x00", "").strip() or "\r" in text


def test_replayed_posts_are_refused(group):
    client = _client()
    data = {"category": "fraud", "what": "Fuel reports are inflated.", "identity": "anonymous", "nonce": nonces.issue()}
    first = client.post(reverse("speakup:report"), data)
    assert b"data-receipt" in first.content
    again = client.post(reverse("speakup:report"), data)
    assert b"data-receipt" not in again.content and "already sent" in again.content.decode()
    assert client.post(reverse("speakup:report"), {**data, "nonce": "forged"}).status_code == 200
    assert Case.objects.count() == 1
    receipt = _receipt(first)
    reply = {"receipt": receipt, "action": "reply", "body": "One more thing.", "nonce": nonces.issue()}
    client.post(reverse("speakup:follow"), reply)
    client.post(reverse("speakup:follow"), reply)
    assert Message.objects.count() == 1


def test_form_pages_carry_a_fresh_nonce(group):
    client = _client()
    pages = [client.get(reverse("speakup:report")).content.decode() for _ in range(2)]
    tokens = [re.search(r'name="nonce" value="([^"]+)"', page).group(1) for page in pages]
    assert tokens[0] != tokens[1] and all(nonces.consume(t) for t in tokens)


@pytest.mark.parametrize("language", ["en", "ru", "kk", "uz"])
def test_the_whole_journey_in_each_language(group, language):
    """Submission, receipt, officer's question, reporter's answer, closure: every page renders in
    each interface language (translations with placeholders included)."""
    client = _client(HTTP_ACCEPT_LANGUAGE=language)
    for name in ("portal", "report", "question", "follow", "anonymity"):
        page = client.get(reverse(f"speakup:{name}"))
        assert page.status_code == 200 and f'<html lang="{language}"' in page.content.decode()
    receipt = _receipt(_report(client, company=str(group.a.pk)))
    case = Case.objects.get()
    assert case.language == language
    officer = user_with_role("officer", language=language)
    staff = Client()
    staff.force_login(officer)
    assert staff.post(reverse("speakup:case-message", args=[case.pk]), {"body": "Which warehouse?"}).status_code == 302
    reply = {"receipt": receipt, "action": "reply", "body": "Warehouse 3.", "nonce": nonces.issue()}
    assert client.post(reverse("speakup:follow"), reply).context["sent"]
    closing = {"outcome": "partly", "measures": ["training"], "summary": "Done."}
    assert staff.post(reverse("speakup:case-close", args=[case.pk]), closing).status_code == 302
    for url in (reverse("speakup:case-list"), reverse("speakup:case-detail", args=[case.pk])):
        assert staff.get(url).status_code == 200
    assert staff.get(reverse("speakup:statistics")).status_code == 200
    closed = client.post(reverse("speakup:follow"), {"receipt": receipt})
    assert closed.status_code == 200 and not closed.context["can_reply"]


def test_a_body_larger_than_any_upload_is_refused_before_it_is_read(group, settings):
    settings.SENIM_SPEAKUP_MAX_FILE_MB = 1
    settings.SENIM_SPEAKUP_MAX_FILES = 2
    client = _client()
    data = {"category": "fraud", "what": "x", "identity": "anonymous", "nonce": nonces.issue()}
    response = client.post(reverse("speakup:report"), data, CONTENT_LENGTH=str(50 * 1024 * 1024))
    assert response.status_code == 413  # past every module's limit: refused at the edge
    just_over = str(2 * 1024 * 1024 + 1024 * 1024 + 1)  # past this module's: its own page
    response = client.post(reverse("speakup:report"), {**data, "nonce": nonces.issue()}, CONTENT_LENGTH=just_over)
    assert response.status_code == 413 and "too large" in response.content.decode()
    assert not Case.objects.exists()
    follow = client.post(reverse("speakup:follow"), {"receipt": "x"}, CONTENT_LENGTH="nonsense")
    assert follow.status_code == 413


def test_officer_file_reaches_the_reporter(group):
    client = _client()
    receipt = _receipt(_report(client))
    case = Case.objects.get()
    staff = Client()
    staff.force_login(user_with_role("officer"))
    message = {"body": "Please fill in this form.", "attachments": upload("form.pdf")}
    assert staff.post(reverse("speakup:case-message", args=[case.pk]), message).status_code == 302
    page = client.post(reverse("speakup:follow"), {"receipt": receipt})
    files = page.context["data"].messages[0].attachments
    assert [f["name"] for f in files] == ["form.pdf"] and "form.pdf" in page.content.decode()
    download = client.post(reverse("speakup:follow-file"), {"receipt": receipt, "file": str(files[0]["id"])})
    assert download.status_code == 200 and download.content == PDF
    other = _receipt(_report(client))
    assert (
        client.post(reverse("speakup:follow-file"), {"receipt": other, "file": str(files[0]["id"])}).status_code == 404
    )
