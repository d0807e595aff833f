"""Threat: a user with a right over one company's unit creates or moves employees (or positions)
into another company, where they only read: the scope was accepted for the company *or* the
unit, and the two were not checked against each other. Every target of a write must be inside
the actor's write scope, and an employee's unit belongs to its company."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.org import services
from senim.org.models import Employee, Position

pytestmark = pytest.mark.django_db


def _unit_officer(group):  # type: ignore[no-untyped-def]
    officer = user_with_role("officer", unit=group.branch)  # writes in company A's branch
    from senim.accounts.models import RoleAssignment

    RoleAssignment.objects.create(user=officer, role="auditor", company=group.b)  # reads company B
    return officer


def test_no_employee_created_in_another_company_through_a_unit_right(group):
    officer = _unit_officer(group)
    with pytest.raises((PermissionDenied, ValidationError)):
        services.employee_create(
            actor=officer,
            company=group.b,
            unit=group.leaf,
            personnel_number="X1",
            surname="A",
            given_name="B",
            hire_date=dt.date(2024, 1, 1),
        )
    assert not Employee.objects.filter(personnel_number="X1").exists()
    with pytest.raises((PermissionDenied, ValidationError)):
        services.position_create(actor=officer, company=group.b, unit=group.leaf, code="P1", title_ru="Х")
    assert not Position.objects.filter(code="P1").exists()


def test_no_employee_moved_out_of_the_write_scope(group):
    officer = _unit_officer(group)
    with pytest.raises((PermissionDenied, ValidationError)):
        services.employee_update(actor=officer, employee=group.in_leaf, unit=group.root)  # root: outside the branch
    with pytest.raises((PermissionDenied, ValidationError)):
        services.employee_update(actor=officer, employee=group.in_leaf, unit=group.other)  # company B's unit
    group.in_leaf.refresh_from_db()
    assert group.in_leaf.unit == group.leaf
    services.employee_update(actor=officer, employee=group.in_leaf, unit=group.branch)  # inside: allowed
    group.in_leaf.refresh_from_db()
    assert group.in_leaf.unit == group.branch


def test_an_employees_unit_belongs_to_its_company(group):
    admin = user_with_role("admin")
    with pytest.raises(ValidationError):
        services.employee_create(
            actor=admin,
            company=group.b,
            unit=group.leaf,
            personnel_number="X2",
            surname="A",
            given_name="B",
        )
    with pytest.raises(ValidationError):
        services.employee_update(actor=admin, employee=group.in_b, unit=group.leaf)
    employee = Employee(company=group.b, unit=group.leaf, personnel_number="X3", surname="A", given_name="B")
    with pytest.raises(ValidationError):
        employee.full_clean()


def test_the_database_refuses_a_unit_of_another_company(group):
    """Even a write that skips the services (a bulk import, a script) cannot store it."""
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Employee.objects.filter(pk=group.in_b.pk).update(unit=group.leaf)
    group.in_b.refresh_from_db()
    assert group.in_b.unit == group.other
    with pytest.raises(IntegrityError), transaction.atomic():
        Employee.objects.create(company=group.b, unit=group.leaf, personnel_number="X9", surname="A", given_name="B")
    assert not Employee.objects.filter(personnel_number="X9").exists()
    Employee.objects.create(company=group.a, unit=group.leaf, personnel_number="X9", surname="A", given_name="B")
