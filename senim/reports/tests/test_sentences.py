"""Whole sentences of a report read right in each language: a figure token names the grammatical
case its noun takes in the sentence ("из {code:gen}", "по сравнению с {code:previous:ins}"), and the
noun agrees with the number it follows, for 1, 2, 5, 11, 21 and 0."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from senim.accounts.tests.factories import user_with_role
from senim.reports import content, services
from senim.reports.content import Values

CODE = "counterparties.applications"
A = "counterparties.applications"  # to keep the sentences below readable


def _say(language: str, text: str, value: int, previous: int) -> str:
    values = {CODE: Values(code=CODE, module="counterparties", value=value, previous=previous)}
    with translation.override(language):
        return content._fill(text, values)


RUSSIAN = "Одобрено {counterparties.applications:value} из {counterparties.applications:value:gen}."
COMPARED = "{counterparties.applications:value:noun} по сравнению с {counterparties.applications:previous:ins}"


@pytest.mark.parametrize(
    ("value", "previous", "genitive", "sentence"),
    [
        (1, 2, "из 1 заявки", "1 заявка по сравнению с 2 заявками"),
        (2, 1, "из 2 заявок", "2 заявки по сравнению с 1 заявкой"),
        (5, 21, "из 5 заявок", "5 заявок по сравнению с 21 заявкой"),
        (11, 11, "из 11 заявок", "11 заявок по сравнению с 11 заявками"),
        (21, 5, "из 21 заявки", "21 заявка по сравнению с 5 заявками"),
        (0, 0, "из 0 заявок", "0 заявок по сравнению с 0 заявками"),
    ],
)
def test_russian_sentences_agree_in_case_and_number(value, previous, genitive, sentence):
    assert _say("ru", RUSSIAN, value, previous) == f"Одобрено {value} {genitive}."
    assert _say("ru", COMPARED, value, previous) == sentence


@pytest.mark.parametrize("value", [1, 2, 5, 11, 21, 0])
def test_kazakh_and_uzbek_sentences_put_the_case_suffix_on_the_singular_noun(value):
    kazakh = "{counterparties.applications:gen} {counterparties.applications:value:abl} бір бөлігі мақұлданды."
    assert _say("kk", kazakh, value, 3) == f"{value} (3) өтінімнің {value} өтінімнен бір бөлігі мақұлданды."
    compared = f"{{{A}:value:noun}} kelib tushdi, oʻtgan yildagi {{{A}:previous:dat}} nisbatan."
    assert _say("uz", compared, value, 7) == f"{value} ariza kelib tushdi, oʻtgan yildagi 7 arizaga nisbatan."


def test_the_pair_agrees_with_this_years_figure_and_one_years_figure_prints_alone():
    assert _say("ru", "Получено {counterparties.applications:gen}.", 21, 12) == "Получено 21 (12) заявки."
    assert _say("en", "Of {counterparties.applications:gen}.", 1, 12) == "Of 1 (12) application."
    assert _say("en", "{counterparties.applications:previous} last year.", 1, 12) == "12 last year."


@pytest.mark.django_db
def test_a_malformed_token_is_refused_and_a_cased_one_is_kept():
    officer = user_with_role("officer")
    report = services.report_create(actor=officer, year=2025, company_id=None, languages=["ru"])
    for wrong in (
        "{counterparties.applications:genitive}",
        "{counterparties.applications:gen:value}",
        "{nope.x:gen}",
        "{counterparties.applications|}",
    ):
        with pytest.raises(ValidationError) as error:
            services.section_text_set(actor=officer, report=report, section="counterparties", language="ru", text=wrong)
        assert wrong in str(error.value)
    text = f"Из {{{A}:gen}} {{{A}|одобрена|одобрены|одобрено}} {{{A}:value}}."
    saved = services.section_text_set(actor=officer, report=report, section="counterparties", language="ru", text=text)
    assert saved.text == text


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        (1, "В отчётном году поступила 1 (3) заявка."),
        (2, "В отчётном году поступили 2 (3) заявки."),
        (5, "В отчётном году поступило 5 (3) заявок."),
        (11, "В отчётном году поступило 11 (3) заявок."),
        (21, "В отчётном году поступила 21 (3) заявка."),
        (0, "В отчётном году поступило 0 (3) заявок."),
    ],
)
def test_a_verb_agrees_with_the_figure_through_a_choice_token(value, sentence):
    text = f"В отчётном году {{{A}|поступила|поступили|поступило}} {{{A}:noun}}."
    assert _say("ru", text, value, 3) == sentence
    english = "{counterparties.applications:noun} {counterparties.applications|was|were} received."
    assert _say("en", english, value, 3).endswith("was received." if value == 1 else "were received.")
