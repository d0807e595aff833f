"""The screening API over HTTP: each role in and out of scope, uploads, search and screening,
decisions, and bad input that must be a 4xx, never a 5xx."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import ROLES, token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.screening import services
from senim.screening.models import Hit, Watchlist, WatchlistVersion
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db

API = "/api/v1/screening"
VIEWERS = {"admin", "officer", "investigator", "auditor"}
SEARCHERS = {"admin", "officer", "investigator"}


@pytest.fixture
def world(group, tmp_path):
    watchlist = WatchlistFactory(name="Sanctions")
    import_entities(watchlist, [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы", country="kz")], tmp_path)
    watchlist.refresh_from_db()
    hit_a = services.screen(
        actor=SYSTEM, subject_key="t:a", schema="Person", names=["Kassym-Jomart Tokayev"], company_id=group.a.pk
    ).hits[0]
    hit_none = services.screen(actor=SYSTEM, subject_key="t:none", schema="Person", names=["Tokayev Kasym"]).hits[0]
    return {"watchlist": watchlist, "hit_a": hit_a, "hit_none": hit_none}


def _client(role: str, scope: str, group) -> Client:  # type: ignore[no-untyped-def]
    company = {"group": None, "company_a": group.a, "company_b": group.b}[scope]
    user = user_with_role(role, company=company, employee=group.in_leaf if role == "employee" else None)
    return token_client(user)


def _post(client: Client, path: str, payload: dict):  # type: ignore[no-untyped-def]
    return client.post(f"{API}{path}", json.dumps(payload), content_type="application/json")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_read_endpoints_role_matrix(world, group, role, scope):
    client = _client(role, scope, group)
    w = world["watchlist"]
    lists = client.get(f"{API}/lists")
    assert lists.status_code == 200
    assert len(lists.json()) == (1 if role in VIEWERS else 0)
    version = client.get(f"{API}/versions/{w.current_version_id}")
    assert version.status_code == (200 if role in VIEWERS else 404)
    entities = client.get(f"{API}/versions/{w.current_version_id}/entities")
    assert entities.status_code == (200 if role in VIEWERS else 404)
    hits = client.get(f"{API}/hits").json()["items"]
    expected = set()
    if role in VIEWERS:
        expected = {str(world["hit_a"].pk), str(world["hit_none"].pk)} if scope == "group" else set()
    assert {h["id"] for h in hits} == expected
    assert client.get(f"{API}/runs").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_search_and_screen_role_matrix(world, group, role):
    client = _client(role, "group", group)
    found = _post(client, "/search", {"names": ["Kassym-Jomart Tokayev"]})
    assert found.status_code == (200 if role in SEARCHERS else 403)
    if role in SEARCHERS:
        assert found.json()[0]["entity"]["entity_id"] == "kz-1"
        assert found.json()[0]["entity"]["schema"] == "Person"
    screened = _post(client, "/screen", {"names": ["Tokayev Kassym-Jomart"], "subject_key": "ext:1"})
    assert screened.status_code == (200 if role in SEARCHERS else 403)


def test_company_scoped_screening_needs_the_company(world, group):
    client = _client("investigator", "company_a", group)
    assert _post(client, "/screen", {"names": ["Kassym-Jomart Tokayev"]}).status_code == 403
    response = _post(client, "/screen", {"names": ["Kassym-Jomart Tokayev"], "company_id": str(group.a.pk)})
    assert response.status_code == 200
    body = response.json()
    assert body["subject"]["key"].startswith("adhoc:") and body["hits"][0]["status"] == "open"
    assert (
        _post(client, "/screen", {"names": ["Kassym-Jomart Tokayev"], "company_id": str(group.b.pk)}).status_code == 403
    )


@pytest.mark.parametrize(
    ("role", "scope", "hit", "expected"),
    [
        ("officer", "group", "hit_none", 200),
        ("officer", "company_a", "hit_a", 200),
        ("officer", "company_a", "hit_none", 404),
        ("officer", "company_b", "hit_a", 404),
        ("investigator", "company_a", "hit_a", 200),
        ("auditor", "group", "hit_a", 403),
        ("approver", "group", "hit_a", 403),
        ("employee", "group", "hit_a", 403),
    ],
)
def test_decision_role_matrix(world, group, role, scope, hit, expected):
    client = _client(role, scope, group)
    response = _post(client, f"/hits/{world[hit].pk}/decision", {"status": "false_positive", "comment": "No."})
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["status"] == "false_positive"
        assert Hit.objects.get(pk=world[hit].pk).decided_by_id is not None


@pytest.mark.parametrize(
    ("role", "scope", "expected"),
    [("admin", "group", 201), ("officer", "group", 201), ("officer", "company_a", 403), ("auditor", "group", 403)],
)
def test_list_creation_role_matrix(world, group, role, scope, expected):
    response = _post(_client(role, scope, group), "/lists", {"name": "Internal", "kind": "internal"})
    assert response.status_code == expected


def test_enable_and_disable_is_for_admins(world, group):
    url = f"{API}/lists/{world['watchlist'].pk}"
    body = json.dumps({"is_enabled": False})
    officer = _client("officer", "group", group)
    assert officer.patch(url, body, content_type="application/json").status_code == 403
    admin = _client("admin", "group", group)
    response = admin.patch(url, body, content_type="application/json")
    assert response.status_code == 200 and response.json()["is_enabled"] is False
    assert officer.patch(url, json.dumps({"source": "UN"}), content_type="application/json").status_code == 200


def test_upload_a_version_and_read_its_changes(world, group, django_capture_on_commit_callbacks):
    client = _client("officer", "group", group)
    lines = [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы", country="kz"), ftm("kz-2", "Назарбаев Нұрсұлтан")]
    body = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode()
    upload = SimpleUploadedFile("list.jsonl", body)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{API}/lists/{world['watchlist'].pk}/versions", {"file": upload, "format": "ftm"})
    assert response.status_code == 202, response.content
    version_id = response.json()["id"]
    version = client.get(f"{API}/versions/{version_id}").json()
    assert (version["status"], version["added"], version["removed"], version["changed"]) == ("ready", 1, 0, 0)
    added = client.get(f"{API}/versions/{version_id}/entities", {"change": "added"}).json()["items"]
    assert [e["entity_id"] for e in added] == ["kz-2"]


def test_csv_upload_with_an_explicit_mapping(world, group, django_capture_on_commit_callbacks):
    client = _client("admin", "group", group)
    upload = SimpleUploadedFile("list.csv", "Nr,Company,BIN\n1,ТОО «Альфа»,123456789012\n2,,x\n".encode())
    mapping = json.dumps({"id": "nr", "name": "company", "identifier": "bin", "default_schema": "Organization"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{API}/lists/{world['watchlist'].pk}/versions",
            {"file": upload, "format": "csv", "mapping": mapping, "skip_invalid": "true"},
        )
    assert response.status_code == 202, response.content
    version = WatchlistVersion.objects.get(pk=response.json()["id"])
    assert (version.status, version.entity_count, version.skipped) == ("ready", 1, 1)
    assert version.problems == ["Line 3: the name is empty."]
    entity = version.entities.get()
    assert (entity.schema, entity.identifiers) == ("Organization", ["123456789012"])


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/search", {"names": [""]}),
        ("/search", {"names": ["K"]}),
        ("/search", {"names": []}),
        ("/search", {"names": ["Tokayev"], "birth_dates": ["yesterday"]}),
        ("/search", {"names": ["Tokayev"], "countries": ["Kazakhstanistan"]}),
        ("/search", {"names": ["Tokayev"], "lists": ["00000000-0000-0000-0000-000000000000"]}),
        ("/search", {"names": ["Tokayev"], "schema": "Vessel"}),
        ("/screen", {"names": ["\u0301"]}),
        ("/screen", {"names": "Tokayev"}),
    ],
)
def test_bad_queries_are_422(world, group, path, payload):
    response = _post(_client("officer", "group", group), path, payload)
    assert response.status_code == 422, response.content


def test_bad_uploads_are_4xx(world, group):
    client = _client("officer", "group", group)
    url = f"{API}/lists/{world['watchlist'].pk}/versions"
    for data in [
        {"format": "ftm"},
        {"file": SimpleUploadedFile("x.csv", b"a,b\n"), "format": "pdf"},
        {"file": SimpleUploadedFile("x.csv", b"a,b\n"), "format": "csv", "mapping": "{bad"},
        {"file": SimpleUploadedFile("x.csv", b"a,b\n"), "format": "csv", "mapping": '{"nope": "a"}'},
        {"file": SimpleUploadedFile("x.csv", b"a,b\n"), "format": "csv", "mapping": '{"name": 5}'},
    ]:
        response = client.post(url, data)
        assert 400 <= response.status_code < 500, (data, response.content)
    assert Watchlist.objects.get().versions.count() == 1


def test_unknown_ids_are_404(world, group):
    client = _client("admin", "group", group)
    missing = "00000000-0000-0000-0000-000000000000"
    for path in [f"/lists/{missing}", f"/versions/{missing}", f"/hits/{missing}", f"/runs/{missing}"]:
        assert client.get(f"{API}{path}").status_code == 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_a", "company_b"])
def test_hit_and_run_detail_role_matrix(world, group, role, scope):
    client = _client(role, scope, group)
    visible = role in VIEWERS and scope != "company_b"
    assert client.get(f"{API}/hits/{world['hit_a'].pk}").status_code == (200 if visible else 404)
    assert client.get(f"{API}/hits/{world['hit_none'].pk}").status_code == (
        200 if role in VIEWERS and scope == "group" else 404
    )
    assert client.get(f"{API}/runs/{world['hit_a'].run_id}").status_code == (200 if visible else 404)


def test_hits_closed_as_removed_are_exposed_and_cannot_be_chosen_as_a_decision(world, group, tmp_path):
    version = import_entities(world["watchlist"], [ftm("kz-9", "Someone Else")], tmp_path)
    client = _client("officer", "group", group)
    hits = client.get(f"{API}/hits", {"status": "removed"}).json()["items"]
    assert {h["id"] for h in hits} == {str(world["hit_a"].pk), str(world["hit_none"].pk)}
    assert all(h["status"] == "removed" and h["closed_by_version_id"] == str(version.pk) for h in hits)
    assert all(h["decided_at"] and h["decided_by_id"] is None for h in hits)
    assert client.get(f"{API}/hits", {"status": "open"}).json()["items"] == []
    refused = _post(client, f"/hits/{world['hit_a'].pk}/decision", {"status": "removed", "comment": "Gone."})
    assert refused.status_code == 422
    assert Hit.objects.get(pk=world["hit_a"].pk).decided_by_id is None
