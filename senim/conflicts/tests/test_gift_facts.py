"""Gifts keep the facts of their threshold decision and each reader gets the sentence in their own
language; a declined gift is not "below threshold"; yearly totals never mix currencies."""

import re
from decimal import Decimal
from importlib import import_module

import pytest
from django.urls import reverse
from django.utils import translation

from senim.accounts.tests.factories import user_with_role
from senim.conflicts import selectors, services
from senim.conflicts.models import Gift, GiftThreshold
from senim.conflicts.tests.factories import TODAY, employee_user, threshold
from senim.core.access import SYSTEM

pytestmark = pytest.mark.django_db

RUSSIAN_ONLY = re.compile(r"\b(выше|порога|пределах|согласование|требуется)\b", re.IGNORECASE)


def _gift(employee, **data):  # type: ignore[no-untyped-def]
    values = {
        "kind": "received",
        "party_kind": "counterparty",
        "party_name": "Серік Маратов",
        "party_organisation": "ТОО «Жолдас Строй»",
        "occasion": "New Year",
        "description": "A basket of sweets",
        "value": Decimal("5000"),
        "currency": "KZT",
        "date": TODAY,
        "today": TODAY,
    }
    values.update(data)
    return services.gift_declare(actor=SYSTEM, employee=employee, **values)


def test_the_facts_of_the_decision_are_stored_not_a_sentence(group):
    threshold(unit_value="4325", units="2")  # 8,650 KZT
    gift = _gift(group.in_leaf, value=Decimal("60000"))
    facts = gift.threshold_facts
    assert facts["reason"] == "above"
    assert (facts["value"], facts["currency"], facts["unit"]) == ("60000.00", "KZT", "mrp")
    assert Decimal(facts["units"]) == 2 and Decimal(facts["threshold"]) == Decimal("8650")
    assert Decimal(facts["value_units"]) == (Decimal("60000") / Decimal("4325")).quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "8\xa0650\xa0KZT"),
        ("kk", "АЕК"),
        ("uz", "OHK"),
        ("en", "MRP"),
    ],
)
def test_the_sentence_is_written_in_the_readers_language(group, language, expected):
    threshold(unit_value="4325", units="2")
    gift = _gift(group.in_leaf, value=Decimal("60000"))
    with translation.override(language):
        note = gift.threshold_note
    assert expected in note
    assert "8650.0000" not in note and "8650.00" not in note
    if language in ("kk", "uz", "en"):
        assert not RUSSIAN_ONLY.search(note), note


def test_a_declined_gift_is_not_labelled_below_the_threshold(group):
    threshold(unit_value="4325", units="2")
    gift = _gift(group.in_leaf, kind="declined", value=Decimal("60000"))
    assert gift.status == Gift.Status.RECORDED
    for language in ("en", "ru", "kk", "uz"):
        with translation.override(language):
            label = str(gift.get_status_display())
            assert "threshold" not in label and "порог" not in label and "шект" not in label
            assert gift.threshold_note  # says it was declined
    with translation.override("en"):
        assert gift.threshold_note == "Declined: no approval needed."
        assert gift.get_status_display() == "Recorded, no approval needed"


def test_every_status_label_fits_every_reason_that_leads_to_it(group):
    """A recorded gift is either declined or within the threshold: its label must not claim one."""
    threshold(unit_value="4325", units="2")
    recorded = [_gift(group.in_leaf), _gift(group.in_leaf, kind="declined", value=Decimal("1000000"))]
    assert {g.threshold_facts["reason"] for g in recorded} == {"within", "declined"}
    assert all(g.status == Gift.Status.RECORDED for g in recorded)
    with translation.override("en"):
        assert "below" not in Gift.Status.RECORDED.label


def test_gift_kinds_agree_with_gift_in_russian():
    with translation.override("ru"):
        from senim.conflicts.models import GiftKind

        assert str(GiftKind.RECEIVED.label) == "Получен"
        assert str(GiftKind.GIVEN.label) == "Вручён"


def test_yearly_totals_keep_currencies_apart(group, client):
    threshold()
    _gift(group.in_leaf, value=Decimal("5000"))
    _gift(group.in_b, value=Decimal("2000000"), currency="UZS", party_kind="official")
    officer = user_with_role("officer")
    totals = selectors.gift_totals(actor=officer, year=TODAY.year, by="employee")
    assert [t.currency for t in totals] == ["KZT", "UZS"]  # by currency first, never ranked together
    client.force_login(officer)
    with translation.override("ru"):
        page = client.get(reverse("conflicts:gift-totals"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    # A table per currency in each of the two sections (per employee, per source).
    assert page.count("<table") == 4
    assert page.count("<caption>В KZT</caption>") == 2 and page.count("<caption>В UZS</caption>") == 2
    assert "2\xa0000\xa0000" in page and "5\xa0000" in page


def test_the_migration_recomputes_the_facts_of_gifts_declared_before(group):
    migration = import_module("senim.conflicts.migrations.0004_gift_threshold_facts")
    threshold(unit_value="4325", units="2")
    thresholds = {(t.country, t.year): t for t in GiftThreshold.objects.all()}
    gift = _gift(group.in_leaf, value=Decimal("60000"))
    assert migration.facts_of(gift, "KZ", thresholds) == gift.threshold_facts
    declined = _gift(group.in_leaf, kind="declined")
    assert migration.facts_of(declined, "KZ", thresholds)["reason"] == "declined"
    assert migration.facts_of(gift, "UZ", thresholds)["reason"] == "no_threshold"


def test_the_gift_page_shows_the_sentence_in_kazakh(group, client):
    threshold(unit_value="4325", units="2")
    gift = _gift(group.in_leaf, value=Decimal("60000"))
    client.force_login(employee_user(group.in_leaf))
    client.cookies["django_language"] = "kk"
    page = client.get(reverse("conflicts:gift-detail", args=[gift.pk])).content.decode()
    assert "АЕК" in page and "60\xa0000\xa0KZT" in page
    assert not RUSSIAN_ONLY.search(page)
