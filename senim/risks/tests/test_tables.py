"""The module's lists through core.lists: each download holds the list of the actor's scope, sorted
as asked, and a bad date is a form error, not a 500."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import list_export, list_page
from senim.accounts.tests.factories import user_with_role
from senim.risks import services
from senim.risks.models import Measure, Plan, PlanKind

pytestmark = pytest.mark.django_db


def test_the_assessments_download_holds_the_actors_companies_only(group):
    officer = user_with_role("officer")
    for company, year in ((group.a, 2025), (group.b, 2025), (group.a, 2026)):
        services.exercise_create(actor=officer, company=company, year=year)
    url = reverse("risks:exercise-list")
    header, rows = list_export(user_with_role("officer", company=group.a), url, sort="year")
    assert header[:2] == ["Year", "Company"]
    assert [(row[0], row[1]) for row in rows] == [("2025", str(group.a)), ("2026", str(group.a))]
    assert len(list_export(officer, url)[1]) == 3


def test_the_plans_download_follows_the_dates_and_scope_and_the_page_shows_this_years_figures(group):
    for company, title, approved in (
        (group.a, "ESG roadmap", dt.date(2025, 2, 1)),
        (group.b, "Beta plan", dt.date(2025, 3, 1)),
        (group.a, "Old plan", dt.date(2020, 3, 1)),
    ):
        plan = Plan.objects.create(
            company=company, kind=PlanKind.ROADMAP, title_en=title, first_year=2025, last_year=2030
        )
        Plan.objects.filter(pk=plan.pk).update(approved_on=approved)
        Measure.objects.create(plan=plan, number="1", position=1, text_en="Publish the supplier code")
    url = reverse("risks:plan-list")
    in_a = user_with_role("officer", company=group.a)
    header, rows = list_export(in_a, url, date_from="2024-01-01")
    assert header[0] == "Plan" and [row[0] for row in rows] == ["ESG roadmap"]
    _header, everyone = list_export(user_with_role("officer"), url, sort="title")
    assert [row[0] for row in everyone] == ["Beta plan", "ESG roadmap", "Old plan"]
    page = list_page(in_a, url)
    assert sorted(plan.title for plan, _rollup in page.context["rows"]) == ["ESG roadmap", "Old plan"]


@pytest.mark.parametrize("name", ["exercise-list", "plan-list"])
def test_every_list_sorts_and_a_bad_date_is_a_form_error(group, name):
    officer = user_with_role("officer")
    url = reverse(f"risks:{name}")
    page = list_page(officer, url, date_from="2025-02-30")
    assert page.context["list_dates"].errors
    for column in page.context["list_table"].columns:
        if column.sortable:
            list_page(officer, url, sort=f"-{column.key}")
