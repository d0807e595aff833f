"""Writes to the organisation. Each checks the actor's scope, validates, saves and audits."""

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from senim.core.access import Actor, PermissionDenied, require
from senim.core.audit import audit_record
from senim.core.services import model_create, model_stored, model_update
from senim.org import hooks, policy
from senim.org.models import Company, Employee, Position, Unit

COMPANY_FIELDS = [
    "name_ru",
    "name_kk",
    "name_en",
    "name_uz",
    "registration_kind",
    "registration_number",
    "country",
    "is_active",
    "founded_on",
]
UNIT_FIELDS = ["company", "parent", "code", "name_ru", "name_kk", "name_en", "name_uz"]
POSITION_FIELDS = [
    "company",
    "unit",
    "code",
    "title_ru",
    "title_kk",
    "title_en",
    "title_uz",
    "is_corruption_prone",
    "requires_ac_agreement",
]
EMPLOYEE_FIELDS = [
    "company",
    "personnel_number",
    "surname",
    "given_name",
    "patronymic",
    "surname_latin",
    "given_name_latin",
    "patronymic_latin",
    "iin",
    "pinfl",
    "unit",
    "position",
    "hire_date",
    "dismissal_date",
    "email",
]


def _require_group_admin(actor: Actor | None) -> None:
    if not require(actor, policy.MANAGE).everything:
        raise PermissionDenied(policy.MANAGE)


def company_create(*, actor: Actor | None, **data: Any) -> Company:
    """Add a company to the group (group-wide administrators and officers only)."""
    _require_group_admin(actor)
    company = Company(**{k: v for k, v in data.items() if k in COMPANY_FIELDS})
    company.country = company.country.upper()
    return model_create(actor=actor, instance=company, event_type="org.company.created", fields=COMPANY_FIELDS)


def company_update(*, actor: Actor | None, company: Company, **data: Any) -> Company:
    require(actor, policy.MANAGE, company_id=company.id)
    if "country" in data:
        data["country"] = str(data["country"]).upper()
    return model_update(
        actor=actor, instance=company, data=data, fields=COMPANY_FIELDS, event_type="org.company.updated"
    )


def _require_unit(actor: Actor | None, company_id: uuid.UUID, unit: Unit | None) -> None:
    """Moving a record into `unit` needs the right over that unit too."""
    if unit is not None:
        require(actor, policy.MANAGE, company_id=company_id, unit_id=unit.id)


def _set_path(unit: Unit) -> None:
    parent = unit.parent
    unit.path = f"{parent.path if parent else ''}{unit.id.hex}/"
    unit.depth = parent.depth + 1 if parent else 0


def unit_create(*, actor: Actor | None, company: Company, parent: Unit | None = None, **data: Any) -> Unit:
    require(actor, policy.MANAGE, company_id=company.id, unit_id=parent.id if parent else None)
    unit = Unit(company=company, parent=parent, **{k: v for k, v in data.items() if k in UNIT_FIELDS})
    if parent and parent.company_id != company.id:
        raise ValidationError({"parent": _("The parent unit belongs to another company.")})
    _set_path(unit)
    return model_create(actor=actor, instance=unit, event_type="org.unit.created", fields=UNIT_FIELDS)


def unit_update(*, actor: Actor | None, unit: Unit, **data: Any) -> Unit:
    """Rename or move a unit; moving re-paths the whole subtree in the same transaction."""
    stored = model_stored(unit)
    require(actor, policy.MANAGE, company_id=stored.company_id, unit_id=stored.id)
    new_parent = data.get("parent", stored.parent)
    if new_parent is not None and new_parent.pk != stored.parent_id:
        # Moving under another parent needs the right over that parent too.
        require(actor, policy.MANAGE, company_id=new_parent.company_id, unit_id=new_parent.id)
    if new_parent is not None and (new_parent.path.startswith(unit.path) or new_parent.company_id != unit.company_id):
        raise ValidationError({"parent": _("A unit cannot move under itself, its descendants or another company.")})
    with transaction.atomic():
        old_path = stored.path
        data.pop("company", None)
        unit = model_update(actor=actor, instance=unit, data=data, fields=UNIT_FIELDS, event_type="org.unit.updated")
        _set_path(unit)
        if unit.path != old_path:
            unit.save(update_fields=["path", "depth"])
            for child in Unit.objects.filter(path__startswith=old_path).exclude(id=unit.id).order_by("depth"):
                child.path = unit.path + child.path[len(old_path) :]
                child.depth = child.path.count("/") - 1
                child.save(update_fields=["path", "depth"])
    return unit


def position_create(*, actor: Actor | None, company: Company, **data: Any) -> Position:
    unit = data.get("unit")
    _require_place(actor, company.id, unit)
    position = Position(company=company, **{k: v for k, v in data.items() if k in POSITION_FIELDS and k != "company"})
    return model_create(actor=actor, instance=position, event_type="org.position.created", fields=POSITION_FIELDS)


def position_update(*, actor: Actor | None, position: Position, **data: Any) -> Position:
    stored = model_stored(position)
    require(actor, policy.MANAGE, company_id=stored.company_id, unit_id=stored.unit_id)
    _require_unit(actor, stored.company_id, data.get("unit"))
    data.pop("company", None)
    if "unit" in data and data["unit"] != stored.unit:
        _require_place(actor, stored.company_id, data["unit"])
    return model_update(
        actor=actor, instance=position, data=data, fields=POSITION_FIELDS, event_type="org.position.updated"
    )


def position_set_corruption_prone(*, actor: Actor | None, position: Position, value: bool, basis: str) -> Position:
    """Set a position's "corruption-prone" flag as an approved List of Corruption-Prone Positions says.

    The caller (risks' approval of the list) has checked the approver's right over the company; this
    service records the change on the position, with `basis` (e.g. the decision) in the audit event.
    """
    if position.is_corruption_prone == value:
        return position
    with transaction.atomic():
        old = position.is_corruption_prone
        position.is_corruption_prone = value
        position.save(update_fields=["is_corruption_prone", "updated_at"])
        audit_record(
            actor=actor,
            event_type="org.position.corruption_prone_set",
            obj=position,
            changes={"is_corruption_prone": [old, value], "basis": [None, basis]},
        )
    return position


def _require_place(actor: Actor | None, company_id: Any, unit: Unit | None) -> None:
    """The actor may write at this place: the unit (if any) belongs to the company, and the
    actor's write scope covers it (a right over a unit reaches only that unit's company)."""
    if unit is not None and unit.company_id != company_id:
        raise ValidationError({"unit": _("The unit belongs to another company.")})
    require(actor, policy.MANAGE, company_id=company_id, unit_id=unit.id if unit else None)


def employee_create(*, actor: Actor | None, company: Company, **data: Any) -> Employee:
    unit = data.get("unit")
    _require_place(actor, company.id, unit)
    employee = Employee(company=company, **{k: v for k, v in data.items() if k in EMPLOYEE_FIELDS and k != "company"})
    employee.refresh_search_text()
    with transaction.atomic():
        model_create(actor=actor, instance=employee, event_type="org.employee.created", fields=EMPLOYEE_FIELDS)
        hooks.employees_changed(actor, [employee.id])
    return employee


def employee_update(*, actor: Actor | None, employee: Employee, **data: Any) -> Employee:
    """Change an employee; a move to another unit needs the write scope over both places."""
    stored = model_stored(employee)
    require(actor, policy.MANAGE, company_id=stored.company_id, unit_id=stored.unit_id)
    _require_unit(actor, stored.company_id, data.get("unit"))
    data.pop("company", None)
    if "unit" in data and data["unit"] != stored.unit:
        _require_place(actor, stored.company_id, data["unit"])
    with transaction.atomic():
        employee = model_update(
            actor=actor, instance=employee, data=data, fields=EMPLOYEE_FIELDS, event_type="org.employee.updated"
        )
        before = employee.search_text
        employee.refresh_search_text()
        if employee.search_text != before:
            employee.save(update_fields=["search_text"])
        hooks.employees_changed(actor, [employee.id])
    return employee


def employee_dismiss(*, actor: Actor | None, employee: Employee, on: dt.date) -> Employee:
    return employee_update(actor=actor, employee=employee, dismissal_date=on)
