"""Cyrillic <-> Latin transliteration of Kazakh, Russian and Uzbek names (pure)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from senim.core.translit import (
    OKINA,
    TUTUQ,
    to_latin,
    to_uzbek_cyrillic,
    to_uzbek_latin,
)

CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһўҳ"


@pytest.mark.parametrize(
    "cyrillic,latin",
    [
        ("Жұмабеков", "Zhumabekov"),
        ("ЩЕРБАКОВ", "SHCHERBAKOV"),
        ("Щербаков", "Shcherbakov"),
        ("жұмабеков", "zhumabekov"),
        ("Нұрсұлтан Әбішұлы Назарбаев", "Nursultan Abishuly Nazarbaev"),
        ("Қасым-Жомарт Кемелұлы Тоқаев", "Kasym-Zhomart Kemeluly Tokaev"),
        ("Айгүл Сәрсенбаева", "Aigul Sarsenbaeva"),
        ("Ғалым Өмірзақов", "Galym Omirzakov"),
        ("Жансая Қоңыратбаева", "Zhansaia Konyratbaeva"),
        ("Һади", "Hadi"),
        ("Юлия Ёлкина", "Iuliia Elkina"),
        ("Наталья Кузнецова", "Natalia Kuznetsova"),
        ("Объект", "Obieekt"),
        ("Ўткир Ҳошимов", "Otkir Khoshimov"),
        ("Цой Чингиз", "Tsoi Chingiz"),
    ],
)
def test_names_are_romanised_as_in_passports(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_initials_follow_the_case_of_the_surrounding_text():
    assert to_latin("ЖҰМАБЕКОВ Ж.") == "ZHUMABEKOV ZH."
    assert to_latin("Жұмабеков Ж. Ш.") == "Zhumabekov Zh. Sh."
    assert to_latin("Ж. Ш.") == "Zh. Sh."


def test_kazakh_look_alikes_are_romanised_like_the_letters_they_imitate():
    assert to_latin("Əсел") == to_latin("Әсел") == "Asel"
    assert to_latin("Ѳмір") == "Omir"


@pytest.mark.parametrize(
    "cyrillic,latin",
    [
        ("Ўткир Ҳошимов", f"O{OKINA}tkir Hoshimov"),
        ("Ғафур Ғулом", f"G{OKINA}afur G{OKINA}ulom"),
        ("Шерзод ўғли", f"Sherzod o{OKINA}g{OKINA}li"),
        ("Раҳимова Дилноза", "Rahimova Dilnoza"),
        ("Холматов", "Xolmatov"),
        ("Ерғаш", f"Yerg{OKINA}ash"),
        ("Алиев", "Aliyev"),
        ("Элёр", "Elyor"),
        ("Дониёр", "Doniyor"),
        ("Йўлдош", f"Yo{OKINA}ldosh"),
        ("Исҳоқ", f"Is{TUTUQ}hoq"),
        ("Маъруф", f"Ma{TUTUQ}ruf"),
        ("Съезд", "Syezd"),
        ("Цех", "Sex"),
        ("Милиция", "Militsiya"),
        ("ЕРГАШ ЁҚУБОВ", "YERGASH YOQUBOV"),
        ("ЎЗБЕКИСТОН", f"O{OKINA}ZBEKISTON"),
    ],
)
def test_uzbek_cyrillic_is_written_in_official_uzbek_latin(cyrillic, latin):
    assert to_uzbek_latin(cyrillic) == latin


@pytest.mark.parametrize("spelling", ["O'zbekiston", "O`zbekiston", "O‘zbekiston", "O’zbekiston", "Oʻzbekiston"])
def test_every_apostrophe_reads_as_the_okina_after_o_and_g(spelling):
    assert to_uzbek_cyrillic(spelling) == "Ўзбекистон"


@pytest.mark.parametrize(
    "latin,cyrillic",
    [
        ("Is'hoq", "Исҳоқ"),
        ("Ma'ruf", "Маъруф"),
        ("Yoʻldosh", "Йўлдош"),
        ("Elyor", "Элёр"),
        ("Yelena", "Елена"),
        ("Ulugʻbek oʻgʻli", "Улуғбек ўғли"),
        ("Gulnora qizi", "Гулнора қизи"),
        ("XOLMATOV", "ХОЛМАТОВ"),
    ],
)
def test_uzbek_latin_is_written_in_uzbek_cyrillic(latin, cyrillic):
    assert to_uzbek_cyrillic(latin) == cyrillic


UZBEK_LATIN_NAMES = [
    f"O{OKINA}tkir", f"G{OKINA}ayrat", "Xolmatov", "Sherzodovich", "Dilnoza", "Aliyeva",
    f"Is{TUTUQ}hoq", "Elyor", f"Yo{OKINA}ldosh", "Doniyor",
]  # fmt: skip


@pytest.mark.parametrize("name", UZBEK_LATIN_NAMES)
def test_uzbek_latin_names_survive_a_round_trip_through_cyrillic(name):
    assert to_uzbek_latin(to_uzbek_cyrillic(name)) == name


@given(st.text())
def test_arbitrary_unicode_never_crashes(text):
    for transliterate in (to_latin, to_uzbek_latin, to_uzbek_cyrillic):
        assert isinstance(transliterate(text), str)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_passes_through_unchanged(text):
    assert to_latin(text) == text
    assert to_uzbek_latin(text) == text


@given(st.text(alphabet=st.sampled_from(CYRILLIC_LETTERS + CYRILLIC_LETTERS.upper() + " -.")))
def test_passport_romanisation_of_cyrillic_is_plain_ascii(text):
    assert to_latin(text).isascii()


@given(st.text(alphabet=st.sampled_from(CYRILLIC_LETTERS + CYRILLIC_LETTERS.upper() + " -.")))
def test_uzbek_latin_holds_no_cyrillic(text):
    assert all(char.isascii() or char in (OKINA, TUTUQ) for char in to_uzbek_latin(text))
