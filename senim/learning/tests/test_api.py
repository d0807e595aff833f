"""The learning API over HTTP with token clients: each role in and out of scope, taking a test,
xAPI statements, and bad input that must be a 4xx, never a 5xx."""

import datetime as dt
import json

import pytest
from django.test import Client

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.learning import services
from senim.learning.models import Attempt, ExternalCompletion
from senim.learning.tests.factories import answers, employee_user, make_test, officer

pytestmark = pytest.mark.django_db

API = "/api/v1/learning"
ROLES = ["admin", "officer", "investigator", "approver", "auditor", "employee"]
RESULT_VIEWERS = {"admin", "officer", "auditor"}
MANAGERS = {"admin", "officer"}


def _token_client(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _post(client: Client, path: str, payload: object = None):  # type: ignore[no-untyped-def]
    return client.post(
        f"{API}{path}", json.dumps(payload if payload is not None else {}), content_type="application/json"
    )


@pytest.fixture
def world(group):
    actor = officer()
    article = services.article_create(actor=actor, title_kk="Сыйлықтар туралы", body_kk="Сыйлықтарды қабылдау")
    event = services.event_create(
        actor=actor, company=group.a, title="Course", trainer_organisation="Agency", date=dt.date(2026, 4, 1), hours=8
    )
    services.attendees_add(actor=actor, event=event, personnel_numbers=[group.in_leaf.personnel_number])
    return {"article": article, "test": make_test(actor, count=1), "event": event}


@pytest.mark.parametrize("role", ROLES)
def test_every_role_searches_the_knowledge_base(world, role):
    client = _token_client(user_with_role(role))
    response = client.get(f"{API}/articles", {"q": "syilyktar"})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [str(world["article"].pk)]
    detail = client.get(f"{API}/articles/{world['article'].pk}").json()
    assert "Сыйлықтарды" in detail["html"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_results_and_events_by_role_and_scope(world, role, scope):
    company = {
        "group": None,
        "company_b": world["event"].company.__class__.objects.exclude(pk=world["event"].company_id).get(),
    }[scope]
    client = _token_client(user_with_role(role, company=company))
    events = client.get(f"{API}/events")
    units = client.get(f"{API}/results/units", {"year": 2026})
    if role not in RESULT_VIEWERS:
        assert (events.status_code, units.status_code) == (403, 403)
        return
    count = len(events.json()["items"])
    assert count == (1 if scope == "group" else 0)
    assert all(row["unit"] for row in units.json())


@pytest.mark.parametrize("role", ROLES)
def test_creating_articles_and_events_needs_management(world, role, group):
    client = _token_client(user_with_role(role))
    article = _post(client, "/articles", {"title_en": "New"})
    event = _post(
        client,
        "/events",
        {"title": "E", "trainer_organisation": "T", "date": "2026-05-01", "hours": "4", "company_id": str(group.a.pk)},
    )
    expected = 201 if role in MANAGERS else 403
    assert (article.status_code, event.status_code) == (expected, expected)


def test_employee_takes_a_test_through_the_api(world, group):
    client = _token_client(employee_user(group.in_leaf))
    started = _post(client, f"/tests/{world['test'].pk}/attempts")
    assert started.status_code == 201
    body = started.json()
    assert len(body["questions"]) == 2
    attempt = Attempt.objects.get(pk=body["id"])
    submitted = _post(client, f"/attempts/{attempt.pk}/submit", {"answers": answers(attempt)})
    assert submitted.status_code == 200
    assert (submitted.json()["score"], submitted.json()["passed"]) == (100, True)
    again = _post(client, f"/attempts/{attempt.pk}/submit", {"answers": {}})
    assert again.status_code == 422
    mine = client.get(f"{API}/my/tests").json()
    assert mine[0]["passed"] is True
    assert len(client.get(f"{API}/my/certificates").json()) == 1


def test_answers_to_foreign_questions_are_422(world, group):
    client = _token_client(employee_user(group.in_leaf))
    attempt_id = _post(client, f"/tests/{world['test'].pk}/attempts").json()["id"]
    response = _post(client, f"/attempts/{attempt_id}/submit", {"answers": {"not-a-question": "x"}})
    assert response.status_code == 422


def test_another_employees_attempt_is_404(world, group):
    owner = _token_client(employee_user(group.in_leaf))
    attempt_id = _post(owner, f"/tests/{world['test'].pk}/attempts").json()["id"]
    other = _token_client(employee_user(group.in_root))
    assert _post(other, f"/attempts/{attempt_id}/submit", {"answers": {}}).status_code == 404


def test_xapi_statements(world, group):
    group.in_leaf.email = "leaf@example.kz"
    group.in_leaf.save()
    statement = {
        "actor": {"mbox": "mailto:leaf@example.kz"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "https://lms.example.kz/course/1", "definition": {"name": {"ru": "Этика"}}},
        "timestamp": "2026-06-01T09:00:00Z",
    }
    client = _token_client(officer())
    response = _post(client, "/xapi/statements", [statement, {**statement, "verb": {"id": "urn:x:experienced"}}])
    assert response.status_code == 200, response.json()
    assert len(response.json()) == 1
    assert ExternalCompletion.objects.get().activity_name == "Этика"
    bad = _post(
        client,
        "/xapi/statements",
        [statement, {"actor": {"mbox": "mailto:nobody@x"}, "verb": statement["verb"], "object": {"id": "y"}}],
    )
    assert bad.status_code == 422 and ExternalCompletion.objects.count() == 1
    employee = _token_client(user_with_role("employee"))
    assert _post(employee, "/xapi/statements", statement).status_code == 403
    assert _post(client, "/xapi/statements", "not json").status_code in (400, 422)
