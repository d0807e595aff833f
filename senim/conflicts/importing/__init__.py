"""History imports of the conflicts module from CSV or XLSX: forms A and B with their review
(`declarations`) and gifts with their decisions (`gifts`), on core.importing's engine: `plan_file`
reads and validates the whole file and reports every bad cell by line and column without writing
anything; `apply` writes a clean plan (or its valid rows, when chosen) in one transaction with an
audit event per record created or changed. Records are matched by company and external id."""

from django.utils.translation import gettext_lazy as _

from senim.conflicts import policy
from senim.conflicts.importing import declarations, gifts
from senim.core.importing import FileRejected, ImportKind, ImportPlan, ImportResult, Imports

__all__ = ["IMPORTS", "FileRejected", "ImportPlan", "ImportResult"]

IMPORTS = Imports(
    {
        "declarations": ImportKind(
            aliases=declarations.ALIASES,
            plan=declarations.plan_declarations,
            write=declarations.apply_declarations,
            permission=policy.REVIEW,
            label=_("Forms A and B, with their review"),
        ),
        "gifts": ImportKind(
            aliases=gifts.ALIASES,
            plan=gifts.plan_gifts,
            write=gifts.apply_gifts,
            permission=policy.REVIEW,
            label=_("Gifts and hospitality, with their decisions"),
        ),
    }
)
