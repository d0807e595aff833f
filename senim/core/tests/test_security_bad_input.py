"""Threat: bad input that reaches a 500 (or stalls a worker): deeply nested JSON, multipart
without a boundary, a wrong Host header or an oversized body in production mode, a body of any
size read whole before anything checks it, and a service's refusal that a view did not catch."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.middleware import _has_nul, json_depth, upload_body_limit

pytestmark = pytest.mark.django_db

NESTED = b"[" * 200_000 + b"]" * 200_000


def _api(user) -> Client:  # type: ignore[no-untyped-def]
    return token_client(user)


def test_json_depth_counts_brackets_outside_strings_only():
    assert json_depth(b'{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert json_depth(b'"\\"[[["') == 0
    assert json_depth(NESTED) == 200_000
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert _has_nul(deep) is False  # iterative: no RecursionError


def test_deeply_nested_json_to_public_forms_and_the_api_is_a_400(group):
    for path in (reverse("speakup:report"), reverse("accounts:login"), "/api/v1/accounts/me"):
        response = Client().post(path, NESTED, content_type="application/json")
        assert response.status_code == 400, path
    officer = user_with_role("officer")
    response = _api(officer).post("/api/v1/org/employees", NESTED, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path",
    ["/api/v1/org/imports/employees", "/api/v1/counterparties/imports/counterparties", "/api/v1/screening/lists"],
)
def test_multipart_without_a_boundary_is_a_400(group, path):
    officer = user_with_role("officer")
    response = _api(officer).generic("POST", path, b"--x\r\n\r\n--x--", CONTENT_TYPE="multipart/form-data")
    assert response.status_code == 400


def test_a_body_over_the_limit_is_refused_from_its_declared_length(settings):
    settings.SENIM_MAX_BODY_BYTES = 1000
    client = Client()
    # the declared length alone decides: the (short) body is never read
    response = client.generic(
        "POST",
        reverse("accounts:login"),
        b"username=a",
        CONTENT_TYPE="application/x-www-form-urlencoded",
        CONTENT_LENGTH="1073741824",
    )
    assert response.status_code == 413
    response = client.generic(
        "POST",
        reverse("accounts:login"),
        b"x",
        CONTENT_TYPE="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(upload_body_limit() + 1),
    )
    assert response.status_code == 413
    response = client.generic(
        "POST", "/api/v1/accounts/me", b"{}", content_type="application/json", CONTENT_LENGTH="2000"
    )
    assert response.status_code == 413 and "detail" in response.json()


def test_a_wrong_host_is_a_400_not_a_500(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["senim.example.kz"]
    client = Client(raise_request_exception=False)
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    assert client.get(reverse("speakup:report"), HTTP_HOST="evil.example").status_code == 400


def test_an_oversized_form_in_production_is_not_a_500(settings):
    settings.DEBUG = False
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    settings.SENIM_MAX_BODY_BYTES = 10_000  # past the edge, Django's own limit answers
    client = Client(raise_request_exception=False)
    response = client.post(reverse("accounts:login"), {"username": "a" * 500, "password": "b"})
    assert response.status_code == 400


def test_a_services_refusal_is_a_403_not_a_500(group):
    """A company-scoped administrator editing a user (group-wide work) gets 403."""
    admin = user_with_role("admin", company=group.a)
    subject = user_with_role("officer", company=group.a)
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    url = reverse("accounts:user-edit", args=[subject.pk])
    page = client.get(url)
    assert page.status_code in (200, 403)
    response = client.post(url, {"username": subject.username, "email": "x@example.kz", "is_active": "on"})
    assert response.status_code == 403
