"""Import of applications for counterparties that refuse, with their contracts and decisions: the
history of approvals kept on paper or in another system before Senim.

Each row is one application of a company, matched on re-import by its `external_id` (the id in the
source system; a row without one is added each time). The dates are the real ones, checked through
`core.eventdates` (never in the future, never before the company existed, decided on or after filed);
a decided row is entered as decided (the decision was approved when it was taken, outside Senim), and
a decision to enter in the Register creates the Register entry from the day of the decision. The
`contracts` cell names contracts already registered for the company and counterparty (import the
contracts first), separated by semicolons.
"""

import re
from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, Scope, scope_of, user_of
from senim.core.eventdates import backdated_changes
from senim.core.identifiers import normalise_identifier
from senim.core.importing import SHARED_ALIASES, Upsert, company_cell, external_key, plan_rows, stored_by_external_id
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.core.importing.values import CellError, choice, limit_text, parse_date
from senim.counterparties import policy
from senim.counterparties.importing.contracts import _ContractLookups
from senim.counterparties.models import (
    Application,
    Contract,
    Decision,
    Refusal,
    RegisterEntry,
    RegulationClause,
)

AP_COLUMNS = [
    "company",
    "external_id",
    "counterparty",
    "counterparty_country",
    "unit_code",
    "refusal",
    "filed_on",
    "contracts",
    "contract_count",
    "contracts_description",
    "justification",
    "decision",
    "clause",
    "grounds",
    "decided_on",
    "register_until",
]
AP_REQUIRED = ["company", "counterparty", "refusal", "filed_on"]
AP_ALIASES = SHARED_ALIASES | {
    "id": "external_id",
    "контрагент": "counterparty",
    "бин_иин_контрагента": "counterparty",
    "отказ": "refusal",
    "дата_заявки": "filed_on",
    "filed": "filed_on",
    "договоры": "contracts",
    "номера_договоров": "contracts",
    "количество_договоров": "contract_count",
    "описание_договоров": "contracts_description",
    "обоснование": "justification",
    "решение": "decision",
    "пункт": "clause",
    "пункт_положения": "clause",
    "основания": "grounds",
    "дата_решения": "decided_on",
    "decided": "decided_on",
    "в_реестре_до": "register_until",
}
REFUSAL_WORDS = {
    "анкета": "questionnaire",
    "отказ_от_анкеты": "questionnaire",
    "оговорка": "clause",
    "отказ_от_оговорки": "clause",
    "оба": "both",
    "анкета_и_оговорка": "both",
}
DECISION_WORDS = {
    "реестр": "register",
    "внести_в_реестр": "register",
    "разовое": "one_off",
    "разовое_согласование": "one_off",
    "one-off": "one_off",
    "ссылка": "reference",
    "без_рассмотрения": "no_consideration",
    "оставить_без_рассмотрения": "no_consideration",
    "отказ": "refuse",
    "отказать": "refuse",
}
# What a re-import may change; the number and the company stay.
AP_WRITTEN = [
    "counterparty_id",
    "unit_id",
    "refusal",
    "filed_on",
    "contract_count",
    "contracts_description",
    "justification",
    "status",
    "decision",
    "clause_id",
    "grounds",
    "decided_on",
    "register_until",
]
# The file's column each written field comes from (the others are named alike).
AP_SOURCE = {
    "counterparty_id": "counterparty",
    "unit_id": "unit_code",
    "clause_id": "clause",
    "status": "decision",
}
SEPARATORS = re.compile(r"[;\n]+")


def _count(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 10000:
        raise CellError(_("Give a whole number from 1 to 10,000."))
    return int(text)


class _Lookups(_ContractLookups):
    def __init__(self) -> None:
        super().__init__()
        self.clauses = {c.code.casefold(): c.id for c in RegulationClause.objects.only("id", "code")}
        self.contracts: dict[tuple[Any, str], tuple[Any, Any]] = {}
        rows = Contract.objects.values_list("id", "company_id", "number", "counterparty_id")
        for pk, company_id, number, counterparty_id in rows.iterator(chunk_size=5000):
            self.contracts[(company_id, number)] = (pk, counterparty_id)
        # The decisions of applications imported before, by company and external id.
        self.decisions: dict[tuple[Any, str], str] = {
            (company_id, external_id): decision
            for company_id, external_id, decision in Application.objects.exclude(external_id="").values_list(
                "company_id", "external_id", "decision"
            )
        }


def _application_row(
    line: int, raw: dict[str, str], lookups: _Lookups, scope: Scope, actor: Actor | None
) -> tuple[dict[str, Any], RowValidator]:
    check = RowValidator(line)
    row: dict[str, Any] = {}
    company = row["company"] = company_cell(check, raw, lookups.companies)
    row["external_id"] = check.cell("external_id", lambda: limit_text(raw.get("external_id", ""), 100)) or ""
    number = normalise_identifier(raw.get("counterparty", ""))
    country = raw.get("counterparty_country", "").strip().upper()
    if country:
        found = lookups.counterparties.get((country, number))
    else:
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
    row["refusal"] = check.cell("refusal", lambda: choice(raw.get("refusal", ""), Refusal, REFUSAL_WORDS))
    row["filed_on"] = check.cell("filed_on", lambda: parse_date(raw.get("filed_on", "")))
    if row["filed_on"] is None and not any(e.column == "filed_on" for e in check.errors):
        check.fail("filed_on", _("This column is required."))
    row["contracts_description"] = (
        check.cell("contracts_description", lambda: limit_text(raw.get("contracts_description", ""), 5000)) or ""
    )
    row["justification"] = check.cell("justification", lambda: limit_text(raw.get("justification", ""), 5000)) or ""
    decision_text = raw.get("decision", "").strip()
    row["decision"] = (
        check.cell("decision", lambda: choice(decision_text, Decision, DECISION_WORDS)) if decision_text else ""
    ) or ""
    row["status"] = Application.Status.DECIDED if row["decision"] else Application.Status.FILED
    code = raw.get("clause", "").strip()
    row["clause_id"] = lookups.clauses.get(code.casefold()) if code else None
    if code and row["clause_id"] is None:
        check.fail("clause", _("No regulation clause “%(code)s”.") % {"code": code[:30]})
    row["grounds"] = check.cell("grounds", lambda: limit_text(raw.get("grounds", ""), 5000)) or ""
    row["decided_on"] = check.cell("decided_on", lambda: parse_date(raw.get("decided_on", "")))
    row["register_until"] = check.cell("register_until", lambda: parse_date(raw.get("register_until", "")))
    if row["decision"]:
        if row["clause_id"] is None and not code:
            check.fail("clause", _("Cite a clause of the regulation in force."))
        if row["decided_on"] is None and not raw.get("decided_on", "").strip():
            check.fail("decided_on", _("Give the day of the decision."))
        if row["decision"] in {Decision.REGISTER, Decision.REFUSE, Decision.NO_CONSIDERATION} and not row["grounds"]:
            check.fail("grounds", _("Give the grounds of this decision."))
    else:
        for column in ("clause", "decided_on", "grounds"):
            if raw.get(column, "").strip():
                check.fail(column, _("Only a decided application has this; give the decision too."))
    if row["register_until"] is not None:
        if row["decision"] != Decision.REGISTER:
            check.fail("register_until", _("Only an entry in the Register has an end date."))
        elif row["decided_on"] and row["register_until"] < row["decided_on"]:
            check.fail("register_until", _("The end date is before the decision."))
    if company is not None and row["external_id"]:
        before = lookups.decisions.get((company.id, row["external_id"]))
        if before == Decision.REGISTER and row["decision"] != Decision.REGISTER:
            check.fail(
                "decision",
                _("This application entered the counterparty in the Register; revoke the entry instead."),
            )
    count = check.cell("contract_count", lambda: _count(raw.get("contract_count", "")))
    row["contract_ids"] = None
    row["unit_id"] = None
    row["backdated"] = False
    if company is not None:
        numbers = [n.strip() for n in SEPARATORS.split(raw.get("contracts", "")) if n.strip()]
        if "contracts" in raw:
            row["contract_ids"] = []
            for contract_number in numbers:
                contract = lookups.contracts.get((company.id, contract_number))
                if contract is None or (found is not None and contract[1] != found):
                    check.fail(
                        "contracts",
                        _("No contract “%(number)s” of this company with this counterparty.")
                        % {"number": contract_number[:60]},
                    )
                else:
                    row["contract_ids"].append(contract[0])
        unit_code = raw.get("unit_code", "").strip()
        if unit_code:
            row["unit_id"] = lookups.units.get((company.id, unit_code))
            if row["unit_id"] is None:
                check.fail("unit_code", _("No such code in this company: “%(code)s”.") % {"code": unit_code[:50]})
        if not scope.covers(company_id=company.id, unit_id=row["unit_id"]):
            check.fail("company", _("You may not import applications of this company or unit."))
        elif row["filed_on"] is not None:
            row["backdated"] = check.event_dates(
                actor=actor,
                company=company,
                dates={"filed_on": row["filed_on"], "decided_on": row["decided_on"]},
                labels={"filed_on": _("Filed on"), "decided_on": _("Decided on")},
                order=[("filed_on", "decided_on")],
            )
        if count is not None and row["contract_ids"] and count < len(row["contract_ids"]):
            check.fail("contract_count", _("The application covers at least the registered contracts chosen."))
    row["contract_count"] = count or max(1, len(row["contract_ids"] or []))
    return row, check


def plan_applications(
    *, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]
) -> ImportPlan:
    scope = scope_of(actor, policy.FILE_APPLICATION)
    lookups = _Lookups()
    return plan_rows(
        kind="applications",
        columns=AP_COLUMNS,
        required=AP_REQUIRED,
        header=header,
        rows=rows,
        validate=lambda line, raw: _application_row(line, raw, lookups, scope, actor),
        key=external_key,
    )


def _numbers(years: set[int]) -> dict[int, int]:
    """The last serial number used per year (numbers read `YYYY-NNNN`)."""
    last = dict.fromkeys(years, 0)
    for year in years:
        for number in Application.objects.filter(number__startswith=f"{year}-").values_list("number", flat=True):
            serial = number.split("-", 1)[1]
            if serial.isdigit():
                last[year] = max(last[year], int(serial))
    return last


def _active_entries(counterparty_ids: set[Any]) -> dict[Any, list[RegisterEntry]]:
    entries: dict[Any, list[RegisterEntry]] = {}
    qs = RegisterEntry.objects.filter(counterparty_id__in=counterparty_ids, revoked_on__isnull=True).only(
        "id", "counterparty_id", "start_date", "end_date", "revoked_on"
    )
    for entry in qs.order_by("-start_date").iterator(chunk_size=5000):
        entries.setdefault(entry.counterparty_id, []).append(entry)
    return entries


def _apply_applications(actor: Actor | None, plan: ImportPlan, progress: ProgressCallback) -> ImportResult:
    existing: dict[tuple[Any, str], Application] = stored_by_external_id(
        Application, plan, ["number", "created_at", *AP_WRITTEN]
    )
    stored_entries = {
        e.application_id: e for e in RegisterEntry.objects.filter(application__in=list(existing.values()))
    }
    flagged = _active_entries({row["counterparty_id"] for _line, row in plan.valid})
    serials = _numbers({row["filed_on"].year for _line, row in plan.valid})
    applications = Upsert(Application, event_type="counterparties.application.imported", update_fields=AP_WRITTEN)
    entries = Upsert(
        RegisterEntry,
        event_type="counterparties.register.entered",
        update_fields=["refusal", "grounds", "clause_id", "start_date", "end_date"],
    )
    links: dict[Any, list[Any]] = {}
    now = timezone.now()
    for line, row in plan.valid:
        company = row["company"]
        current = existing.get((company.id, row["external_id"])) if row["external_id"] else None
        values = {name: row[name] for name in AP_WRITTEN}
        extra = backdated_changes(row["backdated"])
        if current is None:
            year = row["filed_on"].year
            serials[year] += 1
            on_register = next(
                (e for e in flagged.get(row["counterparty_id"], []) if e.is_active_on(row["filed_on"])), None
            )
            application = Application(
                number=f"{year}-{serials[year]:04d}",
                company=company,
                external_id=row["external_id"],
                filed_by=user_of(actor),
                register_entry=on_register,
                approved_at=now if row["decision"] else None,
                approved_by=user_of(actor) if row["decision"] else None,
                **values,
            )
            applications.create(application, values, company_id=company.id, line=line, extra=extra)
        else:
            written = {n: v for n, v in values.items() if AP_SOURCE.get(n, n) in plan.columns}
            applications.update(current, written, company_id=company.id, line=line, extra=extra)
            application = current
        if row["contract_ids"] is not None:
            links[application.pk] = row["contract_ids"]
        if application.decision == Decision.REGISTER:
            _enter(entries, application, stored_entries.get(application.pk))
    with transaction.atomic():
        result = applications.write(actor=actor, plan=plan, progress=progress)
        entries.write(actor=actor, plan=plan)
        if links:
            _link_contracts(links)
    return result


def _enter(entries: Upsert, application: Application, stored: RegisterEntry | None) -> None:
    """The Register entry a decision to enter in the Register makes, from the day of the decision."""
    values = {
        "refusal": application.refusal,
        "grounds": application.grounds or "—",
        "clause_id": application.clause_id,
        "start_date": application.decided_on,
        "end_date": application.register_until,
    }
    if stored is None:
        entry = RegisterEntry(counterparty_id=application.counterparty_id, application=application, **values)
        entries.create(entry, values, company_id=application.company_id)
    else:
        entries.update(stored, values, company_id=application.company_id)


def _link_contracts(links: dict[Any, list[Any]]) -> None:
    through = Application.contracts.through
    ids = list(links)
    for start in range(0, len(ids), 5000):
        through.objects.filter(application_id__in=ids[start : start + 5000]).delete()
    through.objects.bulk_create(
        [
            through(application_id=application_id, contract_id=contract_id)
            for application_id, contract_ids in links.items()
            for contract_id in dict.fromkeys(contract_ids)
        ],
        batch_size=5000,
    )
