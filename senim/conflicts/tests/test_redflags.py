"""Declarations feed the "link to an employee" red flag of counterparty verifications."""

import datetime as dt

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.conflicts.tests.factories import interest, relative, submit
from senim.core import identifiers
from senim.counterparties.models import CaseFlag
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory
from senim.counterparties.tests.test_verification import _open

pytestmark = pytest.mark.django_db

IIN_RELATIVE = identifiers.make_iin(dt.date(1990, 1, 1), "F", 321)


def _employee_link(case):
    return CaseFlag.objects.filter(case=case, flag__code="employee_link").first()


def test_an_owner_declared_as_a_relative_raises_the_flag_without_naming_the_employee(group):
    owned = CounterpartyFactory()
    OwnerFactory(counterparty=owned, identifier=IIN_RELATIVE, name="Оспанова Айгерим")
    submit(group.in_leaf, items=[relative("Оспанова Айгерим", "child", person_identifier=IIN_RELATIVE)])
    officer = user_with_role("officer")
    raised = _employee_link(_open(officer, group, owned))
    assert raised is not None and raised.is_automatic
    assert "Оспанова Айгерим" in raised.detail and group.in_leaf.surname not in raised.detail
    assert _employee_link(_open(officer, group, CounterpartyFactory())) is None


def test_a_declared_interest_in_the_counterparty_raises_the_flag(group):
    company = CounterpartyFactory()
    submit(group.in_leaf, items=[interest(company.display_name, organisation_identifier=company.identifier)])
    raised = _employee_link(_open(user_with_role("officer"), group, company))
    assert raised is not None and "own interest" in raised.detail


def test_a_superseded_declaration_no_longer_counts(group):
    owned = CounterpartyFactory()
    OwnerFactory(counterparty=owned, identifier=IIN_RELATIVE)
    first = submit(group.in_leaf, items=[relative(person_identifier=IIN_RELATIVE)])
    submit(group.in_leaf, items=[relative("Другой Человек")], supersedes=first)
    assert _employee_link(_open(user_with_role("officer"), group, owned)) is None
