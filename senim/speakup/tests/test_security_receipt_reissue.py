"""Threat: staff replace an anonymous reporter's receipt key and so lock the reporter out and
hold a key that opens the reporter's view.

Only a report taken by staff intake gets a new key, and the earlier key keeps working until the
reporter first uses the new one.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.speakup import selectors, services
from senim.speakup.models import Case
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db


def test_staff_cannot_replace_a_portal_reporters_key(group):
    officer = user_with_role("officer")
    submission = submit(company=group.a)
    with pytest.raises(ValidationError):
        services.case_issue_receipt(actor=officer, case=submission.case)
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("speakup:case-detail", args=[submission.case.pk])).content.decode()
    assert reverse("speakup:case-receipt", args=[submission.case.pk]) not in page
    response = client.post(reverse("speakup:case-receipt", args=[submission.case.pk]))
    assert response.status_code == 302
    assert selectors.case_for_receipt(key=submission.receipt) == submission.case
    case = Case.objects.get(pk=submission.case.pk)
    assert case.pending_receipt_digest is None


def test_reissued_key_replaces_the_old_one_only_when_used(group):
    officer = user_with_role("officer")
    submission = services.case_register(
        actor=officer,
        kind="report",
        channel="hotline",
        category="fraud",
        content={"what": "Caller reports fake invoices."},
        anonymous=True,
        received_on=dt.date.today(),
        company_id=group.a.pk,
    )
    new_key = services.case_issue_receipt(actor=officer, case=submission.case)
    assert new_key != submission.receipt
    assert selectors.case_for_receipt(key=submission.receipt) == submission.case
    assert selectors.case_for_receipt(key=submission.receipt) == submission.case
    assert selectors.case_for_receipt(key=new_key) == submission.case
    assert selectors.case_for_receipt(key=submission.receipt) is None
    assert selectors.case_for_receipt(key=new_key) == submission.case
