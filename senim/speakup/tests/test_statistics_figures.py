"""The Speak Up statistics page and the indicators page give one figure for one thing: closed
cases and median days to close for a year are the indicators' values, for the group or a company."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from senim.accounts.tests.factories import user_with_role
from senim.core import indicators
from senim.speakup import selectors
from senim.speakup.models import Case, Outcome, Status
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year
CODES = ("speakup.closed", "speakup.median_days_to_close", "speakup.median_days_to_acknowledge")


def _report(company, received: dt.datetime, closed: dt.datetime | None) -> Case:  # type: ignore[no-untyped-def]
    case = submit(company=company).case
    changes = {"received_at": received}
    if closed is not None:
        changes.update(status=Status.CLOSED, closed_at=closed, outcome=Outcome.SUBSTANTIATED)
    Case.objects.filter(pk=case.pk).update(**changes)
    return case


def _at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 10, tzinfo=dt.UTC)


@pytest.fixture
def cases(group):  # type: ignore[no-untyped-def]
    # Received last year and closed this year: the indicator counts it in this year (closed in it);
    # the statistics page used to count closed cases among those received in the year only.
    _report(group.a, _at(YEAR - 1, 11, 1), _at(YEAR, 1, 20))
    _report(group.a, _at(YEAR, 1, 2), _at(YEAR, 1, 12))
    _report(group.b, _at(YEAR, 1, 3), _at(YEAR, 1, 7))
    _report(group.a, _at(YEAR, 1, 4), None)
    return group


def _figures(client: Client, url: str, **query: str) -> dict[str, object]:
    response = client.get(url, {"year": str(YEAR), **query})
    assert response.status_code == 200
    key = "figures" if "figures" in response.context else "values"
    return {v.code: v.value for v in response.context[key] if v.code in CODES}


@pytest.mark.parametrize("role", ["auditor", "officer"])
def test_statistics_and_indicators_agree_for_the_group(cases, role):
    client = Client()
    client.force_login(user_with_role(role))
    stats = _figures(client, reverse("speakup:statistics"))
    shown = _figures(client, reverse("core:indicators"))
    assert stats == shown
    assert stats["speakup.closed"] == 3
    assert stats["speakup.median_days_to_close"] == 10.0  # 81 (last year's), 10, 4 days


def test_statistics_and_indicators_agree_for_one_company(cases):
    client = Client()
    client.force_login(user_with_role("auditor"))
    company = str(cases.a.pk)
    stats = _figures(client, reverse("speakup:statistics"), company=company)
    assert stats == _figures(client, reverse("core:indicators"), company=company)
    assert stats["speakup.closed"] == 2


def test_the_api_and_the_cli_count_closed_cases_the_same_way(cases):
    from senim.core.access import SYSTEM

    stats = selectors.case_statistics(cases=selectors.statistics_cases(actor=SYSTEM), year=YEAR)
    values = {v.code: v.value for v in indicators.compute_values(year=YEAR, codes=list(CODES))}
    assert stats["closed"] == values["speakup.closed"]
    assert stats["median_days_to_close"] == values["speakup.median_days_to_close"]
    assert stats["median_days_to_acknowledge"] == values["speakup.median_days_to_acknowledge"]


def test_a_company_scoped_auditor_sees_only_their_companies(cases):
    auditor = user_with_role("auditor", company=cases.b)
    client = Client()
    client.force_login(auditor)
    response = client.get(reverse("speakup:statistics"), {"year": str(YEAR), "company": str(cases.a.pk)})
    assert response.status_code == 200
    values = {v.code: v.value for v in response.context["figures"]}
    assert values["speakup.closed"] == 1  # company B's case only: A is not among the choices
