"""Automatic red-flag findings are stored deferred and read in each reader's language, including
those stored as Russian sentences before (migration counterparties.0011)."""

from importlib import import_module

from django.utils import translation

from senim.core.i18n import DEFERRED_PREFIX, render_deferred

migration = import_module("senim.counterparties.migrations.0011_flag_details_deferred")


def test_findings_stored_in_russian_are_rewritten_for_every_reader():
    patterns = migration._patterns()
    stored = migration._convert("Заявка APP-2026-7; Анкета, вопрос «Q3»", "questionnaire_refused", patterns)
    assert stored.startswith(DEFERRED_PREFIX)
    with translation.override("kk"):
        kazakh = render_deferred(stored)
    with translation.override("en"):
        english = render_deferred(stored)
    assert "APP-2026-7" in kazakh and "Q3" in kazakh and "Заявка" not in kazakh and "Анкета" not in kazakh
    assert english.startswith("Application APP-2026-7")


def test_an_iso_date_becomes_a_date_in_the_readers_format_and_officers_words_stay():
    patterns = migration._patterns()
    stored = migration._convert("2026-11-12", "newly_registered", patterns)
    with translation.override("ru"):
        assert "2026-11-12" not in render_deferred(stored) and "2026" in render_deferred(stored)
    assert migration._convert("Сказал сам директор", "offshore", patterns) == "Сказал сам директор"
