"""Exports never hand a spreadsheet a formula (issue 11, item 15): the shared CSV/XLSX helper, and the
audit export, the rejected-rows file and the Register workbook that go through it."""

import csv
import datetime as dt
import decimal
import io

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.audit import audit_record
from senim.core.exports import FORMULA_STARTS, cell_safe, csv_lines, csv_text, xlsx_append, xlsx_bytes
from senim.core.importing.base import ImportPlan, RowError

ATTACKS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]


def _parsed(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@given(st.text())
def test_no_text_cell_starts_like_a_formula_and_none_loses_its_text(value):
    safe = cell_safe(value)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe in (value, "'" + value)


@pytest.mark.parametrize("value", [-5, 3.5, decimal.Decimal("-1.20"), dt.date(2025, 1, 2), True])
def test_numbers_and_dates_stay_what_they_are(value):
    assert cell_safe(value) is value


def test_every_cell_of_a_csv_is_neutralised_header_included():
    rows = _parsed("".join(csv_lines(["=header"], [ATTACKS, [None, 7]])))
    assert rows[0] == ["'=header"]
    assert rows[1] == ["'" + a for a in ATTACKS]
    assert rows[2] == ["", "7"]


def test_xlsx_keeps_formula_looking_text_as_text():
    book = Workbook()
    sheet = book.active
    xlsx_append(sheet, [*ATTACKS, 42])
    cells = next(load_workbook(io.BytesIO(xlsx_bytes(book))).active.iter_rows())
    # XML may turn a carriage return into a line feed; the text is otherwise exactly what was written.
    assert [str(c.value).replace("\r", "\n") for c in cells] == [*(a.replace("\r", "\n") for a in ATTACKS), "42"]
    assert all(c.data_type != "f" for c in cells)


def test_the_audit_export_neutralises_what_people_typed(db, client):
    audit_record(actor=SYSTEM, event_type="core.test", obj=user_with_role("officer"), changes={"x": ["=1", "@2"]})
    auditor = user_with_role("auditor")
    auditor.username = "=cmd|' /C calc'!A0"
    auditor.save()
    audit_record(actor=auditor, event_type="core.test", obj=auditor, changes={})
    client.force_login(auditor)
    response = client.get(reverse("core:audit-export"))
    rows = _parsed(b"".join(response.streaming_content).decode())
    assert any(row[2] == "'=cmd|' /C calc'!A0" for row in rows[1:])
    assert all(not cell.startswith(FORMULA_STARTS) for row in rows for cell in row)


def test_the_rejected_rows_file_neutralises_cells():
    plan = ImportPlan(
        kind="employees",
        columns=["surname"],
        valid=[],
        rejected=[(2, {"surname": "=1+1"}, [RowError(2, "surname", "-bad")])],
    )
    rows = _parsed(plan.rejected_csv("error"))
    assert rows[1] == ["2", "'=1+1", "surname: -bad"]
    assert _parsed(csv_text(["a"], [["+x"]]))[1] == ["'+x"]
