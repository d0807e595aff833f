"""A verification's screening check links to the counterparty's screening hits."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.counterparties import services
from senim.counterparties.models import CaseCheck, VerificationCase
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.screening import services as screening_services
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db


def test_the_screening_check_links_to_its_hits(group, tmp_path):
    watchlist = WatchlistFactory(name="Sanctions KZ")
    import_entities(watchlist, [ftm("kz-1", "Sunkar Energy", schema="Organization")], tmp_path)
    cp = CounterpartyFactory(name_ru="", name_en="Sunkar Energy", identifier="")
    hit = screening_services.screen(
        actor=SYSTEM, subject_key=services.counterparty_subject_key(cp), schema="Organization", names=["Sunkar Energy"]
    ).hits[0]
    case = VerificationCase.objects.create(
        counterparty=cp, company=group.a, opened_on=dt.date(2026, 1, 5), procurement_method="open_tender",
        subject="Works", level="standard",
    )  # fmt: skip
    CaseCheck.objects.create(case=case, code="screening")
    client = Client()
    client.force_login(user_with_role("officer"))
    page = client.get(reverse("counterparties:case-detail", args=[case.pk])).content.decode()
    assert reverse("screening:hit-detail", args=[hit.pk]) in page
    approver = Client()
    approver.force_login(user_with_role("approver"))
    seen = approver.get(reverse("counterparties:case-detail", args=[case.pk]))
    assert seen.status_code != 200 or reverse("screening:hit-detail", args=[hit.pk]) not in seen.content.decode()
