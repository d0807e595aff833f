"""The demo roadmap: imported from its Word document with every measure, the unparseable deadline set
by hand, and progress on the periods already due."""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.demo.risks import ROADMAP_MEASURES, build_risks_demo
from senim.risks import selectors
from senim.risks.models import Exercise, Plan

pytestmark = pytest.mark.django_db


def test_the_demo_roadmap(group):
    admin = user_with_role("admin")
    build_risks_demo(admin, {"a": group.a, "b": group.b})
    plan = Plan.objects.get(kind="roadmap")
    assert plan.measures.count() == ROADMAP_MEASURES
    assert not plan.measures.filter(deadline_kind="unset").exists()
    rollup = selectors.plan_rollup(plan=plan)
    assert sum(r.on_time for r in rollup) > 0
    assert sum(r.late for r in rollup) > 0
    assert Plan.objects.filter(kind="programme").exists()
    exercises = list(Exercise.objects.order_by("year"))
    assert [e.status for e in exercises] == ["approved", "approved"]
    assert exercises[1].functions.count() == exercises[0].functions.count() > 0
    assert selectors.risk_map(exercise=exercises[1])[0].previous is not None
