"""The day a Register entry was revoked, entered from paper: never before the entry started nor in
the future, back-dating audited, through the form and the API; taken-off counts in its own year."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.counterparties import indicators, services
from senim.counterparties.models import Contract, RegisterEntry
from senim.counterparties.tests.factories import ClauseFactory, CounterpartyFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
STARTED = dt.date(TODAY.year - 2, 4, 1)


def _entry(group, officer, name: str) -> RegisterEntry:  # type: ignore[no-untyped-def]
    counterparty = CounterpartyFactory(name_ru=name, name_en="", category="natural_monopoly")
    contract = Contract.objects.create(
        company=group.a, number=name, date=dt.date(2025, 3, 1), counterparty=counterparty, has_clause=False
    )
    application = services.application_file(
        actor=officer,
        company=group.a,
        unit=group.branch,
        counterparty=counterparty,
        refusal="clause",
        justification="Единственный поставщик.",
        contracts=[contract],
    )
    services.application_propose(
        actor=officer, application=application, decision="register", clause=ClauseFactory(), grounds="Монополия"
    )
    services.application_approve(actor=user_with_role("approver"), application=application)
    entry = RegisterEntry.objects.get(counterparty=counterparty)
    RegisterEntry.objects.filter(pk=entry.pk).update(start_date=STARTED)
    entry.refresh_from_db()
    return entry


def test_a_paper_revocation_keeps_its_day_and_counts_in_its_year(group):
    officer = user_with_role("officer")
    entry = _entry(group, officer, "АО «Газ»")
    for day, words in ((STARTED - dt.timedelta(1), "cannot be before"), (TODAY + dt.timedelta(1), "future")):
        with pytest.raises(ValidationError) as error:
            services.register_entry_revoke(actor=officer, entry=entry, reason="Снят статус", on=day)
        assert words in error.value.message_dict["revoked_on"][0]
    entry.refresh_from_db()
    assert entry.revoked_on is None
    day = dt.date(TODAY.year - 1, 6, 1)
    services.register_entry_revoke(actor=officer, entry=entry, reason="Снят статус", on=day)
    entry.refresh_from_db()
    assert entry.revoked_on == day
    event = AuditEvent.objects.get(event_type="counterparties.register.revoked", object_id=str(entry.pk))
    assert event.actor_id == officer.pk and event.changes["backdated"] == [None, True]
    assert indicators.register_revoked(TODAY.year - 1, None) == 1
    assert indicators.register_revoked(TODAY.year, None) == 0


def test_the_form_and_the_api_take_the_day(group):
    officer = user_with_role("officer")
    first, second = _entry(group, officer, "АО «Первый»"), _entry(group, officer, "АО «Второй»")
    day = dt.date(TODAY.year - 1, 2, 3)
    client = Client()
    client.force_login(officer)
    url = reverse("counterparties:register-revoke", args=[first.pk])
    client.post(url, {"reason": "Снят статус", "revoked_on": "not a date"})
    first.refresh_from_db()
    assert first.revoked_on is None
    client.post(url, {"reason": "Снят статус", "revoked_on": day.isoformat()})
    first.refresh_from_db()
    assert first.revoked_on == day
    api = token_client(officer)
    response = api.post(
        f"/api/v1/counterparties/register/{second.pk}/revoke",
        json.dumps({"reason": "Снят статус", "revoked_on": day.isoformat()}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    second.refresh_from_db()
    assert second.revoked_on == day


def test_entries_count_as_ended_in_the_year_their_term_ended(group):
    """Three years of paper decisions with end dates: each entry counts as entered in the year of
    its decision and as ended in the year its term ended (never before that day has passed, nor
    when it was revoked first)."""
    officer, admin = user_with_role("officer"), user_with_role("admin")
    # (decided, until, revoked) per entry.
    history = [
        (dt.date(TODAY.year - 2, 2, 1), dt.date(TODAY.year - 2, 10, 1), None),
        (dt.date(TODAY.year - 2, 5, 1), dt.date(TODAY.year - 1, 3, 1), None),
        (dt.date(TODAY.year - 1, 1, 10), dt.date(TODAY.year - 1, 12, 31), dt.date(TODAY.year - 1, 6, 1)),
        (dt.date(TODAY.year - 1, 2, 1), None, None),
        (dt.date(TODAY.year - 1, 4, 1), TODAY + dt.timedelta(days=30), None),
    ]
    for n, (decided, until, revoked) in enumerate(history):
        counterparty = CounterpartyFactory(name_ru=f"АО «{n}»", name_en="")
        application = services.application_file(
            actor=officer,
            company=group.a,
            counterparty=counterparty,
            refusal="clause",
            justification="Единственный поставщик.",
            filed_on=decided - dt.timedelta(days=5),
        )
        services.application_propose(
            actor=officer,
            application=application,
            decision="register",
            clause=ClauseFactory(),
            grounds="Монополия",
            register_until=until,
        )
        services.application_approve(actor=admin, application=application, decided_on=decided)
        if revoked:
            entry = RegisterEntry.objects.get(counterparty=counterparty)
            services.register_entry_revoke(actor=officer, entry=entry, reason="Снят", on=revoked)
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        entered = sum(1 for d, _, _ in history if d.year == year)
        ended = sum(1 for _, u, r in history if u and u.year == year and u < TODAY and not (r and r <= u))
        assert indicators.register_entries(year, None) == entered
        assert indicators.register_expired(year, None) == ended
