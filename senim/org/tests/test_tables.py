"""The employee list through core.lists: its download holds the filtered list of the actor's scope,
and a bad date is a form error, not a 500."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import list_export, list_page
from senim.accounts.tests.factories import user_with_role
from senim.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_the_employee_download_follows_the_search_dates_and_scope(group):
    EmployeeFactory(company=group.a, unit=group.branch, surname="Новиков", hire_date=dt.date(2025, 5, 5))
    EmployeeFactory(company=group.b, unit=group.other, surname="Новикова", hire_date=dt.date(2025, 5, 6))
    url = reverse("org:employee-list")
    in_a = user_with_role("officer", company=group.a)
    header, rows = list_export(in_a, url, q="новиков", date_from="2025-01-01", sort="-hired")
    assert header[1] == "Full name"
    assert [row[1].split()[0] for row in rows] == ["Новиков"]  # company B's namesake is outside the scope
    _header, everyone = list_export(user_with_role("officer"), url, q="новиков", sort="-hired")
    assert [row[1].split()[0] for row in everyone] == ["Новикова", "Новиков"]


def test_a_bad_hire_date_is_a_form_error_and_the_list_stays_whole(group):
    page = list_page(user_with_role("officer"), reverse("org:employee-list"), date_from="2025-13-40")
    assert page.context["list_dates"].errors
    assert page.context["page_obj"].paginator.count == 4
