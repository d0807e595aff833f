"""The risk-assessment API over HTTP: a unit head assesses, compliance returns and accepts, the head
approves and approves the positions; the map with its signals; refusals without the right or out
of scope; bad input as a 4xx with nothing changed."""

import json

import pytest
from django.test import Client

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.org.models import Position
from senim.org.tests.factories import PositionFactory
from senim.risks.models import Exercise, RiskFunction

pytestmark = pytest.mark.django_db
API = "/api/v1/risks"


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _post(client: Client, path: str, payload: dict):  # type: ignore[no-untyped-def]
    return client.post(f"{API}{path}", json.dumps(payload, default=str), content_type="application/json")


def test_an_assessment_runs_end_to_end_over_the_api(group):
    officer = _client(user_with_role("officer", company=group.a))
    unit_head = _client(user_with_role("approver", unit=group.branch))
    head = _client(user_with_role("approver", company=group.a))
    outsider = _client(user_with_role("officer", company=group.b))
    buyer = PositionFactory(company=group.a, unit=group.branch, code="BUYER", is_corruption_prone=False)
    others_flagged = Position.objects.filter(company=group.a, is_corruption_prone=True).count()

    opened = _post(officer, "/assessments", {"company_id": group.a.pk, "year": 2025, "period_reviewed": "2024"})
    assert opened.status_code == 201, opened.content
    exercise_id = opened.json()["id"]
    assert _post(officer, "/assessments", {"company_id": group.a.pk, "year": 2025}).status_code == 422
    added = _post(officer, f"/assessments/{exercise_id}/functions", {"unit_id": group.branch.pk, "name": "Закупки"})
    assert added.status_code == 201
    function_id = added.json()["id"]
    assert (
        _post(
            officer, f"/assessments/{exercise_id}/functions", {"unit_id": group.branch.pk, "name": "Закупки"}
        ).status_code
        == 422
    )

    no_risk = _post(unit_head, f"/functions/{function_id}/assess", {"level": "high", "position_ids": [buyer.pk]})
    assert no_risk.status_code == 422 and RiskFunction.objects.get().status == "draft"
    assessed = _post(
        unit_head, f"/functions/{function_id}/assess", {"level": "high", "risk": "Откат", "position_ids": [buyer.pk]}
    )
    assert assessed.status_code == 200 and assessed.json()["status"] == "submitted"
    assert assessed.json()["position_ids"] == [str(buyer.pk)]
    assert _post(outsider, f"/functions/{function_id}/review", {"accept": True}).status_code == 404
    returned = _post(officer, f"/functions/{function_id}/review", {"accept": False})
    assert returned.status_code == 422  # a return needs a note
    assert _post(officer, f"/functions/{function_id}/review", {"accept": True}).json()["status"] == "accepted"

    assert (
        _post(
            officer, f"/assessments/{exercise_id}/approve", {"decision_number": "5", "approved_on": "2025-12-20"}
        ).status_code
        == 403
    )
    approved = _post(head, f"/assessments/{exercise_id}/approve", {"decision_number": "5", "approved_on": "2025-12-20"})
    assert approved.json()["status"] == Exercise.Status.APPROVED
    changed = _post(
        head, f"/assessments/{exercise_id}/positions", {"position_ids": [buyer.pk], "approved_on": "2025-12-21"}
    )
    assert changed.json() == {"changed": 1 + others_flagged}  # the buyer flagged, the others unflagged
    buyer.refresh_from_db()
    assert buyer.is_corruption_prone

    rows = officer.get(f"{API}/assessments/{exercise_id}/map").json()
    assert [(r["unit"], r["high"], r["total"]) for r in rows] == [(str(group.branch), 1, 1)]
    assert rows[0]["signals"] == {
        "reports": 0,
        "substantiated": 0,
        "gifts": 0,
        "conflicts": 0,
        "contracts_without_clause": 0,
        "high_risk_contracts": 0,
    }
    listed = officer.get(f"{API}/assessments/{exercise_id}/functions?unit_id={group.branch.pk}").json()
    assert listed["count"] == 1 and listed["items"][0]["level"] == "high"
    assert outsider.get(f"{API}/assessments/{exercise_id}").status_code == 404
    assert (
        _client(user_with_role("employee", company=group.a, employee=group.in_branch))
        .get(f"{API}/assessments")
        .status_code
        == 403
    )
