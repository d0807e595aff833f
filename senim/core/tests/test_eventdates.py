"""The shared event-date check: future dates, dates before the company, out of order, back-dating rights."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.eventdates import backdated_changes, check_event_dates, may_backdate

TODAY = dt.date(2026, 6, 15)


def _check(actor, company_id, **kwargs):
    return check_event_dates(actor=actor, company_id=company_id, today=TODAY, **kwargs)


def test_todays_dates_are_not_backdated_and_need_no_right(group):
    employee = user_with_role("employee", employee=group.in_leaf)
    assert _check(employee, group.a.id, dates={"submitted_on": TODAY}) is False
    assert _check(employee, group.a.id, dates={"submitted_on": None}) is False


def test_officers_and_admins_may_backdate_in_their_scope_only(group):
    past = {"filed_on": dt.date(2023, 3, 1)}
    assert _check(user_with_role("officer", company=group.a), group.a.id, dates=past) is True
    assert _check(user_with_role("admin"), group.b.id, dates=past) is True
    assert _check(SYSTEM, group.b.id, dates=past) is True  # the system
    for actor in [user_with_role("officer", company=group.a), user_with_role("approver"), user_with_role("auditor")]:
        with pytest.raises(ValidationError) as error:
            _check(actor, group.b.id, dates=past)
        assert "filed_on" in error.value.message_dict
    assert not may_backdate(user_with_role("officer", company=group.a), None)
    assert may_backdate(user_with_role("officer"), None)


@pytest.mark.parametrize(
    ("dates", "field", "words"),
    [
        ({"filed_on": dt.date(2026, 6, 16)}, "filed_on", "future"),
        ({"filed_on": dt.date(2009, 12, 31)}, "filed_on", "before the company existed"),
        ({"filed_on": dt.date(2024, 5, 2), "decided_on": dt.date(2024, 5, 1)}, "decided_on", "cannot be before"),
    ],
)
def test_bad_dates_are_refused_with_a_clear_error(group, dates, field, words):
    with pytest.raises(ValidationError) as error:
        _check(
            user_with_role("officer"),
            group.a.id,
            dates=dates,
            founded_on=dt.date(2010, 1, 1),
            labels={"filed_on": "Filed on", "decided_on": "Decided on"},
            order=[("filed_on", "decided_on")],
        )
    messages = error.value.message_dict[field]
    assert any(words in message for message in messages), messages


def test_datetimes_are_compared_as_local_days(group):
    moment = dt.datetime(2026, 6, 14, 20, 0, tzinfo=dt.UTC)  # 15 June in Almaty (UTC+5)
    assert _check(user_with_role("employee", employee=group.in_leaf), group.a.id, dates={"at": moment}) is False


def test_backdated_changes_mark_the_audit_event():
    assert backdated_changes(True) == {"backdated": [None, True]} and backdated_changes(False) == {}


def test_past_allowed_dates_need_no_right_but_are_still_checked(group):
    employee = user_with_role("employee", employee=group.in_leaf)
    past = {"date": dt.date(2026, 3, 1)}
    assert _check(employee, group.a.id, dates=past, past_allowed=True) is False
    with pytest.raises(ValidationError):
        _check(employee, group.a.id, dates=past)
    for date, words in ((dt.date(2026, 6, 16), "future"), (dt.date(2009, 1, 1), "before the company existed")):
        with pytest.raises(ValidationError) as error:
            _check(employee, group.a.id, dates={"date": date}, founded_on=dt.date(2010, 1, 1), past_allowed=True)
        assert any(words in message for message in error.value.message_dict["date"])
