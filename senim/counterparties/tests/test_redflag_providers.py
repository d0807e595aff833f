"""Red-flag providers: a module above counterparties (conflicts of interest, which knows the
relatives employees declared) contributes automatic red flags to verifications."""

import datetime as dt
import logging

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.counterparties import redflags, services
from senim.counterparties.models import CaseFlag, Party
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory
from senim.counterparties.tests.test_verification import _open

pytestmark = pytest.mark.django_db

DECLARED = {"900101300123": "Ахметов Ерлан (брат работника Ахметова Д.)"}  # as a conflicts form would hold


def relatives_of_employees(counterparty, *, on):
    """What senim.conflicts would register: owners and managers who are declared relatives."""
    assert isinstance(on, dt.date)
    parties = Party.objects.filter(counterparty=counterparty, identifier__in=DECLARED)
    return "; ".join(DECLARED[p.identifier] for p in parties)


def broken(counterparty, *, on):
    raise RuntimeError("the provider's own bug")


@pytest.fixture
def provider():
    redflags.register_provider("employee_link", relatives_of_employees)
    redflags.register_provider("employee_link", relatives_of_employees)  # ready() twice: once
    redflags.register_provider("no_such_flag", relatives_of_employees)
    redflags.register_provider("employee_link", broken)
    yield
    for code, fn in [("employee_link", relatives_of_employees), ("no_such_flag", relatives_of_employees)]:
        redflags.unregister_provider(code, fn)
    redflags.unregister_provider("employee_link", broken)


def test_a_registered_provider_raises_the_relative_of_an_employee_flag(group, provider, caplog):
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, identifier="900101300123", name="Ахметов Ерлан")
    plain = CounterpartyFactory()
    OwnerFactory(counterparty=plain)
    officer = user_with_role("officer")
    with caplog.at_level(logging.ERROR, logger="senim.counterparties.redflags"):
        case = _open(officer, group, cp)
    raised = CaseFlag.objects.get(case=case, flag__code="employee_link")
    assert raised.is_automatic and raised.detail == DECLARED["900101300123"]
    assert not CaseFlag.objects.filter(case=case, flag__code="no_such_flag").exists()  # not in the catalogue
    assert case.risk_score >= raised.flag.weight
    assert "broken" in caplog.text  # logged, and the verification opened all the same
    assert not CaseFlag.objects.filter(case=_open(officer, group, plain), flag__code="employee_link").exists()


def test_the_flag_goes_when_the_provider_no_longer_finds_it(group, provider):
    cp = CounterpartyFactory()
    owner = OwnerFactory(counterparty=cp, identifier="900101300123")
    officer = user_with_role("officer")
    case = _open(officer, group, cp)
    assert CaseFlag.objects.filter(case=case, flag__code="employee_link").exists()
    Party.objects.filter(pk=owner.pk).update(identifier="")
    services.case_refresh(actor=officer, case=case)
    assert not CaseFlag.objects.filter(case=case, flag__code="employee_link").exists()


def test_a_provider_needs_a_code_and_a_callable():
    with pytest.raises(ValueError):
        redflags.register_provider("", relatives_of_employees)
    with pytest.raises(ValueError):
        redflags.register_provider("employee_link", "not callable")  # type: ignore[arg-type]
