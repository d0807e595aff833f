"""Read watchlist files as streams of entities: FollowTheMoney JSON lines (the OpenSanctions
format) and CSV/XLSX tables through a column mapping.

Files are never read whole: JSON lines one at a time, tables row by row (the org app's reader).
A malformed line or row stops the import with its line number, unless the caller chose to skip
invalid lines; then each is counted and the first few are kept as problems to show.
"""

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from senim.org.importing.reader import FileRejected, normalise_header, read_table
from senim.screening.engine import Record

__all__ = [
    "ENTITY_SCHEMATA",
    "FIELDS",
    "EntityData",
    "FileRejected",
    "ImportStats",
    "LineRejected",
    "default_mapping",
    "normalise_header",
    "read_entities",
    "table_header",
]

# FollowTheMoney schemata screened against; others (Sanction, Ownership, Address...) are counted.
ENTITY_SCHEMATA = frozenset({"Person", "Company", "Organization", "LegalEntity", "PublicBody"})
NAME_PROPERTIES = ("name", "alias", "previousName")
IDENTIFIER_PROPERTIES = (
    "registrationNumber",
    "taxNumber",
    "innCode",
    "idNumber",
    "passportNumber",
    "ogrnCode",
    "okpoCode",
    "vatCode",
    "leiCode",
    "uniqueEntityId",
    "swiftBic",
)
COUNTRY_PROPERTIES = ("country", "nationality", "citizenship", "jurisdiction", "mainCountry")
MAX_VALUES = 50  # per property kept for display; a name list past this is noise
MAX_TEXT = 1000
MAX_PROBLEMS = 200  # problems kept to show when invalid lines are skipped

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
_COUNTRY_NAMES = {
    "kazakhstan": "kz",
    "казахстан": "kz",
    "қазақстан": "kz",
    "uzbekistan": "uz",
    "узбекистан": "uz",
    "ўзбекистон": "uz",
    "oʻzbekiston": "uz",
    "russia": "ru",
    "россия": "ru",
    "kyrgyzstan": "kg",
    "кыргызстан": "kg",
    "киргизия": "kg",
    "tajikistan": "tj",
    "таджикистан": "tj",
    "turkmenistan": "tm",
    "туркменистан": "tm",
    "china": "cn",
    "китай": "cn",
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SPLIT = re.compile(r"[;|]")


class LineRejected(Exception):
    """A line or row that cannot be imported; `message` is translated."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class EntityData:
    """One list entity as read from a file, ready to store and to index."""

    entity_id: str
    schema: str
    names: list[str]
    identifiers: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    gender: str = ""
    properties: dict[str, list[str]] = field(default_factory=dict)

    @property
    def caption(self) -> str:
        return self.names[0][:500]

    def content_hash(self) -> str:
        return content_hash(
            schema=self.schema,
            names=self.names,
            identifiers=self.identifiers,
            birth_dates=self.birth_dates,
            countries=self.countries,
            gender=self.gender,
        )

    def as_record(self) -> Record:
        return Record(
            id=self.entity_id,
            schema=self.schema,
            names=self.names,
            identifiers=self.identifiers,
            birth_dates=self.birth_dates,
            countries=self.countries,
            gender=self.gender or None,
        )


def content_hash(
    *, schema: str, names: list[str], identifiers: list[str], birth_dates: list[str], countries: list[str], gender: str
) -> str:
    """The SHA-256 of what matching reads (not display-only properties), so that "changed" means
    a change that can change a match."""
    payload = [schema, names, sorted(identifiers), sorted(birth_dates), sorted(countries), gender]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


@dataclass
class ImportStats:
    """What a read found besides the entities: lines skipped as invalid, records of other types."""

    lines: int = 0
    skipped: int = 0
    ignored: int = 0
    problems: list[str] = field(default_factory=list)

    def skip(self, error: LineRejected) -> None:
        self.skipped += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(str(error))


def _clean(value: Any) -> str:
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    return " ".join(text.replace("\x00", "").split())[:MAX_TEXT]


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value not in seen:
            seen[value] = None
    return list(seen)


def normalise_date(raw: str) -> str | None:
    """An ISO date, year-month or year from "YYYY[-MM[-DD]]" or "DD.MM.YYYY"; None if invalid."""
    raw = raw.strip()
    if match := _DOTTED_DATE.match(raw):
        day, month, year = (int(g) for g in match.groups())
    elif match := _DATE.match(raw[:10]):
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else 0
        day = int(match.group(3)) if match.group(3) else 0
        if not month:
            return f"{year:04d}" if 1800 <= year <= 2100 else None
        if not day:
            return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1800 <= year <= 2100 else None
    else:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date.isoformat() if 1800 <= year <= 2100 else None


def normalise_country(raw: str) -> str:
    value = raw.strip().casefold()
    if len(value) == 2 and value.isalpha():
        return value
    return _COUNTRY_NAMES.get(value, "")


def _gender(raw: str) -> str:
    value = raw.strip().casefold()
    if value in {"m", "male", "м", "муж", "мужской", "ер"}:
        return "male"
    if value in {"f", "female", "ж", "жен", "женский", "әйел"}:
        return "female"
    return ""


# ---------------------------------------------------------------------------- FollowTheMoney


def _ftm_entity(line: int, text: str) -> EntityData | None:
    """Parse one JSON line; None for a record of a schema that is not screened."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise LineRejected(line, _("not valid JSON (%(reason)s).") % {"reason": str(error)[:200]}) from error
    if not isinstance(data, dict):
        raise LineRejected(line, _("not a JSON object."))
    entity_id, schema = data.get("id"), data.get("schema")
    if not isinstance(entity_id, str) or not _clean(entity_id):
        raise LineRejected(line, _("the entity has no id."))
    if not isinstance(schema, str) or not schema:
        raise LineRejected(line, _("the entity has no schema."))
    if schema not in ENTITY_SCHEMATA:
        return None
    raw_properties = data.get("properties") or {}
    if not isinstance(raw_properties, dict):
        raise LineRejected(line, _("the properties are not a JSON object."))
    properties: dict[str, list[str]] = {}
    for key, values in raw_properties.items():
        if not isinstance(key, str):
            continue
        listed = values if isinstance(values, list) else [values]
        cleaned = _unique([_clean(v) for v in listed if isinstance(v, (str, int, float))])[:MAX_VALUES]
        if cleaned:
            properties[_clean(key)[:100]] = cleaned
    names = _unique([n for key in NAME_PROPERTIES for n in properties.get(key, [])])
    if not names and schema == "Person":
        composed = " ".join(
            properties.get(k, [""])[0] for k in ("lastName", "firstName", "fatherName", "middleName")
        ).strip()
        names = [composed] if composed else []
    if not names:
        raise LineRejected(line, _("the entity has no name."))
    return EntityData(
        entity_id=_clean(entity_id)[:200],
        schema=schema,
        names=names,
        identifiers=_unique([i for key in IDENTIFIER_PROPERTIES for i in properties.get(key, [])]),
        birth_dates=_unique([d for d in (normalise_date(v) for v in properties.get("birthDate", [])) if d]),
        countries=_unique(
            [c for key in COUNTRY_PROPERTIES for c in (normalise_country(v) for v in properties.get(key, [])) if c]
        ),
        gender=_gender(properties.get("gender", [""])[0]),
        properties=properties,
    )


def _ftm_entities(path: Path, stats: ImportStats, skip_invalid: bool) -> Iterator[EntityData]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            stats.lines = number
            try:
                if b"\x00" in raw:
                    raise LineRejected(number, _("the line contains a NUL character."))
                try:
                    text = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
                except UnicodeDecodeError as error:
                    raise LineRejected(number, _("the line is not UTF-8 text.")) from error
                if not text:
                    continue
                entity = _ftm_entity(number, text)
            except LineRejected as error:
                if not skip_invalid:
                    raise
                stats.skip(error)
                continue
            if entity is None:
                stats.ignored += 1
                continue
            yield entity


# ---------------------------------------------------------------------------- tables


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
        return _clean(row.get(column, "")) if column else ""

    name = cell("name")
    if not name:
        raise LineRejected(line, _("the name is empty."))
    aliases = [_clean(a) for a in _SPLIT.split(cell("aliases"))] if cell("aliases") else []
    names = _unique([name, *aliases])
    identifiers = _unique(
        [_clean(part) for column in mapping.get("identifier") or [] for part in _SPLIT.split(row.get(column, ""))]
    )
    birth_dates = []
    for raw in _SPLIT.split(cell("birth_date")) if cell("birth_date") else []:
        date = normalise_date(raw)
        if date is None:
            raise LineRejected(line, _("the birth date “%(value)s” is not a date.") % {"value": raw[:30]})
        birth_dates.append(date)
    countries = _unique([normalise_country(c) for c in re.split(r"[;|,]", cell("country"))])
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
    properties = {column: [_clean(value)] for column, value in row.items() if _clean(value)}
    return EntityData(
        entity_id=entity_id[:200],
        schema=schema,
        names=names,
        identifiers=identifiers,
        birth_dates=_unique(birth_dates),
        countries=countries,
        gender=_gender(cell("gender")),
        properties=properties,
    )


def table_header(path: Path, *, max_bytes: int) -> list[str]:
    """The (normalised) column names of a CSV or XLSX file, for the mapping step."""
    header, _rows = read_table(path, max_bytes=max_bytes, aliases={})
    return [column for column in header if column]


def _table_entities(
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


def read_entities(
    path: Path,
    *,
    fmt: str,
    stats: ImportStats,
    mapping: dict[str, Any] | None = None,
    skip_invalid: bool = False,
    max_bytes: int | None = None,
    progress: Callable[[int], object] | None = None,
) -> Iterator[EntityData]:
    """Stream the file's entities; raise FileRejected or LineRejected (unless skipping).

    Duplicate ids within the file are invalid lines too. `max_bytes` None means no size limit
    (the command line); uploads pass SENIM_MAX_UPLOAD_MB.
    """
    if not path.exists() or path.stat().st_size == 0:
        raise FileRejected(_("The file is empty."))
    if max_bytes is not None and path.stat().st_size > max_bytes:
        raise FileRejected(_("The file is larger than %(limit)d MB.") % {"limit": max_bytes // (1024 * 1024)})
    if fmt == "ftm":
        entities = _ftm_entities(path, stats, skip_invalid)
    elif fmt in {"csv", "xlsx"}:
        limit = max_bytes if max_bytes is not None else path.stat().st_size + 1
        entities = _table_entities(path, mapping or {}, limit, stats, skip_invalid)
    else:
        raise FileRejected(_("Unknown file format “%(format)s”.") % {"format": fmt})
    seen: set[str] = set()
    count = 0
    for entity in entities:
        if entity.entity_id in seen:
            error = LineRejected(stats.lines, _("the id “%(id)s” appears twice.") % {"id": entity.entity_id[:100]})
            if not skip_invalid:
                raise error
            stats.skip(error)
            continue
        seen.add(entity.entity_id)
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(1000)
        yield entity
    if progress is not None:
        progress(count % 1000)


# ---------------------------------------------------------------------------- batch screening files

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
        return tuple(v for v in (_clean(part) for part in _SPLIT.split(text)) if v)

    for line, row in rows:
        yield BatchRow(
            line=line,
            id=_clean(row.get("id", ""))[:100],
            name=_clean(row.get("name", "")),
            schema=_clean(row.get("schema", "")),
            identifiers=values(row.get("identifier", "")),
            birth_dates=values(row.get("birth_date", "")),
            countries=values(row.get("country", "")),
        )
