"""The Speak Up demo: a year of cases across channels, categories, statuses and outcomes."""

import random

import pytest
from django.utils import timezone

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.demo.speakup import CASES, build_speakup_demo
from senim.speakup import selectors
from senim.speakup.models import Case

pytestmark = pytest.mark.django_db


def test_demo_spans_a_year_of_cases(group):
    officer = user_with_role("officer", username="officer")
    investigator = user_with_role("investigator", username="investigator")
    build_speakup_demo(random.Random(1), officer)
    cases = Case.objects.all()
    assert cases.count() == CASES + 1
    assert len(set(cases.values_list("channel", flat=True))) >= 4
    assert len(set(cases.values_list("category", flat=True))) >= 6
    assert {"closed", "answered"} <= set(cases.values_list("status", flat=True))
    assert len(set(cases.exclude(outcome="").values_list("outcome", flat=True))) >= 3
    oldest = cases.order_by("received_at").first()
    assert (timezone.now() - oldest.received_at).days >= 300
    assert selectors.overdue_cases(actor=SYSTEM).exists()
    named = Case.objects.filter(links__user=investigator)
    assert named.exists() and not selectors.visible_cases(actor=investigator).filter(pk__in=named).exists()
    content = selectors.case_content(actor=SYSTEM, case=cases.order_by("received_at").first())
    assert content.content
