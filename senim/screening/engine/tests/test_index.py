"""The candidate index: search, persistence, and blocking that never scans everything."""

from __future__ import annotations

from pathlib import Path

from senim.screening.engine import DEFAULT_THRESHOLD, Index, Query, Record

RECORDS = [
    Record(
        "kz1",
        "Person",
        ["Тоқаев Қасым-Жомарт Кемелұлы", "Tokayev Kassym-Jomart"],
        birth_dates=["1953-05-17"],
        countries=["kz"],
    ),
    Record("uz1", "Person", ["Azimov Baxtiyor Rustam oʻgʻli"]),
    Record("uz2", "Person", ["Alimov Baxtiyor Rustam oʻgʻli"]),
    Record("org1", "Organization", ["ТОО «Альфа»"], identifiers=["990140004654"]),
    Record("org2", "Organization", ["ТОО «Альфа Плюс»"]),
    Record("org3", "Company", ["АО «НК «ҚазМұнайГаз»»", "KazMunayGas JSC"]),
] + [Record(f"filler{i}", "Person", [f"Иванов{i} Иван Иванович"]) for i in range(200)]


def build() -> Index:
    return Index.build(RECORDS)


def ids(hits: list) -> list[str]:
    return [h.record_id for h in hits]


def test_search_finds_cross_script_variants() -> None:
    index = build()
    assert ids(index.search(Query(names=["Kassym-Jomart Tokayev"])))[:1] == ["kz1"]
    assert ids(index.search(Query(names=["Азимов Бахтиёр"]))) == ["uz1"]
    assert ids(index.search(Query(names=["Alfa LLP"], schema="Organization"))) == ["org1"]
    assert ids(index.search(Query(names=["Kazmunaygaz"], schema="Organization"))) == ["org3"]


def test_near_namesakes_in_the_list_do_not_alert() -> None:
    index = build()
    assert ids(index.search(Query(names=["Alimov Bakhtiyor"]))) == ["uz2"]
    assert ids(index.search(Query(names=["ТОО «Альфа Плюс»"], schema="Organization"))) == ["org2"]


def test_identifier_finds_a_record_whatever_the_name() -> None:
    hits = build().search(Query(names=["Совсем другое"], schema="Organization", identifiers=["БИН 990140004654"]))
    assert ids(hits) == ["org1"]
    assert hits[0].score >= 0.97


def test_candidates_are_a_small_part_of_the_list() -> None:
    index = build()
    from senim.screening.engine.scoring import profile_of

    candidates = index.candidates(profile_of(Query(names=["Иванов5 Иван Иванович"])))
    assert "filler5" in {index.record_ids[c] for c in candidates}
    assert len(candidates) < len(RECORDS) / 4


def test_pruned_search_equals_full_scoring() -> None:
    index = build()
    for record in RECORDS[:6]:
        query = Query(names=record.names[:1], schema=record.schema)
        full = [(h.record_id, h.score) for h in index.search(query, threshold=0.0) if h.score >= DEFAULT_THRESHOLD]
        assert [(h.record_id, h.score) for h in index.search(query)] == full


def test_save_and_load(tmp_path: Path) -> None:
    index = build()
    path = tmp_path / "index.pkl"
    index.save(path)
    loaded = Index.load(path)
    assert len(loaded) == len(index)
    query = Query(names=["Токаев Касым-Жомарт"])
    assert [(h.record_id, h.score) for h in loaded.search(query)] == [
        (h.record_id, h.score) for h in index.search(query)
    ]
    assert loaded.record(0) == RECORDS[0]


def test_a_mapped_index_answers_every_query_as_the_built_one(tmp_path: Path) -> None:
    """The mapped file is read in place (no unpickling of the arrays and lookups), and gives the
    same hits with the same scores and explanations, identifier and misspelt queries included."""
    index = build()
    path = tmp_path / "index.idx"
    index.save(path)
    loaded = Index.load(path)
    assert not isinstance(loaded._vocabulary, list) and not isinstance(loaded._by_deletion, dict)
    queries = [Query(names=[name]) for record in RECORDS[:12] for name in record.names]
    queries += [
        Query(names=["Тakaev Kasym Zhomart"], birth_dates=["1953-05-17"]),
        Query(names=["Alfa"], schema="Organization", identifiers=["990140004654"]),
        Query(names=["Bekobod Azimov"]),
        Query(names=["Azimov B.R."]),
        Query(names=["Иваноф7 Иван"]),
    ]
    for query in queries:
        expected = [(h.record_id, h.score, h.explanation) for h in index.search(query, threshold=0.3)]
        assert [(h.record_id, h.score, h.explanation) for h in loaded.search(query, threshold=0.3)] == expected
    assert [loaded.record(n) for n in range(len(RECORDS))] == [index.record(n) for n in range(len(RECORDS))]


def test_search_many_and_progress() -> None:
    seen: list[int] = []
    index = Index.build(iter(RECORDS), progress=seen.append)
    assert seen[-1] == len(RECORDS)
    results = index.search_many([Query(names=["Ўткир"]), Query(names=["Альфа"], schema="Organization")])
    assert len(results) == 2
    assert ids(results[1]) == ["org1"]


def test_empty_index_and_empty_query() -> None:
    index = Index.build([])
    assert index.search(Query(names=["Ахметов"])) == []
    assert build().search(Query(names=[""])) == []
    assert build().search(Query(names=[])) == []


def test_parallel_build_is_identical() -> None:
    serial = build()
    parallel = Index.build(RECORDS, workers=2)
    query = Query(names=["Kassym-Jomart Tokayev"])
    assert [(h.record_id, h.score) for h in parallel.search(query)] == [
        (h.record_id, h.score) for h in serial.search(query)
    ]
    assert parallel._state["tokens"] == serial._state["tokens"]


def test_alias_learned_through_an_alternative_key() -> None:
    # Тәңірі keys to "taniri" with the alternative "teniri"; the list shows it as an alias of
    # Tengri, so Tengri is not discounted as another known name.
    records = [
        Record("a", "Organization", ["АО «Хан Тәңірі Газ»", "Khan Tengri Gas JSC"]),
        Record("b", "Organization", ["АО «Хан Тәңірі Финанс»"]),
    ]
    index = Index.build(records)
    assert ids(index.search(Query(names=["Khan Tengri Finance JSC"], schema="Organization"))) == ["b"]


def test_pruning_counts_unmatched_list_words_and_patronymics() -> None:
    # Two of three words match; the list entry's third word and its lack of a patronymic
    # keep the bound below the threshold, so it is not scored at all (and would not alert).
    records = [Record("e", "Person", ["Mitchell George John"]), *RECORDS]
    index = Index.build(records)
    query = Query(names=["MITCHELL, JOHN NANCY"])
    from senim.screening.engine.scoring import profile_of

    bounds = index.candidates(profile_of(query), DEFAULT_THRESHOLD)
    assert bounds.get(0, 0.0) < DEFAULT_THRESHOLD - 0.09
    assert index.search(query) == []


def test_sound_match_across_scripts_and_its_discount() -> None:
    records = [
        Record("en", "Person", ["Lewis Linda Catherine"]),
        Record("en2", "Person", ["Lewis Mark", "Льюис Марк"]),  # Льюис is Lewis: learned here
        Record("kz", "Person", ["Serik Akhmetov"]),
        Record("kz2", "Person", ["Сарык Жумабеков", "Sarik Zhumabekov"]),  # Сарык is a name of its own
        *RECORDS,
    ]
    index = Index.build(records)
    # Кэтрин is in no list entry: found through its consonants; Льюис (two consonants only)
    # through the alias the list shows.
    assert ids(index.search(Query(names=["Линда Кэтрин Льюис"]))) == ["en"]
    assert index.search(Query(names=["Линда Кэтрин Эллис"])) == []
    # Сарык is a known name spelt Sarik: Serik is someone else, whatever the consonants say.
    assert index.search(Query(names=["Сарык Ахметов"])) == []


def test_alternative_reading_of_a_patronymic_is_not_a_typo_licence() -> None:
    # Ержанович may be read Ёржанович, and Ерланұлы Ёрланұлы; Ержан and Ерлан are both names of
    # the list, so one is not a misspelling of the other under either reading.
    records = [
        Record("a", "Person", ["Жармұхамедов Аслан Ерланұлы"]),
        Record("b", "Person", ["Ержанов Ержан"]),
        Record("c", "Person", ["Ерланов Ерлан"]),
        *RECORDS,
    ]
    index = Index.build(records)
    assert index.search(Query(names=["Жармухамедов Аслан Ержанович"])) == []
    assert ids(index.search(Query(names=["Жармухамедов Аслан Ерланович"]))) == ["a"]


def test_a_single_word_finds_longer_names_below_the_threshold() -> None:
    index = build()
    assert index.search(Query(names=["Tokayev"])) == []  # no alert on every namesake
    hits = index.search(Query(names=["Токаев"]), threshold=0.7)
    assert ids(hits) == ["kz1"]  # a three-word list name, in another script
    assert 0.7 <= hits[0].score < DEFAULT_THRESHOLD
    assert ids(index.search(Query(names=["Kazmunaygas"], schema="Organization"))) == ["org3"]


def test_aliases_teach_word_by_word() -> None:
    # Aliases of one entry are aligned word to word: Эллис is Ellis here, not Wallace, so a
    # query with Эллис does not meet another entry's Wallace through two common consonants.
    records = [
        Record("a", "Person", ["Wallace Ellis", "Уоллес Эллис"]),
        Record("b", "Person", ["Wallace Brian Mark"]),
        *RECORDS,
    ]
    index = Index.build(records)
    assert index.is_other_name("elis", "valace")
    assert index.search(Query(names=["Марк Брайан Эллис"])) == []


def test_between_equal_sound_matches_spelling_decides_the_alias() -> None:
    # Lewis, Alice, Льюис and Элис all have the consonants "ls": Alice is paired with Элис (whose
    # spelling is close), Lewis with Льюис, never Alice with Льюис.
    index = Index.build([Record("a", "Person", ["Lewis Mark Alice", "Элис Марк Льюис"]), *RECORDS])
    assert not index.is_other_name("elis", "alice")
    assert not index.is_other_name("liuis", "levis")
    assert index.is_other_name("liuis", "alice")


def test_a_list_word_keeps_the_alternatives_of_all_its_spellings() -> None:
    # Пётр keys to "petr" with the alternative "piotr"; the entry's Latin alias PETR keys to
    # "petr" with none. The index keeps both, so Pyotr still matches.
    records = [Record("p", "Person", ["Сидоров Пётр Владиславович", "SIDOROV PETR VLADISLAVOVICH"]), *RECORDS]
    hits = Index.build(records).search(Query(names=["Sidorov Pyotr Vladislavovich"]))
    assert ids(hits) == ["p"] and hits[0].score == 1.0


def test_paul_is_learned_as_pol_from_the_lists_own_aliases() -> None:
    records = [
        Record("a", "Person", ["Price Jack Paul", "Прайс Джек Пол"]),
        Record("b", "Person", ["Michael Paul"]),
        *RECORDS,
    ]
    index = Index.build(records)
    assert not index.is_other_name("pol", "paul")  # Paul is spelt the English way (au)
    # Пол ~ Paul through the alias above (two consonants), Майкл ~ Michael through its sounds.
    assert ids(index.search(Query(names=["Майкл Пол"]))) == ["b"]
