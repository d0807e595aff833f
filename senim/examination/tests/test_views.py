"""Pages: list and detail in and out of scope, upload, HTMX confirm/dismiss, downloads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.examination import selectors
from senim.examination.tests.factories import CONTRACT, draft_docx, examination_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "scope", "status"),
    [
        ("officer", "a", 200),
        ("officer", "b", 404),
        ("auditor", "a", 200),
        ("admin", "group", 200),
        ("employee", "a", 403),
    ],
)
def test_detail_by_role_and_scope(client, group, role, scope, status):
    examination = examination_for(group)
    company = {"a": group.a, "b": group.b, "group": None}[scope]
    user = user_with_role(role, company=company, employee=group.in_root if role == "employee" else None)
    client.force_login(user)
    response = client.get(reverse("examination:detail", args=[examination.pk]))
    assert response.status_code in ((status,) if status != 403 else (403, 302))
    listing = client.get(reverse("examination:list"))
    if status == 200:
        assert examination.title in listing.content.decode()


def test_upload_then_confirm_and_dismiss_with_htmx(client, group):
    officer = user_with_role("officer", company=group.a)
    client.force_login(officer)
    response = client.post(
        reverse("examination:create"),
        {
            "title": "Договор поставки",
            "kind": "contract",
            "company": group.a.pk,
            "file": SimpleUploadedFile("contract.docx", draft_docx(CONTRACT)),
        },
    )
    assert response.status_code == 302
    examination = selectors.examination_list(actor=officer).get()
    page = client.get(response["Location"]).content.decode()
    assert "<mark>" in page and "CASH_PAYMENT" in page
    version = selectors.latest_version(examination)
    cash = version.findings.get(code="CASH_PAYMENT")
    url = reverse("examination:finding-decide", args=[cash.pk, "dismiss"])
    refused = client.post(url, {"reason": ""}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 200 and "finding-proposed" in refused.content.decode()
    done = client.post(url, {"reason": "Экспедитор — в лимите кассы."}, HTTP_HX_REQUEST="true")
    assert "finding-dismissed" in done.content.decode()
    advance = version.findings.get(code="ADVANCE_UNSECURED")
    client.post(reverse("examination:finding-decide", args=[advance.pk, "confirm"]), {"recommendation": "Гарантия"})
    advance.refresh_from_db()
    assert advance.status == "confirmed"
    commented = client.get(reverse("examination:commented", args=[examination.pk]))
    assert commented.status_code == 200 and commented["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_scanned_pdf_upload_shows_the_message_and_stores_nothing(client, group):
    client.force_login(user_with_role("officer"))
    response = client.post(
        reverse("examination:create"),
        {
            "title": "Скан",
            "kind": "order",
            "company": group.a.pk,
            "file": SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n%%EOF"),
        },
    )
    assert response.status_code == 200
    assert "examination" not in str(selectors.examination_list(actor=user_with_role("admin")).values_list("title"))
