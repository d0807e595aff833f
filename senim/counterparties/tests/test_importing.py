"""Imports: checked in full before anything is written; matched by number; reported by row."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given, settings
from hypothesis import strategies as st

from senim.core import identifiers
from senim.core.models import AuditEvent
from senim.counterparties import importing
from senim.counterparties.models import Contract, Counterparty
from senim.counterparties.services import questionnaires
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.org.importing.values import CellError

pytestmark = pytest.mark.django_db


def _file(tmp_path, text, name="f.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_counterparties_are_created_then_updated_by_number(tmp_path):
    number = identifiers.make_bin(2011, 11, 11)
    path = _file(tmp_path, f"Наименование,страна,БИН\nТОО «Один»,KZ,{number}\n")
    plan = importing.plan_file(actor=None, kind="counterparties", path=path)
    assert plan.ok
    assert importing.apply(actor=None, plan=plan).created == 1
    path = _file(tmp_path, f"name_ru,country,identifier,address\nТОО «Один плюс»,KZ,{number},Астана\n")
    result = importing.apply(actor=None, plan=importing.plan_file(actor=None, kind="counterparties", path=path))
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
    plan = importing.plan_file(actor=None, kind="counterparties", path=path)
    assert {(e.line, e.column) for e in plan.errors} == {
        (3, "identifier"),
        (4, "identifier"),
        (5, "country"),
        (6, "kind"),
    }
    with pytest.raises(importing.PermissionDenied):
        importing.apply(actor=None, plan=plan)
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
        importing.plan_file(actor=None, kind="contracts", path=path)


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
