"""Import of forms A and B submitted before Senim (on paper or in a legacy system), with their
review outcome and settlement.

Each row is one declaration of an employee (by personnel number in the company), matched on
re-import by its `external_id` (a row without one is added each time). Its dates are the real ones,
checked through `core.eventdates` (never in the future nor before the company existed; submitted ≤
reviewed ≤ settled; a past date needs the right to back-date). An employee's forms A form one chain
of versions in the order they were submitted (a form A replaces the one before it), so that the
forms imported for several years and those filed in Senim stay one history.
"""

from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.conflicts import policy
from senim.conflicts.models import Declaration, FormType, Outcome
from senim.conflicts.services.declarations import form_version_current
from senim.core.access import Actor, Scope, scope_of, user_of
from senim.core.eventdates import backdated_changes, event_moment
from senim.core.importing import (
    SHARED_ALIASES,
    Upsert,
    company_cell,
    employee_cell,
    external_key,
    plan_rows,
)
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.core.importing.values import choice, limit_text, parse_bool, parse_date
from senim.org import selectors as org_selectors
from senim.org.models import Company

COLUMNS = [
    "company",
    "external_id",
    "personnel_number",
    "form",
    "submitted_on",
    "nothing_to_declare",
    "circumstances",
    "outcome",
    "reviewed_on",
    "review_comment",
    "settled_on",
]
REQUIRED = ["company", "personnel_number", "form", "submitted_on"]
ALIASES = SHARED_ALIASES | {
    "форма": "form",
    "form_type": "form",
    "дата_подачи": "submitted_on",
    "submitted": "submitted_on",
    "нечего_декларировать": "nothing_to_declare",
    "обстоятельства": "circumstances",
    "ответы": "circumstances",
    "оценка": "outcome",
    "результат_рассмотрения": "outcome",
    "дата_рассмотрения": "reviewed_on",
    "reviewed": "reviewed_on",
    "комментарий": "review_comment",
    "дата_урегулирования": "settled_on",
    "settled": "settled_on",
}
FORM_WORDS = {"а": "a", "форма_а": "a", "form_a": "a", "б": "b", "форма_б": "b", "form_b": "b"}
OUTCOME_WORDS = {
    "нет_конфликта": "none",
    "no_conflict": "none",
    "потенциальный": "potential",
    "потенциальный_конфликт": "potential",
    "реальный": "actual",
    "фактический": "actual",
    "реальный_конфликт": "actual",
}
# What a re-import may change (the company and the external id are the key), and the file's
# column each comes from.
WRITTEN = [
    "employee_id",
    "unit_id",
    "form_type",
    "submitted_at",
    "nothing_to_declare",
    "circumstances",
    "outcome",
    "reviewed_at",
    "review_comment",
    "settled_at",
]
SOURCE = {
    "employee_id": "personnel_number",
    "unit_id": "personnel_number",
    "form_type": "form",
    "submitted_at": "submitted_on",
    "reviewed_at": "reviewed_on",
    "settled_at": "settled_on",
}
# Written with them: the chain of versions (forms A) and the status it gives.
CHAIN = ["supersedes_id", "number", "status"]
TEXT_LIMIT = 20_000


def _outcome_cells(check: RowValidator, raw: dict[str, str], row: dict[str, Any]) -> None:
    text = raw.get("outcome", "").strip()
    row["outcome"] = (check.cell("outcome", lambda: choice(text, Outcome, OUTCOME_WORDS)) if text else "") or ""
    row["reviewed_on"] = check.cell("reviewed_on", lambda: parse_date(raw.get("reviewed_on", "")))
    row["settled_on"] = check.cell("settled_on", lambda: parse_date(raw.get("settled_on", "")))
    row["review_comment"] = check.cell("review_comment", lambda: limit_text(raw.get("review_comment", ""), TEXT_LIMIT))
    row["review_comment"] = row["review_comment"] or ""
    if not text:
        for column in ("reviewed_on", "review_comment", "settled_on"):
            if raw.get(column, "").strip():
                check.fail(column, _("Only a reviewed declaration has this; give the outcome too."))
        return
    if row["reviewed_on"] is None and not raw.get("reviewed_on", "").strip():
        check.fail("reviewed_on", _("Give the day of the review."))
    if row["outcome"] in (Outcome.POTENTIAL, Outcome.ACTUAL) and not row["review_comment"]:
        check.fail("review_comment", _("Explain the conflict in a comment."))
    if row["settled_on"] is not None and row["outcome"] not in (Outcome.POTENTIAL, Outcome.ACTUAL):
        check.fail("settled_on", _("Only a conflict of interest is settled."))


def _answer_cells(check: RowValidator, raw: dict[str, str], row: dict[str, Any]) -> None:
    row["nothing_to_declare"] = check.cell("nothing_to_declare", lambda: parse_bool(raw.get("nothing_to_declare", "")))
    row["circumstances"] = check.cell("circumstances", lambda: limit_text(raw.get("circumstances", ""), TEXT_LIMIT))
    row["circumstances"] = row["circumstances"] or ""
    if row["form_type"] == FormType.A:
        if row["nothing_to_declare"] and row["circumstances"]:
            check.fail(
                "nothing_to_declare",
                _("You attested that you have nothing to declare, but listed facts. Choose one."),
            )
        elif row["nothing_to_declare"] is False and not row["circumstances"]:
            check.fail("circumstances", _("List what you declare, or attest that you have nothing to declare."))
    elif row["form_type"] == FormType.B:
        if row["nothing_to_declare"]:
            check.fail("nothing_to_declare", _("Form B declares a conflict that has arisen."))
        if not row["circumstances"]:
            check.fail("circumstances", _("Describe the conflict of interest that has arisen."))


def _declaration_row(
    line: int,
    raw: dict[str, str],
    lookups: "People",
    scope: Scope,
    actor: Actor | None,
) -> tuple[dict[str, Any], RowValidator]:
    check = RowValidator(line)
    row: dict[str, Any] = {}
    company = row["company"] = company_cell(check, raw, lookups.companies)
    row["external_id"] = check.cell("external_id", lambda: limit_text(raw.get("external_id", ""), 100)) or ""
    row["form_type"] = check.cell("form", lambda: choice(raw.get("form", ""), FormType, FORM_WORDS))
    row["submitted_on"] = check.cell("submitted_on", lambda: parse_date(raw.get("submitted_on", "")))
    if row["submitted_on"] is None and not raw.get("submitted_on", "").strip():
        check.fail("submitted_on", _("This column is required."))
    _answer_cells(check, raw, row)
    _outcome_cells(check, raw, row)
    row["employee"] = None
    row["backdated"] = False
    if company is None:
        return row, check
    employee = row["employee"] = employee_cell(check, raw, company, lookups.employees)
    if employee is not None and not scope.covers(company_id=company.id, unit_id=employee.unit_id):
        check.fail("personnel_number", _("You may not import declarations of this company or unit."))
    elif row["submitted_on"] is not None:
        row["backdated"] = check.event_dates(
            actor=actor,
            company=company,
            dates={k: row[k] for k in ("submitted_on", "reviewed_on", "settled_on")},
            labels={"submitted_on": _("Submitted on"), "reviewed_on": _("Reviewed on"), "settled_on": _("Settled on")},
            order=[("submitted_on", "reviewed_on"), ("reviewed_on", "settled_on")],
        )
    return row, check


class People:
    """The companies and the employees a file names (by personnel number), looked up together: the
    rows are read once to collect the numbers (`read` returns them, to be validated after)."""

    def __init__(self, numbers: set[str]) -> None:
        self.companies = {c.registration_number: c for c in Company.objects.all()}
        self.employees = org_selectors.employees_by_number(numbers)

    @classmethod
    def read(cls, rows: Iterator[tuple[int, dict[str, str]]]) -> tuple["People", Iterator[tuple[int, dict[str, str]]]]:
        buffered = list(rows)
        return cls({raw.get("personnel_number", "").strip() for _line, raw in buffered}), iter(buffered)


def plan_declarations(
    *, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]
) -> ImportPlan:
    scope = scope_of(actor, policy.REVIEW)
    lookups, rows = People.read(rows)
    return plan_rows(
        kind="declarations",
        columns=COLUMNS,
        required=REQUIRED,
        header=header,
        rows=rows,
        validate=lambda line, raw: _declaration_row(line, raw, lookups, scope, actor),
        key=external_key,
    )


def _status(declaration: Declaration) -> str:
    """The status a declaration's review and settlement give it (when no newer version replaces it)."""
    if not declaration.outcome:
        return Declaration.Status.SUBMITTED
    if declaration.outcome == Outcome.NONE:
        return Declaration.Status.CLOSED
    return Declaration.Status.SETTLED if declaration.settled_at else Declaration.Status.REVIEWED


def _chain(declarations: list[Declaration]) -> None:
    """Link one employee's forms A in the order they were submitted: each replaces the one before,
    the last is current."""
    ordered = sorted(declarations, key=lambda d: (d.submitted_at, d.created_at or timezone.now(), str(d.pk)))
    previous: Declaration | None = None
    for position, declaration in enumerate(ordered, start=1):
        declaration.supersedes_id = previous.pk if previous else None
        declaration.number = position
        declaration.status = Declaration.Status.SUPERSEDED if position < len(ordered) else _status(declaration)
        previous = declaration


def _label(declaration: Declaration, personnel_number: str = "") -> str:
    """How the audit names a declaration without reading its employee (one query a row)."""
    who = personnel_number or str(declaration.employee_id)
    return f"{declaration.get_form_type_display()} · {who} · v{declaration.number}"


def _row_values(row: dict[str, Any]) -> dict[str, Any]:
    employee = row["employee"]
    return {
        "employee_id": employee.id,
        "unit_id": employee.unit_id,
        "form_type": row["form_type"],
        "submitted_at": event_moment(row["submitted_on"]),
        "nothing_to_declare": bool(row["nothing_to_declare"]),
        "circumstances": row["circumstances"],
        "outcome": row["outcome"],
        "reviewed_at": event_moment(row["reviewed_on"]),
        "review_comment": row["review_comment"],
        "settled_at": event_moment(row["settled_on"]),
    }


def _existing(plan: ImportPlan) -> tuple[dict[tuple[Any, str], Declaration], dict[Any, list[Declaration]]]:
    """The declarations the file names by external id, and every form A of its employees (one
    object per declaration, shared by both)."""
    company_ids = {row["company"].id for _line, row in plan.valid}
    keyed = {row["external_id"] for _line, row in plan.valid if row["external_id"]}
    employee_ids = {row["employee"].id for _line, row in plan.valid}
    fields = ["id", "company_id", "external_id", "created_at", *WRITTEN, *CHAIN]
    loaded: dict[Any, Declaration] = {}
    ids = sorted(employee_ids, key=str)
    for start in range(0, len(ids), 5000):
        qs = Declaration.objects.filter(employee_id__in=ids[start : start + 5000], form_type=FormType.A)
        loaded.update((d.pk, d) for d in qs.only(*fields).iterator(chunk_size=5000))
    keys = sorted(keyed)
    for start in range(0, len(keys), 5000):
        qs = Declaration.objects.filter(company_id__in=company_ids, external_id__in=keys[start : start + 5000])
        loaded.update((d.pk, d) for d in qs.only(*fields) if d.pk not in loaded)
    by_key = {(d.company_id, d.external_id): d for d in loaded.values() if d.external_id}
    forms_a: dict[Any, list[Declaration]] = {}
    for declaration in loaded.values():
        if declaration.form_type == FormType.A:
            forms_a.setdefault(declaration.employee_id, []).append(declaration)
    return by_key, forms_a


def apply_declarations(actor: Actor | None, plan: ImportPlan, progress: ProgressCallback) -> ImportResult:
    by_key, forms_a = _existing(plan)
    stored = [*by_key.values(), *(d for ds in forms_a.values() for d in ds)]
    before = {d.pk: (d.supersedes_id, d.number, d.status) for d in stored}
    versions = {form: form_version_current(form) for form in FormType.values}
    upsert = Upsert(Declaration, event_type="conflicts.declaration.imported", update_fields=[*WRITTEN, *CHAIN])
    # Forms A the file does not name whose place in their employee's chain moves: only the chain is written.
    moved_only = Upsert(Declaration, event_type="conflicts.declaration.imported", update_fields=CHAIN)
    pending: list[tuple[int, dict[str, Any], Declaration, dict[str, Any] | None]] = []
    for line, row in plan.valid:
        company = row["company"]
        current = by_key.get((company.id, row["external_id"])) if row["external_id"] else None
        values = _row_values(row)
        if current is None:
            declaration = Declaration(
                company=company,
                external_id=row["external_id"],
                form_version=versions[row["form_type"]],
                source=Declaration.Source.PAPER,
                submitted_by=user_of(actor),
                **values,
            )
            written = None
        else:
            # Only the columns the file has change; the chain is computed on the new values.
            written = {n: v for n, v in values.items() if SOURCE.get(n, n) in plan.columns}
            declaration = current
            for employee_id in {current.employee_id, values["employee_id"]}:
                forms_a.setdefault(employee_id, [])
            if current.form_type == FormType.A and current in forms_a[current.employee_id]:
                forms_a[current.employee_id].remove(current)
            previous = {name: getattr(current, name) for name in written}
            for name, value in written.items():
                setattr(current, name, value)
            written = {"_previous": previous, **written}
        if declaration.form_type == FormType.A:
            forms_a.setdefault(declaration.employee_id, []).append(declaration)
        else:
            declaration.status = _status(declaration)
        pending.append((line, row, declaration, written))
    for versions_of_one in forms_a.values():
        _chain(versions_of_one)
    in_file = set()
    for line, row, declaration, written in pending:
        in_file.add(declaration.pk)
        extra = backdated_changes(row["backdated"])
        links = {name: getattr(declaration, name) for name in CHAIN}
        if written is None:
            values = {**_row_values(row), **links}
            label = _label(declaration, row["employee"].personnel_number)
            upsert.create(declaration, values, company_id=declaration.company_id, line=line, extra=extra, label=label)
            continue
        previous = written.pop("_previous")
        for name, value in previous.items():  # back to the stored values, for the audit's old → new
            setattr(declaration, name, value)
        declaration.supersedes_id, declaration.number, declaration.status = before[declaration.pk]
        upsert.update(
            declaration,
            {**written, **links},
            company_id=declaration.company_id,
            line=line,
            extra=extra,
            label=_label(declaration, row["employee"].personnel_number),
        )
    # Forms A already stored whose place in their employee's chain moved.
    for versions_of_one in forms_a.values():
        for declaration in versions_of_one:
            if declaration.pk in in_file or declaration.pk not in before:
                continue
            now = (declaration.supersedes_id, declaration.number, declaration.status)
            if now != before[declaration.pk]:
                declaration.supersedes_id, declaration.number, declaration.status = before[declaration.pk]
                moved_only.update(
                    declaration,
                    dict(zip(CHAIN, now, strict=True)),
                    company_id=declaration.company_id,
                    label=_label(declaration),
                )
    updated = [*upsert.to_update, *moved_only.to_update]
    moved = [d.pk for d in updated if before.get(d.pk, (None,))[0] != d.supersedes_id]
    with transaction.atomic():
        # A version's place is freed before another takes it (one newer version per declaration).
        for start in range(0, len(moved), 5000):
            Declaration.objects.filter(pk__in=moved[start : start + 5000]).update(supersedes=None)
        moved_only.write(actor=actor, plan=plan)
        return upsert.write(actor=actor, plan=plan, progress=progress)
