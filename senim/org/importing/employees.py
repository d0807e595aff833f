"""Employee import: validate every row, then upsert by (company, personnel number) in one
transaction, with an audit event for each employee created or changed."""

from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from senim.core import identifiers
from senim.core.access import Actor, Scope, scope_of
from senim.core.importing import SHARED_ALIASES, Upsert, company_cell, plan_rows, refuse_unless_clean
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.core.importing.values import CellError, limit_text, parse_date, require_text
from senim.core.translit import to_latin
from senim.core.validators import MESSAGES
from senim.org import hooks, policy
from senim.org.models import Company, Employee, Position, Unit

COLUMNS = [
    "company",
    "personnel_number",
    "surname",
    "given_name",
    "patronymic",
    "surname_latin",
    "given_name_latin",
    "patronymic_latin",
    "iin",
    "pinfl",
    "unit_code",
    "position_code",
    "hire_date",
    "dismissal_date",
    "email",
]
REQUIRED = ["company", "personnel_number", "surname", "given_name"]
ALIASES = SHARED_ALIASES | {
    "bin": "company",
    "фамилия": "surname",
    "имя": "given_name",
    "name": "given_name",
    "отчество": "patronymic",
    "иин": "iin",
    "пинфл": "pinfl",
    "должность": "position_code",
    "position": "position_code",
    "дата_приема": "hire_date",
    "дата_приёма": "hire_date",
    "дата_увольнения": "dismissal_date",
    "e_mail": "email",
    "почта": "email",
}
# Latin names may be derived from the Cyrillic ones when the file has no Latin columns.
DERIVED_LATIN = {"surname_latin", "given_name_latin", "patronymic_latin"}
# The fields an import compares and writes; company and personnel number are the key.
WRITTEN = [
    "surname",
    "given_name",
    "patronymic",
    "surname_latin",
    "given_name_latin",
    "patronymic_latin",
    "iin",
    "pinfl",
    "unit_id",
    "position_id",
    "hire_date",
    "dismissal_date",
    "email",
]
COLUMN_OF = {name: name for name in WRITTEN} | {"unit_id": "unit_code", "position_id": "position_code"}


class _Lookups:
    """Companies, units and positions by the codes files use, loaded once per import."""

    def __init__(self) -> None:
        self.companies = {c.registration_number: c for c in Company.objects.all()}
        self.units = {(u.company_id, u.code): u for u in Unit.objects.only("id", "company_id", "code")}
        self.positions = {(p.company_id, p.code): p for p in Position.objects.only("id", "company_id", "code")}


def _identifier(check: Any, text: str) -> str:
    text = identifiers.normalise_identifier(text)
    if text:
        try:
            check(text, strict=False)
        except identifiers.IdentifierError as error:
            raise CellError(str(MESSAGES.get(error.code, MESSAGES["format"]))) from error
    return text


def _validate_row(
    line: int, raw: dict[str, str], lookups: _Lookups, scope: Scope
) -> tuple[dict[str, Any], RowValidator]:
    check = RowValidator(line)
    row: dict[str, Any] = {}
    company = row["company"] = company_cell(check, raw, lookups.companies)
    row["personnel_number"] = check.cell("personnel_number", lambda: require_text(raw.get("personnel_number", ""), 30))
    for name in ("surname", "given_name"):
        row[name] = check.cell(name, lambda n=name: require_text(raw.get(n, ""), 100))
    for name in ("patronymic", "surname_latin", "given_name_latin", "patronymic_latin"):
        row[name] = check.cell(name, lambda n=name: limit_text(raw.get(n, ""), 100)) or ""
    for latin, cyrillic in (
        ("surname_latin", "surname"),
        ("given_name_latin", "given_name"),
        ("patronymic_latin", "patronymic"),
    ):
        if not row[latin] and row.get(cyrillic):
            row[latin] = to_latin(row[cyrillic])[:100]
    row["iin"] = check.cell("iin", lambda: _identifier(identifiers.validate_iin, raw.get("iin", ""))) or ""
    row["pinfl"] = check.cell("pinfl", lambda: _identifier(identifiers.validate_pinfl, raw.get("pinfl", ""))) or ""
    row["hire_date"] = check.cell("hire_date", lambda: parse_date(raw.get("hire_date", "")))
    row["dismissal_date"] = check.cell("dismissal_date", lambda: parse_date(raw.get("dismissal_date", "")))
    if row["hire_date"] and row["dismissal_date"] and row["dismissal_date"] < row["hire_date"]:
        check.fail("dismissal_date", _("The dismissal date is before the hire date."))
    email = raw.get("email", "").strip()
    if email and ("@" not in email or len(email) > 254 or " " in email):
        check.fail("email", _("“%(value)s” is not an e-mail address.") % {"value": email[:60]})
    row["email"] = email
    row["unit_id"] = row["position_id"] = None
    if company is not None:
        for column, table, key in (
            ("unit_code", lookups.units, "unit_id"),
            ("position_code", lookups.positions, "position_id"),
        ):
            code = raw.get(column, "").strip()
            if code:
                found = table.get((company.id, code))
                if found is None:
                    check.fail(column, _("No such code in this company: “%(code)s”.") % {"code": code[:50]})
                else:
                    row[key] = found.id
        if not scope.covers(company_id=company.id, unit_id=row["unit_id"]):
            check.fail("company", _("You may not import employees into this company or unit."))
    return row, check


def plan(*, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]) -> ImportPlan:
    """Validate every row; report each bad cell by line and column. Writes nothing."""
    scope = scope_of(actor, policy.IMPORT)
    lookups = _Lookups()
    return plan_rows(
        kind="employees",
        columns=COLUMNS,
        required=REQUIRED,
        header=header,
        rows=rows,
        validate=lambda line, raw: _validate_row(line, raw, lookups, scope),
        key=lambda row: (
            ("personnel_number", (row["company"].id, row["personnel_number"]))
            if row["company"] and row["personnel_number"]
            else None
        ),
    )


def apply(
    *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, progress: ProgressCallback = None
) -> ImportResult:
    """Write a validated plan. Refuses a plan with errors unless `valid_only` was chosen; the
    write is all-or-nothing."""
    refuse_unless_clean(plan, valid_only=valid_only)
    company_ids = {row["company"].id for _line, row in plan.valid}
    existing = {
        (e.company_id, e.personnel_number): e
        for e in Employee.objects.filter(company_id__in=company_ids).only(
            "id", "company_id", "personnel_number", *WRITTEN
        )
    }
    upsert = Upsert(Employee, event_type="org.employee.imported", update_fields=[*WRITTEN, "search_text"])
    for _line, row in plan.valid:
        company = row["company"]
        current = existing.get((company.id, row["personnel_number"]))
        values = {name: row[name] for name in WRITTEN}
        if current is None:
            employee = Employee(company=company, personnel_number=row["personnel_number"], **values)
            employee.refresh_search_text()
            upsert.create(employee, values, company_id=company.id)
            continue
        # An existing record keeps whatever the file does not speak about: a column left out of
        # the file changes nothing. Latin names the file lacks are filled only where empty.
        values = {
            name: value
            for name, value in values.items()
            if COLUMN_OF[name] in plan.columns or (name in DERIVED_LATIN and not getattr(current, name))
        }
        upsert.update(current, values, company_id=company.id, refresh=current.refresh_search_text)
    with transaction.atomic():
        result = upsert.write(actor=actor, plan=plan, progress=progress)
        # accounts for the employees (org cannot import accounts: it listens here)
        hooks.employees_changed(actor, [e.pk for e in upsert.to_create] + [e.pk for e in upsert.to_update])
    return result
