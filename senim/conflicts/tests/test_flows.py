"""Issue 13: an employee who has submitted form A is not asked for it again; a campaign page says
what fits its state; the employee menu has no list of employees and does lead to Speak Up."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.conflicts import selectors, services
from senim.conflicts.tests.factories import employee_user, submit
from senim.core.access import SYSTEM
from senim.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _client(user):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_a_new_hire_who_declared_on_joining_is_not_asked_again(group):
    officer = user_with_role("officer", language="en")
    campaign = services.campaign_create(
        actor=officer,
        title="New hires",
        deadline=dt.date.today() + dt.timedelta(days=10),
        population="new_hires",
        hire_window_days=30,
    )
    services.campaign_launch(actor=officer, campaign=campaign)
    hire = EmployeeFactory(company=group.a, unit=group.leaf, hire_date=dt.date.today())
    submit(hire)  # declared on joining, before the campaign asked
    services.campaign_remind(actor=SYSTEM)
    employee = employee_user(hire, language="en")
    assert list(selectors.open_requests(actor=employee)) == []
    page = _client(employee).get(reverse("conflicts:my-declarations")).content.decode()
    assert "You are asked to submit form A" not in page
    other = EmployeeFactory(company=group.a, unit=group.leaf, hire_date=dt.date.today())
    services.campaign_remind(actor=SYSTEM)
    assert selectors.open_requests(actor=employee_user(other)).count() == 1


def test_a_form_a_from_before_an_annual_campaign_does_not_answer_it(group):
    officer = user_with_role("officer")
    submit(group.in_leaf)
    campaign = services.campaign_create(
        actor=officer,
        title="2026",
        deadline=dt.date.today() + dt.timedelta(days=10),
        population="company",
        company=group.a,
    )
    services.campaign_launch(actor=officer, campaign=campaign)
    assert selectors.open_requests(actor=employee_user(group.in_leaf)).count() == 1
    submit(group.in_leaf)
    assert selectors.open_requests(actor=employee_user(group.in_leaf)).count() == 0


def test_an_open_new_hires_campaign_never_says_launch(group):
    officer = user_with_role("officer", language="en")
    campaign = services.campaign_create(
        actor=officer, title="New hires", deadline=dt.date.today() + dt.timedelta(days=10), population="new_hires"
    )
    url = reverse("conflicts:campaign-detail", args=[campaign.pk])
    draft = _client(officer).get(url).content.decode()
    assert "launch the campaign" in draft and "/launch/" in draft
    services.campaign_launch(actor=officer, campaign=campaign)
    page = _client(officer).get(url).content.decode()
    assert "launch the campaign" not in page and "/launch/" not in page
    assert "each new hire is asked when they join" in page
    services.campaign_close(actor=officer, campaign=campaign)
    assert "closed before anyone was asked" in _client(officer).get(url).content.decode()


def test_the_employee_menu_has_speak_up_and_no_employee_list(group):
    employee = employee_user(group.in_leaf, language="en")
    page = _client(employee).get(reverse("core:dashboard")).content.decode()
    assert reverse("speakup:portal") in page and "Report a concern" in page
    assert f'href="{reverse("org:employee-list")}"' not in page
    officer_page = _client(user_with_role("officer", language="en")).get(reverse("core:dashboard")).content.decode()
    assert f'href="{reverse("org:employee-list")}"' in officer_page
