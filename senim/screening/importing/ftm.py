"""FollowTheMoney JSON lines, the format OpenSanctions publishes: one entity per line."""

import json
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

from senim.screening.importing.entities import (
    MAX_VALUES,
    EntityData,
    ImportStats,
    LineRejected,
    clean_text,
    gender_of,
    normalise_country,
    normalise_date,
    unique,
)

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


def _ftm_entity(line: int, text: str) -> EntityData | None:
    """Parse one JSON line; None for a record of a schema that is not screened."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise LineRejected(line, _("not valid JSON (%(reason)s).") % {"reason": str(error)[:200]}) from error
    if not isinstance(data, dict):
        raise LineRejected(line, _("not a JSON object."))
    entity_id, schema = data.get("id"), data.get("schema")
    if not isinstance(entity_id, str) or not clean_text(entity_id):
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
        cleaned = unique([clean_text(v) for v in listed if isinstance(v, (str, int, float))])[:MAX_VALUES]
        if cleaned:
            properties[clean_text(key)[:100]] = cleaned
    names = unique([n for key in NAME_PROPERTIES for n in properties.get(key, [])])
    if not names and schema == "Person":
        composed = " ".join(
            properties.get(k, [""])[0] for k in ("lastName", "firstName", "fatherName", "middleName")
        ).strip()
        names = [composed] if composed else []
    if not names:
        raise LineRejected(line, _("the entity has no name."))
    return EntityData(
        entity_id=clean_text(entity_id)[:200],
        schema=schema,
        names=names,
        identifiers=unique([i for key in IDENTIFIER_PROPERTIES for i in properties.get(key, [])]),
        birth_dates=unique([d for d in (normalise_date(v) for v in properties.get("birthDate", [])) if d]),
        countries=unique(
            [c for key in COUNTRY_PROPERTIES for c in (normalise_country(v) for v in properties.get(key, [])) if c]
        ),
        gender=gender_of(properties.get("gender", [""])[0]),
        properties=properties,
    )


def ftm_entities(path: Path, stats: ImportStats, skip_invalid: bool) -> Iterator[EntityData]:
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
