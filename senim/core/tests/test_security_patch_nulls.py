"""Threat (reliability): `null` for a field whose column cannot be empty, sent in a PATCH, reached
the database and answered 500. A PATCH refuses it with 422 and changes nothing; fields that may be
empty (a unit, a date) still take null."""

import pytest
from django.test import Client

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.screening.models import Watchlist

pytestmark = pytest.mark.django_db


def _api(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}", raise_request_exception=False)


@pytest.mark.parametrize("field", ["surname", "given_name"])
def test_null_for_an_employees_name_is_a_422(group, field):
    api = _api(user_with_role("admin"))
    url = f"/api/v1/org/employees/{group.in_leaf.pk}"
    response = api.patch(url, {field: None}, content_type="application/json")
    assert response.status_code == 422
    group.in_leaf.refresh_from_db()
    assert getattr(group.in_leaf, field) is not None


def test_null_still_empties_a_field_that_may_be_empty(group):
    api = _api(user_with_role("admin"))
    body = {"unit_id": None, "email": None, "iin": None, "patronymic": None}
    response = api.patch(f"/api/v1/org/employees/{group.in_leaf.pk}", body, content_type="application/json")
    assert response.status_code == 200
    group.in_leaf.refresh_from_db()
    assert group.in_leaf.unit is None
    assert group.in_leaf.email == "" and group.in_leaf.iin == "" and group.in_leaf.patronymic == ""


def test_null_for_a_lists_description_is_a_422(group):
    watchlist = Watchlist.objects.create(name="Local list", kind="sanctions", description="kept")
    api = _api(user_with_role("admin"))
    response = api.patch(
        f"/api/v1/screening/lists/{watchlist.pk}", {"description": None}, content_type="application/json"
    )
    assert response.status_code == 422
    watchlist.refresh_from_db()
    assert watchlist.description == "kept"
