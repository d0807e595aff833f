"""What an import reads: entities, the problems of malformed lines, and value normalisers."""

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from senim.screening.engine import Record

MAX_VALUES = 50  # per property kept for display; a name list past this is noise
MAX_TEXT = 1000
MAX_PROBLEMS = 200  # problems kept to show when invalid lines are skipped

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
SPLIT = re.compile(r"[;|]")


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


def clean_text(value: Any) -> str:
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    return " ".join(text.replace("\x00", "").split())[:MAX_TEXT]


def unique(values: list[str]) -> list[str]:
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


def gender_of(raw: str) -> str:
    value = raw.strip().casefold()
    if value in {"m", "male", "м", "муж", "мужской", "ер"}:
        return "male"
    if value in {"f", "female", "ж", "жен", "женский", "әйел"}:
        return "female"
    return ""
