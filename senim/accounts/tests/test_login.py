"""Log-in: username or e-mail, lock-out, two-factor with replay refusal, rate limit, reset, language."""

import re

import pyotp
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from senim.accounts.models import User
from senim.accounts.tests.factories import UserFactory, user_with_role
from senim.core.models import AuditEvent

PASSWORD = "correct horse battery staple"
LOGIN = reverse("accounts:login")


def _login(client, username, password=PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password})


@pytest.mark.django_db
def test_log_in_by_username_or_email_is_audited(client):
    user = UserFactory(username="asel", email="Asel@Example.kz")
    assert _login(client, "asel").status_code == 302
    client.logout()
    assert _login(client, "asel@example.kz").status_code == 302
    assert AuditEvent.objects.filter(event_type="accounts.user.logged_in", object_id=str(user.pk)).count() == 2


@pytest.mark.django_db
def test_wrong_password_gives_one_plain_message_for_known_and_unknown_names(client):
    UserFactory(username="asel")
    known = _login(client, "asel", "wrong").content.decode()
    unknown = _login(client, "nobody", "wrong").content.decode()
    message = "The username or password is not correct."
    assert message in known and message in unknown


@pytest.mark.django_db
def test_account_locks_after_repeated_failures_even_for_the_right_password(client, settings):
    settings.SENIM_LOGIN_MAX_FAILURES = 3
    user = UserFactory(username="asel")
    for _ in range(3):
        _login(client, "asel", "wrong")
    user.refresh_from_db()
    assert user.locked_until and user.locked_until > timezone.now()
    response = _login(client, "asel")
    assert response.status_code == 200 and "locked" in response.content.decode()
    assert AuditEvent.objects.filter(event_type="accounts.user.locked").count() == 1


@pytest.mark.django_db
def test_too_many_attempts_from_one_address_are_refused(client, settings):
    settings.SENIM_LOGIN_RATE_PER_HOUR = 2
    UserFactory(username="asel")
    _login(client, "x", "y")
    _login(client, "x", "y")
    response = _login(client, "asel")
    assert response.status_code == 200 and "Too many" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_two_factor_login_needs_a_fresh_code_and_refuses_a_replay(client):
    secret = pyotp.random_base32()
    user = UserFactory(username="asel", totp_secret=secret, totp_confirmed=True)
    response = _login(client, "asel")
    assert response["Location"].startswith(reverse("accounts:login-verify"))
    assert "_auth_user_id" not in client.session
    code = pyotp.TOTP(secret).now()
    assert client.post(reverse("accounts:login-verify"), {"code": code}).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.logout()
    _login(client, "asel")
    replay = client.post(reverse("accounts:login-verify"), {"code": code})
    assert replay.status_code == 200 and "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_mandatory_two_factor_sends_compliance_roles_to_enrolment(client, settings):
    settings.SENIM_2FA_REQUIRED_FOR_COMPLIANCE = True
    officer = user_with_role("officer")
    client.force_login(officer)
    response = client.get(reverse("core:dashboard"))
    assert response["Location"] == reverse("accounts:two-factor-setup")
    setup = client.get(reverse("accounts:two-factor-setup"))
    officer.refresh_from_db()
    assert setup.status_code == 200 and officer.totp_secret
    client.post(reverse("accounts:two-factor-setup"), {"code": pyotp.TOTP(officer.totp_secret).now()})
    assert client.get(reverse("core:dashboard")).status_code == 200


@pytest.mark.django_db
def test_employees_are_not_forced_into_two_factor(client, settings):
    settings.SENIM_2FA_REQUIRED_FOR_COMPLIANCE = True
    client.force_login(user_with_role("employee"))
    assert client.get(reverse("core:dashboard")).status_code == 200


@pytest.mark.django_db
def test_password_reset_by_email_sets_a_new_password(client):
    user = UserFactory(email="asel@example.kz")
    client.post(reverse("accounts:password-reset"), {"email": "asel@example.kz"})
    assert len(mail.outbox) == 1
    link = re.search(r"/accounts/password-reset/[^/\s]+/[^/\s]+/", mail.outbox[0].body).group(0)
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": "a-much-Longer-pass-2026", "new_password2": "a-much-Longer-pass-2026"},
    )
    user.refresh_from_db()
    assert user.check_password("a-much-Longer-pass-2026")


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.kz"})
    assert response.status_code == 302 and mail.outbox == []


@pytest.mark.django_db
def test_language_choice_is_remembered_on_the_user(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "kk", "next": "/"})
    assert User.objects.get(pk=user.pk).language == "kk"
    page = client.get(reverse("accounts:profile"))
    assert '<html lang="kk"' in page.content.decode()


@pytest.mark.django_db
def test_open_redirects_after_login_are_refused(client):
    UserFactory(username="asel")
    response = client.post(LOGIN + "?next=https://evil.example/", {"username": "asel", "password": PASSWORD})
    assert response["Location"] == reverse("core:dashboard")
