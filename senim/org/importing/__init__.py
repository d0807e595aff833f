"""Imports of employees, units and positions from CSV and XLSX.

Every import is two passes: `plan` validates the whole file and reports each bad cell by line and
column (nothing written); `apply` writes a plan in one transaction. A plan with errors is only
applied when the user chose to import the valid rows and leave the rejected ones out.
"""

from pathlib import Path

from django.conf import settings

from senim.org.importing import employees, structure
from senim.org.importing.base import ImportPlan, ImportResult, RowError
from senim.org.importing.reader import FileRejected, read_table

KINDS = {"employees": employees, "units": structure.units, "positions": structure.positions}

__all__ = ["KINDS", "FileRejected", "ImportPlan", "ImportResult", "RowError", "plan_file"]


def plan_file(*, actor: object, kind: str, path: Path) -> ImportPlan:
    """Read and validate a file of the given kind; raises FileRejected for unreadable files."""
    module = KINDS[kind]
    max_bytes = settings.SENIM_MAX_UPLOAD_MB * 1024 * 1024
    header, rows = read_table(path, max_bytes=max_bytes, aliases=module.ALIASES)
    return module.plan(actor=actor, header=header, rows=rows)
