"""Gifts' event dates: a gift is declared after it happens (a past date needs no back-dating
right), never in the future nor before the company; a decision taken on paper keeps its own day
(back-dating: officers and administrators, audited); a past gift counts in its own year."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.conflicts import indicators, services
from senim.conflicts.models import Gift
from senim.conflicts.tests.factories import employee_user, threshold
from senim.core.models import AuditEvent

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
LAST_YEAR = dt.date(TODAY.year - 1, 12, 20)


def _gift(employee, **data):  # type: ignore[no-untyped-def]
    values = {
        "kind": "received",
        "party_kind": "official",  # always awaits approval
        "party_name": "Серік Маратов",
        "occasion": "New Year",
        "description": "A watch",
        "value": Decimal("90000"),
        "currency": "KZT",
        "date": LAST_YEAR,
    } | data
    return services.gift_declare(actor=employee_user(employee), employee=employee, **values)


def test_an_employee_declares_a_past_gift_which_counts_in_its_own_year(group):
    gift = _gift(group.in_leaf)
    assert gift.date == LAST_YEAR and gift.status == Gift.Status.PENDING
    assert indicators.gifts(LAST_YEAR.year, None) == 1
    assert indicators.gifts(TODAY.year, None) == 0
    event = AuditEvent.objects.get(event_type="conflicts.gift.declared", object_id=str(gift.pk))
    assert "backdated" not in event.changes  # declaring after the fact is the rule, not back-dating


def test_future_gifts_and_gifts_before_the_company_are_refused(group):
    company = group.in_leaf.company
    company.founded_on = dt.date(2015, 1, 1)
    company.save()
    for date, words in ((TODAY + dt.timedelta(days=1), "future"), (dt.date(2014, 12, 31), "before the company")):
        with pytest.raises(ValidationError) as error:
            _gift(group.in_leaf, date=date)
        assert words in error.value.message_dict["date"][0]
    assert not Gift.objects.exists()


def test_a_decision_on_paper_keeps_its_day_only_for_officers_and_never_before_the_gift(group):
    gift = _gift(group.in_leaf)
    approver = user_with_role("approver", company=group.a)
    with pytest.raises(ValidationError) as error:
        services.gift_decide(actor=approver, gift=gift, approve=True, comment="", decided_on=TODAY - dt.timedelta(3))
    assert "decided_on" in error.value.message_dict
    officer = user_with_role("officer", company=group.a)
    with pytest.raises(ValidationError) as error:
        services.gift_decide(actor=officer, gift=gift, approve=True, comment="", decided_on=LAST_YEAR - dt.timedelta(1))
    assert "cannot be before" in error.value.message_dict["decided_on"][0]
    gift.refresh_from_db()
    assert gift.status == Gift.Status.PENDING and gift.decided_at is None
    day = LAST_YEAR + dt.timedelta(days=2)
    services.gift_decide(actor=officer, gift=gift, approve=True, comment="", decided_on=day)
    gift.refresh_from_db()
    assert gift.status == Gift.Status.APPROVED and gift.decided_at.date() == day
    event = AuditEvent.objects.get(event_type="conflicts.gift.decided", object_id=str(gift.pk))
    assert event.actor_id == officer.pk and event.changes["backdated"] == [None, True]
    assert indicators.gifts_approved(LAST_YEAR.year, None) == 1


def test_the_api_and_the_form_take_the_decision_day(group, client):
    threshold()
    first, second = _gift(group.in_leaf), _gift(group.in_leaf)
    day = LAST_YEAR + dt.timedelta(days=1)
    api = token_client(user_with_role("officer", company=group.a))
    response = api.post(
        f"/api/v1/conflicts/gifts/{first.pk}/decision",
        json.dumps({"approve": False, "comment": "Too expensive", "decided_on": day.isoformat()}),
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["decided_at"].startswith(day.isoformat())
    future = api.post(
        f"/api/v1/conflicts/gifts/{second.pk}/decision",
        json.dumps({"approve": True, "decided_on": (TODAY + dt.timedelta(days=1)).isoformat()}),
        content_type="application/json",
    )
    assert future.status_code in (400, 422)
    client.force_login(user_with_role("officer", company=group.a))
    response = client.post(
        f"/conflicts/gifts/{second.pk}/decide/", {"decision": "approve", "comment": "", "decided_on": day.isoformat()}
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == Gift.Status.APPROVED and second.decided_at.date() == day
