"""Imports of paper acknowledgement sheets, anti-corruption agreements and new hires' contracts
from CSV or XLSX, on org's import engine: `plan` validates every row and reports each bad cell by
line and column (nothing written); `apply` writes a plan in one transaction, refusing a plan with
errors unless the user chose to import the valid rows only."""

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.awareness import policy
from senim.awareness.models import Acknowledgement, AckRequest, AgreementObligation, DocumentVersion, HireRecord
from senim.awareness.services.acknowledgements import _in_force_on
from senim.awareness.services.agreements import obligations_sync
from senim.core.access import Actor, scope_of
from senim.core.audit import PendingEvent, audit_record_many
from senim.core.bulk import bulk_insert_values
from senim.core.importing import FileRejected, ImportPlan, ImportResult, RowValidator, plan_table, refuse_unless_clean
from senim.core.importing.values import CellError, parse_bool, parse_date, require_text
from senim.org.models import Company, Employee

__all__ = ["KINDS", "FileRejected", "ImportPlan", "ImportResult", "apply", "plan_file"]

COMMON_ALIASES = {
    "компания": "company",
    "бин_компании": "company",
    "bin": "company",
    "табельный_номер": "personnel_number",
    "таб_№": "personnel_number",
    "tab_number": "personnel_number",
    "personnel_no": "personnel_number",
}
KINDS: dict[str, dict[str, Any]] = {
    "acknowledgements": {
        "columns": ["company", "personnel_number", "acknowledged_on"],
        "required": ["personnel_number", "acknowledged_on"],
        "aliases": COMMON_ALIASES
        | {"дата": "acknowledged_on", "дата_ознакомления": "acknowledged_on", "date": "acknowledged_on"},
    },
    "agreements": {
        "columns": ["company", "personnel_number", "agreement_number", "concluded_on"],
        "required": ["personnel_number", "agreement_number", "concluded_on"],
        "aliases": COMMON_ALIASES
        | {"номер_соглашения": "agreement_number", "number": "agreement_number", "дата": "concluded_on"},
    },
    "hires": {
        "columns": ["company", "personnel_number", "contract_number", "contract_date", "obligations"],
        "required": ["personnel_number", "contract_date", "obligations"],
        "aliases": COMMON_ALIASES
        | {
            "номер_договора": "contract_number",
            "дата_договора": "contract_date",
            "антикоррупционные_обязательства": "obligations",
        },
    },
}


@dataclass
class _People:
    """Employees by (company registration number, personnel number) and by personnel number."""

    by_key: dict[tuple[str, str], tuple[uuid.UUID, uuid.UUID, uuid.UUID | None]]
    by_number: dict[str, list[tuple[uuid.UUID, uuid.UUID, uuid.UUID | None]]]

    @classmethod
    def load(cls, company_ids: list[uuid.UUID] | None = None) -> "_People":
        registration = dict(Company.objects.values_list("pk", "registration_number"))
        rows = Employee.objects.all()
        if company_ids is not None:
            rows = rows.filter(company_id__in=company_ids)
        by_key: dict[tuple[str, str], tuple[uuid.UUID, uuid.UUID, uuid.UUID | None]] = {}
        by_number: dict[str, list[tuple[uuid.UUID, uuid.UUID, uuid.UUID | None]]] = {}
        for pk, company_id, unit_id, number in rows.values_list("pk", "company_id", "unit_id", "personnel_number"):
            by_key[(registration[company_id], number)] = (pk, company_id, unit_id)
            by_number.setdefault(number, []).append((pk, company_id, unit_id))
        return cls(by_key, by_number)

    def find(self, check: RowValidator, raw: dict[str, str]) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID | None] | None:
        number = check.cell("personnel_number", lambda: require_text(raw.get("personnel_number", ""), 30))
        if not number:
            return None
        company = raw.get("company", "").strip()
        if company:
            found = self.by_key.get((company, number))
        else:
            matches = self.by_number.get(number, [])
            if len(matches) > 1:
                check.fail("company", _("Several companies have this personnel number; give the company."))
                return None
            found = matches[0] if matches else None
        if found is None:
            check.fail("personnel_number", _("No employee with this personnel number."))
        return found


def _not_future(text: str) -> dt.date | None:
    value = parse_date(text)
    if value is not None and value > timezone.localdate():
        raise CellError(_("The date is in the future."))
    return value


def plan(
    *,
    actor: Actor | None,
    kind: str,
    header: list[str],
    rows: Iterator[tuple[int, dict[str, str]]],
    version: DocumentVersion | None = None,
) -> ImportPlan:
    """Validate every row of a file of `kind`; writes nothing."""
    spec = KINDS[kind]
    scope = scope_of(actor, policy.MANAGE)
    result = ImportPlan(kind=kind, columns=[c for c in spec["columns"] if c in header])
    missing = [c for c in spec["required"] if c not in header]
    if missing:
        result.file_errors.append(_("Required columns are missing: %(columns)s") % {"columns": ", ".join(missing)})
        return result
    if kind == "acknowledgements":
        if version is None:
            result.file_errors.append(_("Choose the document version that was acknowledged."))
            return result
        people = _People.load(list(version.document.companies.values_list("pk", flat=True)))
        done = set(
            Acknowledgement.objects.filter(version=version, is_stale=False).values_list("employee_id", flat=True)
        )
    else:
        if kind == "agreements":
            obligations_sync()  # employees moved since the last daily run have their obligation
        people = _People.load()
        done = set()
    open_obligations = (
        dict(AgreementObligation.objects.filter(concluded_on__isnull=True).values_list("employee_id", "pk"))
        if kind == "agreements"
        else {}
    )
    seen: dict[uuid.UUID, int] = {}
    for line, raw in rows:
        check = RowValidator(line)
        found = people.find(check, raw)
        row: dict[str, Any] = {}
        if kind == "acknowledgements":
            row["date"] = check.cell(
                "acknowledged_on", lambda r=raw: _not_future(require_text(r.get("acknowledged_on", ""), 30))
            )
            if row["date"] and version is not None and not _in_force_on(version, row["date"]):
                check.fail("acknowledged_on", _("The version was not in force on that date."))
        elif kind == "agreements":
            row["number"] = check.cell(
                "agreement_number", lambda r=raw: require_text(r.get("agreement_number", ""), 50)
            )
            row["date"] = check.cell(
                "concluded_on", lambda r=raw: _not_future(require_text(r.get("concluded_on", ""), 30))
            )
            if found is not None and found[0] not in open_obligations:
                check.fail("personnel_number", _("The employee has no agreement to conclude."))
        else:
            row["number"] = check.cell("contract_number", lambda r=raw: r.get("contract_number", "").strip()[:50])
            row["date"] = check.cell(
                "contract_date", lambda r=raw: _not_future(require_text(r.get("contract_date", ""), 30))
            )
            row["obligations"] = check.cell("obligations", lambda r=raw: parse_bool(r.get("obligations", "")))
        if found is not None:
            employee_id, company_id, unit_id = found
            row.update(employee_id=employee_id, company_id=company_id, unit_id=unit_id)
            if kind == "agreements":
                row["obligation_id"] = open_obligations.get(employee_id)
            if not scope.covers(company_id=company_id, unit_id=unit_id):
                check.fail("personnel_number", _("You may not record this for employees of this company or unit."))
            if employee_id in seen:
                check.fail("personnel_number", _("Repeats line %(line)d.") % {"line": seen[employee_id]})
            else:
                seen[employee_id] = line
            row["already"] = employee_id in done
        if check.errors:
            result.rejected.append((line, raw, check.errors))
        else:
            result.accept(line, raw, row)
    return result


def plan_file(*, actor: Actor | None, kind: str, path: Path, version: DocumentVersion | None = None) -> ImportPlan:
    """Read and validate a file; raises FileRejected for unreadable files."""
    return plan_table(
        path,
        aliases=KINDS[kind]["aliases"],
        planner=lambda header, rows: plan(actor=actor, kind=kind, header=header, rows=rows, version=version),
    )


def apply(
    *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, version: DocumentVersion | None = None
) -> ImportResult:
    """Write a validated plan, all or nothing; refuses a plan with errors unless `valid_only`."""
    refuse_unless_clean(plan, valid_only=valid_only)
    with transaction.atomic():
        if plan.kind == "acknowledgements":
            assert version is not None
            return _apply_acknowledgements(actor, plan, version)
        if plan.kind == "agreements":
            return _apply_agreements(actor, plan)
        return _apply_hires(actor, plan)


def _apply_acknowledgements(actor: Actor | None, plan: ImportPlan, version: DocumentVersion) -> ImportResult:
    rows = [row for _line, row in plan.valid if not row["already"]]
    employees = [row["employee_id"] for row in rows]
    for start in range(0, len(employees), 5000):
        Acknowledgement.objects.filter(version=version, employee_id__in=employees[start : start + 5000]).delete()
    now = timezone.now()
    recorder = actor.pk if actor is not None else None
    values = []
    events = []
    for row in rows:
        pk = uuid.uuid4()
        values.append(
            (
                pk,
                now,
                now,
                version.pk,
                version.document_id,
                row["employee_id"],
                row["company_id"],
                row["unit_id"],
                row["date"],
                Acknowledgement.Source.IMPORT,
                False,
                recorder,
            )
        )
        events.append(
            PendingEvent(
                "awareness.acknowledged",
                "awareness.acknowledgement",
                str(pk),
                f"{row['employee_id']} · {version.pk}",
                row["company_id"],
                {"acknowledged_on": [None, row["date"]], "source": [None, "import"], "version": [None, version.number]},
            )
        )
    names = (
        "id",
        "created_at",
        "updated_at",
        "version",
        "document",
        "employee",
        "company",
        "unit",
        "acknowledged_on",
        "source",
        "is_stale",
        "recorded_by",
    )
    bulk_insert_values(Acknowledgement, names, values)
    AckRequest.objects.filter(campaign__version=version, acknowledgement__isnull=True).update(
        acknowledgement_id=Subquery(
            Acknowledgement.objects.filter(version=version, employee_id=OuterRef("employee_id"), is_stale=False).values(
                "pk"
            )[:1]
        )
    )
    audit_record_many(actor=actor, events=events)
    return ImportResult(created=len(rows), updated=0, unchanged=len(plan.valid) - len(rows), skipped=len(plan.rejected))


def _apply_agreements(actor: Actor | None, plan: ImportPlan) -> ImportResult:
    events = []
    obligations = {
        o.pk: o for o in AgreementObligation.objects.filter(pk__in=[r["obligation_id"] for _l, r in plan.valid])
    }
    changed = []
    for _line, row in plan.valid:
        obligation = obligations[row["obligation_id"]]
        obligation.number, obligation.concluded_on = row["number"], row["date"]
        obligation.source = AgreementObligation.Source.IMPORT
        obligation.updated_at = timezone.now()
        changed.append(obligation)
        events.append(
            PendingEvent(
                "awareness.agreement.recorded",
                "awareness.agreementobligation",
                str(obligation.pk),
                obligation.number,
                obligation.company_id,
                {"number": [None, row["number"]], "concluded_on": [None, row["date"]], "source": [None, "import"]},
            )
        )
    AgreementObligation.objects.bulk_update(
        changed, ["number", "concluded_on", "source", "updated_at"], batch_size=1000
    )
    audit_record_many(actor=actor, events=events)
    return ImportResult(created=0, updated=len(changed), unchanged=0, skipped=len(plan.rejected))


def _apply_hires(actor: Actor | None, plan: ImportPlan) -> ImportResult:
    existing = {
        r.employee_id: r for r in HireRecord.objects.filter(employee_id__in=[r["employee_id"] for _l, r in plan.valid])
    }
    created: list[HireRecord] = []
    updated: list[HireRecord] = []
    events: list[PendingEvent] = []
    for _line, row in plan.valid:
        record = existing.get(row["employee_id"]) or HireRecord(
            employee_id=row["employee_id"], company_id=row["company_id"]
        )
        record.unit_id = row["unit_id"]
        record.contract_number, record.contract_date = row["number"] or "", row["date"]
        record.has_obligations, record.source = row["obligations"], HireRecord.Source.IMPORT
        record.updated_at = timezone.now()
        (updated if row["employee_id"] in existing else created).append(record)
        events.append(
            PendingEvent(
                "awareness.hire_record.saved",
                "awareness.hirerecord",
                str(record.pk),
                record.contract_number,
                record.company_id,
                {"contract_date": [None, row["date"]], "has_obligations": [None, row["obligations"]]},
            )
        )
    HireRecord.objects.bulk_create(created, batch_size=1000)
    HireRecord.objects.bulk_update(
        updated,
        ["unit", "contract_number", "contract_date", "has_obligations", "source", "updated_at"],
        batch_size=1000,
    )
    audit_record_many(actor=actor, events=events)
    return ImportResult(created=len(created), updated=len(updated), unchanged=0, skipped=len(plan.rejected))
