"""What every import shares: the validation report and the outcome."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int


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


# Called with the number of rows written so far; any return value (tqdm's `update` gives one) is ignored.
ProgressCallback = Callable[[int], object] | None
