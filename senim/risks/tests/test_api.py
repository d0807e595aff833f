"""The plans API over HTTP: each role in and out of scope, setting a deadline and reporting a
period, bad input as a 4xx with nothing changed."""

import json

import pytest
from django.test import Client

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.risks import services
from senim.risks.importing.reader import read_plan
from senim.risks.models import DeadlineKind
from senim.risks.tests.factories import roadmap_docx

pytestmark = pytest.mark.django_db

API = "/api/v1/risks"
ROLES = ["admin", "officer", "investigator", "approver", "auditor", "employee"]
VIEWERS = {"admin", "officer", "approver", "auditor"}
MANAGERS = {"admin", "officer"}


def _token_client(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


@pytest.fixture
def plan(group, tmp_path):
    return services.plan_import(actor=SYSTEM, company=group.a, understood=read_plan(roadmap_docx(tmp_path)))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["company_a", "company_b"])
def test_reads_by_role_and_scope(group, plan, role, scope):
    company = group.a if scope == "company_a" else group.b
    employee = group.in_branch if role == "employee" else None
    client = _token_client(user_with_role(role, company=company, employee=employee))
    listing = client.get(f"{API}/plans")
    detail = client.get(f"{API}/plans/{plan.pk}")
    measures = client.get(f"{API}/plans/{plan.pk}/measures")
    rollup = client.get(f"{API}/plans/{plan.pk}/rollup")
    if role not in VIEWERS:
        assert {listing.status_code, detail.status_code, measures.status_code, rollup.status_code} == {403}
    elif scope == "company_b":
        assert listing.json()["count"] == 0
        assert {detail.status_code, measures.status_code, rollup.status_code} == {404}
    else:
        assert listing.json()["count"] == 1
        assert measures.json()["count"] == 11
        assert detail.json()["title"] == plan.title


@pytest.mark.parametrize("role", ROLES)
def test_setting_a_deadline_needs_the_right(group, plan, role):
    employee = group.in_branch if role == "employee" else None
    client = _token_client(user_with_role(role, company=group.a, employee=employee))
    measure = plan.measures.get(number="11")
    response = client.post(
        f"{API}/measures/{measure.pk}/deadline", json.dumps({"deadline_text": "2029"}), content_type="application/json"
    )
    measure.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 200
        assert response.json()["due_date"] == "2029-12-31"
        assert measure.deadline_kind == DeadlineKind.DUE
    else:
        assert response.status_code == 403
        assert measure.deadline_kind == DeadlineKind.UNSET


def test_bad_input_is_a_4xx_and_changes_nothing(group, plan):
    client = _token_client(user_with_role("officer", company=group.a))
    measure = plan.measures.get(number="11")
    bad = client.post(
        f"{API}/measures/{measure.pk}/deadline", json.dumps({"deadline_text": "потом"}), content_type="application/json"
    )
    assert bad.status_code in (400, 422)
    period = plan.measures.get(deadline_text="жыл сайын").instances.first()
    future = client.post(
        f"{API}/periods/{period.pk}/report",
        json.dumps({"status": "done", "completed_on": "2099-01-01"}),
        content_type="application/json",
    )
    assert future.status_code in (400, 422)
    period.refresh_from_db()
    assert period.status == "not_started"
    ok = client.post(
        f"{API}/periods/{period.pk}/report",
        json.dumps({"status": "done", "completed_on": "2025-12-01", "note": "Есеп"}),
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["status"] == "done"
    other = _token_client(user_with_role("officer", company=group.b))
    assert (
        other.post(
            f"{API}/periods/{period.pk}/report", json.dumps({"status": "not_started"}), content_type="application/json"
        ).status_code
        == 404
    )
