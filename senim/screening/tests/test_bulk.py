"""Deciding many hits at once from the list: one reason for all, one audit event per hit, and all
or none when one of them may not be decided."""

import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM, PermissionDenied
from senim.core.models import AuditEvent
from senim.screening import services
from senim.screening.models import Hit, HitStatus
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db


@pytest.fixture
def hits(group, tmp_path):
    watchlist = WatchlistFactory(name="Sanctions")
    import_entities(watchlist, [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы")], tmp_path)
    found = []
    for key, company in (("t:a1", group.a), ("t:a2", group.a), ("t:b", group.b)):
        outcome = services.screen(
            actor=SYSTEM, subject_key=key, schema="Person", names=["Kassym-Jomart Tokayev"], company_id=company.pk
        )
        found.append(outcome.hits[0])
    return found


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_an_officer_decides_the_ticked_hits_with_one_reason(group, hits):
    client = _client(user_with_role("officer", company=group.a))
    page = client.get(reverse("screening:hit-list"))
    assert page.context["bulk_form"] is not None and 'name="hit"' in page.content.decode()
    response = client.post(
        reverse("screening:hit-bulk-decide"),
        {"hit": [hits[0].pk, hits[1].pk], "status": "false_positive", "comment": "Born 1989, not 1952."},
    )
    assert response.status_code == 302
    decided = Hit.objects.filter(status=HitStatus.FALSE_POSITIVE)
    assert {h.pk for h in decided} == {hits[0].pk, hits[1].pk}
    assert {h.comment for h in decided} == {"Born 1989, not 1952."}
    assert AuditEvent.objects.filter(event_type="screening.hit.decided").count() == 2


def test_one_hit_out_of_scope_leaves_every_hit_undecided(group, hits):
    client = _client(user_with_role("officer", company=group.a))
    response = client.post(
        reverse("screening:hit-bulk-decide"),
        {"hit": [h.pk for h in hits], "status": "true_match", "comment": "Same person."},
        follow=True,
    )
    assert response.status_code == 200 and "nothing was changed" in response.content.decode()
    assert not Hit.objects.exclude(status=HitStatus.OPEN).exists()
    assert not AuditEvent.objects.filter(event_type="screening.hit.decided").exists()


@pytest.mark.parametrize("data", [{"status": "true_match", "comment": ""}, {"status": "nonsense", "comment": "x"}])
def test_a_bulk_decision_without_a_reason_or_a_valid_decision_changes_nothing(group, hits, data):
    client = _client(user_with_role("officer"))
    response = client.post(reverse("screening:hit-bulk-decide"), {"hit": [hits[0].pk], **data})
    assert response.status_code == 302
    assert not Hit.objects.exclude(status=HitStatus.OPEN).exists()


def test_the_service_is_all_or_none(group, hits):
    officer = user_with_role("officer", company=group.a)
    with pytest.raises(PermissionDenied):
        services.hits_decide(actor=officer, hits=hits, status="true_match", comment="Same person.")
    assert not Hit.objects.exclude(status=HitStatus.OPEN).exists()


def test_auditors_cannot_decide_in_bulk(group, hits):
    client = _client(user_with_role("auditor"))
    assert client.get(reverse("screening:hit-list")).context["bulk_form"] is None
    response = client.post(
        reverse("screening:hit-bulk-decide"), {"hit": [hits[0].pk], "status": "true_match", "comment": "x"}
    )
    assert response.status_code == 403
