"""Indicators, dashboard tiles and the command line of the conflicts module."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.conflicts import selectors, services
from senim.conflicts.models import Alert, CampaignRequest, DetectionRun
from senim.conflicts.tests.factories import employee_user, relative, submit
from senim.core import indicators
from senim.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _values(year: int, company_id=None) -> dict[str, tuple[object, object]]:  # type: ignore[no-untyped-def]
    return {v.code: (v.value, v.previous) for v in indicators.compute_values(year=year, company_id=company_id)}


def test_indicators_count_the_year_and_the_company(group):
    officer = user_with_role("officer")
    campaign = services.campaign_create(
        actor=officer, title="A", company=group.a, population="company", deadline=dt.date.today() + dt.timedelta(days=5)
    )
    services.campaign_launch(actor=officer, campaign=campaign)
    declaration = submit(group.in_leaf)
    submit(group.in_b, form_type="b")
    services.declaration_review(actor=officer, declaration=declaration, outcome="potential", comment="Sister.")
    services.gift_declare(
        actor=employee_user(group.in_leaf),
        employee=group.in_leaf,
        kind="received",
        party_kind="official",
        party_name="X Y",
        occasion="Visit",
        description="Book",
        value=Decimal(10),
        currency="KZT",
        date=dt.date.today(),
    )
    year = dt.date.today().year
    values = _values(year)
    assert values["conflicts.forms_a"] == (1, 0) and values["conflicts.forms_b"] == (1, 0)
    assert values["conflicts.campaign_completion"][0] == 33  # 1 of the 3 employees of company A
    assert values["conflicts.disclosed"][0] == 1 and values["conflicts.gifts"][0] == 1
    assert _values(year, group.b.pk)["conflicts.forms_a"] == (0, 0)


def test_dashboard_tiles_for_an_officer_and_an_asked_employee(group):
    officer = user_with_role("officer")
    campaign = services.campaign_create(
        actor=officer, title="A", population="all", deadline=dt.date.today() + dt.timedelta(days=5)
    )
    services.campaign_launch(actor=officer, campaign=campaign)
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "Declarations to review" in page and "Undisclosed links to check" in page
    client.force_login(employee_user(group.in_leaf))
    assert "Declarations you are asked to submit" in client.get(reverse("core:dashboard")).content.decode()


def test_a_unit_officer_sees_group_campaigns_with_their_units_only(group):
    officer = user_with_role("officer")
    campaign = services.campaign_create(
        actor=officer, title="All", population="all", deadline=dt.date.today() + dt.timedelta(days=5)
    )
    services.campaign_launch(actor=officer, campaign=campaign)
    unit_officer = user_with_role("officer", unit=group.leaf)
    assert list(selectors.campaign_list(actor=unit_officer)) == [campaign]
    assert [r.unit_id for r in selectors.campaign_progress(actor=unit_officer, campaign=campaign)] == [group.leaf.pk]
    assert CampaignRequest.objects.filter(campaign=campaign).count() == 4


def test_the_command_line_detects_and_reminds(group):
    daughter = EmployeeFactory(company=group.a, unit=group.leaf, surname="Касымова", given_name="Айгерим")
    submit(group.in_branch, items=[relative(daughter.full_name, "child", person_identifier=daughter.iin)])
    out, err = StringIO(), StringIO()
    call_command("conflicts", "detect", stdout=out, stderr=err)
    assert "2 new alerts" in out.getvalue() and Alert.objects.count() == 2
    assert DetectionRun.objects.get().status == DetectionRun.Status.DONE
    officer = user_with_role("officer")
    services.campaign_create(actor=officer, title="New hires", population="new_hires", deadline=dt.date.today())
    out = StringIO()
    call_command("conflicts", "campaign", "remind", stdout=out)
    assert "0 reminders sent" in out.getvalue()
    out = StringIO()
    call_command("conflicts", "campaign", "list", stdout=out)
    assert "New hires\tdraft" in out.getvalue()
