"""The engine's explanation reaches reviewers in their own language."""

from django.utils import translation

from senim.screening.engine import LEGAL_FORM_LABELS, Query, Record, score_pair
from senim.screening.templatetags.screening import _legal_form_labels, _qualifier_messages, qualifier_text


def _qualifiers(query: Query, record: Record) -> list[dict]:
    return score_pair(query, record).explanation.as_dict()["qualifiers"]


def test_every_qualifier_the_engine_gives_has_a_code_the_interface_translates():
    cases = [
        (
            Query(["Оспанов Ерлан"], birth_dates=["1980-05-01"], countries=["kz"], gender="male"),
            Record("1", "Person", ["Ospanov Yerlan"], birth_dates=["1981"], countries=["uz"], gender="female"),
        ),
        (
            Query(["Оспанов Ерлан"], birth_dates=["1980"], countries=["kz"]),
            Record("2", "Person", ["Ospanov Yerlan"], birth_dates=["1980-05-01"], countries=["kz"]),
        ),
        (Query(["ТОО «Алтын Кен»"], schema="Organization"), Record("3", "Company", ["Altyn Ken LLP"])),
        (Query(["ТОО «Алтын Кен»"], schema="Organization"), Record("4", "Company", ["АО «Алтын Кен»"])),
        (Query(["Алтын Кен"], schema="Person"), Record("5", "Company", ["Altyn Ken LLP"])),
    ]
    codes = {q["code"] for query, record in cases for q in _qualifiers(query, record)}
    assert {
        "birth_year_off_by_one",
        "country_other",
        "gender_other",
        "birth_same_year",
        "country_same",
        "legal_form_same",
        "legal_form_other",
        "schema_other",
    } <= codes
    assert codes <= set(_qualifier_messages())


def test_a_qualifier_reads_in_russian_with_its_values():
    query = Query(["Оспанов Ерлан"], countries=["kz"])
    record = Record("1", "Person", ["Ospanov Yerlan"], countries=["kz"])
    (country,) = _qualifiers(query, record)
    english = qualifier_text(country)
    with translation.override("ru"):
        russian = qualifier_text(country)
    assert english == "same country, KZ"
    assert russian == "та же страна, KZ"


def test_explanations_stored_before_codes_fall_back_to_the_engine_detail():
    assert qualifier_text({"factor": "country", "detail": "Same country kz", "effect": 0.02}) == "Same country kz"


def test_every_legal_form_type_has_a_translatable_label():
    assert set(_legal_form_labels()) == set(LEGAL_FORM_LABELS)


def test_a_birth_date_read_from_an_iin_says_so_in_the_readers_language():
    # 890219301230: a valid IIN of a man born 19 February 1989 (identifiers.md layout).
    query = Query(["Ахметов Серик"], identifiers=["890219301230"])
    record = Record("1", "Person", ["Akhmetov Serik"], birth_dates=["1974"])
    (birth,) = _qualifiers(query, record)
    assert birth["code"] == "birth_other_year"
    assert qualifier_text(birth) == "different birth years (1989 and 1974); screened person: read from the IIN"
    with translation.override("ru"):
        assert qualifier_text(birth) == "разные годы рождения (1989 и 1974); проверяемое лицо — по ИИН"
    with translation.override("uz"):
        assert "JShShIR" not in qualifier_text(birth) and "IIN" in qualifier_text(birth)
