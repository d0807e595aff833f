"""The counterparties API over HTTP: each role, scoping of contracts, imports, bad input."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core import identifiers
from senim.counterparties.models import Contract, Counterparty, RedFlag
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory

pytestmark = pytest.mark.django_db
BASE = "/api/v1/counterparties"


def _api(user) -> Client:
    return token_client(user)


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("auditor", 200), ("approver", 200), ("employee", 200)])
def test_the_register_is_read_by_staff_and_empty_for_employees(group, role, status):
    CounterpartyFactory()
    response = _api(user_with_role(role, employee=group.in_b if role == "employee" else None)).get(
        f"{BASE}/counterparties"
    )
    assert response.status_code == status
    assert response.json()["count"] == (0 if role == "employee" else 1)


def test_list_query_count_does_not_grow_with_rows(group):
    CounterpartyFactory.create_batch(3)
    client = _api(user_with_role("officer"))
    client.get(f"{BASE}/counterparties")
    with CaptureQueriesContext(connection) as few:
        client.get(f"{BASE}/counterparties")
    CounterpartyFactory.create_batch(20)
    with CaptureQueriesContext(connection) as many:
        client.get(f"{BASE}/counterparties")
    assert len(many) == len(few)


def test_create_refuses_an_invalid_bin_with_the_reason_and_a_duplicate(group):
    client = _api(user_with_role("officer"))
    number = identifiers.make_bin(2020, 2, 20)
    body = {"name_ru": "ТОО «Апи»", "country": "KZ", "identifier_kind": "bin", "identifier": number}
    assert client.post(f"{BASE}/counterparties", body, content_type="application/json").status_code == 201
    again = client.post(f"{BASE}/counterparties", body, content_type="application/json")
    assert again.status_code == 422 and "identifier" in again.json()["detail"]
    bad = client.post(f"{BASE}/counterparties", body | {"identifier": "123456789012"}, content_type="application/json")
    assert bad.status_code == 422
    assert Counterparty.objects.count() == 1


def test_read_only_roles_get_403_on_writes(group):
    cp = CounterpartyFactory()
    client = _api(user_with_role("auditor"))
    body = {"name_ru": "X", "country": "KZ"}
    assert client.post(f"{BASE}/counterparties", body, content_type="application/json").status_code == 403
    assert (
        client.patch(f"{BASE}/counterparties/{cp.pk}", {"name_ru": "Y"}, content_type="application/json").status_code
        == 403
    )


def test_detail_has_parties_and_merge_works_over_the_api(group):
    cp, dup = CounterpartyFactory(), CounterpartyFactory(identifier="", identifier_kind="")
    OwnerFactory(counterparty=dup)
    client = _api(user_with_role("admin"))
    merged = client.post(
        f"{BASE}/counterparties/{cp.pk}/merge", {"duplicate_id": str(dup.pk)}, content_type="application/json"
    )
    assert merged.status_code == 200
    detail = client.get(f"{BASE}/counterparties/{cp.pk}").json()
    assert [p["role"] for p in detail["parties"]] == ["owner"]
    assert client.get(f"{BASE}/counterparties/{dup.pk}").json()["merged_into_id"] == str(cp.pk)


def test_contracts_are_scoped_and_coverage_counts_the_clause(group):
    cp = CounterpartyFactory()
    Contract.objects.create(company=group.a, number="1", date=dt.date(2025, 1, 1), counterparty=cp, has_clause=True)
    Contract.objects.create(company=group.a, number="2", date=dt.date(2025, 2, 1), counterparty=cp, has_clause=False)
    Contract.objects.create(company=group.b, number="3", date=dt.date(2025, 2, 1), counterparty=cp)
    scoped = _api(user_with_role("auditor", company=group.a))
    assert scoped.get(f"{BASE}/contracts").json()["count"] == 2
    coverage = scoped.get(f"{BASE}/contracts/coverage", {"year": 2025}).json()
    assert [(r["total"], r["with_clause"]) for r in coverage] == [(2, 1)]
    officer_b = _api(user_with_role("officer", company=group.b))
    body = {"company_id": str(group.a.pk), "number": "9", "date": "2025-05-05", "counterparty_id": str(cp.pk)}
    assert officer_b.post(f"{BASE}/contracts", body, content_type="application/json").status_code == 404


def test_contract_import_reports_an_unknown_counterparty_by_row(group):
    cp = CounterpartyFactory()
    content = (
        "company,number,date,counterparty,amount,has_clause\n"
        f"{group.a.registration_number},C-1,2025-01-05,{cp.identifier},100,да\n"
        f"{group.a.registration_number},C-2,2025-01-06,990101400000,100,нет\n"
    ).encode()
    client = _api(user_with_role("officer"))
    report = client.post(
        f"{BASE}/imports/contracts", {"file": SimpleUploadedFile("c.csv", content)}, format="multipart"
    ).json()
    assert report["valid"] == 1 and report["rejected"] == 1
    assert report["errors"][0]["line"] == 3 and report["errors"][0]["column"] == "counterparty"
    assert not Contract.objects.exists()
    done = client.post(
        f"{BASE}/imports/contracts?dry_run=false&valid_only=true", {"file": SimpleUploadedFile("c.csv", content)}
    ).json()
    assert done["created"] == 1 and Contract.objects.get().has_clause is True


def test_an_application_over_the_api_from_filing_to_the_register(group):
    from senim.counterparties.tests.factories import ClauseFactory

    cp, clause = CounterpartyFactory(), ClauseFactory()
    contract = Contract.objects.create(company=group.a, number="1", date=dt.date(2025, 1, 1), counterparty=cp)
    officer, approver = _api(user_with_role("officer")), _api(user_with_role("approver"))
    body = {"company_id": str(group.a.pk), "counterparty_id": str(cp.pk), "refusal": "questionnaire"}
    body |= {"contract_ids": [str(contract.pk)], "justification": "Нужно"}
    filed = officer.post(f"{BASE}/applications", body, content_type="application/json")
    assert filed.status_code == 201 and filed.json()["contract_ids"] == [str(contract.pk)]
    app_id = filed.json()["id"]
    assert approver.post(f"{BASE}/applications", body, content_type="application/json").status_code == 403
    proposal = {"decision": "register", "clause_id": str(clause.pk), "grounds": "Монополия"}
    proposed = officer.post(f"{BASE}/applications/{app_id}/proposal", proposal, content_type="application/json")
    assert proposed.status_code == 200 and proposed.json()["status"] == "proposed"
    assert officer.post(f"{BASE}/applications/{app_id}/approval").status_code == 403
    assert approver.post(f"{BASE}/applications/{app_id}/approval").json()["status"] == "decided"
    register = officer.get(f"{BASE}/register").json()
    assert register["count"] == 1 and register["items"][0]["clause_code"] == clause.code
    export = officer.get(f"{BASE}/register.xlsx")
    assert export.status_code == 200 and export.content[:2] == b"PK"
    again = officer.post(f"{BASE}/applications", body, content_type="application/json").json()
    assert again["on_register"] is True


def test_a_verification_over_the_api(group):
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp, share=100)
    analyst, officer = _api(user_with_role("investigator")), _api(user_with_role("officer"))
    body = {"company_id": str(group.a.pk), "counterparty_id": str(cp.pk), "procurement_method": "open_tender"}
    opened = analyst.post(f"{BASE}/verifications", body | {"subject": "Трубы"}, content_type="application/json")
    assert opened.status_code == 201 and opened.json()["level"] == "simplified"
    case_id = opened.json()["id"]
    for check in opened.json()["checks"]:
        done = analyst.put(
            f"{BASE}/verifications/{case_id}/checks/{check['code']}",
            {"status": "done"},
            content_type="application/json",
        )
        assert done.status_code == 200
    flag = analyst.post(
        f"{BASE}/verifications/{case_id}/flags", {"code": "cash_advance"}, content_type="application/json"
    )
    assert flag.status_code == 201 and flag.json()["weight"] == 10
    unknown = analyst.post(f"{BASE}/verifications/{case_id}/flags", {"code": "nope"}, content_type="application/json")
    assert unknown.status_code == 404
    concluded = analyst.post(
        f"{BASE}/verifications/{case_id}/conclusion",
        {"conclusion": "permitted", "text": "Ок"},
        content_type="application/json",
    )
    assert concluded.json()["status"] == "concluded"
    assert analyst.post(f"{BASE}/verifications/{case_id}/approval").status_code == 403
    assert officer.post(f"{BASE}/verifications/{case_id}/approval").json()["status"] == "approved"


def test_questionnaires_contacts_and_documents_over_the_api(group):
    cp = CounterpartyFactory()
    officer = _api(user_with_role("officer"))
    sent = officer.post(
        f"{BASE}/counterparties/{cp.pk}/questionnaires",
        {"company_id": str(group.a.pk)},
        content_type="application/json",
    )
    assert sent.status_code == 201 and "/counterparties/q/" in sent.json()["link"]
    link = sent.json()["link"].split("testserver", 1)[1]
    Client().post(
        link,
        {"version": "1", "action": "draft", "q_officials": "yes", "q_owners": "Ким Ольга; ; 100 %"},
    )
    listed = officer.get(f"{BASE}/questionnaire-responses", {"counterparty": str(cp.pk)}).json()
    assert listed["count"] == 1 and listed["items"][0]["status"] == "draft"
    detail = officer.get(f"{BASE}/questionnaire-responses/{sent.json()['id']}").json()
    answers = {a["question"]: a["value"] for a in detail["answers"]}
    assert answers["officials"] is True and answers["owners"][0]["name"] == "Ким Ольга"
    outsider = _api(user_with_role("auditor", company=group.b))
    assert outsider.get(f"{BASE}/questionnaire-responses/{sent.json()['id']}").status_code == 404
    auditor = _api(user_with_role("auditor"))
    assert (
        auditor.post(
            f"{BASE}/counterparties/{cp.pk}/questionnaires",
            {"company_id": str(group.a.pk)},
            content_type="application/json",
        ).status_code
        == 403
    )
    contact = officer.post(
        f"{BASE}/counterparties/{cp.pk}/contacts", {"name": "Айгерим"}, content_type="application/json"
    )
    assert contact.status_code == 201
    assert officer.get(f"{BASE}/counterparties/{cp.pk}/documents").json() == []


def test_documents_are_attached_over_the_api_and_the_settings_are_readable(group):
    cp = CounterpartyFactory()
    officer = _api(user_with_role("officer"))
    upload = officer.post(
        f"{BASE}/counterparties/{cp.pk}/documents?title=Устав&kind=charter",
        {"file": SimpleUploadedFile("u.pdf", b"%PDF")},
    )
    assert upload.status_code == 201 and upload.json()["kind"] == "charter"
    bad = officer.post(
        f"{BASE}/counterparties/{cp.pk}/documents?title=X&kind=secret", {"file": SimpleUploadedFile("u.pdf", b"%PDF")}
    )
    assert bad.status_code == 422
    assert {f["code"] for f in officer.get(f"{BASE}/red-flags").json()} >= {"offshore", "screening_hit"}
    assert officer.get(f"{BASE}/due-diligence-rules").status_code == 200
    employee = _api(user_with_role("employee", employee=group.in_b))
    assert employee.get(f"{BASE}/red-flags").json() == []


def test_clauses_register_entries_and_verifications_change_over_the_api(group):
    from senim.counterparties import services
    from senim.counterparties.tests.factories import ClauseFactory

    cp, clause = CounterpartyFactory(), ClauseFactory()
    officer_user = user_with_role("officer")
    application = services.application_file(
        actor=officer_user, company=group.a, counterparty=cp, refusal="clause", justification="x"
    )
    services.application_propose(
        actor=officer_user, application=application, decision="register", clause=clause, grounds="g"
    )
    services.application_approve(actor=user_with_role("approver"), application=application)
    officer = _api(officer_user)
    patched = officer.patch(f"{BASE}/clauses/{clause.pk}", {"is_active": False}, content_type="application/json")
    assert patched.status_code == 200 and patched.json()["is_active"] is False
    entry = officer.get(f"{BASE}/register").json()["items"][0]
    assert (
        officer.post(
            f"{BASE}/register/{entry['id']}/revoke", {"reason": ""}, content_type="application/json"
        ).status_code
        == 422
    )
    revoked = officer.post(f"{BASE}/register/{entry['id']}/revoke", {"reason": "Снят"}, content_type="application/json")
    assert revoked.status_code == 200 and revoked.json()["revoked_on"]
    case = services.case_open(
        actor=officer_user, company=group.a, counterparty=cp, procurement_method="other", subject="s"
    )
    services.case_flag_raise(
        actor=officer_user,
        case=case,
        flag=RedFlag.objects.get(code="agent_fees"),
    )
    assert officer.delete(f"{BASE}/verifications/{case.pk}/flags/agent_fees").status_code == 204
    assert (
        officer.post(
            f"{BASE}/verifications/{case.pk}/reopen", {"reason": "x"}, content_type="application/json"
        ).status_code
        == 422
    )


def test_a_contract_names_its_approver_of_the_same_company(group):
    cp = CounterpartyFactory()
    client = _api(user_with_role("admin"))
    body = {"company_id": str(group.a.pk), "number": "A-1", "date": "2025-05-05", "counterparty_id": str(cp.pk)}
    created = client.post(
        f"{BASE}/contracts", {**body, "approved_by_id": str(group.in_leaf.pk)}, content_type="application/json"
    )
    assert created.status_code == 201 and created.json()["approved_by_id"] == str(group.in_leaf.pk)
    other = {**body, "number": "A-2", "approved_by_id": str(group.in_b.pk)}
    refused = client.post(f"{BASE}/contracts", other, content_type="application/json")
    assert refused.status_code == 422
    assert not Contract.objects.filter(number="A-2").exists()
