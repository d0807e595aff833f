"""Scoring a query against one record: best name comparison, then identifiers and qualifiers.

Order of evidence:
1. The best comparison over every (query name, record name) pair.
2. Identifiers decide when both sides have them: an equal normalised identifier gives
   0.97 + 0.03·name score; identifiers of the same kind that all differ multiply by
   ``IDENTIFIER_CONFLICT``.
3. Qualifiers add or subtract small amounts: birth date, country, gender, legal form, schema.
The result is clamped to [0, 1].

A person's Kazakh IIN or Uzbek PINFL encodes the birth date and sex (``identifiers.birth_details``):
when one side has such an identifier, its date counts as a birth date of that side and its sex as
the gender when none is given, so a subject whose IIN says born 1989 is not a 1.00 match for a list
entry born 1974 (the birth-year qualifier lowers the score by 0.30). A birth date given beside the
identifier is kept too; as with several dates on one side, the best-agreeing pair counts. The
qualifier says where a date came from (``query_source``/``record_source`` = "iin"/"pinfl").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from senim.screening.engine.explanation import Explanation, IdentifierFinding, Qualifier
from senim.screening.engine.identifiers import KIND_LABELS, OTHER, birth_details, normalise_identifier
from senim.screening.engine.legal_forms import LEGAL_FORM_LABELS
from senim.screening.engine.model import Hit, Query, Record
from senim.screening.engine.names import ParsedName, parse_name, schema_is_organisation
from senim.screening.engine.similarity import NameComparison, OtherName, compare_names

# Tuned on the development split of bench/screening (seed 1), never on the evaluation split.
DEFAULT_THRESHOLD = 0.80

IDENTIFIER_MATCH_FLOOR = 0.97
IDENTIFIER_CONFLICT = 0.5
SAME_BIRTH_DATE = 0.05
SAME_BIRTH_YEAR = 0.02
SAME_YEAR_OTHER_DATE = -0.10
BIRTH_YEAR_OFF_BY_ONE = -0.12
OTHER_BIRTH_YEAR = -0.30
SAME_COUNTRY = 0.02
OTHER_COUNTRY = -0.10
OTHER_GENDER = -0.25
SAME_LEGAL_FORM = 0.02
OTHER_LEGAL_FORM = -0.15
OTHER_SCHEMA = -0.30
# The most the qualifiers can add; the index uses it to skip hopeless candidates exactly.
MAX_QUALIFIER_BONUS = SAME_BIRTH_DATE + SAME_COUNTRY + SAME_LEGAL_FORM

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def parse_date(raw: str) -> tuple[int, int, int] | None:
    """(year, month, day) with 0 for unknown parts, or None if no year is found."""
    match = _DATE.search(raw or "")
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month or 0), int(day or 0)


class Profile(NamedTuple):
    """Everything of a query or record that scoring uses, parsed once."""

    names: tuple[ParsedName, ...]
    is_organisation: bool
    schema_known: bool
    identifiers: frozenset[tuple[str, str]]
    birth_dates: tuple[tuple[int, int, int], ...]
    countries: frozenset[str]
    gender: str
    # Parallel to birth_dates: "" when given, "iin"/"pinfl" when read from an identifier.
    birth_sources: tuple[str, ...] = ()
    gender_source: str = ""


def derived_birth_details(
    identifiers: frozenset[tuple[str, str]],
) -> tuple[tuple[tuple[int, int, int], ...], tuple[str, ...], str, str]:
    """(dates, their sources, sex, sex source) read from a person's IIN/PINFL identifiers."""
    dates: list[tuple[int, int, int]] = []
    sources: list[str] = []
    sex = sex_source = ""
    for kind, value in sorted(identifiers):
        found = birth_details(kind, value)
        if found is None:
            continue
        born, found_sex, source = found
        if born not in dates:
            dates.append(born)
            sources.append(source)
        if not sex:
            sex, sex_source = found_sex, source
    return tuple(dates), tuple(sources), sex, sex_source


def with_derived(
    dates: tuple[tuple[int, int, int], ...],
    gender: str,
    identifiers: frozenset[tuple[str, str]],
    is_organisation: bool,
    name_gender: str = "",
) -> tuple[tuple[tuple[int, int, int], ...], tuple[str, ...], str, str]:
    """Given dates and gender completed by what the identifiers say: (dates, sources, gender, its source).
    Gender: given first, then the identifier's, then the name's (-ов/-ова, ұлы/қызы)."""
    sources = ("",) * len(dates)
    if is_organisation or not identifiers:
        return dates, sources, gender or name_gender, ""
    derived_dates, derived_sources, sex, sex_source = derived_birth_details(identifiers)
    extra = [(d, s) for d, s in zip(derived_dates, derived_sources, strict=True) if d not in dates]
    dates = dates + tuple(d for d, _ in extra)
    sources = sources + tuple(s for _, s in extra)
    if gender:
        return dates, sources, gender, ""
    if sex:
        return dates, sources, sex, sex_source
    return dates, sources, name_gender, ""


def _given_gender(explicit: str | None) -> str:
    value = (explicit or "").strip().lower()
    if value in ("m", "male", "man", "мужской", "erkak", "ер"):
        return "m"
    if value in ("f", "female", "woman", "женский", "ayol", "әйел"):
        return "f"
    return ""


def _name_gender(names: Sequence[ParsedName]) -> str:
    return next((name.gender for name in names if name.gender), "")


def build_profile(
    names: Sequence[str],
    schema: str | None,
    identifiers: Sequence[str] = (),
    birth_dates: Sequence[str] = (),
    countries: Sequence[str] = (),
    gender: str | None = None,
) -> Profile:
    is_organisation = schema_is_organisation(schema)
    parsed = tuple(
        p for p in (parse_name(n, "Organization" if is_organisation else "Person") for n in names if n) if p.keys
    )
    normalised = frozenset(found for found in (normalise_identifier(i) for i in identifiers) if found)
    dates = tuple(d for d in (parse_date(b) for b in birth_dates) if d)
    if normalised and not is_organisation:
        dates, sources, sex, sex_source = with_derived(
            dates, _given_gender(gender), normalised, is_organisation, _name_gender(parsed)
        )
    else:
        sources, sex, sex_source = ("",) * len(dates), _given_gender(gender) or _name_gender(parsed), ""
    return Profile(
        names=parsed,
        is_organisation=is_organisation,
        schema_known=bool(schema),
        identifiers=normalised,
        birth_dates=dates,
        countries=frozenset(c.strip().lower() for c in countries if c and c.strip()),
        gender="" if is_organisation else sex,
        birth_sources=sources,
        gender_source="" if is_organisation else sex_source,
    )


def profile_of(item: Record | Query) -> Profile:
    return build_profile(item.names, item.schema, item.identifiers, item.birth_dates, item.countries, item.gender)


def _source(profile: Profile, position: int) -> str:
    return profile.birth_sources[position] if position < len(profile.birth_sources) else ""


def _birth_date_qualifier(query: Profile, record: Profile) -> Qualifier | None:
    if not query.birth_dates or not record.birth_dates:
        return None
    best: Qualifier | None = None
    for qi, q in enumerate(query.birth_dates):
        for ri, r in enumerate(record.birth_dates):
            found = _birth_pair(q, r)
            if best is None or found.effect > best.effect:
                sources = tuple(
                    (key, value)
                    for key, value in (("query_source", _source(query, qi)), ("record_source", _source(record, ri)))
                    if value
                )
                if sources:
                    found = replace(
                        found,
                        detail=found.detail
                        + "".join(f"; {key.split('_')[0]}'s date from its {value.upper()}" for key, value in sources),
                        params=found.params + sources,
                    )
                best = found
    return best


def _birth_pair(q: tuple[int, int, int], r: tuple[int, int, int]) -> Qualifier:
    gap = abs(q[0] - r[0])
    if gap == 0:
        if q[1] and r[1] and (q[1] != r[1] or (q[2] and r[2] and q[2] != r[2])):
            return Qualifier(
                "birth_date",
                SAME_YEAR_OTHER_DATE,
                f"Birth dates share the year but differ ({_iso(q)} vs {_iso(r)})",
                "birth_same_year_other_date",
                (("query", _iso(q)), ("record", _iso(r))),
            )
        if q[2] and r[2]:
            return Qualifier(
                "birth_date", SAME_BIRTH_DATE, f"Same birth date {_iso(q)}", "birth_same_date", (("date", _iso(q)),)
            )
        return Qualifier(
            "birth_date", SAME_BIRTH_YEAR, f"Same birth year {q[0]}", "birth_same_year", (("year", str(q[0])),)
        )
    if gap == 1:
        return Qualifier(
            "birth_date",
            BIRTH_YEAR_OFF_BY_ONE,
            f"Birth years one apart ({q[0]} vs {r[0]})",
            "birth_year_off_by_one",
            (("query", str(q[0])), ("record", str(r[0]))),
        )
    return Qualifier(
        "birth_date",
        OTHER_BIRTH_YEAR,
        f"Different birth years ({q[0]} vs {r[0]})",
        "birth_other_year",
        (("query", str(q[0])), ("record", str(r[0]))),
    )


def _iso(date: tuple[int, int, int]) -> str:
    year, month, day = date
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _qualifiers(query: Profile, record: Profile, comparison: NameComparison) -> list[Qualifier]:
    found: list[Qualifier] = []
    birth = _birth_date_qualifier(query, record)
    if birth is not None:
        found.append(birth)
    if query.countries and record.countries:
        common = query.countries & record.countries
        if common:
            country = sorted(common)[0]
            found.append(
                Qualifier("country", SAME_COUNTRY, f"Same country {country}", "country_same", (("country", country),))
            )
        else:
            found.append(
                Qualifier(
                    "country",
                    OTHER_COUNTRY,
                    f"Different countries ({', '.join(sorted(query.countries))} vs "
                    f"{', '.join(sorted(record.countries))})",
                    "country_other",
                    (("query", ", ".join(sorted(query.countries))), ("record", ", ".join(sorted(record.countries)))),
                )
            )
    if query.gender and record.gender and query.gender != record.gender:
        sources = tuple(
            (key, value)
            for key, value in (("query_source", query.gender_source), ("record_source", record.gender_source))
            if value
        )
        found.append(
            Qualifier(
                "gender",
                OTHER_GENDER,
                f"Different gender ({query.gender} vs {record.gender})"
                + "".join(f"; {key.split('_')[0]}'s from its {value.upper()}" for key, value in sources),
                "gender_other",
                (("query", query.gender), ("record", record.gender), *sources),
            )
        )
    query_forms, record_forms = comparison.query.legal_forms, comparison.record.legal_forms
    if query_forms and record_forms:
        if query_forms & record_forms:
            form = sorted(query_forms & record_forms)[0]
            found.append(
                Qualifier(
                    "legal_form",
                    SAME_LEGAL_FORM,
                    f"Same legal form: {LEGAL_FORM_LABELS.get(form, form)}",
                    "legal_form_same",
                    (("form", form),),
                )
            )
        else:
            found.append(
                Qualifier(
                    "legal_form",
                    OTHER_LEGAL_FORM,
                    "Different legal forms ("
                    + ", ".join(LEGAL_FORM_LABELS.get(f, f) for f in sorted(query_forms))
                    + " vs "
                    + ", ".join(LEGAL_FORM_LABELS.get(f, f) for f in sorted(record_forms))
                    + ")",
                    "legal_form_other",
                    (("query", ", ".join(sorted(query_forms))), ("record", ", ".join(sorted(record_forms)))),
                )
            )
    if query.schema_known and query.is_organisation != record.is_organisation:
        found.append(Qualifier("schema", OTHER_SCHEMA, "One is a person, the other an organisation", "schema_other"))
    return found


def _identifier_findings(query: Profile, record: Profile) -> list[IdentifierFinding]:
    if not query.identifiers or not record.identifiers:
        return []
    common = query.identifiers & record.identifiers
    if common:
        return [IdentifierFinding("match", KIND_LABELS[k], v, v) for k, v in sorted(common)]
    conflicts = []
    record_by_kind = dict(record.identifiers)
    for kind, value in sorted(query.identifiers):
        if kind != OTHER and kind in record_by_kind:
            conflicts.append(IdentifierFinding("conflict", KIND_LABELS[kind], value, record_by_kind[kind]))
    return conflicts[:1]


def score_profiles(
    query: Profile,
    record: Profile,
    is_other_name: OtherName | None = None,
    record_id: str = "",
) -> Hit:
    """Score two parsed profiles; see the module docstring for the order of evidence."""
    best: NameComparison | None = None
    record_patronymics = tuple(dict.fromkeys(s for n in record.names for s in n.patronymic))
    for query_name in query.names:
        for record_name in record.names:
            comparison = compare_names(query_name, record_name, is_other_name, record_patronymics)
            if best is None or comparison.score > best.score:
                best = comparison
                if best.score >= 1.0:
                    break
        if best is not None and best.score >= 1.0:
            break
    name_score = best.score if best is not None else 0.0
    identifiers = _identifier_findings(query, record)
    qualifiers = _qualifiers(query, record, best) if best is not None else []
    if identifiers and identifiers[0].outcome == "match":
        score = IDENTIFIER_MATCH_FLOOR + (1 - IDENTIFIER_MATCH_FLOOR) * name_score
    else:
        score = name_score
        if identifiers:
            score *= IDENTIFIER_CONFLICT
        score += sum(q.effect for q in qualifiers)
    score = min(1.0, max(0.0, score))
    explanation = Explanation(score, name_score, best, tuple(identifiers), tuple(qualifiers))
    return Hit(record_id, score, explanation)


def score_pair(
    query: Query | Record,
    record: Record,
    is_other_name: OtherName | None = None,
) -> Hit:
    """Score ``query`` against ``record`` without an index.

    ``is_other_name`` (optional, ``(query_key, record_key) -> bool``) tells whether the query word is
    another known name rather than a spelling of the record's (the index learns this from the list);
    the index passes its vocabulary so that a fuzzy match to a different real name counts less.
    """
    return score_profiles(profile_of(query), profile_of(record), is_other_name, record.id)
