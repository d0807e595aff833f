"""Import of gifts and hospitality registered before Senim, with the decision taken on each.

Each row is one gift of an employee (by personnel number in the company), matched on re-import by
its `external_id`. The gift is assessed against its year's threshold as a declared one is; a row
with a `decision` (approved or refused) enters that decision as taken on `decided_on` (on or after
the gift, never in the future; a past day needs the right to back-date). The gift's own date may be
past without that right: gifts are declared after they happen.
"""

import functools
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from senim.conflicts import policy
from senim.conflicts.importing.declarations import People
from senim.conflicts.models import Gift, GiftKind, PartyKind
from senim.conflicts.services.gifts import CURRENCIES, MAX_VALUE, gift_assess, source_key, threshold_for
from senim.core.access import Actor, Scope, scope_of, user_of
from senim.core.eventdates import backdated_changes, event_moment
from senim.core.importing import (
    SHARED_ALIASES,
    Upsert,
    company_cell,
    employee_cell,
    external_key,
    plan_rows,
    stored_by_external_id,
)
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.core.importing.values import (
    CellError,
    choice,
    limit_text,
    parse_amount,
    parse_bool,
    parse_date,
    require_text,
)

COLUMNS = [
    "company",
    "external_id",
    "personnel_number",
    "kind",
    "is_hospitality",
    "party_kind",
    "party_name",
    "party_organisation",
    "occasion",
    "description",
    "value",
    "currency",
    "date",
    "decision",
    "decided_on",
    "decision_comment",
    "handed_over_on",
    "handed_over_to",
    "storage",
]
REQUIRED = ["company", "personnel_number", "kind", "party_name", "occasion", "description", "value", "date"]
ALIASES = SHARED_ALIASES | {
    "вид": "kind",
    "гостеприимство": "is_hospitality",
    "hospitality": "is_hospitality",
    "другая_сторона": "party_kind",
    "даритель": "party_name",
    "party": "party_name",
    "организация": "party_organisation",
    "повод": "occasion",
    "описание": "description",
    "стоимость": "value",
    "amount": "value",
    "валюта": "currency",
    "дата": "date",
    "решение": "decision",
    "дата_решения": "decided_on",
    "decided": "decided_on",
    "комментарий": "decision_comment",
    "передан": "handed_over_on",
    "дата_передачи": "handed_over_on",
    "принял": "handed_over_to",
    "место_хранения": "storage",
}
KIND_WORDS = {"получен": "received", "подарен": "given", "предложен": "offered", "отклонён": "declined"}
PARTY_WORDS = {
    "частное_лицо": "person",
    "контрагент": "counterparty",
    "должностное_лицо": "official",
    "госслужащий": "official",
    "public_official": "official",
}
DECISION_WORDS = {"одобрен": "approved", "одобрено": "approved", "отказ": "refused", "отказано": "refused"}
DECISIONS = ("approved", "refused")
WRITTEN = [
    "employee_id",
    "unit_id",
    "kind",
    "is_hospitality",
    "party_kind",
    "party_name",
    "party_organisation",
    "source_key",
    "occasion",
    "description",
    "value",
    "currency",
    "date",
    "status",
    "threshold_facts",
    "decided_at",
    "decision_comment",
    "handed_over_at",
    "handed_over_to",
    "storage",
]
# The file's column each written field comes from; the others are derived and always written.
SOURCE = {
    "decided_at": "decided_on",
    "handed_over_at": "handed_over_on",
    "status": "personnel_number",
    "threshold_facts": "personnel_number",
    "source_key": "personnel_number",
    "employee_id": "personnel_number",
    "unit_id": "personnel_number",
    "decision_comment": "decision",
}


def _decision(text: str) -> str:
    value = DECISION_WORDS.get(text.strip().casefold(), text.strip().casefold())
    if value not in DECISIONS:
        raise CellError(
            _("“%(value)s” is not one of: %(allowed)s.") % {"value": text[:40], "allowed": "approved, refused"}
        )
    return value


def _currency(text: str) -> str:
    value = text.strip().upper() or "KZT"
    if value not in CURRENCIES:
        raise CellError(_("Unknown currency."))
    return value


def _gift_cells(check: RowValidator, raw: dict[str, str], row: dict[str, Any]) -> None:
    row["kind"] = check.cell("kind", lambda: choice(raw.get("kind", ""), GiftKind, KIND_WORDS))
    row["is_hospitality"] = bool(check.cell("is_hospitality", lambda: parse_bool(raw.get("is_hospitality", ""))))
    row["party_kind"] = check.cell(
        "party_kind", lambda: choice(raw.get("party_kind", ""), PartyKind, PARTY_WORDS, default="person")
    )
    for name, limit in (("party_name", 300), ("occasion", 300), ("description", 5000)):
        row[name] = check.cell(name, lambda n=name, m=limit: require_text(raw.get(n, ""), m))
    for name in ("party_organisation", "handed_over_to", "storage"):
        row[name] = check.cell(name, lambda n=name: limit_text(raw.get(n, ""), 300)) or ""
    row["value"] = check.cell("value", lambda: parse_amount(raw.get("value", "")))
    if row["value"] is not None and row["value"] > MAX_VALUE:
        check.fail("value", _("The value is too large."))
    if row["value"] is None and not check.has_error("value"):
        check.fail("value", _("This column is required."))
    row["currency"] = check.cell("currency", lambda: _currency(raw.get("currency", "")))
    row["date"] = check.cell("date", lambda: parse_date(raw.get("date", "")))
    if row["date"] is None and not check.has_error("date"):
        check.fail("date", _("This column is required."))
    row["handed_over_on"] = check.cell("handed_over_on", lambda: parse_date(raw.get("handed_over_on", "")))


def _decision_cells(check: RowValidator, raw: dict[str, str], row: dict[str, Any]) -> None:
    text = raw.get("decision", "").strip()
    row["decision"] = (check.cell("decision", lambda: _decision(text)) if text else "") or ""
    row["decided_on"] = check.cell("decided_on", lambda: parse_date(raw.get("decided_on", "")))
    comment = check.cell("decision_comment", lambda: limit_text(raw.get("decision_comment", ""), 5000))
    row["decision_comment"] = comment or ""
    if not text:
        for column in ("decided_on", "decision_comment"):
            if raw.get(column, "").strip():
                check.fail(column, _("Only a decided gift has this; give the decision too."))
        return
    if row["decided_on"] is None and not raw.get("decided_on", "").strip():
        check.fail("decided_on", _("Give the day of the decision."))
    if row["decision"] == "refused" and not row["decision_comment"]:
        check.fail("decision_comment", _("Give the reason for the refusal."))


def _gift_row(
    line: int, raw: dict[str, str], lookups: People, scope: Scope, deciders: Scope, actor: Actor | None
) -> tuple[dict[str, Any], RowValidator]:
    check = RowValidator(line)
    row: dict[str, Any] = {}
    company = row["company"] = company_cell(check, raw, lookups.companies)
    row["external_id"] = check.cell("external_id", lambda: limit_text(raw.get("external_id", ""), 100)) or ""
    _gift_cells(check, raw, row)
    _decision_cells(check, raw, row)
    row["employee"] = None
    row["backdated"] = False
    if company is None:
        return row, check
    employee = row["employee"] = employee_cell(check, raw, company, lookups.employees)
    if employee is None:
        return row, check
    if not scope.covers(company_id=company.id, unit_id=employee.unit_id):
        check.fail("personnel_number", _("You may not import gifts of this company or unit."))
    elif row["decision"] and not deciders.covers(company_id=company.id, unit_id=employee.unit_id):
        check.fail("decision", _("You may not decide gifts of this company or unit."))
    elif row["date"] is not None:
        labels = {
            "date": _("Date of the gift"),
            "handed_over_on": _("Handed over on"),
            "decided_on": _("Decided on"),
        }
        # The gift and its handing over are declared after they happen; the decision is back-dated.
        check.event_dates(
            actor=actor,
            company=company,
            dates={"date": row["date"], "handed_over_on": row["handed_over_on"]},
            labels=labels,
            order=[("date", "handed_over_on")],
            past_allowed=True,
        )
        if row["decided_on"] is not None:
            row["backdated"] = check.event_dates(
                actor=actor,
                company=company,
                dates={"decided_on": row["decided_on"]},
                labels=labels,
                order=[("date", "decided_on")],
                recorded={"date": row["date"]},
            )
    return row, check


def plan_gifts(*, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]) -> ImportPlan:
    scope = scope_of(actor, policy.REVIEW)
    deciders = scope_of(actor, policy.APPROVE_GIFTS)
    lookups, rows = People.read(rows)
    return plan_rows(
        kind="gifts",
        columns=COLUMNS,
        required=REQUIRED,
        header=header,
        rows=rows,
        validate=lambda line, raw: _gift_row(line, raw, lookups, scope, deciders, actor),
        key=external_key,
    )


def _values(row: dict[str, Any], threshold_of: Any) -> dict[str, Any]:
    employee = row["employee"]
    values = {name: row[name] for name in WRITTEN if name in row}
    values |= {
        "employee_id": employee.id,
        "unit_id": employee.unit_id,
        "source_key": source_key(row["party_name"], row["party_organisation"]),
        "decided_at": event_moment(row["decided_on"]),
        "handed_over_at": row["handed_over_on"],
    }
    assessed = Gift(**{k: v for k, v in values.items() if k in ("kind", "party_kind", "value", "currency", "date")})
    status, values["threshold_facts"] = gift_assess(assessed, row["company"].country, threshold_of)
    values["status"] = row["decision"] or status
    return values


def apply_gifts(actor: Actor | None, plan: ImportPlan, progress: ProgressCallback) -> ImportResult:
    existing: dict[tuple[Any, str], Gift] = stored_by_external_id(Gift, plan, WRITTEN)
    threshold_of = functools.lru_cache(maxsize=None)(threshold_for)
    upsert = Upsert(Gift, event_type="conflicts.gift.imported", update_fields=WRITTEN)
    for line, row in plan.valid:
        company = row["company"]
        current = existing.get((company.id, row["external_id"])) if row["external_id"] else None
        values = _values(row, threshold_of)
        extra = backdated_changes(row["backdated"])
        if current is None:
            gift = Gift(company=company, external_id=row["external_id"], declared_by=user_of(actor), **values)
            upsert.create(gift, values, company_id=company.id, line=line, extra=extra)
        else:
            written = {n: v for n, v in values.items() if SOURCE.get(n, n) in plan.columns}
            upsert.update(current, written, company_id=company.id, line=line, extra=extra)
    return upsert.write(actor=actor, plan=plan, progress=progress)
