"""Birth date and sex read from a person's IIN or PINFL, and what a conflicting date does to a score.

The numbers are built here from shared/domain/identifiers.md (positions, century/sex digit, check
digits), independently of the decoder in senim.core.identifiers that the engine reuses.
"""

from __future__ import annotations

from datetime import date

from hypothesis import assume, given
from hypothesis import strategies as st

from senim.screening.engine import DEFAULT_THRESHOLD, Index, Query, Record, score_pair
from senim.screening.engine.identifiers import KZ_BIN_IIN, UZ_PINFL, birth_details

births = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
sexes = st.sampled_from(["m", "f"])


def century_digit(born: date, sex: str) -> str:
    # identifiers.md: 1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd = male.
    return str(1 + 2 * ((born.year - 1800) // 100) + (0 if sex == "m" else 1))


def kz_check(eleven: str) -> int | None:
    digits = [int(c) for c in eleven]
    c = sum(w * d for w, d in zip(range(1, 12), digits, strict=True)) % 11
    if c == 10:
        c = sum(w * d for w, d in zip((3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), digits, strict=True)) % 11
        if c == 10:
            return None
    return c


def iin(born: date, sex: str, serial: int) -> str | None:
    eleven = f"{born:%y%m%d}{century_digit(born, sex)}{serial:04d}"
    check = kz_check(eleven)
    return None if check is None else eleven + str(check)


def pinfl(born: date, sex: str, district: int, serial: int) -> str:
    thirteen = f"{century_digit(born, sex)}{born:%d%m%y}{district:03d}{serial:03d}"
    weights = (7, 3, 1) * 4 + (7,)
    return thirteen + str(sum(w * int(c) for w, c in zip(weights, thirteen, strict=True)) % 10)


@given(births, sexes, st.integers(0, 9999))
def test_an_iin_tells_its_birth_date_and_sex(born: date, sex: str, serial: int) -> None:
    number = iin(born, sex, serial)
    assume(number is not None)
    assert birth_details(KZ_BIN_IIN, number) == ((born.year, born.month, born.day), sex, "iin")


@given(births, sexes, st.integers(1, 999), st.integers(1, 999))
def test_a_pinfl_tells_its_birth_date_and_sex(born: date, sex: str, district: int, serial: int) -> None:
    number = pinfl(born, sex, district, serial)
    assert birth_details(UZ_PINFL, number) == ((born.year, born.month, born.day), sex, "pinfl")


@given(births, sexes, st.integers(1, 999), st.integers(1, 999), st.integers(1, 9))
def test_a_pinfl_with_a_wrong_check_digit_tells_nothing(
    born: date, sex: str, district: int, serial: int, shift: int
) -> None:
    number = pinfl(born, sex, district, serial)
    typo = number[:13] + str((int(number[13]) + shift) % 10)
    assert birth_details(UZ_PINFL, typo) is None


@given(births, sexes, st.integers(0, 9999), st.integers(1, 9))
def test_an_iin_with_a_wrong_check_digit_tells_nothing(born: date, sex: str, serial: int, shift: int) -> None:
    number = iin(born, sex, serial)
    assume(number is not None)
    typo = number[:11] + str((int(number[11]) + shift) % 10)
    assert birth_details(KZ_BIN_IIN, typo) is None


def test_a_bin_is_an_organisation_and_tells_no_birth_date() -> None:
    assert birth_details(KZ_BIN_IIN, "940140000385") is None  # valid BIN from identifiers.md
    assert birth_details(KZ_BIN_IIN, "871008401427") == ((1987, 10, 8), "f", "iin")  # its IIN vector


def test_a_subject_whose_iin_says_1989_is_no_longer_a_full_match_for_an_entry_born_1974() -> None:
    subject = Query(names=["Ахметов Серик"], identifiers=[iin(date(1989, 2, 19), "m", 17) or ""])
    listed = Record(id="r", schema="Person", names=["Akhmetov Serik"], birth_dates=["1974"])
    hit = score_pair(subject, listed)
    assert score_pair(Query(names=["Ахметов Серик"]), listed).score == 1.0
    assert hit.score < DEFAULT_THRESHOLD
    (qualifier,) = hit.explanation.qualifiers
    assert qualifier.code == "birth_other_year"
    assert dict(qualifier.params) == {"query": "1989", "record": "1974", "query_source": "iin"}
    assert any("from its IIN" in line for line in hit.explanation.lines())


def test_the_same_birth_date_read_from_an_iin_raises_the_score() -> None:
    subject = Query(names=["Ахметов Серик"], identifiers=[iin(date(1974, 5, 3), "m", 4) or ""])
    listed = Record(id="r", schema="Person", names=["Akhmetov Serikbol"], birth_dates=["1974-05-03"])
    plain = score_pair(Query(names=["Ахметов Серик"]), listed).score
    assert score_pair(subject, listed).score > plain


def test_a_list_entrys_pinfl_gives_its_date_and_sex_through_the_index() -> None:
    listed = Record(
        id="r", schema="Person", names=["Karimova Gulnora"], identifiers=[pinfl(date(1974, 3, 1), "f", 26, 5)]
    )
    index = Index.build([listed])
    (born_1974,) = index.search(Query(names=["Каримова Гульнора"], birth_dates=["1974"]))
    assert born_1974.score == 1.0
    assert dict(born_1974.explanation.qualifiers[0].params)["record_source"] == "pinfl"
    assert not index.search(Query(names=["Каримова Гульнора"], birth_dates=["1990-01-01"]))
    (as_man,) = index.search(Query(names=["Каримова Гульнора"], gender="male"), threshold=0.0)
    assert [q.code for q in as_man.explanation.qualifiers] == ["gender_other"]
    assert as_man.score == score_pair(Query(names=["Каримова Гульнора"], gender="male"), listed).score


def test_a_given_gender_wins_over_the_identifiers() -> None:
    subject = Query(names=["Ахметов Серик"], gender="female", identifiers=[iin(date(1980, 1, 1), "m", 9) or ""])
    listed = Record(id="r", schema="Person", names=["Akhmetov Serik"], gender="female")
    assert not [q for q in score_pair(subject, listed).explanation.qualifiers if q.factor == "gender"]


def test_organisations_read_no_birth_date_from_identifiers() -> None:
    company = Query(names=["ТОО «Алтын Кен»"], schema="Organization", identifiers=["871008401427"])
    listed = Record(id="r", schema="Company", names=["Altyn Ken LLP"], birth_dates=["1950"])
    assert not [q for q in score_pair(company, listed).explanation.qualifiers if q.factor == "birth_date"]
