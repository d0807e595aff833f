"""Cases linked to counterparties of the register (read through senim.counterparties.selectors):
the service, the case page and the API, with bad input refused and nothing changed."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.models import AuditEvent
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.speakup import selectors, services
from senim.speakup.models import CaseLink
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db

API = "/api/v1/speakup"


def _web(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _api(user) -> Client:  # type: ignore[no-untyped-def]
    return token_client(user)


def test_service_links_a_counterparty_once_and_records_it(group):
    officer = user_with_role("officer")
    supplier = CounterpartyFactory()
    case = submit(company=group.a).case
    link = services.link_add(actor=officer, case=case, role="counterparty", counterparty=supplier)
    assert link.counterparty == supplier
    event = AuditEvent.objects.filter(event_type="speakup.link.added").latest("id")
    assert event.changes["target"] == f"counterparties.counterparty:{supplier.pk}"
    with pytest.raises(ValidationError):
        services.link_add(actor=officer, case=case, role="counterparty", counterparty=supplier)
    with pytest.raises(ValidationError):  # a counterparty is not a person named in the report
        services.link_add(actor=officer, case=case, role="named", counterparty=CounterpartyFactory())
    with pytest.raises(ValidationError):  # and the counterparty role needs a counterparty
        services.link_add(actor=officer, case=case, role="counterparty", employee=group.in_leaf)
    assert [x.counterparty for x in selectors.case_internals(actor=SYSTEM, case=case)["links"]] == [supplier]


def test_a_merged_counterparty_is_not_linked(group):
    officer = user_with_role("officer")
    survivor = CounterpartyFactory()
    merged = CounterpartyFactory(merged_into=survivor)
    case = submit(company=group.a).case
    with pytest.raises(ValidationError):
        services.link_add(actor=officer, case=case, role="counterparty", counterparty=merged)
    assert not CaseLink.objects.exists()


def test_case_page_links_by_number_and_shows_the_counterparty(group):
    officer = user_with_role("officer")
    supplier = CounterpartyFactory(name_ru="ТОО «Дальний Склад»", name_en="Far Depot LLP")
    case = submit(company=group.a).case
    client = _web(officer)
    url = reverse("speakup:case-link", args=[case.pk])
    data = {"role": "counterparty", "counterparty_number": f" {supplier.identifier} "}
    assert client.post(url, data).status_code == 302
    page = client.get(reverse("speakup:case-detail", args=[case.pk])).content.decode()
    assert reverse("counterparties:counterparty-detail", args=[supplier.pk]) in page
    assert supplier.identifier in page
    bad = client.post(url, {"role": "counterparty", "counterparty_number": "000000000000"})
    assert bad.status_code == 400 and "No counterparty of the register" in bad.content.decode()
    both = client.post(url, {"role": "counterparty", "counterparty_number": supplier.identifier, "username": "x"})
    assert both.status_code == 400
    assert case.links.count() == 1


def test_api_links_and_lists_counterparties(group):
    officer = user_with_role("officer")
    supplier = CounterpartyFactory()
    case = submit(company=group.a).case
    client = _api(officer)
    payload = {"role": "counterparty", "counterparty_id": str(supplier.pk)}
    created = client.post(f"{API}/cases/{case.pk}/links", json.dumps(payload), content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert body["counterparty_id"] == str(supplier.pk) and body["counterparty_identifier"] == supplier.identifier
    assert body["counterparty_name"] == str(supplier)
    listed = client.get(f"{API}/cases/{case.pk}/links").json()
    assert [x["counterparty_id"] for x in listed] == [str(supplier.pk)]
    unknown = {"role": "counterparty", "counterparty_id": "6f1c1c4e-0000-4000-8000-000000000000"}
    response = client.post(f"{API}/cases/{case.pk}/links", json.dumps(unknown), content_type="application/json")
    assert response.status_code == 422
    assert case.links.count() == 1


@pytest.mark.parametrize("role", ["admin", "investigator", "approver", "auditor", "employee"])
def test_only_officers_link_counterparties(group, role):
    supplier = CounterpartyFactory()
    case = submit(company=group.a).case
    user = user_with_role(role, employee=group.in_root if role == "employee" else None)
    if role == "investigator":
        services.case_assign(actor=user_with_role("officer"), case=case, users=[user])
    payload = {"role": "counterparty", "counterparty_id": str(supplier.pk)}
    response = _api(user).post(f"{API}/cases/{case.pk}/links", json.dumps(payload), content_type="application/json")
    assert response.status_code in {403, 404}
    web = _web(user).post(
        reverse("speakup:case-link", args=[case.pk]),
        {"role": "counterparty", "counterparty_number": supplier.identifier},
    )
    assert web.status_code in {302, 403, 404} and not case.links.exists()
