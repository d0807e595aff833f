"""Import of counterparties, matched by country and identifier."""

from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from senim.core.access import Actor
from senim.core.identifiers import normalise_identifier
from senim.core.importing import Upsert, plan_rows
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.core.importing.values import choice, limit_text, parse_date
from senim.counterparties import services
from senim.counterparties.models import (
    Category,
    Counterparty,
    IdentifierKind,
    Kind,
)
from senim.counterparties.names import tidy_name

CP_COLUMNS = [
    "kind",
    "name_ru",
    "name_kk",
    "name_en",
    "name_uz",
    "legal_form",
    "country",
    "category",
    "identifier_kind",
    "identifier",
    "registration_date",
    "address",
    "website",
]
CP_ALIASES = {
    "вид": "kind",
    "тип": "kind",
    "наименование": "name_ru",
    "наименование_ru": "name_ru",
    "атауы": "name_kk",
    "name": "name_en",
    "опф": "legal_form",
    "правовая_форма": "legal_form",
    "страна": "country",
    "категория": "category",
    "вид_номера": "identifier_kind",
    "бин_иин": "identifier",
    "бин/иин": "identifier",
    "бин": "identifier",
    "иин": "identifier",
    "stir": "identifier",
    "стир": "identifier",
    "number": "identifier",
    "дата_регистрации": "registration_date",
    "адрес": "address",
    "сайт": "website",
}
KIND_WORDS = {
    "юл": "legal_entity",
    "юр": "legal_entity",
    "юридическое_лицо": "legal_entity",
    "ип": "entrepreneur",
    "жк": "entrepreneur",
    "индивидуальный_предприниматель": "entrepreneur",
    "фл": "individual",
    "физ": "individual",
    "физическое_лицо": "individual",
}
CP_WRITTEN = [c for c in CP_COLUMNS if c not in {"identifier", "country"}]


def _guess_identifier_kind(kind: str, country: str, number: str) -> str:
    if not number:
        return ""
    if country == "KZ":
        return IdentifierKind.BIN if kind == Kind.LEGAL_ENTITY else IdentifierKind.IIN
    if country == "UZ":
        return IdentifierKind.PINFL if len(number) == 14 else IdentifierKind.STIR
    return IdentifierKind.FOREIGN


def _counterparty_row(line: int, raw: dict[str, str]) -> tuple[dict[str, Any], RowValidator]:
    check = RowValidator(line)
    row: dict[str, Any] = {}
    row["kind"] = check.cell("kind", lambda: choice(raw.get("kind", ""), Kind, KIND_WORDS, default=Kind.LEGAL_ENTITY))
    for name in ("name_ru", "name_kk", "name_en", "name_uz"):
        row[name] = tidy_name(
            " ".join((check.cell(name, lambda n=name: limit_text(raw.get(n, ""), 300)) or "").split())
        )
    if not any(row[n] for n in ("name_ru", "name_kk", "name_en", "name_uz")):
        check.fail("name_ru", _("Give the name in at least one language."))
    row["legal_form"] = check.cell("legal_form", lambda: limit_text(raw.get("legal_form", ""), 60)) or ""
    country = raw.get("country", "").strip().upper()
    if len(country) != 2 or not country.isalpha():
        check.fail("country", _("Give the two-letter ISO code of the country."))
    row["country"] = country
    row["category"] = check.cell(
        "category", lambda: choice(raw.get("category", ""), Category, {}, default=Category.PRIVATE)
    )
    number = normalise_identifier(raw.get("identifier", ""))
    row["identifier"] = number
    ident_kind = raw.get("identifier_kind", "").strip().casefold()
    if not ident_kind and row["kind"]:
        ident_kind = _guess_identifier_kind(row["kind"], country, number)
    row["identifier_kind"] = ident_kind if number else ""
    if number:
        probe = Counterparty(
            kind=row["kind"] or Kind.LEGAL_ENTITY,
            name_en="-",
            country=country or "KZ",
            identifier_kind=ident_kind,
            identifier=number,
        )
        try:
            probe.clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field in {"identifier", "identifier_kind", "country"}:
                    for message in messages:
                        check.fail(field, message)
    row["registration_date"] = check.cell("registration_date", lambda: parse_date(raw.get("registration_date", "")))
    row["address"] = check.cell("address", lambda: limit_text(raw.get("address", ""), 500)) or ""
    row["website"] = check.cell("website", lambda: limit_text(raw.get("website", ""), 200)) or ""
    return row, check


def plan_counterparties(*, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]) -> ImportPlan:
    result = ImportPlan(kind="counterparties", columns=[c for c in CP_COLUMNS if c in header])
    if not ({"name_ru", "name_kk", "name_en", "name_uz"} & set(header)) or "country" not in header:
        result.file_errors.append(
            _("Required columns are missing: %(columns)s") % {"columns": "name_ru|name_kk|name_en|name_uz, country"}
        )
        return result
    return plan_rows(
        kind="counterparties",
        columns=CP_COLUMNS,
        required=(),
        header=header,
        rows=rows,
        validate=_counterparty_row,
        key=lambda row: ("identifier", (row["country"], row["identifier"])) if row["identifier"] else None,
    )


def _apply_counterparties(actor: Actor | None, plan: ImportPlan, progress: ProgressCallback) -> ImportResult:
    keys = {(row["country"], row["identifier"]) for _line, row in plan.valid if row["identifier"]}
    numbers = {number for _country, number in keys}
    existing: dict[tuple[str, str], Counterparty] = {}
    for start in range(0, len(numbers), 900):
        chunk = sorted(numbers)[start : start + 900]
        for cp in Counterparty.objects.filter(identifier__in=chunk, merged_into__isnull=True):
            existing[(cp.country, cp.identifier)] = cp
    upsert = Upsert(
        Counterparty, event_type="counterparties.counterparty.imported", update_fields=[*CP_WRITTEN, "search_text"]
    )
    touched = []
    for _line, row in plan.valid:
        current = existing.get((row["country"], row["identifier"])) if row["identifier"] else None
        values = {name: row[name] for name in CP_WRITTEN}
        if current is None:
            cp = Counterparty(country=row["country"], identifier=row["identifier"], **values)
            cp.refresh_search_text()
            upsert.create(cp, {**values, "country": row["country"], "identifier": row["identifier"]})
            touched.append(cp.pk)
            continue
        values = {name: value for name, value in values.items() if name in plan.columns or name == "identifier_kind"}
        upsert.update(current, values, refresh=current.refresh_search_text)
        touched.append(current.pk)
    result = upsert.write(actor=actor, plan=plan, progress=progress)
    # Screened once written: a large import in the worker, so the import itself stays quick.
    services.counterparties_screen_after_commit(touched)
    return result
