"""The demo's examinations: Russian and Kazakh drafts with confirmed, dismissed and eliminated findings."""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.demo.examination import build_examination_demo
from senim.examination import selectors, services
from senim.examination.models import Finding

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_state_a_finding_can_be_in(group):
    admin = user_with_role("admin")
    build_examination_demo(admin, {"a": group.a})
    examinations = {e.title: e for e in selectors.examination_list(actor=admin)}
    contract = examinations["Договор поставки № 47/2026"]
    order = examinations["Сыйлықақы туралы бұйрық жобасы"]
    assert selectors.latest_version(contract).language == "ru"
    assert selectors.latest_version(order).language == "kk"
    assert Finding.objects.filter(version__examination=contract, eliminated_in__isnull=False).count() >= 3
    assert Finding.objects.filter(status="dismissed").values("version__examination").distinct().count() == 2
    assert services.clearance(contract).reason == "concluded_clean"
    assert services.clearance(order).reason == "risk_accepted"
    assert len(examinations) == 3
