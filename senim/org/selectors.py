"""Reads of the organisation, always limited to what the actor may see."""

import uuid
from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from senim.core.access import Actor, scope_of
from senim.org import policy
from senim.org.models import Company, Employee, Position, Unit


def company_list(*, actor: Actor) -> QuerySet[Company]:
    scope = scope_of(actor, policy.VIEW_STRUCTURE)
    qs = Company.objects.all()
    if not scope.everything:
        qs = qs.filter(Q(id__in=scope.company_ids) | Q(units__id__in=scope.unit_ids)).distinct()
    return qs.order_by(f"name_{_lang()}", "name_ru")


def company_get(*, actor: Actor, company_id: uuid.UUID | str) -> Company:
    """The company if the actor may see it; raises Company.DoesNotExist otherwise."""
    return company_list(actor=actor).get(id=company_id)


def company_find(*, actor: Actor, key: str) -> Company | None:
    """The company the actor sees with this registration number (BIN) or id, or None (for the
    command line, which names companies by number)."""
    key = key.strip()
    if not key:
        return None
    qs = company_list(actor=actor)
    found = qs.filter(registration_number=key).first()
    if found is None:
        try:
            found = qs.filter(id=uuid.UUID(key)).first()
        except ValueError:
            return None
    return found


def unit_list(*, actor: Actor, company_id: uuid.UUID | None = None) -> QuerySet[Unit]:
    scope = scope_of(actor, policy.VIEW_STRUCTURE)
    qs = Unit.objects.filter(scope.q(company="company_id", unit="id")).select_related("company", "parent")
    if company_id:
        qs = qs.filter(company_id=company_id)
    return qs.order_by("company_id", "path")


def unit_get(*, actor: Actor, unit_id: uuid.UUID | str) -> Unit:
    return unit_list(actor=actor).get(id=unit_id)


def unit_subtree_ids(unit_ids: Iterable[uuid.UUID]) -> frozenset[uuid.UUID]:
    """The given units and all their descendants (for scoping role assignments)."""
    paths = list(Unit.objects.filter(id__in=list(unit_ids)).values_list("path", flat=True))
    if not paths:
        return frozenset()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return frozenset(Unit.objects.filter(condition).values_list("id", flat=True))


def position_list(*, actor: Actor, company_id: uuid.UUID | None = None, query: str = "") -> QuerySet[Position]:
    scope = scope_of(actor, policy.VIEW_STRUCTURE)
    qs = Position.objects.filter(scope.q(company="company_id", unit="unit_id")).select_related("unit", "company")
    if company_id:
        qs = qs.filter(company_id=company_id)
    if query:
        qs = qs.filter(
            Q(code__icontains=query)
            | Q(title_ru__icontains=query)
            | Q(title_kk__icontains=query)
            | Q(title_en__icontains=query)
            | Q(title_uz__icontains=query)
        )
    return qs.order_by("company_id", "code")


EMPLOYEE_SORTS = {
    "surname": ("surname", "given_name", "id"),
    "number": ("personnel_number", "id"),
    "hired": ("hire_date", "id"),
    "company": ("company__name_ru", "surname", "id"),
}


def employee_list(
    *,
    actor: Actor,
    query: str = "",
    sort: str = "surname",
    company_id: uuid.UUID | None = None,
    unit_id: uuid.UUID | None = None,
    active: bool | None = None,
) -> QuerySet[Employee]:
    """Employees the actor may see, searched across both scripts, numbers and identifiers.

    `sort` is one of EMPLOYEE_SORTS, optionally prefixed with "-"; anything else sorts by surname.
    """
    scope = scope_of(actor, policy.VIEW_EMPLOYEE)
    qs = Employee.objects.filter(scope.q(company="company_id", unit="unit_id", employee="id"))
    if company_id:
        qs = qs.filter(company_id=company_id)
    if unit_id:
        qs = qs.filter(unit_id__in=unit_subtree_ids([unit_id]))
    if active is not None:
        qs = qs.filter(dismissal_date__isnull=active)
    for term in query.casefold().split()[:6]:
        qs = qs.filter(search_text__contains=term)
    descending = sort.startswith("-")
    keys = EMPLOYEE_SORTS.get(sort.lstrip("-"), EMPLOYEE_SORTS["surname"])
    qs = qs.order_by(*[f"-{k}" if descending else k for k in keys])
    return qs.select_related("company", "unit", "position")


def employee_get(*, actor: Actor, employee_id: uuid.UUID | str) -> Employee:
    """The employee if the actor may see them; raises Employee.DoesNotExist otherwise."""
    scope = scope_of(actor, policy.VIEW_EMPLOYEE)
    qs = Employee.objects.filter(scope.q(company="company_id", unit="unit_id", employee="id"))
    return qs.select_related("company", "unit", "position").get(id=employee_id)


def employees_by_number(numbers: Iterable[str]) -> dict[tuple[uuid.UUID, str], Employee]:
    """The employees with these personnel numbers, by (company id, number), for an import that
    names people by them (it checks each company against the importer's scope). Only the id,
    company, unit and number are loaded; one query per 5,000 numbers (the databases' parameter
    limits)."""
    found: dict[tuple[uuid.UUID, str], Employee] = {}
    wanted = sorted(set(numbers) - {""})
    for start in range(0, len(wanted), 5000):
        qs = Employee.objects.filter(personnel_number__in=wanted[start : start + 5000]).only(
            "id", "company_id", "unit_id", "personnel_number"
        )
        for employee in qs.iterator(chunk_size=5000):
            found[(employee.company_id, employee.personnel_number)] = employee
    return found


def employee_for_user(*, user_employee_id: uuid.UUID | None) -> Employee | None:
    if not user_employee_id:
        return None
    return Employee.objects.select_related("company", "unit", "position").filter(id=user_employee_id).first()


def _lang() -> str:
    code = (get_language() or "ru").split("-")[0]
    return code if code in {"ru", "kk", "en", "uz"} else "ru"
