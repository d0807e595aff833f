"""Issue 13: a version submitted to its approving body waits in the compliance officer's dashboard
queue; the shared approval box records the adoption (with the decision's number and dates) or the
return for rework (with its reason); nobody outside the document's company sees it waiting."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from senim.awareness import services
from senim.awareness.tests.factories import officer
from senim.core.approvals import queue_for
from senim.core.models import ApprovalDecision

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_a_submitted_version_waits_in_the_queue_and_is_returned_then_adopted_in_the_shared_box(group):
    actor = officer(company=group.a, language="en", first_name="Dana")
    document = services.document_create(
        actor=actor, kind="order", code="ORD", titles={"ru": "Приказ"}, company=group.a, texts={"ru": "Т"}
    )
    version = document.versions.get()
    page_url = reverse("awareness:document-detail", args=[document.pk])
    decide = reverse("awareness:version-decide", args=[version.pk])
    assert queue_for(actor) == []
    services.version_submit(actor=actor, version=version, approving_body="board", submitted_on=dt.date(2026, 1, 10))
    assert [item.url for item in queue_for(actor)] == [page_url]
    assert queue_for(officer(company=group.b)) == []
    page = _client(actor).get(page_url).content.decode()
    assert "data-approval-form" in page and actor.display_name in page and 'name="decision_number"' in page
    # A return needs its reason, and no decision number.
    _client(actor).post(decide, {"decision": "return", "comment": ""})
    version.refresh_from_db()
    assert version.status == "submitted" and not ApprovalDecision.objects.exists()
    _client(actor).post(decide, {"decision": "return", "comment": "The board asks for a shorter text."})
    version.refresh_from_db()
    assert version.status == "draft" and queue_for(actor) == []
    assert ApprovalDecision.objects.get(object_id=version.pk).decision == "return"
    services.version_submit(actor=actor, version=version, approving_body="board", submitted_on=dt.date(2026, 1, 10))
    _client(actor).post(decide, {"decision": "approve", "decision_number": "", "decision_date": "2026-01-20"})
    version.refresh_from_db()
    assert version.status == "submitted"
    _client(actor).post(decide, {"decision": "approve", "decision_number": "5", "decision_date": "2026-01-20"})
    version.refresh_from_db()
    assert version.status == "adopted" and version.decision_number == "5" and queue_for(actor) == []
    history = _client(actor).get(page_url).content.decode()
    assert "data-approval-history" in history and "shorter text" in history
