"""The examination API: role × scope matrix, decisions, clearance, single-provision examination."""

import json

import pytest
from django.test import Client

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.examination import selectors
from senim.examination.tests.factories import examination_for

pytestmark = pytest.mark.django_db

API = "/api/v1/examination"


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


@pytest.mark.parametrize("role", ["admin", "officer", "auditor", "investigator", "employee"])
@pytest.mark.parametrize("scope", ["group", "company_a", "company_b"])
def test_role_matrix(group, role, scope):
    examination = examination_for(group)
    finding = selectors.latest_version(examination).findings.first()
    company = {"group": None, "company_a": group.a, "company_b": group.b}[scope]
    client = _client(user_with_role(role, company=company, employee=group.in_root if role == "employee" else None))
    sees = role in {"admin", "officer", "auditor"}
    in_scope = scope != "company_b"
    listed = client.get(f"{API}/examinations")
    assert listed.status_code == (200 if sees else 403)
    if sees:
        assert len(listed.json()["items"]) == (1 if in_scope else 0)
    detail = client.get(f"{API}/examinations/{examination.pk}")
    assert detail.status_code == ((200 if in_scope else 404) if sees else 403)
    decided = client.post(
        f"{API}/findings/{finding.pk}/decision",
        json.dumps({"decision": "dismiss", "reason": "Не относится."}),
        content_type="application/json",
    )
    writes = role in {"admin", "officer"}
    assert decided.status_code == ((200 if in_scope else 404) if writes else 403)


def test_clearance_and_provision_endpoints(group):
    examination = examination_for(group)
    client = _client(user_with_role("officer"))
    clearance = client.get(f"{API}/examinations/{examination.pk}/clearance").json()
    assert clearance == {"allowed": False, "reason": "not_concluded", "unresolved": 0}
    result = client.post(
        f"{API}/provisions", json.dumps({"text": "Оплата производится наличными."}), content_type="application/json"
    ).json()
    assert result["language"] == "ru" and [f["code"] for f in result["findings"]] == ["CASH_PAYMENT"]
    bad = client.post(
        f"{API}/findings/{selectors.latest_version(examination).findings.first().pk}/decision",
        json.dumps({"decision": "dismiss", "reason": ""}),
        content_type="application/json",
    )
    assert bad.status_code == 422


def test_the_list_does_not_grow_queries_with_rows(group, django_assert_max_num_queries):
    officer = user_with_role("officer")
    for _ in range(3):
        examination_for(group, actor=officer)
    client = _client(officer)
    with django_assert_max_num_queries(12):
        assert len(client.get(f"{API}/examinations").json()["items"]) == 3
