"""Seeded generator of synthetic watchlists and labelled queries (Kazakh, Russian, Uzbek, English).

Entities are persons and organisations, each listed under one to three spellings (native script
plus aliases in other scripts/romanisations). Queries are labelled:

* ``variant``: the same entity written another way (another script or romanisation, typo, missing
  patronymic, swapped order, legal form in another language, nested quotes, Uzbek apostrophes);
* ``hard_negative``: a different person or company close to a listed one (near-namesake surname
  such as Азимов/Alimov, same surname with another given name, father/son with another patronymic
  and birth year, «Альфа» vs «Альфа Плюс», the same name with a conflicting identifier);
* ``clean``: a name built from the same lists that is not on the list.

Two query splits are drawn from disjoint entities: ``dev`` (for tuning) and ``eval`` (reported).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.screening import names_data as nd
from bench.screening import romanise as rz

ENGLISH_MALE = [g for g, _ in nd.ENGLISH_GIVEN[:24] + nd.ENGLISH_GIVEN[38:]]
ENGLISH_FEMALE = [g for g, _ in nd.ENGLISH_GIVEN[24:38]]
_QUOTES = [("«", "»"), ('"', '"'), ("„", "“"), ("“", "”"), ("'", "'")]


@dataclass
class Person:
    culture: str  # kz | ru | uz | en
    female: bool
    surname: str  # native spelling (kz: Kazakh Cyrillic, ru: Russian, uz: Uzbek Latin, en: English)
    given: str
    father: str | None
    birth: str | None = None
    country: str | None = None
    identifier: str | None = None

    def identity(self) -> tuple:
        if self.culture == "en":
            # Given and middle names can swap places in free-order matching: one identity.
            return ("P", self.culture, self.surname, frozenset((self.given, self.father)))
        return ("P", self.culture, self.surname, self.given, self.father)

    def short_identity(self) -> tuple:
        """Who the name points to without the patronymic (or English middle name)."""
        return ("P", self.culture, self.surname, self.given)


@dataclass
class Company:
    country: str  # kz | uz
    stem: int
    word: int | None
    extra: int | None
    form: str  # limited_liability | jsc | national_company
    identifier: str | None = None
    place: int | None = None

    def identity(self) -> tuple:
        return ("O", self.stem, self.place, self.word, self.extra)


@dataclass
class World:
    """The name pools, with surname near-neighbours precomputed."""

    kz_surnames: list[str] = field(default_factory=list)
    near: dict[str, list[str]] = field(default_factory=dict)


def _kazakh_surname(stem: str, female: bool) -> str:
    base = stem[:-1] + "ев" if stem.endswith("й") else stem + ("ев" if stem[-1] in "аеәіи" else "ов")
    return base + ("а" if female else "")


def _feminine(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ин", "ёв", "ov", "ev", "yev")):
        return surname + ("a" if surname[-1].isascii() else "а")
    return surname


def _patronymic_ru(father: str, female: bool, russian: bool = False) -> str:
    """Russian-style patronymic: Сергей → Сергеевич, Илья → Ильич, Зейнолла → Зейноллаевич."""
    father = father.translate(rz.KAZAKH_TO_RUSSIAN).translate(rz.UZBEK_CYR_TO_RUSSIAN)
    father = father.replace("ё", "е").replace("Ё", "Е")  # Пётр → Петрович
    if father.endswith("й"):
        stem, suffix = father[:-1], ("евна" if female else "евич")
    elif russian and father[-1] in "ая":
        stem, suffix = father[:-1], ("ична" if female else "ич")
    elif father[-1] in "аоуеи":
        stem, suffix = father, ("евна" if female else "евич")
    else:
        stem, suffix = father, ("овна" if female else "ович")
    return stem + suffix


def _patronymic_uz_latin_ru(father: str, female: bool) -> str:
    return father.replace("ʻ", "") + ("ovna" if female else "ovich")


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def make_world() -> World:
    world = World()
    world.kz_surnames = [_kazakh_surname(s, False) for s in nd.KAZAKH_SURNAME_STEMS] + [a for a, _ in nd.KAZAKH_NEAR]
    pools = [world.kz_surnames, nd.RUSSIAN_SURNAMES, nd.UZBEK_SURNAMES, [s for s, _ in nd.ENGLISH_SURNAMES]]
    for pool in pools:
        for a in pool:
            near = [b for b in pool if b != a and _levenshtein(a.lower(), b.lower()) <= 2 and abs(len(a) - len(b)) <= 2]
            if near:
                world.near[a] = near
    for pairs in (nd.KAZAKH_NEAR, nd.RUSSIAN_NEAR, nd.UZBEK_NEAR, nd.ENGLISH_NEAR):
        for a, b in pairs:
            world.near.setdefault(a, []).append(b)
    return world


# --------------------------------------------------------------------------- identifiers
def _iin_check(digits: str) -> int | None:
    weights1 = range(1, 12)
    weights2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
    check = sum(int(d) * w for d, w in zip(digits, weights1, strict=True)) % 11
    if check == 10:
        check = sum(int(d) * w for d, w in zip(digits, weights2, strict=True)) % 11
        if check == 10:
            return None
    return check


def make_iin(rng: random.Random, birth: str, female: bool) -> str:
    year, month, day = birth.split("-")
    century = (3 if int(year) < 2000 else 5) + (1 if female else 0)
    while True:
        body = f"{year[2:]}{month}{day}{century}{rng.randrange(10000):04d}"
        check = _iin_check(body)
        if check is not None:
            return body + str(check)


def make_bin(rng: random.Random) -> str:
    while True:
        body = f"{rng.randrange(95, 125) % 100:02d}{rng.randrange(1, 13):02d}40{rng.randrange(100000):05d}"
        check = _iin_check(body)
        if check is not None:
            return body + str(check)


def make_pinfl(rng: random.Random, birth: str, female: bool) -> str:
    year, month, day = birth.split("-")
    century = (3 if int(year) < 2000 else 5) + (1 if female else 0)
    body = f"{century}{day}{month}{year[2:]}{rng.randrange(100, 1000)}{rng.randrange(1, 1000):03d}"
    weights = [7, 3, 1] * 5
    check = sum(int(d) * w for d, w in zip(body, weights, strict=False)) % 10
    return body + str(check)


def make_stir(rng: random.Random, company: bool) -> str:
    first = rng.choice("23") if company else rng.choice("4567")
    return first + f"{rng.randrange(10**8):08d}"


# --------------------------------------------------------------------------- entities
def random_person(rng: random.Random, world: World) -> Person:
    culture = rng.choices(["kz", "ru", "uz", "en"], weights=[38, 28, 30, 4])[0]
    female = rng.random() < 0.4
    if culture == "kz":
        stem_surname = rng.choice(world.kz_surnames)
        surname = stem_surname + "а" if female else stem_surname
        given = rng.choice(nd.KAZAKH_FEMALE if female else nd.KAZAKH_MALE)
        father = rng.choice(nd.KAZAKH_MALE)
    elif culture == "ru":
        base = rng.choice(nd.RUSSIAN_SURNAMES)
        surname = _feminine(base) if female else base
        given = rng.choice(nd.RUSSIAN_FEMALE if female else nd.RUSSIAN_MALE)
        father = rng.choice(nd.RUSSIAN_MALE)
    elif culture == "uz":
        base = rng.choice(nd.UZBEK_SURNAMES)
        surname = _feminine(base) if female else base
        given = rng.choice(nd.UZBEK_FEMALE if female else nd.UZBEK_MALE)
        father = rng.choice(nd.UZBEK_MALE)
    else:
        surname = rng.choice(nd.ENGLISH_SURNAMES)[0]
        given = rng.choice(ENGLISH_FEMALE if female else ENGLISH_MALE)
        father = rng.choice(ENGLISH_MALE + ENGLISH_FEMALE)  # used as an English middle name
    person = Person(culture, female, surname, given, father)
    if rng.random() < 0.85:
        birth = f"{rng.randrange(1945, 2004)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        person.birth = birth if rng.random() < 0.85 else birth[:4]
    if rng.random() < 0.7:
        person.country = {"kz": "kz", "ru": "ru", "uz": "uz", "en": rng.choice(["gb", "us"])}[culture]
    if person.birth and len(person.birth) == 10 and rng.random() < 0.5:
        if culture == "kz":
            person.identifier = make_iin(rng, person.birth, female)
        elif culture == "uz":
            person.identifier = make_pinfl(rng, person.birth, female)
    return person


def random_company(rng: random.Random) -> Company:
    country = rng.choice(["kz", "kz", "uz"])
    word = rng.randrange(len(nd.COMPANY_WORDS)) if rng.random() < 0.75 else None
    extra = rng.randrange(len(nd.COMPANY_EXTRA)) if rng.random() < 0.2 else None
    form = rng.choices(["limited_liability", "jsc", "national_company"], weights=[75, 22, 3])[0]
    company = Company(country, rng.randrange(len(nd.COMPANY_STEMS)), word, extra, form)
    if rng.random() < 0.5:
        company.place = rng.randrange(len(nd.COMPANY_PLACES))
    if rng.random() < 0.5:
        company.identifier = make_bin(rng) if country == "kz" else make_stir(rng, True)
    return company


# --------------------------------------------------------------------------- rendering
PERSON_SYSTEMS = {
    "kz": ["kk_cyr", "ru_cyr", "icao", "old", "bgn", "kz2021", "kz2018", "kz2017", "english"],
    "ru": ["ru_cyr", "icao", "old", "english"],
    "uz": ["uz_lat", "uz_cyr", "ru_cyr", "uz_lat_ru", "english"],
    "en": ["english", "ru_cyr", "upper"],
}
COMPANY_SYSTEMS = {"kz": ["ru_cyr", "kk_cyr", "english", "ru_full"], "uz": ["uz_lat", "uz_cyr", "ru_cyr", "english"]}


def person_parts(p: Person, system: str) -> tuple[str, str, str | None]:
    """(surname, given, patronymic or None) as written in ``system``."""
    if p.culture == "kz":
        native_patronymic = p.father + ("қызы" if p.female else "ұлы")
        russian = (
            p.surname.translate(rz.KAZAKH_TO_RUSSIAN),
            p.given.translate(rz.KAZAKH_TO_RUSSIAN),
            _patronymic_ru(p.father, p.female),
        )
        if system == "kk_cyr":
            return p.surname, p.given, native_patronymic
        if system == "ru_cyr":
            return russian
        if system == "icao":
            return rz.icao(russian[0]), rz.icao(russian[1]), rz.icao(russian[2])
        if system == "old":
            return rz.old_passport(russian[0]), rz.old_passport(russian[1]), rz.old_passport(russian[2])
        if system == "bgn":
            return rz.bgn_kazakh(p.surname), rz.bgn_kazakh(p.given), rz.bgn_kazakh(native_patronymic)
        if system in ("kz2021", "kz2018", "kz2017"):
            f = {"kz2021": rz.kazakh_2021, "kz2018": rz.kazakh_2018, "kz2017": rz.kazakh_2017}[system]
            return f(p.surname), f(p.given), f(native_patronymic)
        rng = random.Random(hash(p.identity()) & 0xFFFF)
        return rz.english_style(russian[0], rng), rz.english_style(russian[1], rng), None
    if p.culture == "ru":
        patronymic = _patronymic_ru(p.father, p.female, russian=True)
        if system == "ru_cyr":
            return p.surname, p.given, patronymic
        if system == "icao":
            return rz.icao(p.surname), rz.icao(p.given), rz.icao(patronymic)
        return (
            rz.old_passport(p.surname),
            rz.old_passport(p.given),
            (rz.old_passport(patronymic) if system == "old" else None),
        )
    if p.culture == "uz":
        latin_patronymic = p.father + (" qizi" if p.female else " oʻgʻli")
        if system == "uz_lat":
            return p.surname, p.given, latin_patronymic
        cyr = (
            rz.uzbek_latin_to_cyrillic(p.surname),
            rz.uzbek_latin_to_cyrillic(p.given),
            rz.uzbek_latin_to_cyrillic(latin_patronymic),
        )
        if system == "uz_cyr":
            return cyr
        if system == "ru_cyr":
            father = rz.uzbek_latin_to_cyrillic(p.father)
            return (
                cyr[0].translate(rz.UZBEK_CYR_TO_RUSSIAN),
                cyr[1].translate(rz.UZBEK_CYR_TO_RUSSIAN),
                _patronymic_ru(father, p.female),
            )
        if system == "uz_lat_ru":
            return p.surname.replace("ʻ", ""), p.given.replace("ʻ", ""), _patronymic_uz_latin_ru(p.father, p.female)
        ru = rz.uzbek_latin_to_cyrillic(p.surname).translate(rz.UZBEK_CYR_TO_RUSSIAN)
        given = rz.uzbek_latin_to_cyrillic(p.given).translate(rz.UZBEK_CYR_TO_RUSSIAN)
        return rz.old_passport(ru), rz.old_passport(given), None
    # English: the father field holds the middle name.
    russian = dict(nd.ENGLISH_GIVEN) | dict(nd.ENGLISH_SURNAMES)
    middle = p.father or ""
    if system == "ru_cyr":
        return russian.get(p.surname, p.surname), russian.get(p.given, p.given), russian.get(middle)
    if system == "upper":
        return p.surname.upper(), p.given.upper(), middle.upper() or None
    return p.surname, p.given, middle or None


def render_person(
    p: Person, system: str, rng: random.Random, *, swap: bool | None = None, drop_patronymic: bool = False
) -> str:
    surname, given, patronymic = person_parts(p, system)
    if drop_patronymic:
        patronymic = None
    if swap is None:
        swap = system in ("english", "upper") or p.culture == "en"
    if system == "upper":
        return f"{surname}, {given}" + (f" {patronymic}" if patronymic else "")
    if swap:
        parts = [given] + ([patronymic] if patronymic else []) + [surname]
    else:
        parts = [surname, given] + ([patronymic] if patronymic else [])
    text = " ".join(parts)
    if "ʻ" in text:
        text = rz.uzbek_latin_variant(text, rng)
    return text


_FORM_WORDS = {
    "limited_liability": {
        "ru_cyr": "ТОО",
        "kk_cyr": "ЖШС",
        "english": "LLP",
        "uz_lat": "MChJ",
        "uz_cyr": "МЧЖ",
        "ru_full": "Товарищество с ограниченной ответственностью",
    },
    "jsc": {
        "ru_cyr": "АО",
        "kk_cyr": "АҚ",
        "english": "JSC",
        "uz_lat": "AJ",
        "uz_cyr": "АЖ",
        "ru_full": "Акционерное общество",
    },
    "national_company": {
        "ru_cyr": "АО «НК",
        "kk_cyr": "АҚ «ҰК",
        "english": "JSC NC",
        "uz_lat": "AJ",
        "uz_cyr": "АЖ",
        "ru_full": "Акционерное общество «НК",
    },
}


def render_company(c: Company, system: str, rng: random.Random, *, with_form: bool = True) -> str:
    stem_cyr, stem_lat = nd.COMPANY_STEMS[c.stem]
    latin = system in ("english", "uz_lat")
    parts = [stem_lat if latin else stem_cyr]
    if system == "uz_cyr" and c.country == "uz" and any(ch in stem_lat for ch in "ʻqxQX"):
        parts = [rz.uzbek_latin_to_cyrillic(stem_lat)]  # an Uzbek stem: write it back in Cyrillic
    if c.place is not None:
        place_cyr, place_lat = nd.COMPANY_PLACES[c.place]
        parts.append(place_lat if latin else place_cyr)
    if c.word is not None:
        ru, en = nd.COMPANY_WORDS[c.word]
        parts.append(en if latin else ru)
    if c.extra is not None:
        ru, en = nd.COMPANY_EXTRA[c.extra]
        parts.append(en if latin else ru)
    name = " ".join(parts)
    if not with_form:
        return name
    form = _FORM_WORDS[c.form][system]
    if system == "english":
        return f"{name} {form}" if rng.random() < 0.7 else f"{form} {name}"
    if system in ("uz_lat",):
        return f'"{name}" {form}'
    if form.endswith("«НК") or form.endswith("«ҰК"):
        return f"{form} «{name}»»"
    opening, closing = rng.choice(_QUOTES[:4])
    return f"{form} {opening}{name}{closing}"


# --------------------------------------------------------------------------- perturbations
_CYR_NEIGHBOURS = "йцукенгшщзхфывапролджэячсмитьбю"
_LAT_NEIGHBOURS = "qwertyuiopasdfghjklzxcvbnm"


def typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not candidates:
        return text
    index = rng.choice(candidates)
    word = words[index]
    position = rng.randrange(1, len(word) - 1)
    alphabet = _CYR_NEIGHBOURS if any("а" <= ch.lower() <= "я" for ch in word) else _LAT_NEIGHBOURS
    kind = rng.choice(["substitute", "delete", "insert", "transpose"])
    if kind == "substitute":
        word = word[:position] + rng.choice(alphabet) + word[position + 1 :]
    elif kind == "delete":
        word = word[:position] + word[position + 1 :]
    elif kind == "insert":
        word = word[:position] + rng.choice(alphabet) + word[position:]
    else:
        word = word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    words[index] = word
    return " ".join(words)


# --------------------------------------------------------------------------- the list
def entity_record(number: int, entity: Person | Company, rng: random.Random) -> dict:
    if isinstance(entity, Person):
        systems = PERSON_SYSTEMS[entity.culture]
        native = systems[0]
        chosen = [native, *rng.sample(systems[1:], k=rng.choice([0, 1, 1, 2]))]
        names = list(dict.fromkeys(render_person(entity, s, rng, swap=False if s == native else None) for s in chosen))
        return {
            "id": f"e{number}",
            "schema": "Person",
            "names": names,
            "identifiers": [entity.identifier] if entity.identifier else [],
            "birth_dates": [entity.birth] if entity.birth else [],
            "countries": [entity.country] if entity.country else [],
            "gender": "f" if entity.female else "m",
            "_systems": chosen,
        }
    native = COMPANY_SYSTEMS[entity.country][0]
    others = COMPANY_SYSTEMS[entity.country][1:]
    chosen = [native, *rng.sample(others, k=rng.choice([0, 1, 1, 2]))]
    names = list(dict.fromkeys(render_company(entity, s, rng) for s in chosen))
    return {
        "id": f"e{number}",
        "schema": "Organization",
        "names": names,
        "identifiers": [entity.identifier] if entity.identifier else [],
        "birth_dates": [],
        "countries": [entity.country],
        "gender": None,
        "_systems": chosen,
    }


def generate_entities(count: int, seed: int) -> Iterator[tuple[Person | Company, dict]]:
    rng = random.Random(seed)
    world = make_world()
    seen: set[tuple] = set()
    number = 0
    while number < count:
        entity: Person | Company = random_person(rng, world) if rng.random() < 0.72 else random_company(rng)
        if entity.identity() in seen:
            continue
        seen.add(entity.identity())
        yield entity, entity_record(number, entity, rng)
        number += 1


def _query_from_person(
    p: Person,
    rng: random.Random,
    avoid: list[str],
    *,
    label: str,
    entity_id: str | None,
    kind: str,
    allow_typo: bool,
    birth: str | None = None,
    identifier: str | None = None,
    may_drop: bool = True,
) -> dict:
    systems = PERSON_SYSTEMS[p.culture]
    if not may_drop and p.culture != "en":
        systems = [s for s in systems if s != "english"]  # English style has no patronymic
    fresh = [s for s in systems if s not in avoid] or systems
    system = rng.choice(fresh)
    # Without the patronymic the name must still point to one list entry (or to none, for
    # negatives); otherwise the label would be ambiguous.
    drop = may_drop and rng.random() < 0.3
    swap = rng.random() < 0.4
    text = render_person(p, system, rng, swap=swap, drop_patronymic=drop)
    variations = [system] + (["no_patronymic"] if drop else []) + (["swapped"] if swap else [])
    if allow_typo and rng.random() < 0.25:
        text = typo(text, rng)
        variations.append("typo")
    if rng.random() < 0.1:
        text = text.upper()
    query = {
        "names": [text],
        "schema": "Person",
        "label": label,
        "kind": kind,
        "entity": entity_id,
        "variations": variations,
        "identifiers": [],
        "birth_dates": [],
        "countries": [],
    }
    if birth:
        query["birth_dates"] = [birth]
    elif p.birth and rng.random() < 0.3:
        query["birth_dates"] = [p.birth if rng.random() < 0.6 else p.birth[:4]]
    if identifier:
        query["identifiers"] = [identifier]
    elif p.identifier and label == "variant" and rng.random() < 0.15:
        query["identifiers"] = [p.identifier]
    if p.country and rng.random() < 0.3:
        query["countries"] = [p.country]
    return query


def _query_from_company(
    c: Company,
    rng: random.Random,
    avoid: list[str],
    *,
    label: str,
    entity_id: str | None,
    kind: str,
    allow_typo: bool,
    identifier: str | None = None,
) -> dict:
    systems = COMPANY_SYSTEMS[c.country]
    fresh = [s for s in systems if s not in avoid] or systems
    system = rng.choice(fresh)
    with_form = rng.random() < 0.8
    text = render_company(c, system, rng, with_form=with_form)
    variations = [system] + ([] if with_form else ["no_legal_form"])
    if allow_typo and rng.random() < 0.15:
        text = typo(text, rng)
        variations.append("typo")
    query = {
        "names": [text],
        "schema": "Organization",
        "label": label,
        "kind": kind,
        "entity": entity_id,
        "variations": variations,
        "identifiers": [],
        "birth_dates": [],
        "countries": [],
    }
    if identifier:
        query["identifiers"] = [identifier]
    elif c.identifier and label == "variant" and rng.random() < 0.15:
        query["identifiers"] = [c.identifier]
    return query


def _hard_negative(
    entity: Person | Company,
    record: dict,
    rng: random.Random,
    world: World,
    seen: set[tuple],
    short_counts: Counter[tuple],
) -> dict | None:
    if isinstance(entity, Company):
        kind = rng.choice(["extra_word", "other_word", "id_conflict"])
        if kind == "extra_word":
            other = Company(
                entity.country,
                entity.stem,
                entity.word,
                rng.randrange(len(nd.COMPANY_EXTRA)) if entity.extra is None else None,
                entity.form,
                place=entity.place,
            )
        elif kind == "other_word":
            other = Company(
                entity.country,
                entity.stem,
                rng.randrange(len(nd.COMPANY_WORDS)),
                entity.extra,
                entity.form,
                place=entity.place,
            )
        else:
            if not entity.identifier:
                return None
            other = entity
        if kind != "id_conflict" and other.identity() in seen:
            return None
        identifier = None
        if kind == "id_conflict":
            identifier = make_bin(rng) if entity.country == "kz" else make_stir(rng, True)
            if identifier == entity.identifier:
                return None
        return _query_from_company(
            other, rng, [], label="hard_negative", entity_id=None, kind=kind, allow_typo=False, identifier=identifier
        )
    kind = rng.choice(["near_surname", "other_given", "father_son", "id_conflict"])
    other = Person(
        entity.culture, entity.female, entity.surname, entity.given, entity.father, None, entity.country, None
    )
    birth = None
    identifier = None
    if kind == "near_surname":
        base = entity.surname[:-1] if entity.female and entity.surname.endswith(("а", "a")) else entity.surname
        near = world.near.get(base)
        if not near:
            return None
        choice = rng.choice(near)
        other.surname = _feminine(choice) if entity.female and entity.culture != "en" else choice
    elif kind == "other_given":
        pool = {
            "kz": nd.KAZAKH_FEMALE if entity.female else nd.KAZAKH_MALE,
            "ru": nd.RUSSIAN_FEMALE if entity.female else nd.RUSSIAN_MALE,
            "uz": nd.UZBEK_FEMALE if entity.female else nd.UZBEK_MALE,
            "en": ENGLISH_FEMALE if entity.female else ENGLISH_MALE,
        }
        other.given = rng.choice([g for g in pool[entity.culture] if g not in (entity.given, entity.father)])
    elif kind == "father_son":
        if entity.culture == "en" or entity.female:
            return None
        pool = {"kz": nd.KAZAKH_MALE, "ru": nd.RUSSIAN_MALE, "uz": nd.UZBEK_MALE}[entity.culture]
        other.father = rng.choice([g for g in pool if g != entity.father])
        if entity.birth:
            year = int(entity.birth[:4]) + rng.choice([-1, 1]) * rng.randrange(22, 35)
            birth = f"{year}{entity.birth[4:]}"
    else:
        if not entity.identifier:
            return None
        identifier = (
            make_iin(rng, entity.birth, entity.female)
            if entity.culture == "kz"
            else make_pinfl(rng, entity.birth, entity.female)
        )
        if identifier == entity.identifier:
            return None
    if kind != "id_conflict" and other.identity() in seen:
        return None
    query = _query_from_person(
        other,
        rng,
        [],
        label="hard_negative",
        entity_id=None,
        kind=kind,
        allow_typo=False,
        birth=birth,
        identifier=identifier,
        may_drop=short_counts[other.short_identity()] == 0,
    )
    if kind == "father_son":
        # The son's (or father's) full patronymic is what tells them apart: keep it.
        query["names"] = [render_person(other, rng.choice(PERSON_SYSTEMS[other.culture][:3]), rng, swap=False)]
        query["variations"] = ["with_patronymic"]
    query["near_entity"] = record["id"]
    return query


def generate(count: int, seed: int, out_dir: Path, queries_per_split: tuple[int, int, int]) -> dict:
    """Write ``watchlist.jsonl`` and ``queries.json`` under ``out_dir``; return a summary."""
    out_dir.mkdir(parents=True, exist_ok=True)
    world = make_world()
    positives, negatives, cleans = queries_per_split
    # Sample the entities that queries are drawn from while streaming the list to disk.
    wanted = 2 * (positives + negatives) + 200
    stride = max(1, count // wanted)
    seen: set[tuple] = set()
    short_counts: Counter[tuple] = Counter()
    sampled: list[tuple[Person | Company, dict]] = []
    with open(out_dir / "watchlist.jsonl", "w", encoding="utf-8") as handle:
        for number, (entity, record) in enumerate(generate_entities(count, seed)):
            seen.add(entity.identity())
            if isinstance(entity, Person):
                short_counts[entity.short_identity()] += 1
            if number % stride == 0:
                sampled.append((entity, record))
            record = {k: v for k, v in record.items() if not k.startswith("_")}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    rng = random.Random(seed + 7)
    rng.shuffle(sampled)
    splits: dict[str, list[dict]] = {"dev": [], "eval": []}
    for split_index, split in enumerate(("dev", "eval")):
        pool = sampled[split_index::2]
        queries = splits[split]
        for entity, record in pool[:positives]:
            if isinstance(entity, Person):
                queries.append(
                    _query_from_person(
                        entity,
                        rng,
                        record["_systems"],
                        label="variant",
                        entity_id=record["id"],
                        kind="variant",
                        allow_typo=True,
                        may_drop=short_counts[entity.short_identity()] == 1,
                    )
                )
            else:
                queries.append(
                    _query_from_company(
                        entity,
                        rng,
                        record["_systems"],
                        label="variant",
                        entity_id=record["id"],
                        kind="variant",
                        allow_typo=True,
                    )
                )
        made = 0
        for entity, record in pool[positives:]:
            if made >= negatives:
                break
            query = _hard_negative(entity, record, rng, world, seen, short_counts)
            if query is not None:
                queries.append(query)
                made += 1
        made = 0
        while made < cleans:
            entity = random_person(rng, world) if rng.random() < 0.72 else random_company(rng)
            if entity.identity() in seen:
                continue
            seen.add(entity.identity())  # never reuse a clean name across splits
            if isinstance(entity, Person):
                query = _query_from_person(
                    entity,
                    rng,
                    [],
                    label="clean",
                    entity_id=None,
                    kind="clean",
                    allow_typo=False,
                    may_drop=short_counts[entity.short_identity()] == 0,
                )
            else:
                query = _query_from_company(
                    entity, rng, [], label="clean", entity_id=None, kind="clean", allow_typo=False
                )
            queries.append(query)
            made += 1
        for number, query in enumerate(queries):
            query["id"] = f"{split}-{number}"
    (out_dir / "queries.json").write_text(json.dumps(splits, ensure_ascii=False, indent=0), encoding="utf-8")
    return {"entities": count, "seed": seed, "queries": {k: len(v) for k, v in splits.items()}}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "sample")
    arguments = parser.parse_args()
    print(generate(arguments.entities, arguments.seed, arguments.out, (1000, 500, 500)))
