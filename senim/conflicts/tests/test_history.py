"""History: forms entered from paper with the day they were submitted, counted in that year; three
years of contracts and forms A read back through `senim indicators` with the previous year."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from senim.accounts.tests.factories import user_with_role
from senim.conflicts.models import Declaration
from senim.conflicts.tests.factories import submit
from senim.core.access import SYSTEM
from senim.core.models import AuditEvent
from senim.counterparties import importing as cp_importing
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
THIS_YEAR = dt.date.today().year


def _scan() -> SimpleUploadedFile:
    return SimpleUploadedFile("form.pdf", b"%PDF-1.4 paper form")


def _paper(employee, officer, day: dt.date) -> Declaration:
    return submit(employee, officer, items=[], paper_scan=_scan(), submitted_on=day)


def test_a_paper_form_keeps_the_day_it_was_submitted_and_is_marked_backdated(group):
    officer = user_with_role("officer")
    day = dt.date(THIS_YEAR - 2, 3, 14)
    declaration = _paper(group.in_leaf, officer, day)
    assert declaration.submitted_at.date() == day and declaration.is_backdated
    event = AuditEvent.objects.get(event_type="conflicts.declaration.submitted", object_id=str(declaration.pk))
    assert event.actor_id == officer.pk and event.changes["backdated"] == [None, True]


def test_only_those_who_may_backdate_enter_past_dates_and_bad_dates_are_refused(group):
    with pytest.raises(ValidationError):  # the employee cannot back-date their own form
        submit(group.in_leaf, items=[], submitted_on=dt.date(THIS_YEAR - 1, 5, 1))
    officer = user_with_role("officer")
    with pytest.raises(ValidationError) as future:
        _paper(group.in_leaf, officer, dt.date.today() + dt.timedelta(days=1))
    assert "submitted_on" in future.value.message_dict
    group.a.founded_on = dt.date(2015, 1, 1)
    group.a.save()
    with pytest.raises(ValidationError) as before:
        _paper(group.in_leaf, officer, dt.date(2014, 12, 31))
    assert "before the company existed" in before.value.message_dict["submitted_on"][0]
    assert not Declaration.objects.exists()


def _contracts_file(group, cp, years: dict[int, int]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    header = ["company", "number", "date", "counterparty", "has_clause"]
    rows, line = [], 1
    for year, count in years.items():
        for n in range(count):
            line += 1
            row = [group.a.registration_number, f"{year}-{n}", f"{year}-0{1 + n % 9}-1{n % 9}", cp.identifier, "да"]
            rows.append((line, dict(zip(header, row, strict=True))))
    return header, rows


def test_three_years_of_history_read_back_with_the_previous_year(group):
    """Done when: a customer loads three years of counterparty contracts and declarations, and
    `senim indicators --year N --format json` states each year's figures, with the year before."""
    years = [THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1]
    contracts = dict(zip(years, [4, 7, 5], strict=True))
    cp = CounterpartyFactory()
    header, rows = _contracts_file(group, cp, contracts)
    plan = cp_importing.plan_contracts(actor=SYSTEM, header=header, rows=iter(rows))
    assert plan.ok, plan.errors[:3]
    cp_importing.apply(actor=SYSTEM, plan=plan)

    officer = user_with_role("officer")
    staff = [group.in_root, group.in_branch, group.in_leaf] + [EmployeeFactory(company=group.a) for _ in range(3)]
    forms = dict(zip(years, [2, 6, 4], strict=True))  # the same employees file again each year
    for year, count in forms.items():
        for employee in staff[:count]:
            _paper(employee, officer, dt.date(year, 2, 20))
    # a correction within the same year does not count twice
    _paper(staff[0], officer, dt.date(years[-1], 6, 1))

    for year in years[1:]:
        out = io.StringIO()
        call_command("indicators", "--year", str(year), "--format", "json", stdout=out)
        rows_out = {row["code"]: row for row in json.loads(out.getvalue())}
        assert (rows_out["counterparties.contracts"]["value"], rows_out["counterparties.contracts"]["previous"]) == (
            contracts[year],
            contracts[year - 1],
        )
        assert (rows_out["conflicts.forms_a"]["value"], rows_out["conflicts.forms_a"]["previous"]) == (
            forms[year],
            forms[year - 1],
        )
    out = io.StringIO()
    call_command("indicators", "--year", str(THIS_YEAR), "--format", "json", stdout=out)
    now = {row["code"]: row for row in json.loads(out.getvalue())}
    assert now["conflicts.forms_a"]["value"] == 0 and now["conflicts.forms_a"]["previous"] == forms[years[-1]]
