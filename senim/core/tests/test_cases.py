"""Counted nouns in every case agree with the number in each language: the forms a whole sentence
needs after "из", "по сравнению с", and the Kazakh and Uzbek case suffixes."""

import pytest
from django.utils import translation

from senim.core import cases
from senim.core.indicators import _COUNTED, unit_for

NUMBERS = (1, 2, 5, 11, 21, 0)


def _forms(language: str, unit: str, case: str) -> list[str]:
    with translation.override(language):
        return [unit_for(unit, n, case) for n in NUMBERS]


def test_russian_takes_the_singular_after_one_and_twenty_one_and_the_plural_otherwise():
    #                                1          2          5         11         21         0
    assert _forms("ru", "applications", "gen") == ["заявки", "заявок", "заявок", "заявок", "заявки", "заявок"]
    assert _forms("ru", "applications", "ins") == ["заявкой", "заявками", "заявками", "заявками", "заявкой", "заявками"]
    assert _forms("ru", "contracts", "dat") == [
        "договору",
        "договорам",
        "договорам",
        "договорам",
        "договору",
        "договорам",
    ]
    assert _forms("ru", "contracts", "loc") == [
        "договоре",
        "договорах",
        "договорах",
        "договорах",
        "договоре",
        "договорах",
    ]
    # the accusative: singular after 1 and 21, the nominative's counting forms after the rest
    assert _forms("ru", "applications", "acc") == ["заявку", "заявки", "заявок", "заявок", "заявку", "заявок"]
    assert _forms("ru", "counterparties", "acc") == [
        "контрагента", "контрагента", "контрагентов", "контрагентов", "контрагента", "контрагентов"
    ]  # fmt: skip
    # after a number Russian counts people in "человек", which pymorphy3 alone would make "людей"
    assert _forms("ru", "people", "gen") == ["человека", "человек", "человек", "человек", "человека", "человек"]
    with translation.override("ru"):
        assert unit_for("days", 12.5, "ins") == "дня"  # a fraction takes the genitive singular
        assert unit_for("applications", 5, "nom") == "заявок"


def test_kazakh_keeps_the_noun_singular_and_adds_the_suffix_by_vowel_harmony():
    assert set(_forms("kk", "applications", "gen")) == {"өтінімнің"}
    assert set(_forms("kk", "contracts", "dat")) == {"шартқа"}
    assert set(_forms("kk", "drafts", "acc")) == {"жобаны"}
    assert set(_forms("kk", "people", "abl")) == {"адамнан"}
    assert set(_forms("kk", "gifts", "ins")) == {"сыйлықпен"}
    assert set(_forms("kk", "units", "loc")) == {"бөлімшеде"}


def test_uzbek_keeps_the_noun_singular_with_its_suffix_or_postposition():
    assert set(_forms("uz", "applications", "gen")) == {"arizaning"}
    assert set(_forms("uz", "hits", "dat")) == {"moslikka"}
    assert set(_forms("uz", "contracts", "abl")) == {"shartnomadan"}
    assert set(_forms("uz", "cases", "ins")) == {"murojaat bilan"}


def test_english_counts_whatever_the_case():
    assert _forms("en", "applications", "gen") == [
        "application", "applications", "applications", "applications", "applications", "applications"
    ]  # fmt: skip
    with translation.override("en"):
        assert unit_for("per cent of staff", 5, "gen") == "per cent of staff"


@pytest.mark.parametrize("language", ["ru", "kk", "uz"])
def test_every_counted_noun_has_every_case_in_the_catalogue(language):
    """No form falls back to English: a noun added to core.indicators needs its case forms."""
    english = {word for forms in cases._ENGLISH.values() for word in forms}
    assert set(_COUNTED) == set(cases._ENGLISH)
    with translation.override(language):
        for unit in _COUNTED:
            for case in cases.CASES[1:]:
                for n in NUMBERS:
                    form = cases._FORMS[(unit, case)](n)
                    assert form not in english, (language, unit, case, n)


def test_the_russian_catalogue_agrees_with_pymorphy3_where_pymorphy3_is_reliable():
    """The Russian forms in the catalogue were made with pymorphy3; they and the run-time fallback
    stay in step, except where pymorphy3 is known to be wrong after a number (RU_AFTER_NUMBERS)."""
    with translation.override("ru"):
        for unit in _COUNTED:
            for case in cases.CASES[1:]:
                for n in NUMBERS:
                    assert cases._FORMS[(unit, case)](n) == cases._ru_fallback(unit, n, case), (unit, case, n)


def test_a_russian_noun_missing_from_the_catalogue_is_declined_by_pymorphy3(monkeypatch):
    monkeypatch.setitem(cases._FORMS, ("applications", "ins"), lambda n: "applications")
    with translation.override("ru"):
        assert unit_for("applications", 21, "ins") == "заявкой"
        assert unit_for("applications", 5, "ins") == "заявками"
