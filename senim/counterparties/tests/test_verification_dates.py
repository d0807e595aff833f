"""Verifications keep the days they happened: opened and decided on paper, entered later. Only those
who may back-date enter past days (audited, marked); the future, before the company existed and a
decision before the opening are refused; the indicators count each verification in its own year."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.approvals import decision_history
from senim.core.models import AuditEvent
from senim.counterparties import indicators, services
from senim.counterparties.models import VerificationCase
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _concluded(actor, group, *, opened_on=None, official=False):  # type: ignore[no-untyped-def]
    counterparty = CounterpartyFactory()
    OwnerFactory(
        counterparty=counterparty, share=Decimal("100"), is_official=official, country="CY" if official else "KZ"
    )
    case = services.case_open(
        actor=actor,
        company=group.a,
        counterparty=counterparty,
        procurement_method="open_tender",
        subject="Трубы",
        opened_on=opened_on,
    )
    for check in case.checks.all():
        services.case_check_update(actor=actor, check=check, status="concern" if official else "done", comment="!")
    return services.case_conclude(actor=actor, case=case, conclusion="permitted", text="Ок")


def test_three_years_of_paper_verifications_count_each_in_its_year(group):
    officer, approver = user_with_role("officer"), user_with_role("officer")
    # (opened, approved or None) per verification, spread over three years.
    history = [
        (dt.date(TODAY.year - 2, 3, 1), dt.date(TODAY.year - 2, 3, 20)),
        (dt.date(TODAY.year - 2, 12, 20), dt.date(TODAY.year - 1, 1, 15)),
        (dt.date(TODAY.year - 1, 5, 5), None),
        (dt.date(TODAY.year - 1, 6, 1), dt.date(TODAY.year - 1, 6, 30)),
        (TODAY.replace(month=1, day=1), TODAY.replace(month=1, day=1)),
    ]
    for opened, approved in history:
        case = _concluded(officer, group, opened_on=opened)
        if approved:
            services.case_decide(actor=approver, case=case, decision="approve", decided_on=approved)
            case.refresh_from_db()
            assert case.approved_on == approved and case.valid_until > approved
            assert decision_history(case)[-1].decided_on == approved
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        assert indicators.verifications(year, None) == sum(1 for o, _ in history if o.year == year)
        assert indicators.verifications_approved(year, None) == sum(1 for _, a in history if a and a.year == year)
    backdated = AuditEvent.objects.filter(event_type="counterparties.verification.opened", changes__has_key="backdated")
    assert backdated.count() == sum(1 for o, _ in history if o < TODAY)


def test_bad_days_and_back_dating_without_the_right_are_refused(group):
    analyst, officer = user_with_role("investigator"), user_with_role("officer")
    with pytest.raises(ValidationError) as error:
        _concluded(analyst, group, opened_on=TODAY - dt.timedelta(days=3))
    assert "opened_on" in error.value.message_dict
    group.a.founded_on = dt.date(2020, 1, 1)
    group.a.save()
    with pytest.raises(ValidationError) as error:
        _concluded(officer, group, opened_on=dt.date(2019, 12, 31))
    assert "before the company existed" in error.value.message_dict["opened_on"][0]
    case = _concluded(officer, group, opened_on=dt.date(2024, 5, 1))
    other = user_with_role("officer")
    for day, words in ((dt.date(2024, 4, 30), "cannot be before"), (TODAY + dt.timedelta(days=1), "future")):
        with pytest.raises(ValidationError) as error:
            services.case_decide(actor=other, case=case, decision="refuse", comment="Нет", decided_on=day)
        assert words in error.value.message_dict["decided_on"][0]
    case.refresh_from_db()
    assert case.status == VerificationCase.Status.CONCLUDED and not decision_history(case)


def test_a_second_approval_is_never_before_the_first(group):
    officer, other = user_with_role("officer"), user_with_role("officer")
    case = _concluded(officer, group, opened_on=dt.date(2024, 5, 1), official=True)
    assert case.risk_level == "high"
    services.case_decide(actor=other, case=case, decision="approve", decided_on=dt.date(2024, 6, 1))
    case.refresh_from_db()
    third = user_with_role("admin")
    with pytest.raises(ValidationError) as error:
        services.case_second_approve(actor=third, case=case, decided_on=dt.date(2024, 5, 31))
    assert "decided_on" in error.value.message_dict
    services.case_second_approve(actor=third, case=case, decided_on=dt.date(2024, 6, 2))
    case.refresh_from_db()
    assert case.status == "approved" and case.approved_on == dt.date(2024, 6, 2) and case.is_backdated
    event = AuditEvent.objects.get(event_type="counterparties.verification.second_approved", object_id=str(case.pk))
    assert event.actor_id == third.pk and event.changes["backdated"] == [None, True]


def test_the_page_and_the_api_take_the_days(group):
    officer, approver = user_with_role("officer"), user_with_role("officer")
    counterparty = CounterpartyFactory()
    OwnerFactory(counterparty=counterparty, share=Decimal("100"))
    day = dt.date(TODAY.year - 1, 2, 3)
    api = token_client(officer)
    response = api.post(
        "/api/v1/counterparties/verifications",
        json.dumps(
            {
                "company_id": str(group.a.pk),
                "counterparty_id": str(counterparty.pk),
                "procurement_method": "open_tender",
                "subject": "Трубы",
                "opened_on": day.isoformat(),
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["opened_on"] == day.isoformat() and response.json()["is_backdated"]
    case = VerificationCase.objects.get(pk=response.json()["id"])
    for check in case.checks.all():
        services.case_check_update(actor=officer, check=check, status="done")
    services.case_conclude(actor=officer, case=case, conclusion="permitted", text="Ок")
    client = Client()
    client.force_login(approver)
    page = client.get(reverse("counterparties:case-detail", args=[case.pk]))
    assert b'name="decided_on"' in page.content
    url = reverse("counterparties:case-decide", args=[case.pk])
    client.post(url, {"decision": "approve", "decided_on": "not a date"})
    case.refresh_from_db()
    assert case.status == "concluded"
    bad = token_client(approver).post(
        f"/api/v1/counterparties/verifications/{case.pk}/decision",
        json.dumps({"decision": "approve", "decided_on": day.isoformat(), "extra": 1}),
        content_type="application/json",
    )
    assert bad.status_code == 422
    client.post(url, {"decision": "approve", "decided_on": (day + dt.timedelta(days=5)).isoformat()})
    case.refresh_from_db()
    assert case.status == "approved" and case.approved_on == day + dt.timedelta(days=5)
