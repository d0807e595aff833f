"""The core API over HTTP: indicators and the audit trail, per role and scope."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.audit import PendingEvent, audit_record_many
from senim.core.models import AuditEvent
from senim.org.models import Company, Employee
from senim.org.tests.factories import EmployeeFactory

INDICATORS = "/api/v1/indicators"
AUDIT = "/api/v1/audit-events"
ALL_ROLES = ["admin", "officer", "investigator", "approver", "auditor", "employee"]


def _bearer(user) -> dict[str, str]:
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _user(role: str, group, company=None):
    return user_with_role(role, company=company, employee=group.in_leaf if role == "employee" else None)


# --- indicators ------------------------------------------------------------------------------------


def test_indicators_require_authentication(client, group):
    assert client.get(INDICATORS, {"year": 2025}).status_code == 401


def test_group_auditor_gets_every_indicator_with_this_and_last_years_value(client, group):
    EmployeeFactory(company=group.a, hire_date=dt.date(2025, 4, 1))
    EmployeeFactory(company=group.b, hire_date=dt.date(2019, 4, 1), dismissal_date=dt.date(2025, 6, 30))
    EmployeeFactory(company=group.a, hire_date=dt.date(2024, 1, 10))
    response = client.get(INDICATORS, {"year": 2025}, **_bearer(user_with_role("auditor")))
    assert response.status_code == 200
    rows = response.json()
    assert isinstance(rows, list) and rows
    for row in rows:
        assert set(row) == {"code", "title", "unit", "value", "previous", "module"} | {
            "value_entered",
            "value_source",
            "previous_entered",
            "previous_source",
        }
        assert row["code"] and row["title"] and row["unit"]
    values = {row["code"]: (row["value"], row["previous"]) for row in rows}
    # four fixture employees hired in 2020, one hired 2024, one 2025, one who left in 2025
    assert values["org.headcount"] == (6, 6)
    assert values["org.hires"] == (1, 1)
    assert values["org.leavers"] == (1, 0)


def test_indicator_codes_are_unique_and_sorted(client, group):
    rows = client.get(INDICATORS, {"year": 2025}, **_bearer(user_with_role("admin"))).json()
    codes = [row["code"] for row in rows]
    assert codes == sorted(set(codes))


@pytest.mark.parametrize("role", ["admin", "officer", "approver", "auditor"])
def test_group_roles_holding_the_indicator_permission_see_indicators(client, group, role):
    assert client.get(INDICATORS, {"year": 2025}, **_bearer(_user(role, group))).status_code == 200


@pytest.mark.parametrize("role", ["employee", "investigator"])
def test_roles_without_the_indicator_permission_get_403(client, group, role):
    response = client.get(INDICATORS, {"year": 2025}, **_bearer(_user(role, group)))
    assert response.status_code == 403
    assert response.json()["detail"]


def test_company_scoped_auditor_must_name_their_company(client, group):
    headers = _bearer(user_with_role("auditor", company=group.b))
    assert client.get(INDICATORS, {"year": 2025}, **headers).status_code == 403
    assert client.get(INDICATORS, {"year": 2025, "company": str(group.a.id)}, **headers).status_code == 403
    response = client.get(INDICATORS, {"year": 2025, "company": str(group.b.id)}, **headers)
    assert response.status_code == 200
    values = {row["code"]: row["value"] for row in response.json()}
    assert values["org.headcount"] == 1  # only Karimov, company b


@pytest.mark.parametrize("year", ["1999", "2101", "abc"])
def test_indicator_year_outside_the_range_is_422(client, group, year):
    assert client.get(INDICATORS, {"year": year}, **_bearer(user_with_role("admin"))).status_code == 422


def test_indicators_default_to_the_current_year(client, group):
    headers = _bearer(user_with_role("admin"))
    this_year = client.get(INDICATORS, {"year": dt.date.today().year}, **headers).json()
    assert client.get(INDICATORS, **headers).json() == this_year


# --- audit trail -------------------------------------------------------------------------------


def _events(group, count_a: int, count_b: int, count_none: int = 0) -> None:
    events = [
        *[
            PendingEvent("test.a", "org.employee", str(i), f"a-{i}", group.a.id, {"n": [None, i]})
            for i in range(count_a)
        ],
        *[PendingEvent("test.b", "org.employee", str(i), f"b-{i}", group.b.id) for i in range(count_b)],
        *[PendingEvent("test.none", "", "", f"none-{i}") for i in range(count_none)],
    ]
    audit_record_many(actor=SYSTEM, events=events)


def test_audit_events_require_authentication(client, group):
    assert client.get(AUDIT).status_code == 401


def test_group_admin_pages_through_every_audit_event_newest_first(client, group):
    headers = _bearer(user_with_role("admin"))
    _events(group, 40, 20, 5)
    total = AuditEvent.objects.count()  # 65 plus the token creation
    first = client.get(AUDIT, **headers)
    assert first.status_code == 200
    body = first.json()
    assert body["count"] == total == 66
    assert len(body["items"]) == 50
    seqs = [e["seq"] for e in body["items"]]
    assert seqs == sorted(seqs, reverse=True)
    second = client.get(AUDIT, {"page": 2}, **headers).json()
    assert len(second["items"]) == 16
    assert max(e["seq"] for e in second["items"]) < min(seqs)
    event = body["items"][0]
    assert set(event) >= {"seq", "occurred_at", "actor_label", "event_type", "object_id", "changes", "hash"}
    assert len(event["hash"]) == 64


def test_audit_page_past_the_end_is_not_a_server_error(client, group):
    headers = _bearer(user_with_role("admin"))
    response = client.get(AUDIT, {"page": 99}, **headers)
    assert response.status_code < 500
    response = client.get(AUDIT, {"page": 0}, **headers)
    assert response.status_code < 500


PAGINATED = [
    "/api/v1/org/employees",
    "/api/v1/org/units",
    "/api/v1/org/positions",
    "/api/v1/audit-events",
    "/api/v1/accounts/users",
]


@pytest.mark.parametrize("url", PAGINATED)
@pytest.mark.parametrize("page", [2**62])
def test_huge_page_number_is_a_client_error(group, url, page):
    from django.test import Client

    client = Client(raise_request_exception=False)
    response = client.get(url, {"page": page}, **_bearer(user_with_role("admin")))
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("url", PAGINATED)
def test_page_far_past_the_end_is_empty_or_a_client_error(client, group, url):
    response = client.get(url, {"page": 10**6}, **_bearer(user_with_role("admin")))
    assert response.status_code < 500
    if response.status_code == 200:
        assert response.json()["items"] == []


@pytest.mark.parametrize("role", ["employee", "investigator", "approver"])
def test_roles_without_the_audit_permission_get_403(client, group, role):
    _events(group, 2, 2)
    response = client.get(AUDIT, **_bearer(_user(role, group)))
    assert response.status_code == 403


def test_company_scoped_auditor_sees_only_their_companys_events(client, group):
    headers = _bearer(user_with_role("auditor", company=group.b))
    _events(group, 5, 3, 2)
    body = client.get(AUDIT, **headers).json()
    assert body["count"] == 3
    assert {e["event_type"] for e in body["items"]} == {"test.b"}


def test_audit_filters_narrow_the_list(client, group):
    headers = _bearer(user_with_role("auditor"))
    _events(group, 5, 3)
    by_type = client.get(AUDIT, {"event_type": "test.b"}, **headers).json()
    assert by_type["count"] == 3
    by_object = client.get(AUDIT, {"object": "a-4"}, **headers).json()
    assert [e["object_repr"] for e in by_object["items"]] == ["a-4"]
    # two days ahead, so the window holds "today" in the local zone whatever the machine's clock zone
    later = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    assert client.get(AUDIT, {"start": later}, **headers).json()["count"] == 0
    assert client.get(AUDIT, {"end": "2000-01-01"}, **headers).json()["count"] == 0
    assert client.get(AUDIT, {"start": "2000-01-01", "end": later}, **headers).json()["count"] == 9


def test_audit_filter_longer_than_allowed_is_422(client, group):
    response = client.get(AUDIT, {"actor": "x" * 101}, **_bearer(user_with_role("admin")))
    assert response.status_code == 422


def test_audit_list_query_count_does_not_grow_with_the_number_of_events(client, group):
    headers = _bearer(user_with_role("admin"))
    _events(group, 3, 0)
    client.get(AUDIT, **headers)  # warm up (the token's first use is recorded)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(AUDIT, **headers).status_code == 200
        return len(queries)

    few = count()
    _events(group, 40, 0)
    assert count() == few


# --- NUL characters ------------------------------------------------------------------------------


def _nul_requests(group) -> list[tuple[str, str, dict]]:
    return [
        ("get", "/api/v1/org/employees", {"q": "a\x00"}),
        ("get", "/api/v1/org/positions", {"q": "a\x00"}),
        ("get", "/api/v1/accounts/users", {"q": "a\x00"}),
        ("get", AUDIT, {"actor": "\x00"}),
        ("get", AUDIT, {"event_type": "\x00"}),
        ("get", AUDIT, {"object": "\x00"}),
        ("post", "/api/v1/accounts/tokens", {"name": "a\x00"}),
        (
            "post",
            "/api/v1/org/employees",
            {"company_id": str(group.a.id), "personnel_number": "NUL-1", "surname": "a\x00", "given_name": "b"},
        ),
        ("patch", f"/api/v1/org/employees/{group.in_leaf.id}", {"surname": "a\x00"}),
        (
            "post",
            "/api/v1/org/companies",
            {"name_en": "X\x00", "registration_kind": "foreign", "registration_number": "F-1", "country": "DE"},
        ),
        ("post", "/api/v1/org/units", {"company_id": str(group.a.id), "code": "Z\x00"}),
    ]


@pytest.mark.parametrize(
    "index",
    range(11),
    ids=[
        "employees-q",
        "positions-q",
        "users-q",
        "audit-actor",
        "audit-event_type",
        "audit-object",
        "token-create",
        "employee-create",
        "employee-patch",
        "company-create",
        "unit-create",
    ],
)
def test_nul_character_in_api_text_is_never_a_server_error(group, index):
    method, url, data = _nul_requests(group)[index]
    client = Client(raise_request_exception=False)
    headers = _bearer(user_with_role("admin"))
    if method == "get":
        response = client.get(url, data, **headers)
    else:
        response = getattr(client, method)(url, data, content_type="application/json", **headers)
    assert 400 <= response.status_code < 500, f"{method.upper()} {url} {data!r} → {response.status_code}"
    assert response.json()["detail"]
    assert not Employee.objects.filter(personnel_number="NUL-1").exists()
    assert not Company.objects.filter(registration_number="F-1").exists()
    group.in_leaf.refresh_from_db()
    assert "\x00" not in group.in_leaf.surname


def test_nul_character_deep_inside_an_import_file_is_never_a_server_error(group):
    rows = [f"{group.a.registration_number},P{i},Name{i},G" for i in range(400)]  # > 8 KB before the NUL
    content = "\n".join(
        ["company,personnel_number,surname,given_name", *rows, f"{group.a.registration_number},PX,Bad\x00,G"]
    )
    client = Client(raise_request_exception=False)
    response = client.post(
        "/api/v1/org/imports/employees?dry_run=false&valid_only=true",
        {"file": SimpleUploadedFile("staff.csv", content.encode(), "text/csv")},
        **_bearer(user_with_role("officer")),
    )
    assert response.status_code < 500
    # (checked in Python: SQLite's LIKE stops at a NUL, so surname__contains="\x00" matches every row)
    assert not [name for name in Employee.objects.values_list("surname", flat=True) if "\x00" in name]


def test_unsafe_request_without_credentials_is_401_not_a_csrf_error(group):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/accounts/tokens", {"name": "x"}, content_type="application/json")
    assert response.status_code == 401


def test_escaped_backslash_u0000_text_is_not_mistaken_for_a_nul(group):
    from django.test import Client

    response = Client().post(
        "/api/v1/accounts/tokens",
        '{"name": "C:\\\\u0000dir"}',
        content_type="application/json",
        **_bearer(user_with_role("admin")),
    )
    assert response.status_code == 201
