"""The screening certificate for the due diligence file: the names screened and when, the lists,
each hit with its decision, and a conclusion; only for those who may see screening."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.counterparties import services
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.screening import services as screening_services
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_certificate_lists_the_lists_the_hits_and_their_decisions(group, tmp_path):
    watchlist = WatchlistFactory(name="Sanctions KZ")
    import_entities(watchlist, [ftm("kz-1", "Altyn Construction", schema="Organization")], tmp_path)
    cp = CounterpartyFactory(name_ru="", name_en="Altyn Construction", identifier="")
    outcome = screening_services.screen(
        actor=SYSTEM,
        subject_key=services.counterparty_subject_key(cp),
        schema="Organization",
        names=["Altyn Construction"],
    )
    assert outcome.hits
    officer = user_with_role("officer")
    client = Client()
    client.force_login(officer)
    response = client.get(reverse("counterparties:screening-certificate", args=[cp.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = _text(response.content)
    assert "Screening certificate" in text and "Sanctions KZ" in text and "Altyn Construction" in text
    assert "1 hit awaits a decision." in text
    screening_services.hit_decide(actor=officer, hit=outcome.hits[0], status="false_positive", comment="Other BIN.")
    text = _text(client.get(reverse("counterparties:screening-certificate", args=[cp.pk])).content)
    assert "Other BIN." in text and "Every hit has been decided." in text
    card = client.get(reverse("counterparties:counterparty-detail", args=[cp.pk])).content.decode()
    assert reverse("counterparties:screening-certificate", args=[cp.pk]) in card


def test_roles_without_screening_get_no_certificate(group):
    cp = CounterpartyFactory()
    client = Client()
    client.force_login(user_with_role("approver"))
    assert client.get(reverse("counterparties:screening-certificate", args=[cp.pk])).status_code in (403, 404)
