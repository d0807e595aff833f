"""Imports of counterparties and contracts from CSV or XLSX, on the organisation import's engine.

As there, `plan_file` reads and validates the whole file and reports every bad cell by line and
column without writing anything; `apply` writes a plan in one transaction with an audit event per
record created or changed, and refuses a plan with errors unless the valid rows only were chosen.
Counterparties are matched by country and number; contracts by company and number.
"""

import decimal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, Scope, scope_of
from senim.core.audit import PendingEvent, audit_record_many, diff
from senim.core.bulk import bulk_insert
from senim.core.identifiers import normalise_identifier
from senim.counterparties import policy
from senim.counterparties.models import (
    Category,
    Contract,
    Counterparty,
    IdentifierKind,
    Kind,
    ProcurementMethod,
)
from senim.org.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.org.importing.reader import FileRejected, read_table
from senim.org.importing.values import CellError, limit_text, parse_bool, parse_date, require_text
from senim.org.models import Company, Employee, Unit

__all__ = ["KINDS", "FileRejected", "ImportPlan", "ImportResult", "apply", "plan_file"]

KINDS = ("counterparties", "contracts")


def _choice(text: str, choices: type, words: dict[str, str], *, default: str = "") -> str:
    value = text.strip().casefold().replace(" ", "_")
    if not value:
        if default:
            return default
        raise CellError(_("This column is required."))
    value = words.get(value, value)
    if value not in choices.values:  # type: ignore[attr-defined]
        allowed = ", ".join(choices.values)  # type: ignore[attr-defined]
        raise CellError(_("“%(value)s” is not one of: %(allowed)s.") % {"value": text[:40], "allowed": allowed})
    return value


# --- counterparties --------------------------------------------------------------------------------

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
    row["kind"] = check.cell("kind", lambda: _choice(raw.get("kind", ""), Kind, KIND_WORDS, default=Kind.LEGAL_ENTITY))
    for name in ("name_ru", "name_kk", "name_en", "name_uz"):
        row[name] = " ".join((check.cell(name, lambda n=name: limit_text(raw.get(n, ""), 300)) or "").split())
    if not any(row[n] for n in ("name_ru", "name_kk", "name_en", "name_uz")):
        check.fail("name_ru", _("Give the name in at least one language."))
    row["legal_form"] = check.cell("legal_form", lambda: limit_text(raw.get("legal_form", ""), 60)) or ""
    country = raw.get("country", "").strip().upper()
    if len(country) != 2 or not country.isalpha():
        check.fail("country", _("Give the two-letter ISO code of the country."))
    row["country"] = country
    row["category"] = check.cell(
        "category", lambda: _choice(raw.get("category", ""), Category, {}, default=Category.PRIVATE)
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
    seen: dict[tuple[str, str], int] = {}
    for line, raw in rows:
        row, check = _counterparty_row(line, raw)
        if row["identifier"]:
            key = (row["country"], row["identifier"])
            if key in seen:
                check.fail("identifier", _("Repeats line %(line)d.") % {"line": seen[key]})
            else:
                seen[key] = line
        if check.errors:
            result.rejected.append((line, raw, check.errors))
        else:
            result.accept(line, raw, row)
    return result


def _apply_counterparties(actor: Actor | None, plan: ImportPlan, progress: ProgressCallback) -> ImportResult:
    keys = {(row["country"], row["identifier"]) for _line, row in plan.valid if row["identifier"]}
    numbers = {number for _country, number in keys}
    existing: dict[tuple[str, str], Counterparty] = {}
    for start in range(0, len(numbers), 900):
        chunk = sorted(numbers)[start : start + 900]
        for cp in Counterparty.objects.filter(identifier__in=chunk, merged_into__isnull=True):
            existing[(cp.country, cp.identifier)] = cp
    to_create: list[Counterparty] = []
    to_update: list[Counterparty] = []
    events: list[PendingEvent] = []
    unchanged = 0
    for _line, row in plan.valid:
        current = existing.get((row["country"], row["identifier"])) if row["identifier"] else None
        values = {name: row[name] for name in CP_WRITTEN}
        if current is None:
            cp = Counterparty(country=row["country"], identifier=row["identifier"], **values)
            cp.refresh_search_text()
            to_create.append(cp)
            event_values = {**values, "country": row["country"], "identifier": row["identifier"]}
            events.append(
                PendingEvent(
                    "counterparties.counterparty.imported",
                    "counterparties.counterparty",
                    str(cp.id),
                    str(cp)[:300],
                    None,
                    diff({}, event_values),
                )
            )
            continue
        values = {name: value for name, value in values.items() if name in plan.columns or name == "identifier_kind"}
        changes = diff({name: getattr(current, name) for name in values}, values)
        if not changes:
            unchanged += 1
            continue
        for name, value in values.items():
            setattr(current, name, value)
        current.refresh_search_text()
        current.updated_at = timezone.now()
        to_update.append(current)
        events.append(
            PendingEvent(
                "counterparties.counterparty.imported",
                "counterparties.counterparty",
                str(current.id),
                str(current)[:300],
                None,
                changes,
            )
        )
    with transaction.atomic():
        for start in range(0, len(to_create), 5000):
            bulk_insert(Counterparty, to_create[start : start + 5000])
            if progress:
                progress(len(to_create[start : start + 5000]))
        for start in range(0, len(to_update), 1000):
            Counterparty.objects.bulk_update(
                to_update[start : start + 1000], [*CP_WRITTEN, "search_text", "updated_at"]
            )
        audit_record_many(actor=actor, events=events)
    return ImportResult(created=len(to_create), updated=len(to_update), unchanged=unchanged, skipped=len(plan.rejected))


# --- contracts --------------------------------------------------------------------------------------

CT_COLUMNS = [
    "company",
    "number",
    "date",
    "counterparty",
    "counterparty_country",
    "procurement_method",
    "amount",
    "currency",
    "subject",
    "term_end",
    "has_clause",
    "unit_code",
    "approver",
]
CT_REQUIRED = ["company", "number", "date", "counterparty"]
CT_ALIASES = {
    "компания": "company",
    "бин_компании": "company",
    "номер": "number",
    "номер_договора": "number",
    "дата": "date",
    "дата_договора": "date",
    "контрагент": "counterparty",
    "бин_иин_контрагента": "counterparty",
    "способ_закупки": "procurement_method",
    "method": "procurement_method",
    "сумма": "amount",
    "валюта": "currency",
    "предмет": "subject",
    "предмет_договора": "subject",
    "срок": "term_end",
    "срок_действия": "term_end",
    "оговорка": "has_clause",
    "антикоррупционная_оговорка": "has_clause",
    "clause": "has_clause",
    "подразделение": "unit_code",
    "unit": "unit_code",
    "approved_by": "approver",
    "согласовал": "approver",
    "табельный_номер_согласовавшего": "approver",
}
METHOD_WORDS = {
    "открытый_тендер": "open_tender",
    "тендер": "open_tender",
    "tender": "open_tender",
    "запрос_ценовых_предложений": "price_offers",
    "отбор_наилучшего_предложения": "price_offers",
    "прямой_договор": "direct",
    "из_одного_источника": "direct",
    "direct_contract": "direct",
    "иное": "other",
}
CT_WRITTEN = [
    "date",
    "counterparty_id",
    "procurement_method",
    "amount",
    "currency",
    "subject",
    "term_end",
    "has_clause",
    "unit_id",
    "approved_by_id",
]


def _amount(text: str) -> decimal.Decimal | None:
    text = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        value = decimal.Decimal(text)
    except decimal.InvalidOperation as error:
        raise CellError(_("“%(value)s” is not an amount.") % {"value": text[:40]}) from error
    if not value.is_finite() or value < 0 or value >= 10**16:
        raise CellError(_("“%(value)s” is not an amount.") % {"value": text[:40]})
    return value.quantize(decimal.Decimal("0.01"))


class _ContractLookups:
    def __init__(self) -> None:
        # (company id, personnel number) → employee id; filled once per file by load_approvers().
        self.approvers: dict[tuple[Any, str], Any] = {}
        self.companies = {c.registration_number: c for c in Company.objects.all()}
        self.units = {(u.company_id, u.code): u.id for u in Unit.objects.only("id", "company_id", "code")}
        self.counterparties: dict[tuple[str, str], Any] = {}
        self.by_number: dict[str, list[Any]] = {}
        rows = Counterparty.objects.filter(merged_into__isnull=True).exclude(identifier="")
        for pk, country, number in rows.values_list("id", "country", "identifier").iterator(chunk_size=5000):
            self.counterparties[(country, number)] = pk
            self.by_number.setdefault(number, []).append(pk)

    def load_approvers(self, numbers: set[str]) -> None:
        """The approvers' personnel numbers named in the file, looked up together (one query per 5,000
        distinct numbers, to stay under the database's parameter limits)."""
        for chunk in _chunks(sorted(numbers), 5000):
            rows = Employee.objects.filter(personnel_number__in=chunk).values_list(
                "id", "company_id", "personnel_number"
            )
            for pk, company_id, number in rows.iterator(chunk_size=5000):
                self.approvers[(company_id, number)] = pk


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _contract_row(
    line: int, raw: dict[str, str], lookups: _ContractLookups, scope: Scope
) -> tuple[dict[str, Any], RowValidator]:
    check = RowValidator(line)
    row: dict[str, Any] = {}
    company = lookups.companies.get(raw.get("company", "").strip())
    if company is None:
        check.fail(
            "company",
            _("No company with this registration number.") if raw.get("company") else _("This column is required."),
        )
    row["company"] = company
    row["number"] = check.cell("number", lambda: require_text(raw.get("number", ""), 60))
    row["date"] = check.cell("date", lambda: parse_date(raw.get("date", "")))
    if row["date"] is None and not check.errors:
        check.fail("date", _("This column is required."))
    number = normalise_identifier(raw.get("counterparty", ""))
    country = raw.get("counterparty_country", "").strip().upper()
    found = lookups.counterparties.get((country, number)) if country else None
    if not country:
        candidates = lookups.by_number.get(number, [])
        found = candidates[0] if len(candidates) == 1 else None
    if not number:
        check.fail("counterparty", _("This column is required."))
    elif found is None:
        check.fail(
            "counterparty",
            _("No counterparty with the number “%(number)s” in the register.") % {"number": number[:40]},
        )
    row["counterparty_id"] = found
    row["procurement_method"] = check.cell(
        "procurement_method",
        lambda: _choice(raw.get("procurement_method", ""), ProcurementMethod, METHOD_WORDS, default="other"),
    )
    row["amount"] = check.cell("amount", lambda: _amount(raw.get("amount", "")))
    currency = (raw.get("currency", "") or "KZT").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        check.fail("currency", _("Give the three-letter currency code, e.g. KZT."))
    row["currency"] = currency
    row["subject"] = check.cell("subject", lambda: limit_text(raw.get("subject", ""), 500)) or ""
    row["term_end"] = check.cell("term_end", lambda: parse_date(raw.get("term_end", "")))
    if row["term_end"] and row["date"] and row["term_end"] < row["date"]:
        check.fail("term_end", _("The contract ends before its date."))
    row["has_clause"] = check.cell("has_clause", lambda: parse_bool(raw.get("has_clause", "")))
    row["unit_id"] = None
    row["approved_by_id"] = None
    if company is not None:
        code = raw.get("unit_code", "").strip()
        if code:
            row["unit_id"] = lookups.units.get((company.id, code))
            if row["unit_id"] is None:
                check.fail("unit_code", _("No such code in this company: “%(code)s”.") % {"code": code[:50]})
        approver = raw.get("approver", "").strip()
        row["approved_by_id"] = lookups.approvers.get((company.id, approver)) if approver else None
        if approver and row["approved_by_id"] is None:
            check.fail(
                "approver",
                _("No employee with the personnel number “%(number)s” in this company.") % {"number": approver[:30]},
            )
        if not scope.covers(company_id=company.id, unit_id=row["unit_id"]):
            check.fail("company", _("You may not import contracts of this company or unit."))
    return row, check


def plan_contracts(*, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]) -> ImportPlan:
    scope = scope_of(actor, policy.MANAGE_CONTRACTS) if actor is not None else Scope(everything=True)
    result = ImportPlan(kind="contracts", columns=[c for c in CT_COLUMNS if c in header])
    missing = [c for c in CT_REQUIRED if c not in header]
    if missing:
        result.file_errors.append(_("Required columns are missing: %(columns)s") % {"columns": ", ".join(missing)})
        return result
    lookups = _ContractLookups()
    if "approver" in header:
        # Read the rows once to collect the approvers' numbers, so that they are looked up together.
        buffered = list(rows)
        lookups.load_approvers({raw.get("approver", "").strip() for _line, raw in buffered} - {""})
        rows = iter(buffered)
    seen: dict[tuple[Any, str], int] = {}
    for line, raw in rows:
        row, check = _contract_row(line, raw, lookups, scope)
        if row["company"] and row["number"]:
            key = (row["company"].id, row["number"])
            if key in seen:
                check.fail("number", _("Repeats line %(line)d.") % {"line": seen[key]})
            else:
                seen[key] = line
        if check.errors:
            result.rejected.append((line, raw, check.errors))
        else:
            result.accept(line, raw, row)
    return result


def _apply_contracts(actor: Actor | None, plan: ImportPlan, progress: ProgressCallback) -> ImportResult:
    company_ids = {row["company"].id for _line, row in plan.valid}
    existing = {
        (c.company_id, c.number): c
        for c in Contract.objects.filter(company_id__in=company_ids).only("id", "company_id", "number", *CT_WRITTEN)
    }
    written_columns = {
        "counterparty_id": "counterparty",
        "unit_id": "unit_code",
        "approved_by_id": "approver",
    }
    to_create: list[Contract] = []
    to_update: list[Contract] = []
    events: list[PendingEvent] = []
    unchanged = 0
    for _line, row in plan.valid:
        company = row["company"]
        current = existing.get((company.id, row["number"]))
        values = {name: row[name] for name in CT_WRITTEN}
        if values["has_clause"] is None:
            values["has_clause"] = True if current is None else current.has_clause
        if current is None:
            contract = Contract(company=company, number=row["number"], **values)
            to_create.append(contract)
            events.append(
                PendingEvent(
                    "counterparties.contract.imported",
                    "counterparties.contract",
                    str(contract.id),
                    str(contract),
                    company.id,
                    diff({}, values),
                )
            )
            continue
        values = {n: v for n, v in values.items() if written_columns.get(n, n) in plan.columns}
        changes = diff({name: getattr(current, name) for name in values}, values)
        if not changes:
            unchanged += 1
            continue
        for name, value in values.items():
            setattr(current, name, value)
        current.updated_at = timezone.now()
        to_update.append(current)
        events.append(
            PendingEvent(
                "counterparties.contract.imported",
                "counterparties.contract",
                str(current.id),
                str(current),
                company.id,
                changes,
            )
        )
    with transaction.atomic():
        for start in range(0, len(to_create), 5000):
            bulk_insert(Contract, to_create[start : start + 5000])
            if progress:
                progress(len(to_create[start : start + 5000]))
        for start in range(0, len(to_update), 1000):
            Contract.objects.bulk_update(to_update[start : start + 1000], [*CT_WRITTEN, "updated_at"])
        audit_record_many(actor=actor, events=events)
    return ImportResult(created=len(to_create), updated=len(to_update), unchanged=unchanged, skipped=len(plan.rejected))


# --- entry points -------------------------------------------------------------------------------------


def plan_file(*, actor: Actor | None, kind: str, path: Path, max_bytes: int | None = None) -> ImportPlan:
    """Read and validate a file of `kind` (counterparties or contracts); raises FileRejected for an
    unreadable file. `max_bytes` None: the upload limit; 0: no limit (the command line)."""
    limit = settings.SENIM_MAX_UPLOAD_MB * 1024 * 1024 if max_bytes is None else max_bytes
    if kind == "counterparties":
        header, rows = read_table(path, max_bytes=limit or 2**62, aliases=CP_ALIASES)
        return plan_counterparties(header=header, rows=rows)
    header, rows = read_table(path, max_bytes=limit or 2**62, aliases=CT_ALIASES)
    return plan_contracts(actor=actor, header=header, rows=rows)


def apply(
    *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, progress: ProgressCallback = None
) -> ImportResult:
    """Write a validated plan, all or nothing. The actor needs the import permission (counterparties)
    or the contract permission over every company of the plan (checked while planning)."""
    if actor is not None:
        permission = policy.IMPORT if plan.kind == "counterparties" else policy.MANAGE_CONTRACTS
        if scope_of(actor, permission).is_empty:
            raise PermissionDenied(permission)
    if plan.file_errors or (plan.rejected and not valid_only):
        raise PermissionDenied("import has errors")
    if plan.kind == "counterparties":
        return _apply_counterparties(actor, plan, progress)
    return _apply_contracts(actor, plan, progress)
