"""Imports: checked in full before anything is written; matched by number; reported by row."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given, settings
from hypothesis import strategies as st

from senim.core import identifiers
from senim.core.access import SYSTEM
from senim.core.importing.values import CellError
from senim.core.models import AuditEvent
from senim.counterparties import importing
from senim.counterparties.models import Contract, Counterparty
from senim.counterparties.services import questionnaires
from senim.counterparties.tests.factories import CounterpartyFactory

pytestmark = pytest.mark.django_db


def _file(tmp_path, text, name="f.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_counterparties_are_created_then_updated_by_number(tmp_path):
    number = identifiers.make_bin(2011, 11, 11)
    path = _file(tmp_path, f"Наименование,страна,БИН\nТОО «Один»,KZ,{number}\n")
    plan = importing.plan_file(actor=SYSTEM, kind="counterparties", path=path)
    assert plan.ok
    assert importing.apply(actor=SYSTEM, plan=plan).created == 1
    path = _file(tmp_path, f"name_ru,country,identifier,address\nТОО «Один плюс»,KZ,{number},Астана\n")
    result = importing.apply(actor=SYSTEM, plan=importing.plan_file(actor=SYSTEM, kind="counterparties", path=path))
    assert result.updated == 1
    cp = Counterparty.objects.get()
    assert (cp.name_ru, cp.address, cp.identifier_kind) == ("ТОО «Один плюс»", "Астана", "bin")
    assert AuditEvent.objects.filter(event_type="counterparties.counterparty.imported").count() == 2


def test_bad_rows_are_reported_by_line_and_column_and_nothing_is_written(tmp_path):
    good = identifiers.make_bin(2011, 11, 12)
    path = _file(
        tmp_path,
        f"name_ru,country,identifier,kind\nА,KZ,{good},\nБ,KZ,{good},\nВ,KZ,12345,\nГ,ZZZ,,\nД,KZ,,martian\n",
    )
    plan = importing.plan_file(actor=SYSTEM, kind="counterparties", path=path)
    assert {(e.line, e.column) for e in plan.errors} == {
        (3, "identifier"),
        (4, "identifier"),
        (5, "country"),
        (6, "kind"),
    }
    with pytest.raises(importing.PermissionDenied):
        importing.apply(actor=SYSTEM, plan=plan)
    assert not Counterparty.objects.exists()


def test_the_command_imports_contracts_and_refuses_a_file_with_errors(tmp_path, group, capsys):
    cp = CounterpartyFactory()
    rows = f"{group.a.registration_number},N-1,01.02.2025,{cp.identifier},open_tender,1 000 000,KZT,нет\n"
    bad = f"{group.a.registration_number},N-2,2025-02-30,{cp.identifier},open_tender,5,KZT,да\n"
    header = "company,number,date,counterparty,procurement_method,amount,currency,has_clause\n"
    with pytest.raises(CommandError):
        call_command("counterparties", "import", "contracts", str(_file(tmp_path, header + rows + bad)))
    assert not Contract.objects.exists()
    call_command("counterparties", "import", "contracts", str(_file(tmp_path, header + rows)))
    contract = Contract.objects.get()
    assert (contract.amount, contract.has_clause, contract.procurement_method) == (1000000, False, "open_tender")
    call_command("counterparties", "list")
    assert cp.identifier in capsys.readouterr().out


def test_an_empty_or_binary_file_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"")
    with pytest.raises(importing.FileRejected):
        importing.plan_file(actor=SYSTEM, kind="contracts", path=path)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=40))
def test_an_amount_cell_is_a_non_negative_decimal_or_refused_with_a_reason(text):
    try:
        value = importing._amount(text)
    except CellError:
        return
    assert value is None or (value >= 0 and value == value.quantize(Decimal("0.01")))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_a_list_of_persons_parses_or_is_refused_with_a_validation_error(text):
    try:
        persons = questionnaires._parse_persons(text)
    except ValidationError:
        return
    assert all(p["name"] and len(p["name"]) <= 300 for p in persons)
    assert len(persons) <= questionnaires.MAX_PERSONS


def test_the_command_writes_the_register_and_prints_the_coverage(tmp_path, group, capsys):
    from openpyxl import load_workbook

    from senim.accounts.tests.factories import user_with_role
    from senim.counterparties import services
    from senim.counterparties.tests.factories import ClauseFactory

    cp = CounterpartyFactory(name_en="Monopoly JSC")
    Contract.objects.create(company=group.a, number="1", date=dt.date(2025, 3, 1), counterparty=cp, has_clause=False)
    Contract.objects.create(company=group.a, number="2", date=dt.date(2025, 3, 2), counterparty=cp)
    application = services.application_file(
        actor=user_with_role("officer"), company=group.a, counterparty=cp, refusal="clause", justification="x"
    )
    services.application_propose(
        actor=user_with_role("officer"),
        application=application,
        decision="register",
        clause=ClauseFactory(),
        grounds="g",
    )
    services.application_approve(actor=user_with_role("approver"), application=application)
    call_command("counterparties", "register", str(tmp_path / "r.xlsx"), "--language", "en")
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert sheet.cell(row=5, column=2).value == "Monopoly JSC"
    call_command("counterparties", "coverage", "--year", "2025")
    assert f"2025\t{group.a.registration_number}\tother\t2\t1\t50.0" in capsys.readouterr().out


def test_contracts_carry_their_approver_by_personnel_number(tmp_path, group):
    cp = CounterpartyFactory()
    approver = group.in_branch
    header = "company,number,date,counterparty,approver\n"
    good = f"{group.a.registration_number},N-1,01.02.2025,{cp.identifier},{approver.personnel_number}\n"
    bare = f"{group.a.registration_number},N-3,01.02.2025,{cp.identifier},\n"
    # A number of company B's employee is unknown in company A.
    bad = f"{group.a.registration_number},N-2,01.02.2025,{cp.identifier},{group.in_b.personnel_number}\n"
    plan = importing.plan_file(actor=SYSTEM, kind="contracts", path=_file(tmp_path, header + good + bare + bad))
    assert [(e.line, e.column) for e in plan.errors] == [(4, "approver")]
    plan = importing.plan_file(actor=SYSTEM, kind="contracts", path=_file(tmp_path, header + good + bare))
    importing.apply(actor=SYSTEM, plan=plan)
    assert {c.number: c.approved_by for c in Contract.objects.all()} == {"N-1": approver, "N-3": None}


def test_approvers_are_looked_up_once_per_file_not_per_row(tmp_path, group, django_assert_max_num_queries):
    cp = CounterpartyFactory()
    header = "company,number,date,counterparty,approver\n"
    rows = "".join(
        f"{group.a.registration_number},N-{n},01.02.2025,{cp.identifier},{group.in_leaf.personnel_number}\n"
        for n in range(40)
    )
    with django_assert_max_num_queries(8):
        plan = importing.plan_file(actor=SYSTEM, kind="contracts", path=_file(tmp_path, header + rows))
    assert not plan.errors and len(plan.valid) == 40


def test_the_matching_selector_lists_only_contracts_with_an_approver(group):
    from senim.counterparties import selectors

    cp = CounterpartyFactory()
    signed = Contract.objects.create(
        company=group.a, number="A-1", date=dt.date(2025, 1, 2), counterparty=cp, approved_by=group.in_leaf
    )
    Contract.objects.create(company=group.a, number="A-2", date=dt.date(2025, 1, 3), counterparty=cp)
    assert list(selectors.contract_approvals_for_matching()) == [
        (signed.pk, group.a.pk, cp.pk, group.in_leaf.pk, "A-1", dt.date(2025, 1, 2))
    ]


def test_an_approver_of_another_company_is_refused(group):
    contract = Contract(
        company=group.a,
        number="A-1",
        date=dt.date(2025, 1, 2),
        counterparty=CounterpartyFactory(),
        approved_by=group.in_b,
    )
    with pytest.raises(ValidationError) as error:
        contract.full_clean()
    assert "approved_by" in error.value.message_dict
