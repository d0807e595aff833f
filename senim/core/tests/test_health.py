"""`/healthz`: what a load balancer asks each host (core.health)."""

import pytest
from django.db import OperationalError
from django.urls import reverse

from senim.core import health
from senim.core.access_log import is_unlogged

URL = "/healthz"


def test_the_path_is_the_one_the_deployment_guide_names():
    assert reverse("core:healthz") == URL


def test_a_healthy_host_answers_200_with_each_dependency_ok_to_anyone(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "ok"}
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_the_storage_probe_leaves_no_file_behind(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert client.get(URL).status_code == 200
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_an_unreachable_database_answers_503_naming_it_and_nothing_of_the_cause(client, db, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("could not connect to server at 10.0.0.5")

    monkeypatch.setattr(health, "connection", Unreachable())
    response = client.get(URL)
    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok", "storage": "ok"}
    assert b"10.0.0.5" not in response.content


def test_a_cache_that_loses_what_it_was_given_answers_503(client, db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get(URL)
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_a_storage_that_cannot_be_written_answers_503(client, db, monkeypatch):
    class ReadOnly:
        def save(self, *args, **kwargs):
            raise PermissionError("read-only file system")

    monkeypatch.setattr(health, "default_storage", ReadOnly())
    response = client.get(URL)
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "error"}


def test_only_get_and_head(client, db):
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405


def test_a_signed_in_user_gets_the_same_answer_and_no_user_data(client, db):
    from senim.accounts.tests.factories import UserFactory

    user = UserFactory(username="healthz-viewer")
    client.force_login(user)
    response = client.get(URL)
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "ok"}
    assert b"healthz-viewer" not in response.content


def test_probes_over_plain_http_are_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/accounts/login/").status_code == 301
    assert client.get(URL).status_code == 200


def test_the_access_log_skips_it():
    assert is_unlogged(URL)


@pytest.mark.parametrize("path", ["/", "/accounts/login/"])
def test_other_paths_stay_logged(path):
    assert not is_unlogged(path)
