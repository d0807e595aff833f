"""A questionnaire entered from paper keeps the day the counterparty signed it: back-dating by those
who may only (audited, marked), never in the future nor before the company existed; the indicator
counts each response in the year it was submitted."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.counterparties import indicators, services
from senim.counterparties.models import QuestionnaireResponse
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.counterparties.tests.test_questionnaire import COMPLETE

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _enter(actor, group, counterparty, day):  # type: ignore[no-untyped-def]
    return services.response_enter_on_paper(
        actor=actor,
        counterparty=counterparty,
        company=group.a,
        data=COMPLETE,
        files={},
        scan=SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scan"),
        submitted_on=day,
    )


def test_three_years_of_paper_questionnaires_count_in_their_year(group):
    officer = user_with_role("officer")
    one, two, three = CounterpartyFactory(), CounterpartyFactory(), CounterpartyFactory()
    history = [
        (one, dt.date(TODAY.year - 2, 3, 1)),
        (two, dt.date(TODAY.year - 2, 11, 1)),
        (one, dt.date(TODAY.year - 1, 3, 1)),
        (three, dt.date(TODAY.year - 1, 12, 31)),
        (two, TODAY.replace(month=1, day=1)),
    ]
    for counterparty, day in history:
        response = _enter(officer, group, counterparty, day)
        assert response.submitted_on == day and response.is_backdated == (day < TODAY)
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        expected = len({c.pk for c, day in history if day.year == year})
        assert indicators.questionnaires_received(year, None) == expected
        assert indicators.questionnaires_received(year, group.b.pk) == 0
    events = AuditEvent.objects.filter(event_type="counterparties.questionnaire.entered", changes__has_key="backdated")
    assert events.count() == sum(1 for _, day in history if day < TODAY)


def test_bad_days_and_back_dating_without_the_right_are_refused(group):
    counterparty = CounterpartyFactory()
    group.a.founded_on = dt.date(2015, 1, 1)
    group.a.save()
    cases = [
        (user_with_role("investigator"), TODAY - dt.timedelta(days=2), "Only compliance officers"),
        (user_with_role("officer"), TODAY + dt.timedelta(days=1), "future"),
        (user_with_role("officer"), dt.date(2014, 12, 31), "before the company existed"),
    ]
    for actor, day, words in cases:
        with pytest.raises(ValidationError) as error:
            _enter(actor, group, counterparty, day)
        assert words in error.value.message_dict["submitted_on"][0]
    assert not QuestionnaireResponse.objects.exists()


def test_the_paper_page_takes_the_day(group):
    counterparty = CounterpartyFactory()
    client = Client()
    client.force_login(user_with_role("officer", company=group.a))
    url = reverse("counterparties:questionnaire-paper", args=[counterparty.pk])
    day = dt.date(TODAY.year - 1, 5, 6)
    future = (TODAY + dt.timedelta(days=3)).isoformat()
    refused = client.post(
        url, {**COMPLETE, "company": group.a.pk, "scan": SimpleUploadedFile("s.pdf", b"%PDF"), "submitted_on": future}
    )
    assert refused.status_code == 200 and not QuestionnaireResponse.objects.exists()
    saved = client.post(
        url,
        {
            **COMPLETE,
            "company": group.a.pk,
            "scan": SimpleUploadedFile("s.pdf", b"%PDF"),
            "submitted_on": day.isoformat(),
        },
    )
    assert saved.status_code == 302
    assert QuestionnaireResponse.objects.get().submitted_on == day
    assert "back-dated" in client.get(saved["Location"]).content.decode()


def test_the_api_enters_a_paper_copy_with_its_day(group):
    counterparty = CounterpartyFactory()
    day = dt.date(TODAY.year - 1, 5, 6)
    url = f"/api/v1/counterparties/counterparties/{counterparty.pk}/questionnaires/paper"
    api = token_client(user_with_role("officer"))
    unknown = api.post(
        url, {**COMPLETE, "company_id": str(group.a.pk), "scan": SimpleUploadedFile("s.pdf", b"%PDF"), "extra": "1"}
    )
    assert unknown.status_code == 422 and "extra" in unknown.content.decode()
    refused = token_client(user_with_role("investigator")).post(
        url,
        {
            **COMPLETE,
            "company_id": str(group.a.pk),
            "submitted_on": day.isoformat(),
            "scan": SimpleUploadedFile("s.pdf", b"%PDF"),
        },
    )
    assert refused.status_code == 422 and not QuestionnaireResponse.objects.exists()
    saved = api.post(
        url,
        {
            **COMPLETE,
            "company_id": str(group.a.pk),
            "submitted_on": day.isoformat(),
            "scan": SimpleUploadedFile("s.pdf", b"%PDF"),
        },
    )
    assert saved.status_code == 201, saved.content
    assert saved.json()["submitted_on"] == day.isoformat() and saved.json()["is_backdated"]
