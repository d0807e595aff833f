"""The day a Speak Up report was acknowledged, entered from paper: kept, never before the day it was
received nor in the future, back-dating only for officers (audited), through the API; the median
days to acknowledge counts by it."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.indicators import get_indicator
from senim.core.models import AuditEvent
from senim.speakup import services
from senim.speakup.models import Status

pytestmark = pytest.mark.django_db
THIS_YEAR = dt.date.today().year


def _register(officer, company, day: dt.date):  # type: ignore[no-untyped-def]
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
    ).case


def test_a_paper_acknowledgement_keeps_its_day_and_counts_by_it(group):
    officer = user_with_role("officer")
    received = dt.date(THIS_YEAR - 1, 3, 2)
    case = _register(officer, group.a, received)
    for day, words in (
        (dt.date(THIS_YEAR - 1, 3, 1), "cannot be before"),
        (dt.date.today() + dt.timedelta(1), "future"),
    ):
        with pytest.raises(ValidationError) as error:
            services.case_acknowledge(actor=officer, case=case, acknowledged_on=day)
        assert words in error.value.message_dict["acknowledged_on"][0]
    case.refresh_from_db()
    assert case.status == Status.RECEIVED and case.acknowledged_at is None
    services.case_acknowledge(actor=officer, case=case, acknowledged_on=dt.date(THIS_YEAR - 1, 3, 6))
    case.refresh_from_db()
    assert case.status == Status.ACKNOWLEDGED and case.acknowledged_at.date() == dt.date(THIS_YEAR - 1, 3, 6)
    event = AuditEvent.objects.get(event_type="speakup.case.status_changed", object_id=str(case.pk))
    assert event.actor_id == officer.pk and event.changes["backdated"] == [None, True]
    indicator = get_indicator("speakup.median_days_to_acknowledge")
    assert indicator is not None and indicator.compute(THIS_YEAR - 1, None) == 4


def test_the_api_takes_the_day_and_refuses_it_for_another_status(group):
    officer = user_with_role("officer")
    case = _register(officer, group.a, dt.date(THIS_YEAR - 1, 5, 10))
    client = token_client(officer)
    url = f"/api/v1/speakup/cases/{case.pk}/status"
    wrong = client.post(
        url, json.dumps({"status": "assessment", "acknowledged_on": f"{THIS_YEAR - 1}-05-12"}), "application/json"
    )
    assert wrong.status_code in (400, 422)
    response = client.post(
        url, json.dumps({"status": "acknowledged", "acknowledged_on": f"{THIS_YEAR - 1}-05-12"}), "application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["acknowledged_at"].startswith(f"{THIS_YEAR - 1}-05-12")
