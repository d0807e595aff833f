"""What every import shares: the validation report and the outcome."""

import datetime as dt
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from senim.core.eventdates import check_event_dates
from senim.core.exports import csv_text
from senim.core.importing.values import CellError

SAMPLE_SIZE = 20
# Russian headers every import of company records understands (an app adds its own with `|`).
SHARED_ALIASES = {
    "компания": "company",
    "бин_компании": "company",
    "внешний_id": "external_id",
    "подразделение": "unit_code",
    "unit": "unit_code",
    "табельный_номер": "personnel_number",
    "таб_№": "personnel_number",
    "tab_number": "personnel_number",
}


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str


@dataclass
class ImportPlan:
    """The result of the validation pass. Nothing has been written yet."""

    kind: str
    columns: list[str]
    valid: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    rejected: list[tuple[int, dict[str, str], list[RowError]]] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    # The first valid rows as written in the file, for the preview (parsed rows hold ids).
    sample: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    def accept(self, line: int, raw: dict[str, str], row: dict[str, Any]) -> None:
        self.valid.append((line, row))
        if len(self.sample) < SAMPLE_SIZE:
            self.sample.append((line, raw))

    @property
    def errors(self) -> list[RowError]:
        return [error for _line, _raw, errors in self.rejected for error in errors]

    @property
    def total(self) -> int:
        return len(self.valid) + len(self.rejected)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.file_errors

    def rejected_csv(self, error_column: str) -> str:
        """The rejected rows as CSV, with a column explaining each, to fix and upload again."""
        rows = (
            [line, *[raw.get(c, "") for c in self.columns], _reasons(errors)] for line, raw, errors in self.rejected
        )
        return csv_text(["line", *self.columns, error_column], rows)


def _reasons(errors: list[RowError]) -> str:
    return "; ".join(f"{e.column}: {e.message}" if e.column else e.message for e in errors)


@dataclass(frozen=True)
class RowOutcome:
    """What one line of the file became: the record's id and whether it was created, updated or
    left unchanged (an integrator keeps the id against its own external id)."""

    line: int
    id: str
    action: str


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int
    rows: list[RowOutcome] = field(default_factory=list)


class RowValidator:
    """Collect per-column errors for one row while parsing its cells."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.errors: list[RowError] = []

    # `parse` is called without arguments. It is typed `Callable[..., Any]` because callers bind
    # loop variables as lambda defaults (`lambda n=name: ...`), which mypy cannot match against a
    # zero-argument Callable (python/mypy#15459).
    def cell(self, column: str, parse: Callable[..., Any]) -> Any:
        try:
            return parse()
        except CellError as error:
            self.errors.append(RowError(self.line, column, str(error)))
            return None

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.line, column, message))

    def has_error(self, column: str) -> bool:
        return any(error.column == column for error in self.errors)

    def event_dates(
        self,
        *,
        actor: Any,
        company: Any,
        dates: Mapping[str, dt.date | None],
        labels: Mapping[str, Any] | None = None,
        order: Sequence[tuple[str, str]] = (),
        recorded: Mapping[str, dt.date | None] | None = None,
        past_allowed: bool = False,
    ) -> bool:
        """Check a row's event dates through `core.eventdates` (keys are the columns; `recorded` and
        `past_allowed` as there): refusals become errors of their columns. Returns whether the row
        is back-dated."""
        try:
            return check_event_dates(
                actor=actor,
                company_id=company.id,
                founded_on=company.founded_on,
                dates=dates,
                labels=labels,
                order=order,
                recorded=recorded,
                past_allowed=past_allowed,
            )
        except ValidationError as error:
            for column, messages in error.message_dict.items():
                for message in messages:
                    self.fail(column, message)
            return False


# Called with the number of rows written so far; any return value (tqdm's `update` gives one) is ignored.
ProgressCallback = Callable[[int], object] | None


def company_cell(check: RowValidator, raw: Mapping[str, str], companies: Mapping[str, Any]) -> Any:
    """The company a row's `company` cell names by registration number (None, with an error, when
    it is empty or unknown)."""
    company = companies.get(raw.get("company", "").strip())
    if company is None:
        check.fail(
            "company",
            _("No company with this registration number.") if raw.get("company") else _("This column is required."),
        )
    return company


def employee_cell(check: RowValidator, raw: Mapping[str, str], company: Any, employees: Mapping[Any, Any]) -> Any:
    """The employee a row's `personnel_number` cell names in its company (`employees`: by (company
    id, personnel number)); None, with an error, when it is empty or unknown."""
    number = raw.get("personnel_number", "").strip()
    found = employees.get((company.id, number)) if number else None
    if not number:
        check.fail("personnel_number", _("This column is required."))
    elif found is None:
        check.fail(
            "personnel_number",
            _("No employee with the personnel number “%(number)s” in this company.") % {"number": number[:30]},
        )
    return found


def external_key(row: Mapping[str, Any]) -> tuple[str, Hashable] | None:
    """The key of a history import's row: its company and external id (a row without one is new)."""
    if row.get("company") is None or not row.get("external_id"):
        return None
    return "external_id", (row["company"].id, row["external_id"])


def plan_rows(
    *,
    kind: str,
    columns: Sequence[str],
    required: Sequence[str],
    header: list[str],
    rows: Iterator[tuple[int, dict[str, str]]],
    validate: Callable[[int, dict[str, str]], tuple[dict[str, Any], RowValidator]],
    key: Callable[[dict[str, Any]], tuple[str, Hashable] | None],
) -> ImportPlan:
    """Validate every row of a table with `validate(line, raw)` → (row, its errors). `key(row)` →
    (column, value) names what a row is matched by (e.g. company and external id; None: nothing),
    and a second row with the same key is refused as repeating the first. Writes nothing."""
    result = ImportPlan(kind=kind, columns=[c for c in columns if c in header])
    missing = [c for c in required if c not in header]
    if missing:
        result.file_errors.append(_("Required columns are missing: %(columns)s") % {"columns": ", ".join(missing)})
        return result
    seen: dict[Hashable, int] = {}
    for line, raw in rows:
        row, check = validate(line, raw)
        matched = key(row)
        if matched is not None:
            column, value = matched
            if value in seen:
                check.fail(column, _("Repeats line %(line)d.") % {"line": seen[value]})
            else:
                seen[value] = line
        if check.errors:
            result.rejected.append((line, raw, check.errors))
        else:
            result.accept(line, raw, row)
    return result
