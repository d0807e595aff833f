"""Imports of counterparties and contracts from CSV or XLSX, on the organisation import's engine.

As there, `plan_file` reads and validates the whole file and reports every bad cell by line and
column without writing anything; `apply` writes a plan in one transaction with an audit event per
record created or changed, and refuses a plan with errors unless the valid rows only were chosen.
Counterparties are matched by country and number; contracts by company and number.
"""

from pathlib import Path

from django.conf import settings

from senim.core.access import Actor, PermissionDenied, scope_of
from senim.counterparties import policy
from senim.counterparties.importing.contracts import CT_ALIASES, _amount, _apply_contracts, plan_contracts
from senim.counterparties.importing.counterparties import CP_ALIASES, _apply_counterparties, plan_counterparties
from senim.org.importing.base import ImportPlan, ImportResult, ProgressCallback
from senim.org.importing.reader import FileRejected, read_table

__all__ = [
    "KINDS",
    "FileRejected",
    "ImportPlan",
    "ImportResult",
    "PermissionDenied",
    "_amount",
    "apply",
    "plan_contracts",
    "plan_counterparties",
    "plan_file",
]

KINDS = ("counterparties", "contracts")


def plan_file(*, actor: Actor | None, kind: str, path: Path, max_bytes: int | None = None) -> ImportPlan:
    """Read and validate a file of `kind` (counterparties or contracts); raises FileRejected for an
    unreadable file. `max_bytes` None: the upload limit; 0: no limit (the command line)."""
    limit = settings.SENIM_MAX_UPLOAD_MB * 1024 * 1024 if max_bytes is None else max_bytes
    if kind == "counterparties":
        header, rows = read_table(path, max_bytes=limit or 2**62, aliases=CP_ALIASES)
        return plan_counterparties(header=header, rows=rows)
    header, rows = read_table(path, max_bytes=limit or 2**62, aliases=CT_ALIASES)
    return plan_contracts(actor=actor, header=header, rows=rows)


def apply(
    *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, progress: ProgressCallback = None
) -> ImportResult:
    """Write a validated plan, all or nothing. The actor needs the import permission (counterparties)
    or the contract permission over every company of the plan (checked while planning)."""
    if actor is not None:
        permission = policy.IMPORT if plan.kind == "counterparties" else policy.MANAGE_CONTRACTS
        if scope_of(actor, permission).is_empty:
            raise PermissionDenied(permission)
    if plan.file_errors or (plan.rejected and not valid_only):
        raise PermissionDenied("import has errors")
    if plan.kind == "counterparties":
        return _apply_counterparties(actor, plan, progress)
    return _apply_contracts(actor, plan, progress)
