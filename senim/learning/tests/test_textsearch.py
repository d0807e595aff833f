"""Search keys: Russian word forms meet their lemma, Kazakh and Uzbek endings are stripped, and a
query in Latin meets Cyrillic text (no Django needed)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from senim.learning.textsearch import document_keys, query_keys


def _finds(query: str, text: str) -> bool:
    keys = document_keys(text)
    return all(alternatives & keys for alternatives in query_keys(query))


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("подарок", "Правила о подарках и знаках внимания"),
        ("подарков", "Как оформить подарок"),
        ("конфликт интересов", "Декларация о конфликте интересов"),
        ("сыйлық", "Сыйлықтарды қабылдау тәртібі"),
        ("сыйлықтар", "Іскерлік сыйлық туралы"),
        ("syilyk", "Сыйлықтарды қабылдау тәртібі"),
        ("zhemkorlyk", "Сыбайлас жемқорлыққа қарсы саясат"),
        ("podarki", "Правила о подарках"),
        ("konflikt interesov", "Конфликт интересов работника"),
        ("sovgʻa", "Sovgʻalarni qabul qilish tartibi"),
        ("sovga", "Совғалар ҳақида"),
        ("korrupsiyaga", "Korrupsiyaga qarshi siyosat"),
        ("gift", "Gifts and hospitality"),
    ],
)
def test_query_finds_other_forms_and_scripts(query: str, text: str) -> None:
    """A query matches other word forms, in Cyrillic or Latin."""
    assert _finds(query, text)


@pytest.mark.parametrize(("query", "text"), [("подарок", "Конфликт интересов"), ("syilyk", "Правила о взятках")])
def test_unrelated_text_is_not_found(query: str, text: str) -> None:
    assert not _finds(query, text)


def test_every_query_word_must_match() -> None:
    assert not _finds("подарок взятка", "Правила о подарках")


def test_single_letters_and_punctuation_are_ignored() -> None:
    assert query_keys("a , . !") == []


@given(st.text(max_size=60))
def test_keys_never_fail_and_stay_short(text: str) -> None:
    for key in document_keys(text):
        assert 0 < len(key) <= 64
