"""Threat (reliability): one event of an unexpected shape takes the whole audit page down (a 500),
hiding the trail from those who must read it. Every event type renders."""

import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.conflicts.tests.factories import submit as declare
from senim.core.audit import audit_record

pytestmark = pytest.mark.django_db


def test_every_shape_of_changes_renders(group):
    auditor = user_with_role("auditor")
    declare(group.in_b)  # a declaration event carries "items"
    shapes = [
        {"items": [{"section": "relatives"}], "keys": 3, "values": "x"},
        {"kind": "report", "files": 0, "anonymous": True},
        {"status": ["received", "closed"], "note": None},
        {"nested": {"a": [1, 2, 3]}, "empty": [], "list": [1, 2, 3]},
    ]
    for changes in shapes:
        audit_record(actor=auditor, event_type="test.shape", obj=group.a, changes=changes)
    client = Client()
    client.force_login(auditor)
    response = client.get(reverse("core:audit"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "r → e" not in page and "r →" not in page
    assert "report" in page and "received" in page and "closed" in page
    assert "conflicts.declaration" in page
