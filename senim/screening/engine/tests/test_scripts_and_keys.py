"""Script folding and romanisation keys: every spelling of one word must share a key."""

from __future__ import annotations

import pytest

from senim.screening.engine.names import name_keys, normalise_name
from senim.screening.engine.scripts import fold_case, quote_depths
from senim.screening.engine.transliteration import loose_key, word_keys


def keys_of(word: str) -> set[str]:
    # Sound keys ("#…") meet only across scripts and are tested in test_scoring.
    return {k for k in word_keys(fold_case(word)) if not k.startswith("#")}


def share_key(native: str, *spellings: str) -> bool:
    """Every spelling shares a key with the native one (not necessarily the same key)."""
    return all(keys_of(native) & keys_of(s) for s in spellings)


@pytest.mark.parametrize(
    "spellings",
    [
        ("Ахметов", "Akhmetov", "Ahmetov", "Axmetov"),  # kh / h / x
        ("Жомарт", "Zhomart", "Jomart"),  # zh / j
        ("Ерлан", "Yerlan", "Erlan"),  # ye / e
        ("Цой", "Tsoi", "Tcoi"),  # ts / c
        ("Тоқаев", "Токаев", "Toqaev", "Tokaev", "Tokayev", "TOKAEV"),  # q / k, ay / a
        ("Ғалым", "Galym", "Ghalym", "Ğalym", "Ǵalym", "G'alym"),  # gh / g and alphabets
        ("Шыңғыс", "Shyngys", "Şyñğys", "Shyńǵys", "S'yn'g'ys"),  # ng / n, 2017/2018/2021
        ("Әлия", "Aliya", "Äliä", "Əлия"),  # Ә, Latin schwa look-alike
        ("Жұмабеков", "Жумабеков", "Jūmabekov", "Zhumabekov"),  # Russian folding of Kazakh
        ("Қасым", "Kassym", "Qasym", "Kasym"),  # doubled letters
        ("Назарбаев", "NAZARBAYEV", "Nazarbaev"),  # glide before e
        ("Мария", "Mariya", "Maria", "Mariia"),
        ("Ilyas", "İlyas", "ILYAS", "Ілияс", "Ильяс"),  # Turkic dotted/dotless i
        ("Фёдоров", "Fedorov", "Fyodorov"),  # ё read as e or yo
        ("Дэвид", "David"),  # Russian transcription of English
    ],
)
def test_variants_share_a_key(spellings: tuple[str, ...]) -> None:
    assert share_key(*spellings), [keys_of(s) for s in spellings]


@pytest.mark.parametrize("apostrophe", ["ʻ", "ʼ", "'", "`", "‘", "’"])
def test_every_uzbek_apostrophe_is_one_letter(apostrophe: str) -> None:
    assert share_key(f"O{apostrophe}tkir", "Ўткир", "Oʻtkir")
    assert share_key(f"G{apostrophe}ayrat", "Ғайрат")
    assert share_key(f"O{apostrophe}ZBEKISTON", "Oʻzbekiston", "Ўзбекистон")


def test_uzbek_s_h_is_not_sh() -> None:
    assert share_key("Is'hoq", "Исҳоқ")
    assert not share_key("Is'hoq", "Ишоқ")


def test_vowel_variants_meet_in_the_loose_key() -> None:
    assert loose_key(word_keys("уткир")[0]) == loose_key(word_keys("ўткир")[0])
    assert loose_key(word_keys("плюс")[0]) == loose_key(word_keys("plus")[0])


def test_distinct_names_do_not_share_keys() -> None:
    assert not share_key("Азимов", "Alimov")
    assert not share_key("Кулибаев", "Kuliev")
    assert not share_key("Egor", "Igor")
    assert not share_key("Яна", "Анна")


def test_turkic_case_fold_has_no_combining_dot() -> None:
    assert fold_case("İLYAS") == "ilyas"
    assert fold_case("ılyas") == "ilyas"


def test_nested_quotes_of_every_kind() -> None:
    words = quote_depths(fold_case("АО «НК «ҚазМұнайГаз»»"))
    assert [w for w, _, _ in words] == ["ао", "нк", "қазмұнайгаз"]
    assert [d for _, d, _ in words] == [0, 1, 2]
    for text in ['ТОО "Альфа"', "ТОО „Альфа“", "ТОО “Альфа”", "ТОО «Альфа»", "ТОО 'Альфа'"]:
        assert normalise_name(text, "Organization") == "альфа", text


def test_name_keys_are_order_free_and_cross_script() -> None:
    assert set(name_keys("Тоқаев Қасым-Жомарт")) & set(name_keys("Kassym-Jomart Tokayev"))
    assert set(name_keys("Ўткир Ҳошимов")) & set(name_keys("Oʻtkir Hoshimov"))
    assert name_keys("") == []


@pytest.mark.parametrize(
    "spellings",
    [
        ("Ёлкин", "Elkin", "Yolkin", "Iolkin", "Елкин"),  # ICAO e, yo, io; Russian text writes Е
        ("Ёлкина", "Elkina", "Yolkina"),
        ("Ёжиков", "Ezhikov", "Yozhikov"),
        ("Ёршов", "Ershov", "Yorshov"),
    ],
)
def test_a_russian_initial_yo_reads_e_yo_or_io(spellings: tuple[str, ...]) -> None:
    assert share_key(*spellings), [keys_of(s) for s in spellings]


@pytest.mark.parametrize(
    ("native", "other"),
    [("Ёрқин", "Erkin"), ("Ёркин", "Erkin"), ("Ёдгоров", "Edgorov"), ("Ёкубов", "Ekubov"), ("Ёлдошев", "Eldoshev")],
)
def test_an_uzbek_initial_yo_stays_yo(native: str, other: str) -> None:
    assert not share_key(native, other)
