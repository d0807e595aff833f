"""Issue 13: a function's assessment and the exercise follow core's one approval pattern: each waits
in its approver's dashboard queue, the page says who is next, the shared box decides with a comment
(a return needs one), and the module's rules hold (only the head approves the exercise)."""

import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.core.approvals import queue_for
from senim.core.models import ApprovalDecision
from senim.risks import services
from senim.risks.models import Exercise, RiskFunction

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_a_function_and_then_the_exercise_wait_in_their_approvers_queues(group):
    officer = user_with_role("officer", company=group.a, language="en", first_name="Dana")
    head = user_with_role("approver", company=group.a, language="en")
    exercise = services.exercise_create(actor=officer, company=group.a, year=2025)
    function = services.function_add(actor=officer, exercise=exercise, unit=group.branch, name="Закупки")
    services.function_assess(actor=officer, function=function, level="high", risk="Откат")
    function_url = reverse("risks:function-detail", args=[function.pk])
    assert [item.url for item in queue_for(officer)] == [function_url]
    assert queue_for(head) == [] and queue_for(user_with_role("officer", company=group.b)) == []
    page = _client(officer).get(function_url).content.decode()
    assert "data-approval-form" in page and officer.display_name in page and 'value="refuse"' not in page
    review = reverse("risks:function-review", args=[function.pk])
    _client(officer).post(review, {"decision": "return", "comment": ""})  # a return needs its reason
    function.refresh_from_db()
    assert function.status == RiskFunction.Status.SUBMITTED and not ApprovalDecision.objects.exists()
    _client(officer).post(review, {"decision": "return", "comment": "Опишите схему"})
    function.refresh_from_db()
    assert function.status == RiskFunction.Status.RETURNED and function.review_note == "Опишите схему"
    assert ApprovalDecision.objects.get(object_id=function.pk).decision == "return"
    assert queue_for(officer) == []
    services.function_assess(actor=officer, function=function, level="medium", risk="Откат через посредника")
    _client(officer).post(review, {"decision": "approve", "comment": ""})
    exercise_url = reverse("risks:exercise-detail", args=[exercise.pk])
    assert [item.url for item in queue_for(head)] == [exercise_url]
    page = _client(head).get(exercise_url).content.decode()
    assert "data-approval-form" in page and 'name="decision_number"' in page
    approve = reverse("risks:exercise-approve", args=[exercise.pk])
    _client(head).post(approve, {"decision": "approve", "decision_number": "", "approved_on": "2025-12-20"})
    exercise.refresh_from_db()
    assert exercise.status == Exercise.Status.OPEN
    _client(head).post(approve, {"decision": "approve", "decision_number": "7", "approved_on": "2025-12-20"})
    exercise.refresh_from_db()
    assert exercise.status == Exercise.Status.APPROVED and exercise.decision_number == "7"
    assert queue_for(head) == []
    assert "data-approval-history" in _client(head).get(exercise_url).content.decode()


def test_a_unit_head_finds_the_functions_to_assess_on_the_dashboard_and_their_list(group):
    officer = user_with_role("officer", company=group.a, language="en")
    unit_head = user_with_role("approver", unit=group.branch, language="en")
    exercise = services.exercise_create(actor=officer, company=group.a, year=2025)
    mine = services.function_add(actor=officer, exercise=exercise, unit=group.branch, name="Закупки")
    other = services.function_add(actor=officer, exercise=exercise, unit=group.root, name="Кадры")
    listed = _client(unit_head).get(reverse("risks:functions-to-assess")).content.decode()
    assert reverse("risks:function-detail", args=[mine.pk]) in listed
    assert reverse("risks:function-detail", args=[other.pk]) not in listed  # another unit's
    dashboard = _client(unit_head).get(reverse("core:dashboard")).content.decode()
    assert reverse("risks:functions-to-assess") in dashboard
    services.function_assess(actor=unit_head, function=mine, level="low", risk="—")
    listed = _client(unit_head).get(reverse("risks:functions-to-assess")).content.decode()
    assert reverse("risks:function-detail", args=[mine.pk]) not in listed  # assessed: with compliance now
    assert _client(user_with_role("employee")).get(reverse("risks:functions-to-assess")).status_code == 403
