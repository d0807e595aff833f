"""The optional ESG and human-rights section of the questionnaire (asked only when included, its red
flags feeding verification) and significant suppliers (marked by spend or criticality, audited,
verified on a schedule), through services, pages, API and the command line."""

import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.counterparties import selectors, services
from senim.counterparties.models import Answer, Contract, Counterparty, VerificationCase
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory

pytestmark = pytest.mark.django_db

ANTI_CORRUPTION = {
    "q_owners": "Сапаров Ерлан; ; 100 %",
    "q_managers": "Ким Ольга; ; директор",
    "q_officials": "no",
    "q_policy": "yes",
    "q_programme": "officer",
    "q_investigations": "no",
    "q_agents": "no",
}
ESG = {
    "q_esg_forced_labour": "no",
    "q_esg_child_labour": "yes",
    "q_esg_safety": "no",
    "q_esg_environment": "no",
    "q_esg_supplier_code": "no",
}


def _link(group, *, include_esg):
    counterparty = CounterpartyFactory()
    OwnerFactory(counterparty=counterparty, share=Decimal("100"))
    response, token = services.questionnaire_send(
        actor=user_with_role("officer"), counterparty=counterparty, company=group.a, include_esg=include_esg
    )
    return response, reverse("counterparties:questionnaire-public", args=[token])


def _submit(url, data):
    return Client().post(url, {"version": "1", "action": "submit", **data})


def test_the_esg_section_is_asked_only_when_included_and_its_flags_feed_verification(group):
    without, url = _link(group, include_esg=False)
    page = Client().get(url).content.decode()
    assert "esg_child_labour" not in page and 'id="esg-section"' not in page
    refused = _submit(url, {**ANTI_CORRUPTION, "q_esg_child_labour": "yes"})
    assert "not in this questionnaire" in refused.content.decode()
    assert not Answer.objects.filter(response=without).exists()
    assert _submit(url, ANTI_CORRUPTION).status_code == 200  # the section is not required when left out

    with_esg, url = _link(group, include_esg=True)
    page = Client().get(url).content.decode()
    assert 'id="esg-section"' in page and "q_esg_supplier_code" in page
    incomplete = _submit(url, ANTI_CORRUPTION)
    assert "must be answered" in incomplete.content.decode()
    assert _submit(url, {**ANTI_CORRUPTION, **ESG}).status_code == 200
    with_esg.refresh_from_db()
    assert with_esg.status == "submitted" and with_esg.includes_esg
    case = services.case_open(
        actor=user_with_role("officer"),
        company=group.a,
        counterparty=with_esg.counterparty,
        procurement_method="open_tender",
        subject="Спецодежда",
    )
    assert {"child_labour", "no_supplier_code"} <= set(case.flags.values_list("flag__code", flat=True))
    assert not {"forced_labour", "safety_incidents"} & set(case.flags.values_list("flag__code", flat=True))


def test_the_api_sends_the_questionnaire_with_the_esg_section(group):
    officer = user_with_role("officer", company=group.a)
    _token, secret = account_services.api_token_create(actor=officer, name="t")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    counterparty = CounterpartyFactory()
    sent = api.post(
        f"/api/v1/counterparties/counterparties/{counterparty.pk}/questionnaires",
        json.dumps({"company_id": str(group.a.pk), "include_esg": True}),
        content_type="application/json",
    )
    assert sent.status_code == 201, sent.content
    listed = api.get(f"/api/v1/counterparties/questionnaire-responses?counterparty={counterparty.pk}").json()
    assert listed["items"][0]["includes_esg"] is True


def test_significant_suppliers_are_marked_by_spend_or_criticality_and_verified_on_a_schedule(group, settings):
    settings.SENIM_SIGNIFICANT_SUPPLIER_SPEND = 1_000_000
    settings.SENIM_SIGNIFICANT_SUPPLIER_MONTHS = 12
    today = dt.date.today()
    big, critical, small = CounterpartyFactory(), CounterpartyFactory(criticality="high"), CounterpartyFactory()
    for n, (counterparty, amount, date) in enumerate(
        [
            (big, "600000", today - dt.timedelta(days=30)),
            (big, "500000", today - dt.timedelta(days=200)),
            (small, "900000", today - dt.timedelta(days=10)),
            (small, "5000000", today - dt.timedelta(days=400)),  # outside the 12 months
            (small, "5000000", today),  # another currency
        ]
    ):
        Contract.objects.create(
            company=group.a,
            number=f"C-{n}",
            date=date,
            counterparty=counterparty,
            amount=Decimal(amount),
            currency="USD" if n == 4 else "KZT",
        )
    officer = user_with_role("officer", company=group.a)
    with pytest.raises(PermissionDenied):
        services.significant_suppliers_mark(actor=user_with_role("auditor", company=group.a))
    counts = services.significant_suppliers_mark(actor=officer)
    assert counts == {"marked": 2, "cleared": 0, "significant": 2}
    big.refresh_from_db()
    assert big.is_significant and big.significant_reason == "spend:1100000 KZT"
    assert AuditEvent.objects.filter(event_type="counterparties.counterparty.significance_set").count() == 2
    assert services.significant_suppliers_mark(actor=officer)["marked"] == 0  # nothing changes twice

    case = services.case_open(
        actor=officer, company=group.a, counterparty=critical, procurement_method="open_tender", subject="Ремонт"
    )
    VerificationCase.objects.filter(pk=case.pk).update(status="approved", approved_on=today - dt.timedelta(days=40))
    listed = {s.counterparty.pk: s for s in selectors.significant_supplier_list(actor=officer)}
    assert set(listed) == {big.pk, critical.pk}
    assert listed[big.pk].due and listed[big.pk].spend == Decimal("1100000")
    assert not listed[critical.pk].due and listed[critical.pk].reason == "high criticality"

    client = Client()
    client.force_login(officer)
    page = client.get(reverse("counterparties:significant-list")).content.decode()
    assert "1 significant supplier is due for verification." in page
    _token, secret = account_services.api_token_create(actor=officer, name="t")
    rows = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/counterparties/significant-suppliers").json()
    assert {(r["name"], r["due"]) for r in rows} == {(big.display_name, True), (critical.display_name, False)}

    Counterparty.objects.filter(pk=critical.pk).update(criticality="medium")
    out = io.StringIO()
    call_command("counterparties", "significant", "--screen", stdout=out)
    assert "significant: 1, newly marked: 0, cleared: 1" in out.getvalue()
    assert out.getvalue().count("DUE") == 1


@pytest.mark.parametrize("role", ["admin", "officer", "investigator", "approver", "auditor", "employee"])
def test_significant_suppliers_by_role(group, role):
    """Staff who see the register see the list; only admins and officers screen; employees neither."""
    employee = group.in_branch if role == "employee" else None
    user = user_with_role(role, company=group.a, employee=employee)
    client = Client()
    client.force_login(user)
    page = client.get(reverse("counterparties:significant-list"))
    assert page.status_code == (403 if role == "employee" else 200)
    screened = client.post(reverse("counterparties:significant-mark"))
    assert (screened.status_code == 302) == (role in {"admin", "officer"})
    _token, secret = account_services.api_token_create(actor=user, name="t")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    listed = api.get("/api/v1/counterparties/significant-suppliers")
    assert listed.status_code == (403 if role == "employee" else 200)
    marked = api.post("/api/v1/counterparties/significant-suppliers/screen")
    assert (marked.status_code == 200) == (role in {"admin", "officer"})
