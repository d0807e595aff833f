"""The list of drafts through core.lists: its download holds the filtered list of the actor's scope,
and a bad date is a form error, not a 500."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import list_export, list_page
from senim.accounts.tests.factories import user_with_role
from senim.examination.models import Examination
from senim.examination.tests.factories import examination_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(group):
    old = examination_for(group, title="Договор 2024", examined_on=dt.date(2024, 4, 1))
    new = examination_for(group, title="Договор 2025", examined_on=dt.date(2025, 4, 1))
    policy = examination_for(group, title="Положение 2025", kind="internal_act", examined_on=dt.date(2025, 5, 1))
    elsewhere = examination_for(group, title="Договор Б 2025", examined_on=dt.date(2025, 6, 1))
    Examination.objects.filter(pk=elsewhere.pk).update(company=group.b, unit=group.other)
    return {"old": old, "new": new, "policy": policy}


def test_the_download_follows_the_filters_dates_and_scope(group, drafts):
    url = reverse("examination:list")
    in_a = user_with_role("officer", company=group.a)
    header, rows = list_export(in_a, url, kind="contract", date_from="2025-01-01")
    assert header[0] == "Draft"
    assert [row[0] for row in rows] == ["Договор 2025"]  # company B's draft is outside the scope
    _header, everyone = list_export(user_with_role("officer"), url, kind="contract", sort="-examined")
    assert [row[0] for row in everyone] == ["Договор Б 2025", "Договор 2025", "Договор 2024"]


def test_a_bad_date_is_a_form_error_and_the_list_stays_whole(group, drafts):
    page = list_page(user_with_role("officer"), reverse("examination:list"), date_to="yesterday")
    assert page.context["list_dates"].errors
    assert page.context["page_obj"].paginator.count == 4
