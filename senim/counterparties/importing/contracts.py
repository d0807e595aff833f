"""Import of contracts, matched by company and number."""

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from senim.core.access import Actor, Scope, scope_of
from senim.core.eventdates import backdated_changes
from senim.core.identifiers import normalise_identifier
from senim.core.importing import SHARED_ALIASES, Upsert, company_cell, plan_rows
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.core.importing.values import choice, limit_text, parse_amount, parse_bool, parse_date, require_text
from senim.counterparties import policy, services
from senim.counterparties.models import (
    Contract,
    Counterparty,
    ProcurementMethod,
)
from senim.org import selectors as org_selectors
from senim.org.models import Company, Unit

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
CT_ALIASES = SHARED_ALIASES | {
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


class _ContractLookups:
    def __init__(self) -> None:
        # (company id, personnel number) → employee, for the numbers the file names.
        self.approvers: dict[tuple[Any, str], Any] = {}
        self.companies = {c.registration_number: c for c in Company.objects.all()}
        self.units = {(u.company_id, u.code): u.id for u in Unit.objects.only("id", "company_id", "code")}
        self.counterparties: dict[tuple[str, str], Any] = {}
        self.by_number: dict[str, list[Any]] = {}
        rows = Counterparty.objects.filter(merged_into__isnull=True).exclude(identifier="")
        for pk, country, number in rows.values_list("id", "country", "identifier").iterator(chunk_size=5000):
            self.counterparties[(country, number)] = pk
            self.by_number.setdefault(number, []).append(pk)


def _contract_row(
    line: int, raw: dict[str, str], lookups: _ContractLookups, scope: Scope, actor: Actor | None = None
) -> tuple[dict[str, Any], RowValidator]:
    check = RowValidator(line)
    row: dict[str, Any] = {}
    company = row["company"] = company_cell(check, raw, lookups.companies)
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
        lambda: choice(raw.get("procurement_method", ""), ProcurementMethod, METHOD_WORDS, default="other"),
    )
    row["amount"] = check.cell("amount", lambda: parse_amount(raw.get("amount", "")))
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
        found_approver = lookups.approvers.get((company.id, approver)) if approver else None
        row["approved_by_id"] = found_approver.id if found_approver else None
        if approver and row["approved_by_id"] is None:
            check.fail(
                "approver",
                _("No employee with the personnel number “%(number)s” in this company.") % {"number": approver[:30]},
            )
        if not scope.covers(company_id=company.id, unit_id=row["unit_id"]):
            check.fail("company", _("You may not import contracts of this company or unit."))
        elif row["date"] is not None:
            row["backdated"] = check.event_dates(
                actor=actor, company=company, dates={"date": row["date"]}, labels={"date": _("Contract date")}
            )
    return row, check


def plan_contracts(*, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]) -> ImportPlan:
    scope = scope_of(actor, policy.MANAGE_CONTRACTS)
    lookups = _ContractLookups()
    if "approver" in header:
        # Read the rows once to collect the approvers' numbers, so that they are looked up together.
        buffered = list(rows)
        lookups.approvers = org_selectors.employees_by_number({raw.get("approver", "").strip() for _l, raw in buffered})
        rows = iter(buffered)
    return plan_rows(
        kind="contracts",
        columns=CT_COLUMNS,
        required=CT_REQUIRED,
        header=header,
        rows=rows,
        validate=lambda line, raw: _contract_row(line, raw, lookups, scope, actor),
        key=lambda row: ("number", (row["company"].id, row["number"])) if row["company"] and row["number"] else None,
    )


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
    upsert = Upsert(Contract, event_type="counterparties.contract.imported", update_fields=CT_WRITTEN)
    for line, row in plan.valid:
        company = row["company"]
        current = existing.get((company.id, row["number"]))
        values = {name: row[name] for name in CT_WRITTEN}
        if values["has_clause"] is None:
            values["has_clause"] = True if current is None else current.has_clause
        extra = backdated_changes(row.get("backdated", False))
        if current is None:
            contract = Contract(company=company, number=row["number"], **values)
            upsert.create(contract, values, company_id=company.id, line=line, extra=extra)
            continue
        values = {n: v for n, v in values.items() if written_columns.get(n, n) in plan.columns}
        upsert.update(current, values, company_id=company.id, line=line, extra=extra)
    result = upsert.write(actor=actor, plan=plan, progress=progress)
    # The counterparties of registered contracts are screened again once the contracts are written.
    services.counterparties_screen_after_commit(
        row["counterparty_id"] for _line, row in plan.valid if row["counterparty_id"]
    )
    return result
