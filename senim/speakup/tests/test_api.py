"""The Speak Up API (staff side): each role in and out of scope, the workflow over HTTP, people
kept out of a case, statistics without content, and bad input as 4xx."""

import datetime as dt
import json
import uuid

import pytest
from django.test import Client

from conftest import ROLES, token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.speakup import selectors, services
from senim.speakup.models import Case, Status
from senim.speakup.tests.factories import PDF, submit, submit_named, upload

pytestmark = pytest.mark.django_db

API = "/api/v1/speakup"


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    return token_client(user)


def _post(client: Client, path: str, payload: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"{API}{path}", json.dumps(payload or {}), content_type="application/json")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_a", "company_b"])
def test_role_matrix(group, role, scope):
    case = submit(company=group.a).case
    company = {"group": None, "company_a": group.a, "company_b": group.b}[scope]
    user = user_with_role(role, company=company, employee=group.in_root if role == "employee" else None)
    if role == "investigator" and scope != "company_b":
        services.case_assign(actor=user_with_role("officer"), case=case, users=[user])
    client = _client(user)
    sees = role in {"officer", "investigator"}
    in_scope = scope != "company_b"
    listed = client.get(f"{API}/cases")
    assert listed.status_code == (200 if sees else 403)
    if sees:
        assert [c["reference"] for c in listed.json()["items"]] == ([case.reference] if in_scope else [])
    detail = client.get(f"{API}/cases/{case.pk}")
    assert detail.status_code == ((200 if in_scope else 404) if sees else 403)
    stats = client.get(f"{API}/statistics")
    assert stats.status_code == (200 if role in {"admin", "officer", "auditor"} else 403)
    if stats.status_code == 200:
        assert "content" not in stats.json() and stats.json()["total"] == (1 if in_scope else 0)


def test_workflow_over_the_api(group):
    officer = user_with_role("officer")
    client = _client(officer)
    created = _post(
        client,
        "/cases",
        {
            "channel": "email",
            "category": "procurement",
            "company_id": str(group.a.pk),
            "received_on": dt.date.today().isoformat(),
            "content": {"what": "A tender was rigged.", "people": "Procurement head"},
            "anonymous": False,
            "reporter": {"name": "Ivan Petrov", "email": "ivan@example.kz"},
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    case_id = body["case"]["id"]
    assert body["receipt"] and selectors.case_for_receipt(key=body["receipt"]).pk.hex == case_id.replace("-", "")
    assert _post(client, f"/cases/{case_id}/status", {"status": "acknowledged"}).status_code == 200
    assert _post(client, f"/cases/{case_id}/messages", {"text": "Which tender?"}).status_code == 201
    assert _post(client, f"/cases/{case_id}/notes", {"text": "Check the protocol."}).status_code == 201
    detail = client.get(f"{API}/cases/{case_id}").json()
    assert detail["content"]["what"] == "A tender was rigged." and detail["reporter"]["name"] == "Ivan Petrov"
    assert detail["messages"][0]["text"] == "Which tender?" and detail["notes"][0]["text"] == "Check the protocol."
    closed = _post(client, f"/cases/{case_id}/close", {"outcome": "unsubstantiated", "measures": ["control_improved"]})
    assert closed.status_code == 200 and closed.json()["status"] == Status.CLOSED
    assert AuditEvent.objects.filter(event_type="speakup.case.viewed", object_id=case_id).count() == 1


def test_bad_input_is_a_4xx(group):
    officer = user_with_role("officer")
    client = _client(officer)
    case = submit_named().case
    assert _post(client, f"/cases/{case.pk}/status", {"status": "closed"}).status_code == 422
    assert _post(client, f"/cases/{case.pk}/status", {"status": "nonsense"}).status_code == 422
    assert _post(client, f"/cases/{case.pk}/close", {"outcome": "maybe"}).status_code == 422
    assert _post(client, f"/cases/{case.pk}/close", {"outcome": "partly", "measures": ["beheading"]}).status_code == 422
    assert _post(client, f"/cases/{case.pk}/messages", {"text": ""}).status_code == 422
    assert _post(client, f"/cases/{case.pk}/answer", {"text": "Yes"}).status_code == 422
    assert _post(client, "/cases", {"channel": "web", "category": "fraud"}).status_code == 422
    assert client.get(f"{API}/cases/not-a-uuid").status_code in {404, 422}
    assert client.get(f"{API}/statistics", {"year": 99999}).status_code == 422
    assert client.get(f"{API}/cases", {"page": 10**12}).status_code == 422


def test_named_person_gets_404_and_assignment_refused(group):
    officer = user_with_role("officer")
    named = user_with_role("investigator", employee=group.in_leaf)
    case = submit(company=group.a).case
    services.link_add(actor=officer, case=case, role="named", employee=group.in_leaf)
    response = _post(_client(officer), f"/cases/{case.pk}/assignees", {"user_ids": [str(named.pk)]})
    assert response.status_code == 422
    services.case_assign(actor=officer, case=case, users=[])
    assert _client(named).get(f"{API}/cases/{case.pk}").status_code == 404


def test_conflict_declaration_over_the_api(group):
    officer, colleague = user_with_role("officer"), user_with_role("officer")
    case = submit().case
    client = _client(colleague)
    assert _post(client, f"/cases/{case.pk}/conflict").status_code == 204
    assert client.get(f"{API}/cases/{case.pk}").status_code == 404
    assert _client(officer).get(f"{API}/cases/{case.pk}").status_code == 200


def test_list_filters_and_query_count(group, django_assert_max_num_queries):
    officer = user_with_role("officer")
    for _ in range(5):
        submit(company=group.a)
    late = submit(company=group.b).case
    Case.objects.filter(pk=late.pk).update(acknowledge_due=dt.date(2020, 1, 1))
    client = _client(officer)
    with django_assert_max_num_queries(12):
        response = client.get(f"{API}/cases", {"overdue": "true"})
    assert [c["reference"] for c in response.json()["items"]] == [late.reference]
    assert response.json()["items"][0]["overdue"] == ["acknowledge"]


def test_tasks_links_rewards_and_files_over_the_api(group):
    officer = user_with_role("officer")
    investigator = user_with_role("investigator")
    client = _client(officer)
    case = submit_named(company=group.a, uploads=[upload()]).case
    due = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    task = {"title": "Pull the invoices", "due": due, "assignee_id": str(investigator.pk)}
    assert _post(client, f"/cases/{case.pk}/tasks", task).status_code == 201
    assert _post(client, f"/cases/{case.pk}/tasks", {**task, "assignee_id": str(officer.pk)}).status_code == 201
    stranger = user_with_role("approver")
    assert _post(client, f"/cases/{case.pk}/tasks", {**task, "assignee_id": str(stranger.pk)}).status_code == 422
    link = _post(client, f"/cases/{case.pk}/links", {"role": "unit", "unit_id": str(group.branch.pk)})
    assert link.status_code == 201 and link.json()["unit_id"] == str(group.branch.pk)
    named = _post(client, f"/cases/{case.pk}/links", {"role": "named", "employee_id": str(group.in_leaf.pk)})
    assert named.status_code == 201
    assert _post(client, f"/cases/{case.pk}/links", {"role": "unit", "unit_id": str(group.other.pk)}).status_code == 422
    assert _post(client, f"/cases/{case.pk}/links", {"role": "named"}).status_code == 422
    assert len(client.get(f"{API}/cases/{case.pk}/links").json()) == 2
    reward = {"decided_on": "2026-02-01", "amount": "150000.00", "currency": "KZT", "basis": "Order 7"}
    assert _post(client, f"/cases/{case.pk}/rewards", reward).status_code == 201
    assert _post(client, f"/cases/{case.pk}/rewards", {**reward, "amount": "-5"}).status_code == 422
    files = client.get(f"{API}/cases/{case.pk}/files").json()
    assert [f["name"] for f in files] == ["evidence.pdf"] and files[0]["stripped"] is False
    download = client.get(f"{API}/cases/{case.pk}/files/{files[0]['id']}")
    assert download.status_code == 200 and download.content == PDF
    assert download["Content-Disposition"].startswith("attachment")
    assert AuditEvent.objects.filter(event_type="speakup.file.downloaded").exists()
    assert client.get(f"{API}/cases/{case.pk}/files/{uuid.uuid4()}").status_code == 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_write_endpoints_role_matrix(group, role, scope):
    case = submit(company=group.a).case
    company = {"group": None, "company_b": group.b}[scope]
    user = user_with_role(role, company=company, employee=group.in_root if role == "employee" else None)
    if role == "investigator" and scope == "group":
        services.case_assign(actor=user_with_role("officer"), case=case, users=[user])
    client = _client(user)
    sees, outside = role in {"officer", "investigator"}, scope == "company_b"

    def expected(allowed: bool, ok: int) -> int:
        return 403 if not sees else 404 if outside else ok if allowed else 403

    assert _post(client, f"/cases/{case.pk}/notes", {"text": "x"}).status_code == expected(True, 201)
    assert _post(client, f"/cases/{case.pk}/status", {"status": "acknowledged"}).status_code == expected(
        role == "officer", 200
    )
    closing = {"outcome": "partly", "measures": []}
    assert _post(client, f"/cases/{case.pk}/close", closing).status_code == expected(role == "officer", 200)
    intake = {
        "channel": "post",
        "category": "fraud",
        "company_id": str(group.a.pk),
        "received_on": dt.date.today().isoformat(),
        "content": {"what": "Letter."},
    }
    created = _post(client, "/cases", intake).status_code
    assert created == (201 if role == "officer" and not outside else 403)


def test_the_api_links_no_employee_or_user_of_another_company(group):
    """The company check the page makes holds for the API too: it lives in the service."""
    client = _client(user_with_role("officer"))
    case = submit_named(company=group.a).case
    other = _post(client, f"/cases/{case.pk}/links", {"role": "named", "employee_id": str(group.in_b.pk)})
    assert other.status_code == 422 and "employee" in other.json()["detail"]
    colleague = user_with_role("approver")
    colleague.employee = group.in_b
    colleague.save()
    user = _post(client, f"/cases/{case.pk}/links", {"role": "witness", "user_id": str(colleague.pk)})
    assert user.status_code == 422 and "user" in user.json()["detail"]
    assert client.get(f"{API}/cases/{case.pk}/links").json() == []


def test_a_body_field_the_api_does_not_know_is_refused_by_name(group):
    client = _client(user_with_role("officer"))
    case = submit_named(company=group.a).case
    response = _post(client, f"/cases/{case.pk}/links", {"role": "unit", "unit_id": str(group.branch.pk), "unti": 1})
    assert response.status_code == 422
    assert any(error["loc"][-1] == "unti" and error["type"] == "extra_forbidden" for error in response.json()["detail"])
