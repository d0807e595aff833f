"""Property tests: arbitrary Unicode never crashes the engine; scores stay in [0, 1]."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from senim.screening.engine import (
    Index,
    Query,
    Record,
    name_keys,
    normalise_identifier,
    normalise_name,
    parse_name,
    score_pair,
)

ANY_TEXT = st.text(max_size=60)
NAMEISH = st.text(
    alphabet=st.sampled_from(
        list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіўҳabcdefghijklmnopqrstuvwxyzäöüşçğıñáóúý'ʻʼ`‘’ -«»\"„“”🙂😀")
    ),
    max_size=40,
)
SCHEMA = st.sampled_from(["Person", "Organization", "Company", "LegalEntity", "", "Vessel"])
INDEX = Index.build(
    [
        Record("a", "Person", ["Ахметов Серик Болатович"]),
        Record("b", "Organization", ["ТОО «Альфа»"], identifiers=["990140004654"]),
    ]
)


@given(text=st.one_of(ANY_TEXT, NAMEISH), schema=SCHEMA)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_name_analysis_never_crashes(text: str, schema: str) -> None:
    parsed = parse_name(text, schema)
    assert len(parsed.keys) == len(parsed.words) == len(parsed.weights)
    assert isinstance(normalise_name(text, schema), str)
    assert name_keys(text, schema) == name_keys(text, schema)
    normalise_identifier(text)


@given(
    query=st.lists(st.one_of(ANY_TEXT, NAMEISH), max_size=3),
    record=st.lists(st.one_of(ANY_TEXT, NAMEISH), max_size=3),
    schema=SCHEMA,
    dates=st.lists(ANY_TEXT, max_size=2),
    ids=st.lists(ANY_TEXT, max_size=2),
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_scoring_never_crashes_and_stays_in_range(
    query: list[str],
    record: list[str],
    schema: str,
    dates: list[str],
    ids: list[str],
) -> None:
    hit = score_pair(
        Query(names=query, schema=schema, birth_dates=dates, identifiers=ids),
        Record(id="r", schema=schema, names=record, birth_dates=dates),
    )
    assert 0.0 <= hit.score <= 1.0
    assert isinstance(hit.explanation.lines(), list)
    hit.explanation.as_dict()


@given(query=st.lists(st.one_of(ANY_TEXT, NAMEISH), max_size=3), schema=SCHEMA)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_search_never_crashes(query: list[str], schema: str) -> None:
    for hit in INDEX.search(Query(names=query, schema=schema), threshold=0.0):
        assert 0.0 <= hit.score <= 1.0


@given(text=NAMEISH)
def test_identical_names_match_fully(text: str) -> None:
    parsed = parse_name(text)
    if parsed.keys:
        assert score_pair(Query(names=[text]), Record(id="r", schema="Person", names=[text])).score == 1.0
