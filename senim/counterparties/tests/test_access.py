"""Role matrix: every page and API list of the module, for each role over the whole group, answers
200 to the roles that hold its permission and 403 to the others (never a 500); and list pages make
the same number of queries whatever their size."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import ROLES
from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.counterparties import services
from senim.counterparties.models import Contract
from senim.counterparties.tests.factories import ClauseFactory, ContactFactory, CounterpartyFactory, OwnerFactory

pytestmark = pytest.mark.django_db

STAFF = {"admin", "officer", "investigator", "approver", "auditor"}
MANAGERS = {"admin", "officer"}
VERIFIERS = {"admin", "officer", "investigator"}


@pytest.fixture
def world(group):
    officer = user_with_role("officer")
    cp = CounterpartyFactory()
    OwnerFactory(counterparty=cp)
    contact = ContactFactory(counterparty=cp)
    contract = Contract.objects.create(
        company=group.a, number="M-1", date=dt.date(2025, 1, 2), counterparty=cp, has_clause=False
    )
    application = services.application_file(
        actor=officer, company=group.a, counterparty=cp, refusal="clause", justification="x", contracts=[contract]
    )
    clause = ClauseFactory()
    services.application_propose(
        actor=officer, application=application, decision="register", clause=clause, grounds="g"
    )
    services.application_approve(actor=user_with_role("approver"), application=application)
    case = services.case_open(actor=officer, company=group.a, counterparty=cp, procurement_method="direct", subject="y")
    response, _token = services.questionnaire_send(actor=officer, counterparty=cp, company=group.a)
    return {
        "cp": cp,
        "contact": contact,
        "contract": contract,
        "application": application,
        "case": case,
        "response": response,
    }


def _pages(w):
    cp = w["cp"].pk
    return [
        ("/counterparties/list/", STAFF),
        (f"/counterparties/{cp}/", STAFF),
        ("/counterparties/new/", MANAGERS),
        (f"/counterparties/{cp}/edit/", MANAGERS),
        (f"/counterparties/{cp}/merge/", MANAGERS),
        (f"/counterparties/{cp}/parties/new/", MANAGERS),
        (f"/counterparties/{cp}/contacts/new/", MANAGERS),
        (f"/counterparties/{cp}/contacts/{w['contact'].pk}/edit/", MANAGERS),
        (f"/counterparties/{cp}/documents/new/", MANAGERS),
        (f"/counterparties/{cp}/contracts/new/", MANAGERS),
        (f"/counterparties/{cp}/applications/new/", MANAGERS),
        (f"/counterparties/{cp}/verifications/new/", VERIFIERS),
        (f"/counterparties/{cp}/questionnaires/send/", VERIFIERS),
        (f"/counterparties/{cp}/questionnaires/paper/", VERIFIERS),
        ("/counterparties/contracts/", STAFF),
        (f"/counterparties/contracts/{w['contract'].pk}/", STAFF),
        (f"/counterparties/contracts/{w['contract'].pk}/edit/", MANAGERS),
        ("/counterparties/coverage/", STAFF),
        ("/counterparties/applications/", STAFF),
        (f"/counterparties/applications/{w['application'].pk}/", STAFF),
        ("/counterparties/register/", STAFF),
        ("/counterparties/register.xlsx", STAFF),
        ("/counterparties/register.pdf", STAFF),
        ("/counterparties/clauses/", STAFF),
        ("/counterparties/clauses/new/", MANAGERS),
        ("/counterparties/verifications/", STAFF),
        (f"/counterparties/verifications/{w['case'].pk}/", STAFF),
        ("/counterparties/settings/", STAFF),
        ("/counterparties/settings/red-flags/new/", MANAGERS),
        ("/counterparties/settings/rules/new/", MANAGERS),
        ("/counterparties/questionnaires/", STAFF),
        (f"/counterparties/questionnaires/responses/{w['response'].pk}/", STAFF),
        ("/counterparties/import/", MANAGERS),
    ]


API = [
    ("/api/v1/counterparties/counterparties", STAFF),
    ("/api/v1/counterparties/contracts", STAFF),
    ("/api/v1/counterparties/contracts/coverage", STAFF),
    ("/api/v1/counterparties/applications", STAFF),
    ("/api/v1/counterparties/register", STAFF),
    ("/api/v1/counterparties/verifications", STAFF),
    ("/api/v1/counterparties/clauses", STAFF),
]


@pytest.mark.parametrize("role", ROLES)
def test_each_page_answers_the_roles_that_hold_its_permission(group, world, role):
    client = Client()
    client.force_login(user_with_role(role, employee=group.in_leaf if role == "employee" else None))
    for url, allowed in _pages(world):
        status = client.get(url).status_code
        assert status == (200 if role in allowed else 403), (role, url, status)


@pytest.mark.parametrize("role", ROLES)
def test_each_api_list_answers_every_role_within_its_scope(group, world, role):
    user = user_with_role(role, employee=group.in_leaf if role == "employee" else None)
    _record, secret = account_services.api_token_create(actor=user, name="t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    for url, allowed in API:
        response = client.get(url)
        assert response.status_code == 200, (role, url, response.status_code)
        body = response.json()
        count = body["count"] if isinstance(body, dict) else len(body)
        assert (count > 0) == (role in allowed), (role, url, count)


@pytest.mark.parametrize(
    "url", ["/counterparties/list/", "/counterparties/contracts/", "/counterparties/verifications/"]
)
def test_list_pages_make_the_same_number_of_queries_whatever_their_size(group, world, url):
    client = Client()
    client.force_login(user_with_role("officer"))
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(12):
        cp = CounterpartyFactory()
        Contract.objects.create(company=group.b, number=f"Q-{n}", date=dt.date(2025, 2, 2), counterparty=cp)
        services.case_open(
            actor=user_with_role("admin"), company=group.b, counterparty=cp, procurement_method="other", subject="z"
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
