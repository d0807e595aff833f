"""Threat: a password-only session of a user who must enrol in two-factor skips enrolment and
reads the API or mints a token.

Until enrolment, the session reaches the enrolment page (and log-out) and nothing else."""

import pyotp
import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts import services
from senim.accounts.models import ApiToken
from senim.accounts.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(settings):  # type: ignore[no-untyped-def]
    settings.SENIM_2FA_REQUIRED_FOR_COMPLIANCE = True
    return user_with_role("officer")


def test_the_session_reaches_only_enrolment(officer):
    client = Client()
    client.force_login(officer)
    for path in (reverse("accounts:profile"), reverse("accounts:token-create"), reverse("accounts:user-list")):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == reverse("accounts:two-factor-setup"), path
    response = client.post(reverse("accounts:token-create"), {"name": "mine"})
    assert response.status_code == 302 and not ApiToken.objects.exists()
    for path in ("/api/v1/accounts/me", "/api/v1/audit-events", "/api/v1/org/companies"):
        assert client.get(path).status_code == 403, path
    assert client.get(reverse("accounts:two-factor-setup")).status_code == 200


def test_a_token_of_a_user_who_must_enrol_is_refused_until_enrolment(officer, settings):
    settings.SENIM_2FA_REQUIRED_FOR_COMPLIANCE = False
    _record, secret = services.api_token_create(actor=officer, name="before the rule")
    settings.SENIM_2FA_REQUIRED_FOR_COMPLIANCE = True
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get("/api/v1/accounts/me").status_code == 401
    client = Client()
    client.force_login(officer)
    client.get(reverse("accounts:two-factor-setup"))
    officer.refresh_from_db()
    client.post(reverse("accounts:two-factor-setup"), {"code": pyotp.TOTP(officer.totp_secret).now()})
    assert api.get("/api/v1/accounts/me").status_code == 200
    assert client.get("/api/v1/accounts/me").status_code == 200
