"""Issue 13: a declaration's review and a gift's decision follow core's one approval pattern: the
item waits in the approver's dashboard queue, the page says who is next, the shared box decides
with a comment, and the module's own outcomes and rules hold."""

import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.conflicts import services
from senim.conflicts.models import Declaration, Gift
from senim.conflicts.tests.factories import TODAY, employee_user, submit, threshold
from senim.core.approvals import queue_for
from senim.core.models import ApprovalDecision

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_a_declaration_waits_in_the_officers_queue_and_is_assessed_in_the_shared_box(group):
    officer = user_with_role("officer", company=group.a, language="en", first_name="Dana")
    declaration = submit(group.in_leaf)
    url = reverse("conflicts:declaration-detail", args=[declaration.pk])
    assert [item.url for item in queue_for(officer)] == [url]
    assert queue_for(employee_user(group.in_leaf)) == []
    assert queue_for(user_with_role("officer", company=group.b)) == []
    page = _client(officer).get(url).content.decode()
    assert "data-approval-form" in page and "data-approval-next" in page and officer.display_name in page
    assert 'value="actual"' in page and 'value="none"' in page
    decide = reverse("conflicts:declaration-review", args=[declaration.pk])
    # A conflict needs its explanation: refused with the reason, nothing changed.
    _client(officer).post(decide, {"decision": "actual", "comment": " "})
    declaration.refresh_from_db()
    assert declaration.outcome == "" and not ApprovalDecision.objects.exists()
    _client(officer).post(decide, {"decision": "actual", "comment": "Her brother bids."})
    declaration.refresh_from_db()
    assert declaration.outcome == "actual" and declaration.status == Declaration.Status.REVIEWED
    record = ApprovalDecision.objects.get(object_id=declaration.pk)
    assert (record.outcome, record.comment, record.decided_by) == ("actual", "Her brother bids.", officer)
    assert queue_for(officer) == []
    page = _client(officer).get(url).content.decode()
    assert "data-approval-history" in page and "Actual conflict" in page and "data-approval-form" not in page


def test_a_gift_waits_for_its_approver_and_a_refusal_needs_a_comment(group):
    threshold()
    gift = services.gift_declare(
        actor=employee_user(group.in_leaf),
        employee=group.in_leaf,
        kind="received",
        party_kind="official",
        party_name="Асқар Нұрланов",
        occasion="Visit",
        description="A watch",
        value="60000",
        currency="KZT",
        date=TODAY,
        today=TODAY,
    )
    assert gift.status == Gift.Status.PENDING
    approver = user_with_role("approver", company=group.a, language="en")
    url = reverse("conflicts:gift-detail", args=[gift.pk])
    assert [item.url for item in queue_for(approver)] == [url]
    assert queue_for(employee_user(group.in_leaf)) == []
    page = _client(approver).get(url).content.decode()
    assert "data-approval-form" in page and 'value="refuse"' in page and 'value="return"' not in page
    decide = reverse("conflicts:gift-decide", args=[gift.pk])
    _client(approver).post(decide, {"decision": "refuse", "comment": ""})
    gift.refresh_from_db()
    assert gift.status == Gift.Status.PENDING and not ApprovalDecision.objects.exists()
    _client(approver).post(decide, {"decision": "return", "comment": "No such step for gifts."})
    gift.refresh_from_db()
    assert gift.status == Gift.Status.PENDING
    _client(approver).post(decide, {"decision": "refuse", "comment": "Above the threshold.", "decided_on": ""})
    gift.refresh_from_db()
    assert gift.status == Gift.Status.REFUSED and gift.decision_comment == "Above the threshold."
    assert ApprovalDecision.objects.get(object_id=gift.pk).decision == "refuse"
    assert queue_for(approver) == []


def test_decisions_taken_before_the_shared_pattern_are_kept_as_its_history(group):
    """The data migration gives a declaration reviewed and a gift decided before the move their
    ApprovalDecision once, from the objects' own fields, and leaves those fields as they were."""
    import importlib

    from django.apps import apps

    officer = user_with_role("officer", company=group.a)
    declaration = services.declaration_review(
        actor=officer, declaration=submit(group.in_leaf), outcome="potential", comment="Brother in the unit."
    )
    ApprovalDecision.objects.all().delete()  # as before the move
    backfill = importlib.import_module("senim.conflicts.migrations.0006_approval_history").backfill
    backfill(apps, None)
    backfill(apps, None)
    record = ApprovalDecision.objects.get()
    assert (record.object_id, record.outcome, record.comment, record.decided_by) == (
        declaration.pk,
        "potential",
        "Brother in the unit.",
        officer,
    )
    declaration.refresh_from_db()
    assert declaration.outcome == "potential" and declaration.review_comment == "Brother in the unit."
