"""Issue 13: contracts, applications and verifications agree and show their links: the
questionnaire check cannot say "no concern" while a red flag says the counterparty refused it; a
contract "with the clause" cannot belong to an application refusing the clause; an application
filed after a contract expired is flagged."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.counterparties import services
from senim.counterparties.models import Contract, RedFlag
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory
from senim.counterparties.tests.test_verification import _open

pytestmark = pytest.mark.django_db


def _client(user):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_the_questionnaire_check_agrees_with_the_refusal_flag(group):
    officer = user_with_role("officer")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=Decimal("100"))
    services.application_file(
        actor=officer, company=group.a, counterparty=cp, refusal="questionnaire", justification="Нужно"
    )
    case = _open(officer, group, cp, procurement_method="direct")
    check = case.checks.get(code="questionnaire")
    with pytest.raises(ValidationError) as error:
        services.case_check_update(actor=officer, check=check, status="done")
    assert "status" in error.value.message_dict
    check.refresh_from_db()
    assert check.status == "pending"
    services.case_check_update(actor=officer, check=check, status="concern", comment="Refused.")


def test_a_flag_raised_by_hand_turns_a_done_check_into_a_concern(group):
    officer = user_with_role("officer")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=Decimal("100"))
    case = _open(officer, group, cp, procurement_method="direct")
    check = case.checks.get(code="questionnaire")
    services.case_check_update(actor=officer, check=check, status="done")
    services.case_flag_raise(actor=officer, case=case, flag=RedFlag.objects.get(code="questionnaire_refused"))
    check.refresh_from_db()
    assert check.status == "concern" and check.comment


def test_contract_and_application_agree_and_link_each_other(group):
    officer = user_with_role("officer", language="en")
    cp = CounterpartyFactory()
    with_clause = Contract.objects.create(
        company=group.a, number="C-1", date=dt.date(2025, 1, 1), counterparty=cp, has_clause=True
    )
    expired = Contract.objects.create(
        company=group.a,
        number="C-2",
        date=dt.date(2025, 1, 1),
        counterparty=cp,
        has_clause=False,
        term_end=dt.date(2025, 6, 30),
    )
    with pytest.raises(ValidationError) as error:
        services.application_file(
            actor=officer,
            company=group.a,
            counterparty=cp,
            refusal="clause",
            justification="x",
            contracts=[with_clause],
        )
    assert "C-1" in str(error.value)
    application = services.application_file(
        actor=officer,
        company=group.a,
        counterparty=cp,
        refusal="clause",
        justification="x",
        contracts=[expired],
        filed_on=dt.date(2025, 9, 1),
    )
    with pytest.raises(ValidationError):
        services.contract_update(actor=officer, contract=expired, has_clause=True)
    page = _client(officer).get(reverse("counterparties:application-detail", args=[application.pk])).content.decode()
    assert "filed after contract C-2 expired" in page
    page = _client(officer).get(reverse("counterparties:contract-detail", args=[expired.pk])).content.decode()
    assert reverse("counterparties:application-detail", args=[application.pk]) in page
    assert "filed after contract C-2 expired" in page
    case = _open(officer, group, cp)
    Contract.objects.filter(pk=expired.pk).update(verification_case=case)
    page = _client(officer).get(reverse("counterparties:case-detail", args=[case.pk])).content.decode()
    assert reverse("counterparties:contract-detail", args=[expired.pk]) in page
    assert reverse("counterparties:application-detail", args=[application.pk]) in page
