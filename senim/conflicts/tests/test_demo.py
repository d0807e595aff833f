"""The demo's conflicts data: a campaign with answers, forms B through settlement, planted links
that the detection finds, and a year of gifts."""

import pytest

from senim.conflicts.models import Alert, AlertKind, Campaign, Declaration, Gift
from senim.demo import builder

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_demo_holds_a_campaign_settled_conflicts_planted_links_and_gifts():
    assert builder.build()
    campaign = Campaign.objects.get(title="Форма А — 2026")
    assert campaign.requests.filter(declaration__isnull=False).count() > 100
    assert Declaration.objects.filter(form_type="b", status=Declaration.Status.SETTLED).exists()
    undisclosed = set(Alert.objects.filter(disclosed=False).values_list("kind", flat=True))
    assert {
        AlertKind.EMPLOYEE_COUNTERPARTY,
        AlertKind.RELATIVE_COUNTERPARTY,
        AlertKind.UNDECLARED_RELATIVE,
        AlertKind.APPROVED_CONTRACT,
    } <= undisclosed
    approved = Alert.objects.get(kind=AlertKind.APPROVED_CONTRACT)
    assert approved.evidence["contract"]["number"] == "Д-2026/131"
    assert Alert.objects.filter(kind=AlertKind.EMPLOYEE_COUNTERPARTY, disclosed=True).exists()
    assert Gift.objects.filter(status=Gift.Status.PENDING).exists()
    assert Gift.objects.filter(handed_over_at__isnull=False).exists()
