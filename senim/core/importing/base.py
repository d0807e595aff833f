"""What every import shares: the validation report and the outcome."""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from senim.core.eventdates import check_event_dates
from senim.core.exports import csv_text
from senim.core.importing.values import CellError

SAMPLE_SIZE = 20


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

    def event_dates(
        self,
        *,
        actor: Any,
        company: Any,
        dates: Mapping[str, dt.date | None],
        labels: Mapping[str, Any] | None = None,
        order: Sequence[tuple[str, str]] = (),
    ) -> bool:
        """Check a row's event dates through `core.eventdates` (keys are the columns): refusals
        become errors of their columns. Returns whether the row is back-dated."""
        try:
            return check_event_dates(
                actor=actor,
                company_id=company.id,
                founded_on=company.founded_on,
                dates=dates,
                labels=labels,
                order=order,
            )
        except ValidationError as error:
            for column, messages in error.message_dict.items():
                for message in messages:
                    self.fail(column, message)
            return False


# Called with the number of rows written so far; any return value (tqdm's `update` gives one) is ignored.
ProgressCallback = Callable[[int], object] | None
