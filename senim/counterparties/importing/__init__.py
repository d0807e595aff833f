"""Imports of counterparties and contracts from CSV or XLSX, on the organisation import's engine.

As there, `plan_file` reads and validates the whole file and reports every bad cell by line and
column without writing anything; `apply` writes a plan in one transaction with an audit event per
record created or changed, and refuses a plan with errors unless the valid rows only were chosen.
Counterparties are matched by country and number; contracts by company and number (the contract
number is the external id); applications by company and external id (see `importing.applications`).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from senim.core.access import Actor, PermissionDenied
from senim.core.importing import FileRejected, ImportKind, Imports
from senim.core.importing.base import ImportPlan, ImportResult
from senim.core.importing.values import parse_amount as _amount
from senim.counterparties import policy
from senim.counterparties.importing.applications import AP_ALIASES, _apply_applications, plan_applications
from senim.counterparties.importing.contracts import CT_ALIASES, _apply_contracts, plan_contracts
from senim.counterparties.importing.counterparties import CP_ALIASES, _apply_counterparties, plan_counterparties

__all__ = [
    "IMPORTS",
    "KINDS",
    "PERMISSIONS",
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


def _plan_counterparties(*, actor: Actor | None, header: list[str], rows: Any) -> ImportPlan:
    return plan_counterparties(header=header, rows=rows)


IMPORTS = Imports(
    {
        "counterparties": ImportKind(
            aliases=CP_ALIASES,
            plan=_plan_counterparties,
            write=_apply_counterparties,
            permission=policy.IMPORT,
            label=_("Counterparties"),
        ),
        "contracts": ImportKind(
            aliases=CT_ALIASES,
            plan=plan_contracts,
            write=_apply_contracts,
            permission=policy.MANAGE_CONTRACTS,
            label=_("Contracts"),
        ),
        "applications": ImportKind(
            aliases=AP_ALIASES,
            plan=plan_applications,
            write=_apply_applications,
            permission=policy.FILE_APPLICATION,
            label=_("Applications for approval, with their decisions"),
        ),
    }
)
KINDS = tuple(IMPORTS.kinds)
# The permission each kind needs (over every company of the file, checked while planning).
PERMISSIONS = {kind: spec.permission for kind, spec in IMPORTS.kinds.items()}
plan_file = IMPORTS.plan_file
apply = IMPORTS.apply
