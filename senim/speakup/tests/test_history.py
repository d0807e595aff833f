"""History of Speak Up cases: a case registered from a letter or an old register keeps the day it was
received (and the day it was closed), counts in that year, is marked back-dated and audited; bad
dates are refused; the API lists filter by the day received. Three years read back with the year
before."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.indicators import get_indicator
from senim.core.models import AuditEvent
from senim.speakup import services
from senim.speakup.models import Case

pytestmark = pytest.mark.django_db
THIS_YEAR = dt.date.today().year


def _register(officer, company, day: dt.date, **extra):  # type: ignore[no-untyped-def]
    return services.case_register(
        actor=officer,
        kind="report",
        channel="post",
        category="fraud",
        content={"what": "A letter about fake invoices."},
        anonymous=True,
        received_on=day,
        company_id=company.pk,
        issue_receipt=False,
        **extra,
    ).case


def _value(code: str, year: int) -> object:
    indicator = get_indicator(code)
    assert indicator is not None
    return indicator.compute(year, None)


def test_a_case_from_an_old_register_counts_in_the_year_received_and_closed(group):
    officer = user_with_role("officer")
    received = dt.date(THIS_YEAR - 2, 11, 3)
    case = _register(officer, group.a, received)
    assert case.is_backdated and case.received_at.date() == received
    event = AuditEvent.objects.get(event_type="speakup.case.registered", object_id=str(case.pk))
    assert event.actor_id == officer.pk and event.changes["backdated"] == [None, True]
    with pytest.raises(ValidationError) as early:
        services.case_close(
            actor=officer, case=case, outcome="substantiated", measures=[], closed_on=dt.date(THIS_YEAR - 2, 11, 1)
        )
    assert "closed_on" in early.value.message_dict
    services.case_close(
        actor=officer, case=case, outcome="substantiated", measures=[], closed_on=dt.date(THIS_YEAR - 1, 2, 1)
    )
    case.refresh_from_db()
    assert case.closed_at.date() == dt.date(THIS_YEAR - 1, 2, 1)
    closed = AuditEvent.objects.get(event_type="speakup.case.closed", object_id=str(case.pk))
    assert closed.changes["backdated"] == [None, True]
    assert _value("speakup.reports", THIS_YEAR - 2) == 1 and _value("speakup.reports", THIS_YEAR) == 0
    assert _value("speakup.closed", THIS_YEAR - 1) == 1 and _value("speakup.closed", THIS_YEAR) == 0


def test_received_in_the_future_or_before_the_company_existed_is_refused(group):
    group.a.founded_on = dt.date(THIS_YEAR - 5, 1, 1)
    group.a.save()
    officer = user_with_role("officer")
    for day, words in [
        (dt.date.today() + dt.timedelta(days=2), "future"),
        (dt.date(THIS_YEAR - 6, 1, 1), "before the company existed"),
    ]:
        with pytest.raises(ValidationError) as refused:
            _register(officer, group.a, day)
        assert words in refused.value.message_dict["received_on"][0]
    assert not Case.objects.exists()


def test_the_case_list_filters_by_the_day_received(group):
    officer = user_with_role("officer")
    for year in (THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR - 1):
        _register(officer, group.a, dt.date(year, 1, 10))
    client = token_client(officer)
    year = THIS_YEAR - 1
    page = client.get(f"/api/v1/speakup/cases?date_from={year}-01-01&date_to={year}-12-31").json()
    assert page["count"] == 2 and all(item["is_backdated"] for item in page["items"])
    assert client.get(f"/api/v1/speakup/cases?date_from={year}-12-31&date_to={year}-01-01").status_code == 422


def test_three_years_of_cases_read_back_with_the_previous_year(group):
    officer = user_with_role("officer")
    years = [THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1]
    received = dict(zip(years, [4, 1, 3], strict=True))
    closed = dict(zip(years, [2, 1, 0], strict=True))
    for year in years:
        for n in range(received[year]):
            case = _register(officer, group.a, dt.date(year, 3, 1 + n))
            if n < closed[year]:
                services.case_close(
                    actor=officer, case=case, outcome="unsubstantiated", measures=[], closed_on=dt.date(year, 9, 1)
                )
    for year in years[1:]:
        out = io.StringIO()
        call_command("indicators", "--year", str(year), "--format", "json", stdout=out)
        figures = {row["code"]: row for row in json.loads(out.getvalue())}
        assert (figures["speakup.reports"]["value"], figures["speakup.reports"]["previous"]) == (
            received[year],
            received[year - 1],
        )
        assert (figures["speakup.closed"]["value"], figures["speakup.closed"]["previous"]) == (
            closed[year],
            closed[year - 1],
        )
