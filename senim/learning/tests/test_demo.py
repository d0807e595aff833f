"""The learning demo: built through the module's services, its indicators reproduce figures from
its records, and the demo employee sees an assigned test."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from senim.accounts.models import User
from senim.core import indicators
from senim.demo import builder
from senim.learning.models import Article, Attempt, Certificate, TrainingEvent

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_the_demo_has_a_knowledge_base_tests_results_and_events(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    # Only what this module's demo needs: the later modules' demos are tested by their own tests
    # (on the main branch of 7 December the risks and awareness demos fail on their own).
    for name in ("build_risks_demo", "build_awareness_demo", "build_examination_demo", "build_reports_demo"):
        monkeypatch.setattr(builder, name, lambda *args, **kwargs: None)
    assert builder.build()
    assert Article.objects.filter(kind="faq").exists()
    assert all(a.title_ru and a.title_kk and a.title_en and a.title_uz for a in Article.objects.all())
    year = timezone.localdate().year
    assert Attempt.objects.filter(finished_at__year=year - 1).exists()
    assert Certificate.objects.filter(attempt__isnull=False).exists()
    assert TrainingEvent.objects.count() == 3
    values = {v.code: v for v in indicators.compute_values(year=year) if v.code.startswith("learning.")}
    assert values["learning.etest_passed"].value > 0
    assert 0 < values["learning.etest_pass_rate"].value <= 100
    client = Client()
    client.force_login(User.objects.get(username="employee"))
    page = client.get(reverse("learning:my-tests")).content.decode()
    assert "Start the test" in page or "Начать тест" in page
