"""The accounts API over HTTP: the current user, personal tokens, users and role assignments."""

import datetime as dt
import uuid

import pytest
from django.test import Client

from senim.accounts import services
from senim.accounts.models import ApiToken, RoleAssignment
from senim.accounts.tests.factories import UserFactory, user_with_role
from senim.core.models import AuditEvent

ME = "/api/v1/accounts/me"
TOKENS = "/api/v1/accounts/tokens"
USERS = "/api/v1/accounts/users"


def _bearer(user) -> dict[str, str]:
    _record, secret = services.api_token_create(actor=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _every_stored_value() -> list[str]:
    """Every column of every ApiToken row, as text."""
    fields = [f.attname for f in ApiToken._meta.concrete_fields]
    return [str(value) for row in ApiToken.objects.values_list(*fields) for value in row]


# --- /me -----------------------------------------------------------------------------------------


def test_me_requires_authentication(client, db):
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json()["detail"]


def test_me_describes_the_token_owner_and_their_roles(client, group):
    user = user_with_role(
        "officer", company=group.a, employee=group.in_root, first_name="Aigerim", last_name="Sadykova"
    )
    RoleAssignment.objects.create(user=user, role="auditor", unit=group.branch, company=group.a)
    response = client.get(ME, **_bearer(user))
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(user.pk)
    assert body["username"] == user.username
    assert body["display_name"] == "Aigerim Sadykova"
    assert body["employee_id"] == str(group.in_root.id)
    assert body["two_factor"] is False
    roles = {(r["role"], r["company_id"], r["unit_id"]) for r in body["roles"]}
    assert roles == {("officer", str(group.a.id), None), ("auditor", str(group.a.id), str(group.branch.id))}


def test_me_never_exposes_secrets(client, group):
    user = user_with_role("employee", employee=group.in_leaf)
    body = client.get(ME, **_bearer(user)).json()
    assert not {"password", "totp_secret", "digest"} & set(body)


def test_me_through_the_session(db):
    client = Client(enforce_csrf_checks=True)
    user = UserFactory()
    client.force_login(user)
    assert client.get(ME).json()["username"] == user.username


# --- tokens --------------------------------------------------------------------------------------


def test_token_create_shows_the_secret_once_and_stores_only_a_hash(client, db):
    user = UserFactory()
    headers = _bearer(user)
    response = client.post(TOKENS, {"name": "CI export"}, content_type="application/json", **headers)
    assert response.status_code == 201
    body = response.json()
    secret = body["token"]
    assert secret.startswith("snm_") and len(secret) > 40
    assert body["name"] == "CI export" and body["prefix"] and secret.startswith(f"snm_{body['prefix']}_")
    stored = _every_stored_value()
    assert not [value for value in stored if secret in value]
    # the part after the prefix (the actual secret) is nowhere either
    tail = secret.split("_", 2)[2]
    assert not [value for value in stored if tail in value]
    # and the audit trail does not carry it
    assert not AuditEvent.objects.filter(changes__icontains=tail).exists()
    # the new token works
    assert client.get(ME, HTTP_AUTHORIZATION=f"Bearer {secret}").json()["id"] == str(user.pk)
    # listing never shows a secret again
    listed = client.get(TOKENS, **headers).json()
    assert {t["name"] for t in listed} == {"t", "CI export"}
    assert all("token" not in t for t in listed)
    assert secret not in client.get(TOKENS, **headers).content.decode()


def test_token_create_records_an_audit_event(client, db):
    user = UserFactory()
    headers = _bearer(user)
    response = client.post(TOKENS, {"name": "audited"}, content_type="application/json", **headers)
    event = AuditEvent.objects.get(event_type="accounts.token.created", object_id=response.json()["id"])
    assert event.actor_id == user.pk


def test_token_create_with_a_blank_name_is_422(client, db):
    headers = _bearer(UserFactory())
    count = ApiToken.objects.count()
    for payload in ({"name": ""}, {"name": "   "}, {}):
        response = client.post(TOKENS, payload, content_type="application/json", **headers)
        assert response.status_code == 422, payload
    assert ApiToken.objects.count() == count


def test_token_create_with_an_expiry_in_the_past_is_422(client, db):
    headers = _bearer(UserFactory())
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).isoformat()
    response = client.post(TOKENS, {"name": "old", "expires_at": past}, content_type="application/json", **headers)
    assert response.status_code == 422
    assert "expires_at" in response.json()["detail"]


def test_token_with_an_expiry_works_until_it_expires(client, db):
    user = UserFactory()
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat()
    body = client.post(
        TOKENS, {"name": "month", "expires_at": future}, content_type="application/json", **_bearer(user)
    ).json()
    assert body["expires_at"] is not None
    headers = {"HTTP_AUTHORIZATION": f"Bearer {body['token']}"}
    assert client.get(ME, **headers).status_code == 200
    ApiToken.objects.filter(id=body["id"]).update(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
    assert client.get(ME, **headers).status_code == 401


def test_token_list_shows_only_the_callers_own_tokens(client, db):
    alice, bob = UserFactory(), UserFactory()
    services.api_token_create(actor=bob, name="bob's")
    listed = client.get(TOKENS, **_bearer(alice)).json()
    assert [t["name"] for t in listed] == ["t"]


def test_token_revoke_stops_the_token_and_is_audited(client, db):
    user = UserFactory()
    headers = _bearer(user)
    created = client.post(TOKENS, {"name": "short-lived"}, content_type="application/json", **headers).json()
    other = {"HTTP_AUTHORIZATION": f"Bearer {created['token']}"}
    assert client.get(ME, **other).status_code == 200
    response = client.delete(f"{TOKENS}/{created['id']}", **headers)
    assert response.status_code == 204
    assert client.get(ME, **other).status_code == 401
    listed = {t["id"]: t for t in client.get(TOKENS, **headers).json()}
    assert listed[created["id"]]["revoked_at"] is not None
    assert AuditEvent.objects.filter(event_type="accounts.token.revoked", object_id=created["id"]).count() == 1
    # revoking again changes nothing
    assert client.delete(f"{TOKENS}/{created['id']}", **headers).status_code == 204
    assert AuditEvent.objects.filter(event_type="accounts.token.revoked", object_id=created["id"]).count() == 1


def test_a_token_can_revoke_itself(client, db):
    user = UserFactory()
    record, secret = services.api_token_create(actor=user, name="self")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.delete(f"{TOKENS}/{record.id}", **headers).status_code == 204
    assert client.get(ME, **headers).status_code == 401


def test_nobody_revokes_someone_elses_token(client, db):
    alice, bob = UserFactory(), user_with_role("admin")
    record, secret = services.api_token_create(actor=alice, name="alice's")
    response = client.delete(f"{TOKENS}/{record.id}", **_bearer(bob))
    assert response.status_code == 404
    record.refresh_from_db()
    assert record.revoked_at is None
    assert client.get(ME, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200


def test_revoking_an_unknown_token_is_404(client, db):
    assert client.delete(f"{TOKENS}/{uuid.uuid4()}", **_bearer(UserFactory())).status_code == 404


def test_token_endpoints_through_the_session_need_the_csrf_token(db):
    client = Client(enforce_csrf_checks=True)
    user = UserFactory()
    client.force_login(user)
    assert client.get(TOKENS).status_code == 200
    response = client.post(TOKENS, {"name": "no csrf"}, content_type="application/json")
    assert response.status_code == 403
    assert not ApiToken.objects.filter(user=user).exists()


# --- users and role assignments --------------------------------------------------------------------


def test_user_list_without_a_query_lists_every_user_for_a_group_admin(client, group):
    admin = user_with_role("admin")
    others = [user_with_role("auditor", company=group.b), UserFactory()]
    response = client.get(USERS, **_bearer(admin))
    assert response.status_code == 200
    assert {u["id"] for u in response.json()["items"]} == {str(admin.pk), *(str(u.pk) for u in others)}


def test_user_list_search_for_a_group_admin(client, group):
    admin = user_with_role("admin")
    target = user_with_role("auditor", company=group.b, username="zhanar.a")
    response = client.get(USERS, {"q": "zhanar"}, **_bearer(admin))
    assert response.status_code == 200
    assert [u["id"] for u in response.json()["items"]] == [str(target.pk)]


def test_company_admin_lists_only_users_holding_roles_in_their_company(client, group):
    admin = user_with_role("admin", company=group.b)
    inside = user_with_role("auditor", company=group.b, username="inside.b")
    user_with_role("auditor", company=group.a, username="inside.a")
    response = client.get(USERS, {"q": "inside"}, **_bearer(admin))
    assert [u["id"] for u in response.json()["items"]] == [str(inside.pk)]


@pytest.mark.parametrize("role", ["officer", "investigator", "approver", "auditor", "employee"])
def test_user_list_is_empty_for_roles_that_do_not_manage_users(client, group, role):
    user = user_with_role(role, employee=group.in_leaf if role == "employee" else None)
    user_with_role("auditor", username="someone.else")
    response = client.get(USERS, {"q": "someone"}, **_bearer(user))
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_user_list_never_exposes_password_hashes(client, group):
    body = client.get(USERS, {"q": "user"}, **_bearer(user_with_role("admin"))).content.decode()
    assert "md5$" not in body and "password" not in body


def test_group_admin_assigns_a_company_role_and_it_takes_effect(client, group):
    admin = user_with_role("admin")
    subject = UserFactory()
    subject_headers = _bearer(subject)
    assert client.get("/api/v1/org/employees", **subject_headers).json()["items"] == []
    response = client.post(
        f"{USERS}/{subject.pk}/roles",
        {"role": "auditor", "company_id": str(group.b.id)},
        content_type="application/json",
        **_bearer(admin),
    )
    assert response.status_code == 201, response.content
    assert response.json()["role"] == "auditor" and response.json()["company_id"] == str(group.b.id)
    assert AuditEvent.objects.filter(event_type="accounts.role.assigned").count() == 1
    visible = client.get("/api/v1/org/employees", **subject_headers).json()["items"]
    assert [e["id"] for e in visible] == [str(group.in_b.id)]


def test_company_admin_cannot_grant_a_role_in_another_company_or_over_the_group(client, group):
    admin = user_with_role("admin", company=group.b)
    subject = user_with_role("employee", company=group.b, employee=group.in_b)
    headers = _bearer(admin)
    url = f"{USERS}/{subject.pk}/roles"
    other_company = client.post(
        url, {"role": "officer", "company_id": str(group.a.id)}, content_type="application/json", **headers
    )
    assert other_company.status_code in {403, 404}
    whole_group = client.post(url, {"role": "officer"}, content_type="application/json", **headers)
    assert whole_group.status_code == 403
    own_company = client.post(
        url, {"role": "officer", "company_id": str(group.b.id)}, content_type="application/json", **headers
    )
    assert own_company.status_code == 201
    assert set(RoleAssignment.objects.filter(user=subject).values_list("role", "company_id")) == {
        ("employee", group.b.id),
        ("officer", group.b.id),
    }


@pytest.mark.parametrize("role", ["officer", "investigator", "approver", "auditor"])
def test_roles_other_than_admin_cannot_assign_roles(client, group, role):
    user = user_with_role(role)
    subject = UserFactory()
    response = client.post(
        f"{USERS}/{subject.pk}/roles", {"role": "admin"}, content_type="application/json", **_bearer(user)
    )
    assert response.status_code in {403, 404}
    assert not RoleAssignment.objects.filter(user=subject).exists()


def test_assigning_an_unknown_role_is_422(client, group):
    admin = user_with_role("admin")
    subject = UserFactory()
    response = client.post(
        f"{USERS}/{subject.pk}/roles", {"role": "superuser"}, content_type="application/json", **_bearer(admin)
    )
    assert response.status_code == 422
    assert not RoleAssignment.objects.filter(user=subject).exists()
