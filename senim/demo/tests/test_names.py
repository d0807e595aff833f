"""Seeded demo people: reproducible, plausible, and with identifiers that validate (pure)."""

import dataclasses
import re
from collections import Counter
from datetime import date

import pytest

from senim.core.identifiers import validate_iin, validate_pinfl
from senim.core.translit import OKINA, TUTUQ, to_uzbek_latin
from senim.demo import names
from senim.demo.names import REFERENCE_DATE, PersonGenerator

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.fixture(scope="module")
def people():
    generator = PersonGenerator(seed=2026)
    return [generator.person() for _ in range(2_000)]


def age_on_reference_date(birth_date: date) -> int:
    before_birthday = (REFERENCE_DATE.month, REFERENCE_DATE.day) < (birth_date.month, birth_date.day)
    return REFERENCE_DATE.year - birth_date.year - before_birthday


def test_the_same_seed_gives_the_same_people():
    first, second = PersonGenerator(7), PersonGenerator(7)
    assert [first.person() for _ in range(50)] == [second.person() for _ in range(50)]


def test_different_seeds_give_different_people():
    assert [PersonGenerator(1).person() for _ in range(5)] != [PersonGenerator(2).person() for _ in range(5)]


def test_people_are_frozen():
    person = PersonGenerator(1).person()
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.surname = "Иванов"  # type: ignore[misc]


def test_staff_in_kazakhstan_have_an_iin_matching_birth_date_and_sex(people):
    for person in (p for p in people if p.country == "KZ"):
        info = validate_iin(person.iin)
        assert (info.birth_date, info.sex, person.pinfl) == (person.birth_date, person.sex, None)


def test_staff_in_uzbekistan_have_a_pinfl_matching_birth_date_and_sex(people):
    for person in (p for p in people if p.country == "UZ"):
        info = validate_pinfl(person.pinfl)
        assert (info.birth_date, info.sex, person.iin) == (person.birth_date, person.sex, None)


def test_identifiers_never_repeat(people):
    numbers = [p.iin or p.pinfl for p in people]
    assert len(set(numbers)) == len(numbers)


def test_everyone_is_aged_20_to_64_on_the_reference_date(people):
    ages = [age_on_reference_date(p.birth_date) for p in people]
    assert min(ages) >= 20 and max(ages) <= 64


def test_latin_fields_hold_ascii_or_uzbek_latin_only(people):
    for person in people:
        latin = person.surname_latin + person.given_name_latin + person.patronymic_latin
        assert all(char.isascii() or char in (OKINA, TUTUQ) for char in latin), person


def test_cyrillic_fields_hold_cyrillic_names(people):
    for person in people:
        for name in (person.surname, person.given_name, person.patronymic):
            assert not name or CYRILLIC.search(name), person
            assert not re.search("[A-Za-z]", name), person


def test_uzbek_names_read_back_from_cyrillic_to_their_latin_form(people):
    for person in (p for p in people if p.nationality == "uz"):
        assert to_uzbek_latin(person.full_name) == person.full_name_latin


def test_women_carry_the_female_forms_of_surnames_and_patronymics(people):
    for person in people:
        if person.sex == "F" and person.surname.endswith(("в", "н")):
            pytest.fail(f"male surname form for a woman: {person}")
        if person.sex == "F" and person.patronymic.endswith(("вич", "ұлы", "ич", "ogʻli")):
            pytest.fail(f"male patronymic for a woman: {person}")


@pytest.mark.parametrize("nationality", ["kz", "ru", "uz"])
def test_a_requested_nationality_is_honoured(nationality):
    generator = PersonGenerator(3)
    assert {generator.person(nationality).nationality for _ in range(20)} == {nationality}


def test_patronymic_styles_follow_the_custom_of_each_nationality(people):
    styles: Counter[tuple[str, str]] = Counter()
    for person in people:
        patronymic = person.patronymic
        style = (
            "none" if not patronymic
            else "native" if patronymic.endswith(("ұлы", "қызы", "ўғли", "қизи"))
            else "russian" if patronymic.endswith(("ич", "на"))
            else "other"
        )  # fmt: skip
        styles[person.nationality, style] += 1
    assert styles["ru", "native"] == styles["ru", "none"] == 0
    assert styles["kz", "russian"] > styles["kz", "native"] > 0 and styles["kz", "none"] > 0
    assert styles["uz", "russian"] > 0 and styles["uz", "native"] > 0 and styles["uz", "none"] == 0
    assert sum(count for (_, style), count in styles.items() if style == "other") == 0


@pytest.mark.parametrize(
    "father,son,daughter",
    [
        ("Иван", "Иванович", "Ивановна"),
        ("Сергей", "Сергеевич", "Сергеевна"),
        ("Николай", "Николаевич", "Николаевна"),
        ("Василий", "Васильевич", "Васильевна"),
        ("Дмитрий", "Дмитриевич", "Дмитриевна"),
        ("Игорь", "Игоревич", "Игоревна"),
        ("Илья", "Ильич", "Ильинична"),
        ("Михаил", "Михайлович", "Михайловна"),
        ("Нұрлан", "Нұрланович", "Нұрлановна"),
        ("Қуаныш", "Қуанышевич", "Қуанышевна"),
        ("Абай", "Абаевич", "Абаевна"),
    ],
)
def test_russian_style_patronymics_are_formed_by_russian_rules(father, son, daughter):
    assert names._cyrillic_patronymic(father, "M") == son
    assert names._cyrillic_patronymic(father, "F") == daughter


@pytest.mark.parametrize(
    "surname,female",
    [("Иванов", "Иванова"), ("Сәрсенбаев", "Сәрсенбаева"), ("Ильин", "Ильина"), ("Покровский", "Покровская"),
     ("Aliyev", "Aliyeva"), ("Karimov", "Karimova")],
)  # fmt: skip
def test_surnames_take_their_female_form(surname, female):
    assert names._feminine_surname(surname) == female


def test_name_lists_are_large_enough_and_free_of_duplicates():
    lists = {
        "kz": (names._KZ_MALE, names._KZ_FEMALE),
        "ru": (names._RU_MALE, names._RU_FEMALE),
        "uz": (names._UZ_MALE, names._UZ_FEMALE),
    }
    for male, female in lists.values():
        assert len(male) >= 80 and len(female) >= 80
    surnames = names._KZ_SURNAMES + names._RU_SURNAMES + names._UZ_SURNAMES
    assert len(surnames) >= 150
    for listed in (*(name for pair in lists.values() for name in pair), surnames):
        assert len(set(listed)) == len(listed)


def test_two_thousand_people_can_be_generated(people):
    assert len(people) == 2_000


@pytest.mark.parametrize("country,field", [("KZ", "iin"), ("UZ", "pinfl")])
def test_the_country_of_work_decides_the_identifier(country, field):
    generator = PersonGenerator(5)
    for nationality in ("kz", "ru", "uz"):
        person = generator.person(nationality, country=country)
        assert person.country == country and getattr(person, field)
