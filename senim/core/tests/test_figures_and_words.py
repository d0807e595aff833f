"""One number formatter per language, units that agree with their figure, texts stored once and
read in every language, languages named by name, and menu entries that never share a name."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from senim.core import navigation
from senim.core.figures import format_figure, format_percent, share_of
from senim.core.i18n import (
    deferred,
    deferred_join,
    fallback_order,
    language_name,
    language_self_name,
    render_deferred,
)
from senim.core.indicators import unit_for, with_unit

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("language", "figure", "percent"),
    [
        ("ru", f"1{NBSP}102", f"98,7{NBSP}%"),
        ("kk", f"1{NBSP}102", f"98,7{NBSP}%"),
        ("uz", f"1{NBSP}102", f"98,7{NBSP}%"),
        ("en", f"1{NBSP}102", "98.7%"),
    ],
)
def test_one_formatter_writes_figures_and_percentages_the_readers_way(language, figure, percent):
    with translation.override(language):
        assert format_figure(1102) == figure
        assert format_percent(98.66) == percent
        assert format_percent(Decimal("100.0")).startswith("100")  # no "100,0"
        assert format_figure(None) == format_percent(None) == "—"
        rendered = Template("{% load senim_ui %}{{ n|figure }}|{{ p|percentage }}").render(
            Context({"n": 1102, "p": 98.66})
        )
        assert rendered == f"{figure}|{percent}"


def test_a_share_of_nothing_is_no_data_not_zero():
    assert share_of(0, 0) is None
    assert share_of(1, 3) == 33.3


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_grouping_never_changes_the_digits(number):
    with translation.override("ru"):
        text = format_figure(number)
    assert int(text.replace(NBSP, "").replace("−", "-")) == number


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, "1\xa0договор"), (3, "3\xa0договора"), (28, "28\xa0договоров"), (21, "21\xa0договор"), (None, "—")],
)
def test_units_agree_with_the_figure_in_russian(value, expected):
    with translation.override("ru"):
        assert with_unit(value, "contracts") == expected


def test_fractions_and_percentages_and_other_languages():
    with translation.override("ru"):
        assert with_unit(12.5, "days") == "12,5\xa0дня"
        assert with_unit(98.7, "%") == "98,7\xa0%"
    with translation.override("kk"):
        assert unit_for("contracts", 28) == "шарт"
    with translation.override("en"):
        assert with_unit(1, "applications") == "1\xa0application"
        assert unit_for("per cent of staff", 12) == "per cent of staff"


def test_a_deferred_text_is_read_in_each_readers_language():
    application = deferred("Application %(number)s", number="A-7")
    stored = deferred_join([application, deferred("registered on %(date)s", date=dt.date(2026, 11, 12))])
    with translation.override("ru"):
        ru = render_deferred(stored)
    with translation.override("kk"):
        kk = render_deferred(stored)
    assert ru.startswith("Заявка A-7")
    assert "2026-11-12" not in ru and "2026-11-12" not in kk
    assert "12" in kk and "Заявка" not in kk
    assert render_deferred("typed by an officer") == "typed by an officer"
    assert render_deferred(deferred_join(["one", "two"])) == "one; two"


def test_languages_are_named_never_coded():
    with translation.override("ru"):
        assert language_name("kk") == "Казахский"
    with translation.override("en"):
        assert language_name("uz") == "Uzbek"
    assert [language_self_name(c) for c in ("en", "ru", "kk", "uz")] == ["English", "Русский", "Қазақша", "Oʻzbekcha"]


def test_uzbek_readers_get_latin_names_before_cyrillic_ones(settings):
    assert fallback_order("uz")[:2] == ["uz", "en"]
    assert fallback_order("ru")[0] == "ru"


@pytest.mark.parametrize("language", ["en", "ru", "kk", "uz"])
def test_no_two_menu_entries_share_a_name(language):
    """Every sidebar entry of every app, as anyone may see it: one name, one page."""
    with translation.override(language):
        labels: dict[str, str] = {}
        for entry in navigation._ENTRIES:
            label = str(entry.label).casefold()
            assert label not in labels or labels[label] == entry.url_name, (
                f"{language}: «{entry.label}» names both {labels[label]} and {entry.url_name}"
            )
            labels[label] = entry.url_name
