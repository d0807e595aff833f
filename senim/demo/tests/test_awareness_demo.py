"""The awareness demo: built through the module's services; its figures come from the records."""

import pytest
from django.test import Client
from django.utils import timezone

from senim.accounts.models import User
from senim.awareness.models import (
    Acknowledgement,
    AgreementObligation,
    CandidateCheck,
    Document,
    DocumentVersion,
    OutreachEvent,
)
from senim.core import indicators
from senim.demo import builder

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_the_demo_has_the_code_documents_acknowledgements_agreements_and_checks():
    assert builder.build()
    year = timezone.localdate().year
    assert 16 <= Document.objects.count() <= 21
    assert Document.objects.filter(kind="code", current_version__number=2).exists()
    assert DocumentVersion.objects.filter(status="submitted", approving_body="supervisory_board").count() >= 2
    assert Acknowledgement.objects.filter(is_stale=True).exists()
    assert AgreementObligation.objects.filter(concluded_on__isnull=True).exists()
    assert CandidateCheck.objects.filter(relatives__len__gt=0).exists() or CandidateCheck.objects.count() >= 4
    values = {v.code: (v.value, v.previous) for v in indicators.compute_values(year=year, company_id=None)}
    readers = Acknowledgement.objects.filter(acknowledged_on__year=year, document__kind="code")
    assert values["awareness.code_reviewed"][0] == readers.values("employee_id").distinct().count() > 0
    assert values["awareness.code_reviewed"][1] > 0
    assert values["awareness.documents_adopted"][0] == DocumentVersion.objects.filter(decision_date__year=year).count()
    held = OutreachEvent.objects.filter(held_on__year=year).count()
    assert values["awareness.outreach_events"][0] == held > 0 and values["awareness.outreach_events"][1] > 0
    client = Client()
    client.force_login(User.objects.get(username="officer"))
    for url in (
        "/awareness/outreach/",
        "/awareness/documents/",
        "/awareness/campaigns/",
        "/awareness/agreements/",
        "/awareness/checks/",
    ):
        assert client.get(url).status_code == 200, url
