"""The conflicts API over HTTP: each role in and out of scope, an employee's own declarations and
gifts, review and measures, campaigns, detection, and bad input that must be a 4xx, never a 5xx."""

import datetime as dt
import json

import pytest
from django.test import Client

from conftest import ROLES, token_client
from senim.accounts.tests.factories import user_with_role
from senim.conflicts import jobs
from senim.conflicts.models import Alert, Declaration, DetectionRun, Gift
from senim.conflicts.tests.factories import TODAY, employee_user, relative, submit, threshold
from senim.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/conflicts"
VIEWERS = {"admin", "officer", "auditor"}
GIFT_VIEWERS = {"admin", "officer", "approver", "auditor"}


def _client(role: str, scope: str, group) -> Client:  # type: ignore[no-untyped-def]
    company = {"group": None, "company_b": group.b}[scope]
    return token_client(user_with_role(role, company=company, employee=group.in_branch if role == "employee" else None))


def _post(client: Client, path: str, payload: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"{API}{path}", json.dumps(payload or {}), content_type="application/json")


@pytest.fixture
def world(group):
    daughter = EmployeeFactory(company=group.a, unit=group.root, surname="Иванова", given_name="Анна", patronymic="")
    declaration = submit(group.in_leaf, items=[relative("Иванова Анна", "child", person_identifier=daughter.iin)])
    jobs.detection_run(run=DetectionRun.objects.create())
    return {"declaration": declaration, "alert": Alert.objects.first()}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_read_endpoints_role_matrix(world, group, role, scope):
    client = _client(role, scope, group)
    for path, allowed in [
        ("/declarations", VIEWERS),
        ("/campaigns", VIEWERS),
        ("/alerts", VIEWERS),
        ("/gifts", GIFT_VIEWERS),
        ("/thresholds", GIFT_VIEWERS),
    ]:
        response = client.get(f"{API}{path}")
        assert response.status_code == (200 if role in allowed else 403), (path, role, response.status_code)
        if response.status_code == 200 and path in {"/declarations", "/alerts"}:
            count = response.json()["count"]
            expected = {"/declarations": 1, "/alerts": 2}[path]
            assert count == (0 if scope == "company_b" else expected), (path, role, scope)
    detail = client.get(f"{API}/declarations/{world['declaration'].pk}")
    assert detail.status_code == (200 if role in VIEWERS and scope == "group" else 404)


def test_an_employee_submits_and_reads_only_their_own(world, group):
    client = token_client(employee_user(group.in_branch))
    response = _post(client, "/declarations", {"form_type": "a", "items": [relative("Касымов Болат", "sibling")]})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["items"][0]["person_name"] == "Касымов Болат" and body["number"] == 1
    mine = client.get(f"{API}/declarations/mine").json()
    assert [d["id"] for d in mine] == [body["id"]]
    assert client.get(f"{API}/declarations/{world['declaration'].pk}").status_code == 404
    newer = _post(client, "/declarations", {"form_type": "a", "nothing_to_declare": True, "supersedes_id": body["id"]})
    assert newer.status_code == 201 and newer.json()["number"] == 2


@pytest.mark.parametrize(
    "payload",
    [
        {"form_type": "c"},
        {"form_type": "a"},
        {"form_type": "a", "items": [{"section": "relatives", "person_name": "X"}]},
        {"form_type": "a", "items": [{"section": "interests", "holder": "self", "organisation": "X", "share": "150"}]},
        {"form_type": "b", "circumstances": ""},
        {"form_type": "a", "items": "nope"},
        {"form_type": "a", "nothing_to_declare": True, "supersedes_id": "not-a-uuid"},
    ],
)
def test_bad_declarations_are_4xx(group, payload):
    client = token_client(employee_user(group.in_branch))
    response = _post(client, "/declarations", payload)
    assert 400 <= response.status_code < 500, response.content
    assert not Declaration.objects.filter(employee=group.in_branch).exists()


def test_review_measure_and_settlement(world, group):
    officer = user_with_role("officer", company=group.a)
    client = token_client(officer)
    pk = world["declaration"].pk
    assert _post(client, f"/declarations/{pk}/review", {"outcome": "maybe"}).status_code == 422
    assert (
        _post(client, f"/declarations/{pk}/review", {"outcome": "actual", "comment": "Same line."}).status_code == 200
    )
    deadline = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    measure = _post(
        client,
        f"/declarations/{pk}/measures",
        {"kind": "transfer", "description": "Transfer.", "owner_id": str(officer.pk), "deadline": deadline},
    )
    assert measure.status_code == 201, measure.content
    done = _post(client, f"/measures/{measure.json()['id']}/done", {"note": "Order 7."})
    assert done.status_code == 200
    assert client.get(f"{API}/declarations/{pk}").json()["status"] == "settled"
    outsider = token_client(user_with_role("officer", company=group.b))
    assert _post(outsider, f"/declarations/{pk}/review", {"outcome": "none"}).status_code == 404


def test_campaigns_and_detection(world, group, django_capture_on_commit_callbacks):
    client = token_client(user_with_role("officer"))
    deadline = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    created = _post(
        client,
        "/campaigns",
        {"title": "2026", "deadline": deadline, "population": "company", "company_id": str(group.a.pk)},
    )
    assert created.status_code == 201, created.content
    campaign_id = created.json()["id"]
    launched = _post(client, f"/campaigns/{campaign_id}/launch")
    assert launched.status_code == 200 and launched.json()["asked"] == 4
    assert _post(client, f"/campaigns/{campaign_id}/launch").status_code == 422
    assert _post(client, f"/campaigns/{campaign_id}/explode").status_code == 404
    progress = client.get(f"{API}/campaigns/{campaign_id}/progress").json()
    assert sum(row["asked"] for row in progress) == 4
    with django_capture_on_commit_callbacks(execute=True):
        run = _post(client, "/detection-runs")
    assert run.status_code == 202
    assert client.get(f"{API}/detection-runs/{run.json()['id']}").json()["status"] == "done"
    assert run.json()["automatic"] is False
    alert = world["alert"]
    decided = _post(client, f"/alerts/{alert.pk}/decision", {"status": "dismissed", "comment": "Namesake."})
    assert decided.status_code == 200 and decided.json()["status"] == "dismissed"
    company_officer = token_client(user_with_role("officer", company=group.a))
    assert _post(company_officer, "/detection-runs").status_code == 403


def test_gifts_through_the_api(world, group):
    threshold()
    client = token_client(employee_user(group.in_branch))
    gift = {
        "kind": "received",
        "party_kind": "counterparty",
        "party_name": "Serik",
        "occasion": "Meeting",
        "description": "Watch",
        "value": "90000",
        "currency": "KZT",
        "date": TODAY.isoformat(),
    }
    assert _post(client, "/gifts", gift | {"currency": "ABC"}).status_code == 422
    assert _post(client, "/gifts", gift | {"value": "-1"}).status_code == 422
    assert _post(client, "/gifts", gift | {"value": "1e400"}).status_code == 422
    created = _post(client, "/gifts", gift)
    assert created.status_code == 201 and created.json()["status"] == "pending"
    assert [g["id"] for g in client.get(f"{API}/gifts/mine").json()] == [created.json()["id"]]
    approver = token_client(user_with_role("approver", company=group.a))
    decided = _post(approver, f"/gifts/{created.json()['id']}/decision", {"approve": True})
    assert decided.status_code == 200 and Gift.objects.get().status == "approved"
    admin = token_client(user_with_role("admin"))
    response = admin.put(
        f"{API}/thresholds",
        json.dumps({"country": "UZ", "year": 2026, "unit_value": "375000", "units": "1"}),
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["unit"] == "brv"
    employee = token_client(employee_user(group.in_branch))
    denied = employee.put(
        f"{API}/thresholds",
        json.dumps({"country": "UZ", "year": 2026, "unit_value": "1", "units": "1"}),
        content_type="application/json",
    )
    assert denied.status_code == 403
