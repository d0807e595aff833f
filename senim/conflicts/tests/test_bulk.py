"""Closing the forms A that declare nothing, hundreds at a time: each reviewed as "no conflict" with
its own audit event, all or none."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.conflicts import services
from senim.conflicts.models import Declaration, Outcome
from senim.conflicts.tests.factories import submit
from senim.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def forms(group):
    empty = [submit(group.in_leaf, items=[]), submit(group.in_branch, items=[])]
    declared = submit(group.in_root)
    return {"empty": empty, "declared": declared}


def test_an_officer_closes_the_ticked_empty_forms(group, forms):
    client = _client(user_with_role("officer"))
    page = client.get(reverse("conflicts:declaration-list"), {"declared": "nothing"})
    html = page.content.decode()
    assert html.count('name="declaration"') == 2 and "data-check-all" in html
    response = client.post(
        reverse("conflicts:declarations-close-empty"), {"declaration": [d.pk for d in forms["empty"]]}
    )
    assert response.status_code == 302
    closed = Declaration.objects.filter(status=Declaration.Status.CLOSED)
    assert {d.pk for d in closed} == {d.pk for d in forms["empty"]}
    assert {d.outcome for d in closed} == {Outcome.NONE}
    assert AuditEvent.objects.filter(event_type="conflicts.declaration.reviewed").count() == 2


def test_a_form_that_declares_something_stops_the_whole_batch(group, forms):
    client = _client(user_with_role("officer"))
    ids = [d.pk for d in forms["empty"]] + [forms["declared"].pk]
    response = client.post(reverse("conflicts:declarations-close-empty"), {"declaration": ids}, follow=True)
    assert "Nothing was changed." in response.content.decode()
    assert not Declaration.objects.filter(status=Declaration.Status.CLOSED).exists()
    assert not AuditEvent.objects.filter(event_type="conflicts.declaration.reviewed").exists()


def test_declarations_outside_the_reviewers_scope_are_refused(group, forms):
    client = _client(user_with_role("officer", company=group.b))
    client.post(reverse("conflicts:declarations-close-empty"), {"declaration": [forms["empty"][0].pk]})
    assert not Declaration.objects.filter(status=Declaration.Status.CLOSED).exists()
    with pytest.raises(ValidationError):
        services.declarations_close_empty(actor=user_with_role("officer"), declarations=[])


def test_auditors_see_no_bulk_action_and_may_not_post_it(group, forms):
    client = _client(user_with_role("auditor"))
    assert 'name="declaration"' not in client.get(reverse("conflicts:declaration-list")).content.decode()
    post = client.post(reverse("conflicts:declarations-close-empty"), {"declaration": [forms["empty"][0].pk]})
    assert post.status_code == 403
