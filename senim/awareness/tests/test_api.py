"""The awareness API over HTTP: each role in and out of scope, the employee's own acknowledgement,
the document lifecycle, campaigns, imports with a bad row, agreements and candidate checks."""

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.awareness import services
from senim.awareness.models import Acknowledgement, CandidateCheck
from senim.awareness.tests.factories import adopted_code, employee_user, officer

pytestmark = pytest.mark.django_db

API = "/api/v1/awareness"
ROLES = ["admin", "officer", "investigator", "approver", "auditor", "employee"]
DOC_VIEWERS = {"admin", "officer", "investigator", "approver", "auditor"}
VIEWERS = {"admin", "officer", "auditor"}
CHECKERS = {"admin", "officer"}


def _token_client(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _client(role: str, scope: str, group) -> Client:  # type: ignore[no-untyped-def]
    company = {"group": None, "company_b": group.b}[scope]
    return _token_client(
        user_with_role(role, company=company, employee=group.in_branch if role == "employee" else None)
    )


def _post(client: Client, path: str, payload: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"{API}{path}", json.dumps(payload or {}, default=str), content_type="application/json")


@pytest.fixture
def world(group):
    actor = officer()
    code = adopted_code(group, actor)
    policy_doc = services.document_create(
        actor=actor, kind="policy", code="A-ONLY", titles={"en": "Alpha only"}, company=group.a, companies=[group.a]
    )
    campaign = services.campaign_create(
        actor=actor, version=code.current_version, title="Code", deadline=dt.date.today() + dt.timedelta(days=5)
    )
    services.campaign_launch(actor=actor, campaign=campaign)
    check = services.candidate_check_run(actor=actor, company=group.a, full_name="Петров Пётр")
    return {"code": code, "policy": policy_doc, "campaign": campaign, "check": check, "officer": actor}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_read_endpoints_role_matrix(world, group, role, scope):
    client = _client(role, scope, group)
    for path, allowed in [
        ("/documents", DOC_VIEWERS),
        ("/campaigns", VIEWERS),
        ("/overdue", VIEWERS),
        ("/agreements", VIEWERS),
        ("/hires", VIEWERS),
        ("/candidate-checks", CHECKERS),
    ]:
        response = client.get(f"{API}{path}")
        assert response.status_code == (200 if role in allowed else 403), (path, role, response.status_code)
        if response.status_code == 200 and path == "/documents":
            assert response.json()["count"] == (1 if scope == "company_b" else 2), (role, scope)
        if response.status_code == 200 and path == "/candidate-checks":
            assert response.json()["count"] == (0 if scope == "company_b" else 1), (role, scope)
    detail = client.get(f"{API}/documents/{world['policy'].pk}")
    assert detail.status_code == (
        200 if role in DOC_VIEWERS and scope == "group" else 404 if role in DOC_VIEWERS else 403
    )
    check = client.get(f"{API}/candidate-checks/{world['check'].pk}")
    assert check.status_code == (200 if role in CHECKERS and scope == "group" else 404 if role in CHECKERS else 403)


def test_an_employee_acknowledges_their_own_reading(world, group):
    client = _token_client(employee_user(group.in_leaf))
    mine = client.get(f"{API}/acknowledgements/requests/mine").json()
    assert [r["document"] for r in mine] == ["Антикоррупционный кодекс"] or len(mine) == 1
    version_id = mine[0]["version_id"]
    assert _post(client, "/acknowledgements", {"version_id": version_id, "signed": True}).status_code == 422
    assert not Acknowledgement.objects.exists()
    response = _post(client, "/acknowledgements", {"version_id": version_id})
    assert response.status_code == 201, response.content
    assert _post(client, "/acknowledgements", {"version_id": version_id}).status_code == 422
    assert client.get(f"{API}/acknowledgements/requests/mine").json() == []
    other = _post(client, "/acknowledgements", {"version_id": str(world["policy"].versions.get().pk)})
    assert other.status_code == 404


def test_the_document_lifecycle_over_the_api(world, group):
    client = _token_client(world["officer"])
    created = _post(
        client,
        "/documents",
        {
            "kind": "order",
            "code": "ORD-1",
            "titles": {"ru": "Приказ"},
            "company_id": str(group.a.pk),
            "texts": {"ru": "Текст"},
        },
    )
    assert created.status_code == 201, created.content
    version_id = created.json()["versions"][0]["id"]
    assert (
        _post(
            client, f"/versions/{version_id}/adopt", {"decision_number": "1", "decision_date": "2026-03-01"}
        ).status_code
        == 422
    )
    submitted = _post(
        client, f"/versions/{version_id}/submit", {"approving_body": "head", "submitted_on": "2026-02-01"}
    )
    assert submitted.json()["status"] == "submitted"
    adopted = _post(client, f"/versions/{version_id}/adopt", {"decision_number": "1", "decision_date": "2026-03-01"})
    assert adopted.json()["status"] == "adopted" and adopted.json()["effective_date"] == "2026-03-01"
    listed = client.get(f"{API}/documents?in_force_on=2026-03-01").json()
    assert "ORD-1" in [d["code"] for d in listed["items"]]
    assert client.get(f"{API}/documents?in_force_on=yesterday").status_code == 422
    denied = _token_client(officer(company=group.b))
    assert (
        _post(
            denied, f"/versions/{version_id}/submit", {"approving_body": "head", "submitted_on": "2026-02-01"}
        ).status_code
        == 404
    )


def test_an_import_with_one_bad_row_over_the_api(world, group):
    client = _token_client(world["officer"])
    body = f"personnel_number,acknowledged_on\n{group.in_leaf.personnel_number},2026-03-05\nNOPE,2026-03-05\n"
    version = world["code"].current_version

    def upload(**params):  # type: ignore[no-untyped-def]
        query = "&".join(f"{k}={v}" for k, v in {"version_id": version.pk, **params}.items())
        return client.post(
            f"{API}/imports/acknowledgements?{query}", {"file": SimpleUploadedFile("a.csv", body.encode())}
        )

    report = upload().json()
    assert report["valid"] == 1 and report["rejected"] == 1 and not report["imported"]
    assert upload(dry_run="false").status_code == 422
    assert not Acknowledgement.objects.exists()
    done = upload(dry_run="false", valid_only="true").json()
    assert done["imported"] and done["created"] == 1


def test_a_candidate_check_over_the_api_and_by_someone_without_the_right(world, group):
    client = _token_client(world["officer"])
    response = _post(
        client, "/candidate-checks", {"company_id": str(group.a.pk), "full_name": "Сидоров Иван", "identifier": "1"}
    )
    assert response.status_code == 201 and response.json()["identifier_valid"] is False
    concluded = _post(client, f"/candidate-checks/{response.json()['id']}/conclude", {"conclusion": "no_objection"})
    assert concluded.json()["status"] == "concluded"
    auditor = _client("auditor", "group", group)
    assert _post(auditor, "/candidate-checks", {"company_id": str(group.a.pk), "full_name": "X Y"}).status_code == 403
    assert CandidateCheck.objects.count() == 2


def test_a_new_hires_contract_over_the_api(world, group):
    client = _token_client(world["officer"])
    payload = {
        "company_id": str(group.a.pk),
        "personnel_number": group.in_leaf.personnel_number,
        "contract_number": "TD-1",
        "contract_date": "2026-02-01",
        "has_obligations": True,
    }
    response = _post(client, "/hires", payload)
    assert response.status_code == 201 and response.json()["has_obligations"] is True
    assert client.get(f"{API}/hires").json()["count"] == 1
    outsider = _token_client(officer(company=group.b))
    assert _post(outsider, "/hires", payload).status_code == 404


def test_a_drafts_markdown_is_edited_and_read_back_sanitised_over_the_api(world, group):
    client = _token_client(world["officer"])
    created = _post(
        client,
        "/documents",
        {"kind": "order", "code": "ORD-2", "titles": {"ru": "Приказ"}, "company_id": str(group.a.pk)},
    )
    version_id = created.json()["versions"][0]["id"]
    patched = client.patch(
        f"{API}/versions/{version_id}",
        json.dumps({"texts": {"kk": "## Сыйлықтар\n\n<script>x()</script>\n\n*тыйым*"}, "is_material": True}),
        content_type="application/json",
    )
    assert patched.status_code == 200, patched.content
    body = patched.json()
    assert body["texts"]["kk"].startswith("## Сыйлықтар") and body["is_material"] is True
    assert "<h2>Сыйлықтар</h2>" in body["html"]["kk"] and "<p><em>тыйым</em></p>" in body["html"]["kk"]
    assert "x()" not in body["html"]["kk"]
    assert client.get(f"{API}/versions/{version_id}").json()["html"]["kk"] == body["html"]["kk"]
    unknown = client.patch(
        f"{API}/versions/{version_id}", json.dumps({"colour": "red"}), content_type="application/json"
    )
    assert unknown.status_code == 422
    adopted = world["code"].current_version
    refused = client.patch(
        f"{API}/versions/{adopted.pk}", json.dumps({"texts": {"en": "x"}}), content_type="application/json"
    )
    assert refused.status_code == 422
