"""Name parsing: patronymics, legal forms as types, business words."""

from __future__ import annotations

import pytest

from senim.screening.engine.names import parse_name

ORG = "Organization"


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("Тоқаев Қасым-Жомарт Кемелұлы", "m"),
        ("Tokayev Kassym-Jomart Kemeluly", "m"),
        ("Tokayev Kassym-Jomart Kemel uly", "m"),
        ("Токаев Касым-Жомарт Кемелевич", "m"),
        ("Иванова Мария Сергеевна", "f"),
        ("Karimov Alisher Rustam oʻgʻli", "m"),
        ("Каримова Малика Рустам қизи", "f"),
        ("Karimov Alisher Rustamovich", "m"),
        ("Әбішева Әсем Кемелқызы", "f"),
    ],
)
def test_patronymic_is_taken_out_with_gender(text: str, gender: str) -> None:
    parsed = parse_name(text)
    assert parsed.patronymic, text
    assert parsed.gender == gender
    assert len(parsed.keys) in (2, 3)  # the patronymic is not a comparable word


def test_kazakh_and_russian_patronymics_name_the_same_father() -> None:
    kazakh = parse_name("Тоқаев Қасым-Жомарт Кемелұлы").patronymic
    russian = parse_name("Токаев Касым-Жомарт Кемелевич").patronymic
    uzbek = parse_name("Karimov Alisher Rustam oʻgʻli").patronymic
    uzbek_russian = parse_name("Каримов Алишер Рустамович").patronymic
    assert set(kazakh) & set(russian)
    assert set(uzbek) & set(uzbek_russian)


def test_double_letter_before_kyzy_is_kept() -> None:
    assert "erik" in parse_name("Жармұхамедова Назерке Ерікқызы").patronymic


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("ТОО «Альфа»", {"limited_liability"}),
        ("ЖШС «Альфа»", {"limited_liability"}),
        ("Alfa LLP", {"limited_liability"}),
        ('"Alfa" MChJ', {"limited_liability"}),
        ("Товарищество с ограниченной ответственностью «Альфа»", {"limited_liability"}),
        ("Товарчищество с ограниченной ответственностью «Альфа»", {"limited_liability"}),
        ("АО «Альфа»", {"jsc"}),
        ("АҚ «Альфа»", {"jsc"}),
        ("JSC Alfa", {"jsc"}),
        ('"Alfa" AJ', {"jsc"}),
        ("АО «НК «ҚазМұнайГаз»»", {"jsc", "national_company"}),
        ("РГП на ПХВ «Казгидромет»", {"state_enterprise"}),
    ],
)
def test_legal_forms_are_types(text: str, forms: set[str]) -> None:
    parsed = parse_name(text, ORG)
    assert set(parsed.legal_forms) == forms
    assert "тоо" not in parsed.words and "llp" not in parsed.words


def test_a_word_inside_quotes_is_not_a_legal_form() -> None:
    parsed = parse_name("АҚ «Ақ Жол»", ORG)
    assert parsed.words == ("ақ", "жол")
    assert parsed.legal_forms == frozenset({"jsc"})
    assert parse_name("Ақ Жол", ORG).words == ("ақ", "жол")


def test_a_name_that_is_only_a_legal_form_keeps_its_word() -> None:
    assert parse_name("ТОО", ORG).words == ("тоо",)


def test_business_loan_words_meet() -> None:
    russian = parse_name("Казахмыс Энерджи", ORG)
    english = parse_name("Kazakhmys Energy LLP", ORG)
    assert russian.primary_keys == english.primary_keys


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Ахметов Арман Омирзаковыич", "omirzak"),  # an inserted letter in -ович
        ("Saidov Davron Azizovoich", "aziz"),
        ("Абдулла Тулкинопич Гофуров", "tulkin"),  # a substituted letter, patronymic in the middle
        ("Ахметова Айгуль Сериковнаа", "serik"),
    ],
)
def test_misspelt_patronymic_suffix_is_recognised(text: str, stem: str) -> None:
    parsed = parse_name(text)
    assert parsed.patronymic == (stem,)
    assert len(parsed.keys) == 2


@pytest.mark.parametrize(
    "text", ["Горбунова Татьяна Левовна", "Дәулетбаева Мадина Арсенқызы", "Иванова Марина Петровна"]
)
def test_given_names_are_not_misspelt_patronymics(text: str) -> None:
    parsed = parse_name(text)
    assert parsed.words[1] == text.split()[1].lower()  # Татьяна, Мадина, Марина stay given names


def test_national_company_in_english() -> None:
    assert parse_name("Karaganda Stroy JSC NC", ORG).legal_forms == {"jsc", "national_company"}
    assert parse_name("Karaganda Stroy JSC NC", ORG).words == ("karaganda", "stroy")
