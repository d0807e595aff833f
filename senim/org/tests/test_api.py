"""The org API over HTTP: authentication, what each role sees and may change, imports, query counts."""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core import identifiers
from senim.core.models import AuditEvent
from senim.org.models import Employee
from senim.org.tests.factories import EmployeeFactory

EMPLOYEES = "/api/v1/org/employees"
IMPORT_EMPLOYEES = "/api/v1/org/imports/employees"
ALL = {"in_root", "in_branch", "in_leaf", "in_b"}
STAFF_ROLES = ["admin", "officer", "investigator", "approver", "auditor"]
READ_ONLY_ROLES = ["investigator", "approver", "auditor", "employee"]


def _bearer(user) -> dict[str, str]:
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _names(group, ids) -> set[str]:
    ids = {str(i) for i in ids}
    return {name for name in ALL if str(getattr(group, name).id) in ids}


def _iin(n: int) -> str:
    return identifiers.make_iin(dt.date(1990, 1, 1) + dt.timedelta(days=n), "F", 300 + n)


def _bad_checksum(iin: str) -> str:
    return iin[:-1] + str((int(iin[-1]) + 1) % 10)


def _user(role: str, scope: str, group):
    """A user holding `role` over the whole group or only company b. Employees are linked to
    a record in that part of the group (the role itself only ever reaches that one record)."""
    company = group.b if scope == "company_b" else None
    employee = None
    if role == "employee":
        employee = group.in_b if scope == "company_b" else group.in_leaf
    return user_with_role(role, company=company, employee=employee)


def _expected_visible(role: str, scope: str) -> set[str]:
    if role == "employee":
        return {"in_b"} if scope == "company_b" else {"in_leaf"}
    return {"in_b"} if scope == "company_b" else ALL


def _new_employee(group, **overrides) -> dict:
    payload = {
        "company_id": str(group.a.id),
        "personnel_number": "API-001",
        "surname": "Сейтқали",
        "given_name": "Әсел",
        "iin": _iin(1),
        "unit_id": str(group.leaf.id),
        "hire_date": "2024-02-01",
    }
    payload.update(overrides)
    return payload


# --- authentication ------------------------------------------------------------------------


def test_request_without_credentials_is_refused_with_401_json(client, group):
    response = client.get(EMPLOYEES)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_malformed_or_unknown_bearer_token_is_refused_with_401(client, group):
    for value in ("Bearer nonsense", "Bearer snm_deadbeef_notarealsecret", "Basic dXNlcjpwYXNz"):
        assert client.get(EMPLOYEES, HTTP_AUTHORIZATION=value).status_code == 401, value


def test_token_with_a_wrong_secret_but_a_real_prefix_is_refused(client, group):
    user = user_with_role("admin")
    _record, secret = account_services.api_token_create(actor=user, name="t")
    forged = secret[:-4] + ("AAAA" if not secret.endswith("AAAA") else "BBBB")
    assert client.get(EMPLOYEES, HTTP_AUTHORIZATION=f"Bearer {forged}").status_code == 401
    assert client.get(EMPLOYEES, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200


def test_revoked_token_is_refused_with_401(client, group):
    user = user_with_role("admin")
    record, secret = account_services.api_token_create(actor=user, name="t")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get(EMPLOYEES, **headers).status_code == 200
    account_services.api_token_revoke(actor=user, token=record)
    response = client.get(EMPLOYEES, **headers)
    assert response.status_code == 401
    assert "detail" in response.json()


def test_expired_token_is_refused_with_401(client, group):
    from senim.accounts.models import ApiToken

    user = user_with_role("admin")
    record, secret = account_services.api_token_create(
        actor=user, name="t", expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    )
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get(EMPLOYEES, **headers).status_code == 200
    ApiToken.objects.filter(pk=record.pk).update(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
    assert client.get(EMPLOYEES, **headers).status_code == 401


def test_token_of_a_deactivated_user_is_refused_with_401(client, group):
    user = user_with_role("admin")
    headers = _bearer(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get(EMPLOYEES, **headers).status_code == 401


def test_session_authentication_reads_the_api(group):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role("auditor", company=group.b))
    response = client.get(EMPLOYEES)
    assert response.status_code == 200
    assert _names(group, [e["id"] for e in response.json()["items"]]) == {"in_b"}


def test_session_authenticated_unsafe_request_without_csrf_token_is_refused(group):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role("officer"))
    response = client.post(EMPLOYEES, _new_employee(group), content_type="application/json")
    assert response.status_code == 403
    patch = client.patch(f"{EMPLOYEES}/{group.in_leaf.id}", {"surname": "Csrf"}, content_type="application/json")
    assert patch.status_code == 403
    assert not Employee.objects.filter(personnel_number="API-001").exists()
    group.in_leaf.refresh_from_db()
    assert group.in_leaf.surname != "Csrf"


def test_session_authenticated_unsafe_request_with_csrf_token_is_accepted(group):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role("officer"))
    assert client.get("/").status_code == 200  # a page rendering {% csrf_token %} sets the cookie
    token = client.cookies["csrftoken"].value
    response = client.post(EMPLOYEES, _new_employee(group), content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201, response.content


def test_token_authenticated_unsafe_request_needs_no_csrf_token(group):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        EMPLOYEES, _new_employee(group), content_type="application/json", **_bearer(user_with_role("officer"))
    )
    assert response.status_code == 201, response.content


# --- role matrix: reading ----------------------------------------------------------------------

ROLE_SCOPES = [(role, scope) for role in [*STAFF_ROLES, "employee"] for scope in ("group", "company_b")]


@pytest.mark.parametrize(("role", "scope"), ROLE_SCOPES)
def test_employee_list_returns_exactly_what_the_role_may_see(client, group, role, scope):
    headers = _bearer(_user(role, scope, group))
    response = client.get(EMPLOYEES, **headers)
    assert response.status_code == 200
    body = response.json()
    assert _names(group, [e["id"] for e in body["items"]]) == _expected_visible(role, scope)
    assert body["count"] == len(_expected_visible(role, scope))


@pytest.mark.parametrize(("role", "scope"), ROLE_SCOPES)
def test_employee_detail_is_404_outside_the_roles_reach_and_200_inside(client, group, role, scope):
    headers = _bearer(_user(role, scope, group))
    visible = _expected_visible(role, scope)
    for name in ALL:
        employee = getattr(group, name)
        response = client.get(f"{EMPLOYEES}/{employee.id}", **headers)
        if name in visible:
            assert response.status_code == 200, name
            assert response.json()["id"] == str(employee.id)
        else:
            assert response.status_code == 404, name
            assert "detail" in response.json()


def test_employee_detail_of_an_unknown_id_is_404_and_a_malformed_id_is_422(client, group):
    headers = _bearer(user_with_role("admin"))
    assert client.get(f"{EMPLOYEES}/{uuid.uuid4()}", **headers).status_code == 404
    assert client.get(f"{EMPLOYEES}/not-a-uuid", **headers).status_code in {404, 422}


def test_unit_scoped_officer_lists_the_subtree_only(client, group):
    headers = _bearer(user_with_role("officer", unit=group.branch))
    response = client.get(EMPLOYEES, **headers)
    assert _names(group, [e["id"] for e in response.json()["items"]]) == {"in_branch", "in_leaf"}


def test_employee_list_search_filters_within_the_scope(client, group):
    headers = _bearer(user_with_role("auditor", company=group.a))
    response = client.get(EMPLOYEES, {"q": "ivanov"}, **headers)
    assert _names(group, [e["id"] for e in response.json()["items"]]) == {"in_leaf"}
    # Karimov is in company b: searching for him from company a finds nothing.
    response = client.get(EMPLOYEES, {"q": "karimov"}, **headers)
    assert response.json()["items"] == []


def test_employee_list_rejects_an_unknown_sort_with_422(client, group):
    headers = _bearer(user_with_role("admin"))
    response = client.get(EMPLOYEES, {"sort": "password"}, **headers)
    assert response.status_code == 422


def test_user_without_any_role_lists_no_employees(client, group):
    from senim.accounts.tests.factories import UserFactory

    response = client.get(EMPLOYEES, **_bearer(UserFactory()))
    assert response.status_code == 200
    assert response.json()["items"] == []


# --- role matrix: writing ---------------------------------------------------------------------


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_read_only_roles_cannot_create_employees(client, group, role, scope):
    user = _user(role, scope, group)
    company = group.b if scope == "company_b" else group.a
    unit = group.other if scope == "company_b" else group.leaf
    payload = _new_employee(group, company_id=str(company.id), unit_id=str(unit.id))
    response = client.post(EMPLOYEES, payload, content_type="application/json", **_bearer(user))
    assert response.status_code == 403, response.content
    assert not Employee.objects.filter(personnel_number="API-001").exists()


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_read_only_roles_cannot_patch_an_employee_they_can_see(client, group, role, scope):
    user = _user(role, scope, group)
    target = group.in_b if scope == "company_b" else group.in_leaf
    response = client.patch(
        f"{EMPLOYEES}/{target.id}", {"surname": "Changed"}, content_type="application/json", **_bearer(user)
    )
    assert response.status_code == 403, response.content
    target.refresh_from_db()
    assert target.surname != "Changed"


@pytest.mark.parametrize("role", ["admin", "officer"])
def test_company_b_manager_cannot_create_an_employee_in_company_a(client, group, role):
    user = user_with_role(role, company=group.b)
    response = client.post(EMPLOYEES, _new_employee(group), content_type="application/json", **_bearer(user))
    assert response.status_code in {403, 404}
    # nor by pointing a company b record at a company a unit
    payload = _new_employee(group, company_id=str(group.b.id))
    response = client.post(EMPLOYEES, payload, content_type="application/json", **_bearer(user))
    assert response.status_code in {403, 404, 422}
    assert not Employee.objects.filter(personnel_number="API-001").exists()


@pytest.mark.parametrize("role", ["admin", "officer"])
def test_company_b_manager_cannot_patch_an_employee_in_company_a(client, group, role):
    user = user_with_role(role, company=group.b)
    response = client.patch(
        f"{EMPLOYEES}/{group.in_root.id}", {"surname": "Changed"}, content_type="application/json", **_bearer(user)
    )
    assert response.status_code in {403, 404}
    group.in_root.refresh_from_db()
    assert group.in_root.surname == "Оспанов"


def test_company_b_officer_creates_in_company_b(client, group):
    user = user_with_role("officer", company=group.b)
    payload = _new_employee(group, company_id=str(group.b.id), unit_id=str(group.other.id))
    response = client.post(EMPLOYEES, payload, content_type="application/json", **_bearer(user))
    assert response.status_code == 201, response.content
    assert response.json()["company_id"] == str(group.b.id)


def test_group_officer_creates_an_employee_and_the_change_is_audited(client, group):
    officer = user_with_role("officer")
    headers = _bearer(officer)
    before = AuditEvent.objects.count()
    response = client.post(EMPLOYEES, _new_employee(group), content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    body = response.json()
    employee = Employee.objects.get(id=body["id"])
    assert (employee.company_id, employee.unit_id, employee.surname) == (group.a.id, group.leaf.id, "Сейтқали")
    assert body["iin"] == _iin(1) and body["personnel_number"] == "API-001"
    events = AuditEvent.objects.filter(event_type="org.employee.created", object_id=str(employee.id))
    assert events.count() == 1
    event = events.get()
    assert event.actor_id == officer.pk and event.company_id == group.a.id
    assert event.changes["surname"] == [None, "Сейтқали"]
    assert AuditEvent.objects.count() == before + 1  # one event, nothing else recorded
    # and the new record is immediately visible through the API
    assert client.get(f"{EMPLOYEES}/{employee.id}", **headers).status_code == 200


def test_group_officer_patches_an_employee_and_the_change_is_audited(client, group):
    officer = user_with_role("officer")
    headers = _bearer(officer)
    response = client.patch(
        f"{EMPLOYEES}/{group.in_leaf.id}", {"surname": "Петров"}, content_type="application/json", **headers
    )
    assert response.status_code == 200, response.content
    assert response.json()["surname"] == "Петров"
    group.in_leaf.refresh_from_db()
    assert group.in_leaf.surname == "Петров"
    event = AuditEvent.objects.get(event_type="org.employee.updated", object_id=str(group.in_leaf.id))
    assert event.changes == {"surname": ["Иванов", "Петров"]}
    # a search finds the new surname
    found = client.get(EMPLOYEES, {"q": "петров"}, **headers).json()["items"]
    assert [e["id"] for e in found] == [str(group.in_leaf.id)]


def test_unit_scoped_officer_cannot_create_outside_the_subtree(client, group):
    officer = user_with_role("officer", unit=group.branch)
    headers = _bearer(officer)
    outside = _new_employee(group, unit_id=str(group.root.id))
    assert client.post(EMPLOYEES, outside, content_type="application/json", **headers).status_code in {403, 404}
    no_unit = _new_employee(group, unit_id=None)
    assert client.post(EMPLOYEES, no_unit, content_type="application/json", **headers).status_code in {403, 404}
    inside = _new_employee(group, unit_id=str(group.leaf.id))
    assert client.post(EMPLOYEES, inside, content_type="application/json", **headers).status_code == 201


def test_invalid_iin_is_422_with_a_message_for_the_field_and_nothing_is_created(client, group):
    headers = _bearer(user_with_role("officer"))
    audit_before = AuditEvent.objects.count()
    payload = _new_employee(group, iin=_bad_checksum(_iin(1)))
    response = client.post(EMPLOYEES, payload, content_type="application/json", **headers)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, dict) and "iin" in detail
    assert detail["iin"] and all(isinstance(message, str) and message for message in detail["iin"])
    assert not Employee.objects.filter(personnel_number="API-001").exists()
    assert AuditEvent.objects.count() == audit_before


def test_invalid_iin_in_patch_is_422_and_the_record_is_unchanged(client, group):
    headers = _bearer(user_with_role("officer"))
    original = group.in_leaf.iin
    response = client.patch(
        f"{EMPLOYEES}/{group.in_leaf.id}", {"iin": "123"}, content_type="application/json", **headers
    )
    assert response.status_code == 422
    assert "iin" in response.json()["detail"]
    group.in_leaf.refresh_from_db()
    assert group.in_leaf.iin == original


def test_missing_required_fields_are_422_with_the_field_named(client, group):
    headers = _bearer(user_with_role("officer"))
    payload = _new_employee(group)
    del payload["surname"]
    response = client.post(EMPLOYEES, payload, content_type="application/json", **headers)
    assert response.status_code == 422
    assert "surname" in str(response.json()["detail"])
    assert not Employee.objects.filter(personnel_number="API-001").exists()


def test_duplicate_personnel_number_in_the_same_company_is_422_not_500(client, group):
    headers = _bearer(user_with_role("officer"))
    payload = _new_employee(group, personnel_number=group.in_leaf.personnel_number, iin="")
    response = client.post(EMPLOYEES, payload, content_type="application/json", **headers)
    assert response.status_code == 422, response.content


# --- imports -----------------------------------------------------------------------------------

IMPORT_HEADER = "company,personnel_number,surname,given_name,iin,unit_code,hire_date"


def _import_csv(group, *, bad: bool) -> bytes:
    bin_a = group.a.registration_number
    rows = [
        IMPORT_HEADER,
        f"{bin_a},IMP-1,Сейтқали,Әсел,{_iin(11)},LEAF,2024-02-01",
        f"{bin_a},IMP-2,,Нұрлан,{_iin(12)},BR,2024-02-02" if bad else f"{bin_a},IMP-2,Ахметов,Нұрлан,,BR,2024-02-02",
        f"{bin_a},IMP-3,Ким,Ли,{_bad_checksum(_iin(13)) if bad else _iin(13)},ROOT,2024-02-03",
    ]
    return ("\n".join(rows) + "\n").encode()


def _upload(client, headers, content: bytes, **params):
    from django.core.files.uploadedfile import SimpleUploadedFile

    query = "&".join(f"{k}={str(v).lower()}" for k, v in params.items())
    url = f"{IMPORT_EMPLOYEES}?{query}" if query else IMPORT_EMPLOYEES
    return client.post(url, {"file": SimpleUploadedFile("staff.csv", content, "text/csv")}, **headers)


def test_import_is_a_dry_run_by_default_and_reports_each_bad_row(client, group):
    headers = _bearer(user_with_role("officer"))
    audit_before = AuditEvent.objects.count()
    response = _upload(client, headers, _import_csv(group, bad=True))
    assert response.status_code == 200, response.content
    report = response.json()
    assert report["imported"] is False
    assert (report["total"], report["valid"], report["rejected"]) == (3, 1, 2)
    located = {(e["line"], e["column"]) for e in report["errors"]}
    assert located == {(3, "surname"), (4, "iin")}
    assert all(e["message"] for e in report["errors"])
    assert not Employee.objects.filter(personnel_number__startswith="IMP-").exists()
    assert AuditEvent.objects.count() == audit_before


def test_import_for_real_with_errors_is_422_and_writes_nothing(client, group):
    headers = _bearer(user_with_role("officer"))
    response = _upload(client, headers, _import_csv(group, bad=True), dry_run=False)
    assert response.status_code == 422
    assert "detail" in response.json()
    assert not Employee.objects.filter(personnel_number__startswith="IMP-").exists()


def test_import_valid_only_writes_the_valid_rows_and_audits_them(client, group):
    headers = _bearer(user_with_role("officer"))
    response = _upload(client, headers, _import_csv(group, bad=True), dry_run=False, valid_only=True)
    assert response.status_code == 200, response.content
    report = response.json()
    assert report["imported"] is True and report["created"] == 1 and report["rejected"] == 2
    assert set(
        Employee.objects.filter(personnel_number__startswith="IMP-").values_list("personnel_number", flat=True)
    ) == {"IMP-1"}
    assert AuditEvent.objects.filter(event_type="org.employee.imported").count() == 1


def test_import_of_a_clean_file_writes_every_row(client, group):
    headers = _bearer(user_with_role("officer"))
    response = _upload(client, headers, _import_csv(group, bad=False), dry_run=False)
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 3
    imported = Employee.objects.get(personnel_number="IMP-2")
    assert imported.unit_id == group.branch.id and imported.surname_latin


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_import_is_refused_to_read_only_roles(client, group, role):
    user = _user(role, "group", group)
    response = _upload(client, _bearer(user), _import_csv(group, bad=False), dry_run=False)
    assert response.status_code == 403
    assert not Employee.objects.filter(personnel_number__startswith="IMP-").exists()


def test_company_b_officer_cannot_import_into_company_a(client, group):
    user = user_with_role("officer", company=group.b)
    response = _upload(client, _bearer(user), _import_csv(group, bad=False), dry_run=False)
    assert response.status_code == 422
    assert not Employee.objects.filter(personnel_number__startswith="IMP-").exists()
    report = _upload(client, _bearer(user), _import_csv(group, bad=False)).json()
    assert report["valid"] == 0 and {e["column"] for e in report["errors"]} == {"company"}


def test_import_of_an_unknown_kind_is_404(client, group):
    from django.core.files.uploadedfile import SimpleUploadedFile

    headers = _bearer(user_with_role("officer"))
    response = client.post(
        "/api/v1/org/imports/salaries", {"file": SimpleUploadedFile("x.csv", b"a,b\n1,2\n")}, **headers
    )
    assert response.status_code == 404


def test_import_of_an_unreadable_file_is_422(client, group):
    headers = _bearer(user_with_role("officer"))
    assert _upload(client, headers, b"").status_code == 422
    assert _upload(client, headers, b"\x00\x01\x02binary").status_code == 422


def test_import_with_missing_columns_reports_a_file_error(client, group):
    headers = _bearer(user_with_role("officer"))
    response = _upload(client, headers, b"personnel_number,given_name\n1,A\n")
    assert response.status_code == 200
    assert response.json()["file_errors"]


# --- query counts ------------------------------------------------------------------------------


def _count_list_queries(client, headers) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(EMPLOYEES, **headers)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["admin", "auditor"])
def test_employee_list_query_count_does_not_grow_with_the_number_of_rows(client, group, role):
    headers = _bearer(user_with_role(role, company=group.a))
    EmployeeFactory.create_batch(1, company=group.a, unit=group.leaf)  # 4 visible in a (3 + 1)
    client.get(EMPLOYEES, **headers)  # warm up: first use of the token records last_used_at
    few = _count_list_queries(client, headers)
    EmployeeFactory.create_batch(26, company=group.a, unit=group.branch)
    many = _count_list_queries(client, headers)
    assert client.get(EMPLOYEES, **headers).json()["count"] == 30
    assert many == few
    assert many <= 8


def test_employee_list_is_paginated_at_50(client, group):
    headers = _bearer(user_with_role("admin"))
    EmployeeFactory.create_batch(55, company=group.a, unit=group.leaf)
    first = client.get(EMPLOYEES, **headers).json()
    assert first["count"] == 59 and len(first["items"]) == 50
    second = client.get(EMPLOYEES, {"page": 2}, **headers).json()
    assert len(second["items"]) == 9
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
