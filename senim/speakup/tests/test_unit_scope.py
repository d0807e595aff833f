"""Roles granted over a unit subtree: an officer or investigator over a unit sees the cases linked
to a unit of that subtree (and only those), in the list, on the case page and in the API, and may
act on them as the role allows; people named in a case stay kept out whatever their scope."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from conftest import ROLES, token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.speakup import selectors, services
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db

API = "/api/v1/speakup"


def _cases(group):  # type: ignore[no-untyped-def]
    """A case linked to the leaf unit, one linked to the root unit only, one unlinked, one of B."""
    chief = user_with_role("officer")
    leaf, root, bare, other = (submit(company=c).case for c in (group.a, group.a, group.a, group.b))
    services.link_add(actor=chief, case=leaf, role="unit", unit=group.leaf)
    services.link_add(actor=chief, case=root, role="unit", unit=group.root)
    services.link_add(actor=chief, case=other, role="unit", unit=group.other)
    return chief, {"leaf": leaf, "root": root, "bare": bare, "other": other}


def _api(user) -> Client:  # type: ignore[no-untyped-def]
    return token_client(user)


def _web(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("unit", ["branch", "leaf", "other"])
def test_unit_scoped_role_matrix(group, role, unit):
    chief, cases = _cases(group)
    user = user_with_role(role, unit=getattr(group, unit), employee=group.in_b if role == "employee" else None)
    reachable = {"branch": {"leaf"}, "leaf": {"leaf"}, "other": {"other"}}[unit]
    if role == "investigator":
        for name, case in cases.items():
            eligible = user in selectors.eligible_investigators(actor=SYSTEM, case=case)
            assert eligible == (name in reachable), name
            if eligible and unit != "other":  # the investigator over "other" is left unassigned
                services.case_assign(actor=chief, case=case, users=[user])
    expected = reachable if role in {"officer", "investigator"} else set()
    if role == "investigator" and unit == "other":
        expected = set()  # investigators see only the cases assigned to them
    seen = {name for name, case in cases.items() if selectors.visible_cases(actor=user).filter(pk=case.pk).exists()}
    assert seen == expected
    web, api = _web(user), _api(user)
    for name, case in cases.items():
        page = web.get(reverse("speakup:case-detail", args=[case.pk]))
        assert (page.status_code == 200) == (name in expected), (name, page.status_code)
        response = api.get(f"{API}/cases/{case.pk}")
        assert (response.status_code == 200) == (name in expected), (name, response.status_code)


def test_unit_scoped_officer_works_the_case_and_loses_it_with_the_link(group):
    chief, cases = _cases(group)
    officer = user_with_role("officer", unit=group.branch)
    case = cases["leaf"]
    services.message_send(actor=officer, case=case, body="Which warehouse?")
    services.case_acknowledge(actor=officer, case=case)
    page = _web(officer).get(reverse("speakup:case-detail", args=[case.pk])).content.decode()
    assert "Which warehouse?" in page and 'action="/speakup/cases/' in page  # the case actions are offered
    payload = json.dumps({"text": "Any documents?"})
    response = _api(officer).post(f"{API}/cases/{case.pk}/messages", payload, content_type="application/json")
    assert response.status_code == 201
    link = case.links.get(unit=group.leaf)
    services.link_remove(actor=chief, link=link)
    assert not selectors.visible_cases(actor=officer).filter(pk=case.pk).exists()


def test_unit_scoped_investigator_can_be_assigned_and_named_ones_stay_out(group):
    chief, cases = _cases(group)
    investigator = user_with_role("investigator", unit=group.branch, employee=group.in_leaf)
    outsider = user_with_role("investigator", unit=group.other)
    case = cases["leaf"]
    eligible = selectors.eligible_investigators(actor=SYSTEM, case=case)
    assert investigator in eligible and outsider not in eligible
    assert investigator not in selectors.eligible_investigators(actor=SYSTEM, case=cases["bare"])
    services.case_assign(actor=chief, case=case, users=[investigator])
    assert selectors.visible_cases(actor=investigator).filter(pk=case.pk).exists()
    services.link_add(actor=chief, case=case, role="named", employee=group.in_leaf)
    assert not selectors.visible_cases(actor=investigator).filter(pk=case.pk).exists()
