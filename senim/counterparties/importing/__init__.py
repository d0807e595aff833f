"""Imports of counterparties and contracts from CSV or XLSX, on the organisation import's engine.

As there, `plan_file` reads and validates the whole file and reports every bad cell by line and
column without writing anything; `apply` writes a plan in one transaction with an audit event per
record created or changed, and refuses a plan with errors unless the valid rows only were chosen.
Counterparties are matched by country and number; contracts by company and number (the contract
number is the external id); applications by company and external id (see `importing.applications`).
"""

from pathlib import Path

from senim.core.access import Actor, PermissionDenied, scope_of
from senim.core.importing import FileRejected, plan_table, refuse_unless_clean
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback
from senim.counterparties import policy
from senim.counterparties.importing.applications import AP_ALIASES, _apply_applications, plan_applications
from senim.counterparties.importing.contracts import CT_ALIASES, _amount, _apply_contracts, plan_contracts
from senim.counterparties.importing.counterparties import CP_ALIASES, _apply_counterparties, plan_counterparties

__all__ = [
    "KINDS",
    "FileRejected",
    "ImportPlan",
    "ImportResult",
    "PermissionDenied",
    "_amount",
    "apply",
    "plan_applications",
    "plan_contracts",
    "plan_counterparties",
    "plan_file",
]

KINDS = ("counterparties", "contracts", "applications")
# The permission each kind needs (over every company of the file, checked while planning).
PERMISSIONS = {
    "counterparties": policy.IMPORT,
    "contracts": policy.MANAGE_CONTRACTS,
    "applications": policy.FILE_APPLICATION,
}


def plan_file(*, actor: Actor, kind: str, path: Path, max_bytes: int | None = None) -> ImportPlan:
    """Read and validate a file of `kind` (counterparties, contracts or applications); raises
    FileRejected for an unreadable file. `max_bytes` None: the upload limit; 0: no limit (the command line)."""
    if kind == "counterparties":
        return plan_table(
            path, aliases=CP_ALIASES, max_bytes=max_bytes, planner=lambda h, r: plan_counterparties(header=h, rows=r)
        )
    if kind == "applications":
        return plan_table(
            path,
            aliases=AP_ALIASES,
            max_bytes=max_bytes,
            planner=lambda h, r: plan_applications(actor=actor, header=h, rows=r),
        )
    return plan_table(
        path,
        aliases=CT_ALIASES,
        max_bytes=max_bytes,
        planner=lambda h, r: plan_contracts(actor=actor, header=h, rows=r),
    )


def apply(
    *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, progress: ProgressCallback = None
) -> ImportResult:
    """Write a validated plan, all or nothing. The actor needs the kind's permission (`PERMISSIONS`)
    over every company of the plan (checked while planning)."""
    permission = PERMISSIONS[plan.kind]
    if scope_of(actor, permission).is_empty:
        raise PermissionDenied(permission)
    refuse_unless_clean(plan, valid_only=valid_only)
    if plan.kind == "counterparties":
        return _apply_counterparties(actor, plan, progress)
    if plan.kind == "applications":
        return _apply_applications(actor, plan, progress)
    return _apply_contracts(actor, plan, progress)
