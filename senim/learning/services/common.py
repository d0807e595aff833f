"""Helpers shared by learning's services."""

from typing import Any

from senim.core.access import Actor, require


def require_group(actor: Actor | None, permission: str) -> None:
    """Group-wide content (the knowledge base, courses, tests): any scope for `permission` will do."""
    require(actor, permission)


def require_employee(actor: Actor | None, permission: str, employee: Any) -> None:
    """The actor holds `permission` over this employee (own record, unit, company or group)."""
    require(actor, permission, company_id=employee.company_id, unit_id=employee.unit_id, employee_id=employee.pk)
