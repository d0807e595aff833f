"""The module's lists through core.lists: each download holds the filtered list of the actor's scope,
and a bad date is a form error, not a 500."""

import datetime as dt
import decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import list_export, list_page
from senim.accounts.tests.factories import user_with_role
from senim.learning import services
from senim.learning.tests.factories import employee_user, make_test, officer, pass_test

pytestmark = pytest.mark.django_db


def test_the_results_download_follows_the_dates_and_scope(group):
    test = make_test(officer())
    pass_test(employee_user(group.in_root), test)
    pass_test(employee_user(group.in_b), test)
    url = reverse("learning:results")
    header, rows = list_export(user_with_role("officer", company=group.a), url)
    assert header[0] == "Employee"
    assert [row[0] for row in rows] == [str(group.in_root)]  # company B's employee is outside the scope
    _header, everyone = list_export(officer(), url, sort="employee")
    assert sorted(row[0] for row in everyone) == sorted([str(group.in_root), str(group.in_b)])
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    assert list_export(officer(), url, date_from=tomorrow)[1] == []


def test_the_events_download_follows_the_year_and_scope(group):
    year = timezone.localdate().year
    for company, title, day in ((group.a, "Семинар А", 3), (group.b, "Семинар Б", 4), (group.a, "Старый", 5)):
        services.event_create(
            actor=officer(),
            company=company,
            kind="special",
            title=title,
            trainer_organisation="Академия",
            date=dt.date(year if title != "Старый" else year - 1, 1, day),
            hours=decimal.Decimal("4.0"),
        )
    url = reverse("learning:events")
    _header, rows = list_export(user_with_role("officer", company=group.a), url)
    assert [row[1] for row in rows] == ["Семинар А"]
    _header, everyone = list_export(officer(), url, sort="-date")
    assert [row[1] for row in everyone] == ["Семинар Б", "Семинар А"]


@pytest.mark.parametrize("name", ["results", "assignments", "overdue", "events", "courses", "kb"])
def test_every_list_downloads_and_a_bad_date_is_a_form_error(group, name):
    user = officer()
    url = reverse(f"learning:{name}")
    page = list_page(user, url, date_to="2025-02-30", sort="-nonsense")
    table = page.context["list_table"]
    assert page.context["list_dates"] is None or page.context["list_dates"].errors
    header, _rows = list_export(user, url, date_to="2025-02-30")
    assert header == [str(column.label) for column in table.columns]
    for column in table.columns:
        if column.sortable:
            list_page(user, url, sort=f"-{column.key}")
