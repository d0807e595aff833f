"""A case's timeline on its page and its printable report (PDF): the reporter's identity is left out
unless someone who manages the case asks for it; investigators cannot ask for it."""

import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.speakup import selectors, services
from senim.speakup.tests.factories import submit_named

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def case(group):
    officer = user_with_role("officer")
    case = submit_named(company=group.a).case
    services.case_set_status(actor=officer, case=case, status="acknowledged")
    return case


def test_the_case_page_shows_the_timeline_in_order(group, case):
    page = _client(user_with_role("officer")).get(reverse("speakup:case-detail", args=[case.pk]))
    timeline = page.context["timeline"]
    assert [entry.at for entry in timeline] == sorted(entry.at for entry in timeline)
    assert timeline[0].what == "Received" and any(entry.what == "Case status changed" for entry in timeline)
    assert "Case viewed" not in [entry.what for entry in timeline]
    assert 'class="timeline"' in page.content.decode()


def test_the_case_report_leaves_the_identity_out_unless_a_manager_asks(group, case):
    officer = _client(user_with_role("officer"))
    plain = officer.get(reverse("speakup:case-report-pdf", args=[case.pk]))
    assert plain.status_code == 200 and plain.content.startswith(b"%PDF")
    text = _pdf_text(plain.content)
    assert case.reference in text and "Жаксыбекова" not in text and "aigerim@example.kz" not in text
    named = _pdf_text(officer.get(reverse("speakup:case-report-pdf", args=[case.pk]), {"identity": "1"}).content)
    assert "Жаксыбекова" in named


def test_an_investigator_prints_the_report_but_never_the_identity(group, case):
    investigator = user_with_role("investigator", company=group.a)
    services.case_assign(actor=user_with_role("officer"), case=case, users=[investigator])
    response = _client(investigator).get(reverse("speakup:case-report-pdf", args=[case.pk]), {"identity": "1"})
    assert response.status_code == 200 and "Жаксыбекова" not in _pdf_text(response.content)
    outsider = _client(user_with_role("officer", company=group.b))
    assert outsider.get(reverse("speakup:case-report-pdf", args=[case.pk])).status_code in (403, 404)
    assert selectors.case_get(actor=investigator, case_id=case.pk) == case
