"""Indicators: declared once, computed for a year and the one before, per group or company."""

import datetime as dt
import io
import json

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from senim.accounts.tests.factories import user_with_role
from senim.core import indicators
from senim.core.indicators import all_indicators, compute_values
from senim.core.templatetags.senim_ui import figure
from senim.org.tests.factories import EmployeeFactory


def _values(**kwargs):
    return {v.code: (v.value, v.previous) for v in compute_values(**kwargs)}


def test_org_indicators_count_headcount_hires_and_leavers(group):
    EmployeeFactory(company=group.a, hire_date=dt.date(2025, 6, 1))
    EmployeeFactory(company=group.a, hire_date=dt.date(2024, 1, 10), dismissal_date=dt.date(2025, 3, 1))
    EmployeeFactory(company=group.b, hire_date=dt.date(2025, 12, 31), dismissal_date=dt.date(2026, 1, 5))
    values = _values(year=2025)
    # The group fixture's four employees were hired in 2020 and are still employed.
    assert values["org.headcount"] == (4 + 1 + 1, 4 + 1)
    assert values["org.hires"] == (2, 1)
    assert values["org.leavers"] == (1, 0)
    assert _values(year=2025, company_id=group.b.id)["org.headcount"] == (2, 1)


def test_every_indicator_has_a_translated_title_and_unit():
    codes = [i.code for i in all_indicators()]
    assert len(codes) == len(set(codes)) and {"org.headcount", "org.hires", "org.leavers"} <= set(codes)


def test_cli_prints_json_with_current_and_previous(group, capsys):
    out = io.StringIO()
    call_command("indicators", "--year", "2025", "--format", "json", stdout=out)
    rows = {row["code"]: row for row in json.loads(out.getvalue())}
    assert rows["org.headcount"]["value"] == 4 and set(rows["org.hires"]) == {
        "code",
        "title",
        "unit",
        "value",
        "previous",
        "module",
        "value_entered",
        "value_source",
        "previous_entered",
        "previous_source",
    }


def test_a_company_scoped_auditor_chooses_among_their_companies_only(client, group):
    auditor = user_with_role("auditor", company=group.a)
    client.force_login(auditor)
    page = client.get(reverse("core:indicators"), {"year": 2025})
    choices = dict(page.context["form"].fields["company"].choices)
    assert set(choices) == {str(group.a.id)}
    assert client.get(reverse("core:indicators"), {"company": str(group.b.id)}).context["form"].errors


def test_the_page_groups_indicators_by_module(client, group):
    EmployeeFactory.create_batch(3, company=group.a, unit=group.root, hire_date=dt.date(2025, 3, 1))
    client.force_login(user_with_role("auditor"))
    page = client.get(reverse("core:indicators"), {"year": 2025})
    titles = [title for title, _values in page.context["sections"]]
    assert titles[:2] == ["Organisation", "Screening"]
    assert all(v.module == "org" for v in page.context["sections"][0][1])


def test_figures_are_grouped_the_readers_way():
    with translation.override("en"):
        assert figure(3104) == "3\xa0104" and figure(None) == "—" and figure(12) == "12"
    with translation.override("ru"):
        assert figure(2866) == "2\xa0866" and figure(0.5) == "0,5"


def test_a_shared_helper_is_computed_once_per_computation_and_afresh_after_it() -> None:
    calls: list[int] = []

    @indicators.shared
    def expensive(year: int) -> int:
        calls.append(year)
        return year * 2

    assert expensive(2025) == 4050 and expensive(2025) == 4050
    assert calls == [2025, 2025]  # outside a computation nothing is kept
    calls.clear()
    with indicators.computation():
        assert expensive(2025) == 4050
        with indicators.computation():  # a nested computation joins the outer one
            assert expensive(2025) == 4050
        assert expensive(2024) == 4048
    assert calls == [2025, 2024]
    calls.clear()
    with indicators.computation():
        expensive(2025)
    assert calls == [2025]  # a new computation starts afresh
