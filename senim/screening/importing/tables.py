"""CSV and XLSX lists through a column mapping, and the rows of batch screening files."""

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from senim.core.importing.reader import FileRejected, normalise_header, read_table
from senim.screening.importing.entities import (
    SPLIT,
    EntityData,
    ImportStats,
    LineRejected,
    clean_text,
    gender_of,
    normalise_country,
    normalise_date,
    unique,
)

# Fields a table column may be mapped to. "identifier" takes several columns.
FIELDS = ("id", "name", "aliases", "schema", "birth_date", "country", "identifier", "gender")
_HEADER_ALIASES = {
    "id": {"id", "entity_id", "код", "идентификатор", "номер", "no", "№", "n"},
    "name": {
        "name",
        "full_name",
        "caption",
        "наименование",
        "название",
        "фио",
        "ф_и_о",
        "имя",
        "полное_наименование",
        "атауы",
        "аты_жөні",
        "nomi",
    },
    "aliases": {"aliases", "alias", "aka", "also_known_as", "другие_имена", "псевдонимы", "иные_наименования"},
    "schema": {"schema", "type", "entity_type", "тип", "вид", "тип_лица"},
    "birth_date": {"birth_date", "birthdate", "date_of_birth", "dob", "дата_рождения", "туған_күні"},
    "country": {"country", "nationality", "citizenship", "страна", "гражданство", "ел", "мамлакат"},
    "identifier": {
        "identifier",
        "identifiers",
        "bin",
        "iin",
        "inn",
        "tin",
        "stir",
        "pinfl",
        "rnn",
        "бин",
        "иин",
        "инн",
        "рнн",
        "бин/иин",
        "бин_иин",
        "registration_number",
        "tax_number",
        "passport",
        "passport_number",
        "паспорт",
        "регистрационный_номер",
    },
    "gender": {"gender", "sex", "пол", "жынысы"},
}
_PERSON_WORDS = {"person", "individual", "natural", "физ", "физлицо", "физическое_лицо", "фл", "жеке_тұлға"}
_ORGANISATION_WORDS = {
    "organization",
    "organisation",
    "company",
    "legalentity",
    "legal_entity",
    "entity",
    "publicbody",
    "юр",
    "юрлицо",
    "юридическое_лицо",
    "юл",
    "организация",
    "компания",
    "заңды_тұлға",
}


def default_mapping(header: list[str]) -> dict[str, Any]:
    """Guess which column holds each field from the (normalised) header, in English or Russian."""
    mapping: dict[str, Any] = {"identifier": [], "default_schema": "Person"}
    for column in header:
        key = normalise_header(column)
        for target, aliases in _HEADER_ALIASES.items():
            if key in aliases:
                if target == "identifier":
                    mapping["identifier"].append(column)
                else:
                    mapping.setdefault(target, column)
                break
    return mapping


def check_mapping(mapping: dict[str, Any], header: list[str]) -> None:
    """Refuse a mapping that names columns the file does not have or that maps no name."""
    columns = set(header)
    if not mapping.get("name"):
        raise FileRejected(_("Choose the column that holds the name."))
    for target in FIELDS:
        chosen = mapping.get(target)
        for column in chosen if isinstance(chosen, list) else [chosen]:
            if column and column not in columns:
                raise FileRejected(_("The file has no column “%(column)s”.") % {"column": column})
    if mapping.get("default_schema", "Person") not in {"Person", "Organization"}:
        raise FileRejected(_("The default type must be Person or Organization."))


def _schema_of(raw: str, default: str, line: int) -> str:
    value = normalise_header(raw)
    if not value:
        return default
    if value in _PERSON_WORDS:
        return "Person"
    if value in _ORGANISATION_WORDS:
        return "Organization"
    raise LineRejected(line, _("unknown type “%(value)s” (use Person or Organization).") % {"value": raw[:50]})


def _row_entity(line: int, row: dict[str, str], mapping: dict[str, Any]) -> EntityData:
    def cell(target: str) -> str:
        column = mapping.get(target)
        return clean_text(row.get(column, "")) if column else ""

    name = cell("name")
    if not name:
        raise LineRejected(line, _("the name is empty."))
    aliases = [clean_text(a) for a in SPLIT.split(cell("aliases"))] if cell("aliases") else []
    names = unique([name, *aliases])
    identifiers = unique(
        [clean_text(part) for column in mapping.get("identifier") or [] for part in SPLIT.split(row.get(column, ""))]
    )
    birth_dates = []
    for raw in SPLIT.split(cell("birth_date")) if cell("birth_date") else []:
        date = normalise_date(raw)
        if date is None:
            raise LineRejected(line, _("the birth date “%(value)s” is not a date.") % {"value": raw[:30]})
        birth_dates.append(date)
    countries = unique([normalise_country(c) for c in re.split(r"[;|,]", cell("country"))])
    schema = _schema_of(cell("schema"), mapping.get("default_schema") or "Person", line)
    entity_id = cell("id")
    if not entity_id:
        # No id column: a stable id from what identifies the row, so that re-imports line up.
        entity_id = (
            "row-"
            + hashlib.sha1(  # noqa: S324 (an id, not a secret)
                json.dumps([schema, names, identifiers, birth_dates]).encode()
            ).hexdigest()[:20]
        )
    properties = {column: [clean_text(value)] for column, value in row.items() if clean_text(value)}
    return EntityData(
        entity_id=entity_id[:200],
        schema=schema,
        names=names,
        identifiers=identifiers,
        birth_dates=unique(birth_dates),
        countries=countries,
        gender=gender_of(cell("gender")),
        properties=properties,
    )


def table_header(path: Path, *, max_bytes: int) -> list[str]:
    """The (normalised) column names of a CSV or XLSX file, for the mapping step."""
    header, _rows = read_table(path, max_bytes=max_bytes, aliases={})
    return [column for column in header if column]


def table_entities(
    path: Path, mapping: dict[str, Any], max_bytes: int, stats: ImportStats, skip_invalid: bool
) -> Iterator[EntityData]:
    header, rows = read_table(path, max_bytes=max_bytes, aliases={})
    effective = mapping or default_mapping(header)
    check_mapping(effective, header)
    for line, row in rows:
        stats.lines = line
        try:
            yield _row_entity(line, row, effective)
        except LineRejected as error:
            if not skip_invalid:
                raise
            stats.skip(error)


BATCH_ALIASES = {
    **dict.fromkeys(_HEADER_ALIASES["id"], "id"),
    **dict.fromkeys(_HEADER_ALIASES["name"], "name"),
    **dict.fromkeys(_HEADER_ALIASES["schema"], "schema"),
    **dict.fromkeys(_HEADER_ALIASES["birth_date"], "birth_date"),
    **dict.fromkeys(_HEADER_ALIASES["country"], "country"),
    **dict.fromkeys(_HEADER_ALIASES["identifier"], "identifier"),
}


@dataclass(frozen=True)
class BatchRow:
    """One row of a batch screening file, as written (validated when screened)."""

    line: int
    id: str
    name: str
    schema: str = ""
    identifiers: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


def read_batch_rows(path: Path, *, max_bytes: int | None = None) -> Iterator[BatchRow]:
    """Rows of a CSV/XLSX file with a `name` column and optional `id`, `schema`, `identifier`,
    `birth_date` and `country` columns (several values separated by ";" or "|")."""
    limit = max_bytes if max_bytes is not None else path.stat().st_size + 1
    header, rows = read_table(path, max_bytes=limit, aliases=BATCH_ALIASES)
    if "name" not in header:
        raise FileRejected(_("The file has no “name” column."))

    def values(text: str) -> tuple[str, ...]:
        return tuple(v for v in (clean_text(part) for part in SPLIT.split(text)) if v)

    for line, row in rows:
        yield BatchRow(
            line=line,
            id=clean_text(row.get("id", ""))[:100],
            name=clean_text(row.get("name", "")),
            schema=clean_text(row.get("schema", "")),
            identifiers=values(row.get("identifier", "")),
            birth_dates=values(row.get("birth_date", "")),
            countries=values(row.get("country", "")),
        )
