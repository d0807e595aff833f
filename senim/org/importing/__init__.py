"""Imports of employees, units and positions from CSV and XLSX.

Every import is two passes: `plan` validates the whole file and reports each bad cell by line and
column (nothing written); `apply` writes a plan in one transaction. A plan with errors is only
applied when the user chose to import the valid rows and leave the rejected ones out.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from senim.core.access import Actor
from senim.core.importing import plan_table
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowError
from senim.core.importing.reader import FileRejected
from senim.org.importing import employees, structure


class Importer(Protocol):
    """One kind of import: the employees module, or the units and positions importers."""

    ALIASES: dict[str, str]

    def plan(
        self, *, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]
    ) -> ImportPlan: ...

    def apply(
        self, *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, progress: ProgressCallback = None
    ) -> ImportResult: ...


KINDS: dict[str, Importer] = {"employees": employees, "units": structure.units, "positions": structure.positions}

__all__ = ["KINDS", "FileRejected", "ImportPlan", "ImportResult", "Importer", "RowError", "plan_file"]


def plan_file(*, actor: Actor | None, kind: str, path: Path) -> ImportPlan:
    """Read and validate a file of the given kind; raises FileRejected for unreadable files."""
    module = KINDS[kind]
    return plan_table(path, aliases=module.ALIASES, planner=lambda h, r: module.plan(actor=actor, header=h, rows=r))
