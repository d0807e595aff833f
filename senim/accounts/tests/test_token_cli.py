"""`senim token create`, read-only tokens (refused on every change) and expired tokens."""

import datetime as dt
import io
import re
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from senim.accounts import services
from senim.accounts.models import ApiToken
from senim.accounts.tests.factories import UserFactory, user_with_role
from senim.core.access import Role
from senim.core.models import AuditEvent

ME = "/api/v1/accounts/me"
TOKENS = "/api/v1/accounts/tokens"


def _create(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("token", "create", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_token_create_prints_a_working_token_and_is_audited(db):
    user = user_with_role(Role.OFFICER)
    secret, details = _create(user.username.upper(), "--name", "HR sync")
    assert secret.startswith("snm_") and "\n" not in secret
    assert "HR sync" in details and "read-write" in details
    record = ApiToken.objects.get(user=user)
    assert record.name == "HR sync" and not record.read_only and record.expires_at is None
    assert Client().get(ME, HTTP_AUTHORIZATION=f"Bearer {secret}").json()["username"] == user.username
    event = AuditEvent.objects.get(event_type="accounts.token.created", object_id=str(record.pk))
    assert event.actor_id is None  # the system
    assert secret not in str(event.changes)


def test_token_create_read_only_with_an_expiry(db):
    user = UserFactory()
    _secret, details = _create(user.username, "--read-only", "--expires", "30d")
    record = ApiToken.objects.get(user=user)
    assert record.read_only and "read-only" in details
    assert dt.timedelta(days=29) < record.expires_at - dt.datetime.now(dt.UTC) <= dt.timedelta(days=30)
    _create(user.username, "--name", "until", "--expires", "2999-06-30")
    assert timezone.localtime(ApiToken.objects.get(user=user, name="until").expires_at).date() == dt.date(2999, 6, 30)


@pytest.mark.parametrize("expires", ["2001-01-01", "yesterday"])
def test_token_create_refuses_a_bad_or_past_expiry(db, expires):
    user = UserFactory()
    with pytest.raises(CommandError):
        _create(user.username, "--expires", expires)
    assert not ApiToken.objects.exists()


def test_token_create_for_an_unknown_or_inactive_user_fails(db):
    with pytest.raises(CommandError):
        _create("nobody")
    inactive = UserFactory(is_active=False)
    with pytest.raises(CommandError):
        _create(inactive.username)
    assert not ApiToken.objects.exists()


def test_an_expired_token_is_refused_with_a_clear_error(db):
    user = UserFactory()
    record, secret = services.api_token_create(
        actor=user, name="short", expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    )
    ApiToken.objects.filter(pk=record.pk).update(expires_at=dt.datetime(2026, 1, 2, 10, 0, tzinfo=dt.UTC))
    response = Client().get(ME, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"] and "2026" in response.json()["detail"]


def test_read_only_token_reads_but_cannot_change_through_its_own_api(db):
    user = UserFactory()
    _record, secret = services.api_token_create(actor=user, name="ro", read_only=True)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    client = Client()
    assert client.get(ME, **headers).status_code == 200
    assert client.get(TOKENS, **headers).status_code == 200
    response = client.post(TOKENS, {"name": "more"}, content_type="application/json", **headers)
    assert response.status_code == 403 and "read-only" in response.json()["detail"]
    assert ApiToken.objects.filter(user=user).count() == 1


def test_a_user_creates_a_read_only_token_through_the_api(db):
    user = UserFactory()
    _record, secret = services.api_token_create(actor=user, name="rw")
    body = (
        Client()
        .post(
            TOKENS,
            {"name": "reader", "read_only": True},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {secret}",
        )
        .json()
    )
    assert body["read_only"] is True
    assert ApiToken.objects.get(pk=body["id"]).read_only


def test_only_a_group_user_admin_creates_tokens_for_someone_else(db):
    owner = UserFactory()
    with pytest.raises(services.PermissionDenied):
        services.api_token_create(actor=user_with_role(Role.OFFICER), owner=owner, name="x")
    record, _secret = services.api_token_create(actor=user_with_role(Role.ADMIN), owner=owner, name="x")
    assert record.user == owner


def _unsafe_operations() -> list[tuple[str, str]]:
    """Every non-GET operation of the API that requires authentication, with its path."""
    from senim.api import api

    schema = api.get_openapi_schema()
    operations = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if method.upper() in {"GET", "HEAD", "OPTIONS"} or operation.get("security") == []:
                continue
            if "security" not in operation and not api.auth:
                continue
            concrete = re.sub(r"\{[^}]+\}", str(uuid.UUID(int=1)), path)
            operations.append((method.upper(), concrete))
    return operations


def test_read_only_token_is_refused_on_every_non_get_endpoint(db):
    operations = _unsafe_operations()
    assert len(operations) > 20  # the whole API, not a sample
    admin = user_with_role(Role.ADMIN)
    _record, secret = services.api_token_create(actor=admin, name="ro", read_only=True)
    client = Client()
    events_before = AuditEvent.objects.count()
    for method, path in operations:
        response = client.generic(
            method, path, "{}", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
        )
        assert response.status_code == 403, (method, path, response.status_code)
    assert AuditEvent.objects.count() == events_before
