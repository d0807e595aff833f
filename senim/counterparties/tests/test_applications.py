"""Applications for counterparties that refuse: filing, the five decisions, approval by the right
role, the Register and its export, flags for counterparties already on it."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.counterparties import selectors, services
from senim.counterparties.models import Application, Contract, RegisterEntry
from senim.counterparties.tests.factories import ClauseFactory, CounterpartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(group):
    counterparty = CounterpartyFactory(name_ru="АО «КазТрансГаз»", name_en="", category="natural_monopoly")
    contract = Contract.objects.create(
        company=group.a, number="C-1", date=dt.date(2025, 3, 1), counterparty=counterparty, has_clause=False
    )
    return counterparty, contract, ClauseFactory()


def _file(actor, group, counterparty, contract=None, **extra):
    data = {
        "company": group.a,
        "unit": group.branch,
        "counterparty": counterparty,
        "refusal": "clause",
        "justification": "Единственный поставщик газа.",
        "contracts": [contract] if contract else [],
    }
    data.update(extra)
    return services.application_file(actor=actor, **data)


def test_an_application_goes_from_filing_to_a_register_entry(group, setting):
    counterparty, contract, clause = setting
    officer, approver = user_with_role("officer"), user_with_role("approver")
    application = _file(officer, group, counterparty, contract)
    assert application.number.endswith("-0001") and application.contract_count == 1
    services.application_propose(
        actor=officer, application=application, decision="register", clause=clause, grounds="Естественная монополия"
    )
    with pytest.raises(PermissionDenied):
        services.application_approve(actor=user_with_role("admin", unit=group.branch), application=application)
    with pytest.raises(PermissionDenied):
        services.application_approve(actor=officer, application=application)
    services.application_approve(actor=approver, application=application)
    application.refresh_from_db()
    assert application.status == "decided" and application.approved_by == approver
    entry = RegisterEntry.objects.get()
    assert entry.counterparty == counterparty and entry.clause == clause
    assert list(selectors.register_entry_list(actor=officer, active_on=dt.date.today())) == [entry]
    events = set(AuditEvent.objects.values_list("event_type", flat=True))
    assert {
        "counterparties.application.filed",
        "counterparties.application.approved",
        "counterparties.register.entered",
    } <= events


def test_a_new_application_for_a_counterparty_on_the_register_is_flagged_and_answered_by_reference(group, setting):
    counterparty, contract, clause = setting
    officer, approver = user_with_role("officer"), user_with_role("approver")
    first = _file(officer, group, counterparty, contract)
    services.application_propose(actor=officer, application=first, decision="register", clause=clause, grounds="g")
    services.application_approve(actor=approver, application=first)
    second = _file(officer, group, counterparty, contract_count=3)
    assert second.register_entry == first.entry
    with pytest.raises(ValidationError):
        services.application_propose(actor=officer, application=second, decision="reference", clause=clause)
    services.application_propose(
        actor=officer, application=second, decision="reference", clause=clause, reference=first
    )
    services.application_approve(actor=user_with_role("approver", company=group.a), application=second)
    assert RegisterEntry.objects.count() == 1


def test_the_person_who_proposed_cannot_approve(group, setting):
    counterparty, contract, clause = setting
    admin = user_with_role("admin")
    application = _file(admin, group, counterparty, contract)
    services.application_propose(actor=admin, application=application, decision="one_off", clause=clause)
    with pytest.raises(ValidationError):
        services.application_approve(actor=admin, application=application)


def test_a_register_entry_needs_a_group_wide_approver_while_a_one_off_does_not(group, setting):
    counterparty, contract, clause = setting
    officer = user_with_role("officer")
    company_approver = user_with_role("approver", company=group.a)
    application = _file(officer, group, counterparty, contract)
    services.application_propose(
        actor=officer, application=application, decision="register", clause=clause, grounds="g"
    )
    with pytest.raises(PermissionDenied):
        services.application_approve(actor=company_approver, application=application)
    services.application_return(actor=company_approver, application=application, comment="Разовое достаточно")
    application.refresh_from_db()
    assert application.status == "filed" and application.decision == ""
    services.application_propose(actor=officer, application=application, decision="one_off", clause=clause)
    services.application_approve(actor=company_approver, application=application)
    assert not RegisterEntry.objects.exists()


@pytest.mark.parametrize(
    ("decision", "extra", "field"),
    [
        ("refuse", {}, "grounds"),
        ("no_consideration", {}, "grounds"),
        ("one_off", {"register_until": dt.date(2030, 1, 1)}, "register_until"),
        ("martian", {}, "decision"),
    ],
)
def test_bad_decisions_are_refused_by_field(group, setting, decision, extra, field):
    counterparty, contract, clause = setting
    officer = user_with_role("officer")
    application = _file(officer, group, counterparty, contract)
    with pytest.raises(ValidationError) as caught:
        services.application_propose(actor=officer, application=application, decision=decision, clause=clause, **extra)
    assert field in caught.value.message_dict
    application.refresh_from_db()
    assert application.status == "filed"


def test_a_clause_out_of_force_cannot_be_cited(group, setting):
    counterparty, contract, clause = setting
    clause.is_active = False
    clause.save()
    officer = user_with_role("officer")
    application = _file(officer, group, counterparty, contract)
    with pytest.raises(ValidationError) as caught:
        services.application_propose(actor=officer, application=application, decision="one_off", clause=clause)
    assert "clause" in caught.value.message_dict


def test_filing_is_scoped_and_checks_the_contracts(group, setting):
    counterparty, contract, _clause = setting
    with pytest.raises(PermissionDenied):
        _file(user_with_role("officer", company=group.b), group, counterparty, contract)
    with pytest.raises(PermissionDenied):
        _file(user_with_role("approver"), group, counterparty, contract)
    other = CounterpartyFactory()
    with pytest.raises(ValidationError):
        _file(user_with_role("officer"), group, other, contract)
    assert not Application.objects.exists()


def test_applications_are_visible_within_scope_only(group, setting):
    counterparty, contract, _clause = setting
    application = _file(user_with_role("officer"), group, counterparty, contract)
    assert list(selectors.application_list(actor=user_with_role("auditor", company=group.a))) == [application]
    assert not selectors.application_list(actor=user_with_role("auditor", company=group.b)).exists()


def test_revoking_takes_the_counterparty_off_the_register_and_the_export_lists_entries(group, setting):
    counterparty, contract, clause = setting
    officer = user_with_role("officer")
    application = _file(officer, group, counterparty, contract)
    services.application_propose(
        actor=officer, application=application, decision="register", clause=clause, grounds="Монополия"
    )
    services.application_approve(actor=user_with_role("approver"), application=application)
    client = Client()
    client.force_login(user_with_role("auditor", company=group.b))
    export = client.get(reverse("counterparties:register-export"))
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.cell(row=5, column=2).value == "АО «КазТрансГаз»"
    assert sheet.cell(row=5, column=8).value == clause.code
    entry = RegisterEntry.objects.get()
    with pytest.raises(PermissionDenied):
        services.register_entry_revoke(actor=user_with_role("officer", company=group.a), entry=entry, reason="x")
    services.register_entry_revoke(actor=officer, entry=entry, reason="Снят статус монополии")
    assert services.register_entry_active(counterparty) is None


def test_pages_of_the_journey_for_each_role(group, setting):
    counterparty, contract, clause = setting
    officer_client, approver_client = Client(), Client()
    officer_client.force_login(user_with_role("officer"))
    approver_client.force_login(user_with_role("approver"))
    page = officer_client.post(
        reverse("counterparties:application-create", args=[counterparty.pk]),
        {
            "company": group.a.pk,
            "refusal": "both",
            "contracts": [contract.pk],
            "contract_count": 1,
            "justification": "Нужно",
        },
    )
    assert page.status_code == 302
    application = Application.objects.get()
    detail = reverse("counterparties:application-detail", args=[application.pk])
    assert "propose" in officer_client.get(detail).content.decode()
    bad = officer_client.post(
        reverse("counterparties:application-propose", args=[application.pk]), {"decision": "register", "clause": ""}
    )
    assert bad.status_code == 400
    ok = officer_client.post(
        reverse("counterparties:application-propose", args=[application.pk]),
        {"decision": "register", "clause": clause.pk, "grounds": "Монополия"},
    )
    assert ok.status_code == 302
    assert approver_client.post(reverse("counterparties:application-approve", args=[application.pk])).status_code == 302
    register = approver_client.get(reverse("counterparties:register")).content.decode()
    assert "АО «КазТрансГаз»" in register
    employee = Client()
    employee.force_login(user_with_role("employee", employee=group.in_leaf))
    assert employee.get(detail).status_code == 403
    assert employee.get(reverse("counterparties:register")).status_code == 403


def test_indicators_count_applications_the_register_and_clause_coverage(group, setting):
    from senim.core import indicators

    counterparty, contract, clause = setting
    year = dt.date.today().year
    officer, approver = user_with_role("officer"), user_with_role("approver")
    first = _file(officer, group, counterparty, contract, refusal="both", contract_count=4)
    services.application_propose(actor=officer, application=first, decision="register", clause=clause, grounds="g")
    services.application_approve(actor=approver, application=first)
    _file(officer, group, counterparty, refusal="questionnaire")
    Contract.objects.create(company=group.b, number="Y", date=dt.date(year, 1, 5), counterparty=counterparty)
    Contract.objects.filter(number="C-1").update(date=dt.date(year, 2, 1))
    values = {v.code: v.value for v in indicators.compute_values(year=year, company_id=None)}
    assert values["counterparties.applications"] == 2
    assert values["counterparties.application_contracts"] == 5
    assert values["counterparties.applications.refusal.both"] == 1
    assert values["counterparties.applications.decision.register"] == 1
    assert values["counterparties.register_entries.natural_monopoly"] == 1
    assert values["counterparties.contracts"] == 2 and values["counterparties.contracts_with_clause"] == 1
    assert values["counterparties.clause_share"] == 50.0
    for_b = {v.code: v.value for v in indicators.compute_values(year=year, company_id=group.b.pk)}
    assert for_b["counterparties.applications"] == 0 and for_b["counterparties.clause_share"] == 100.0
