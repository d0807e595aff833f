"""Two-factor recovery codes: shown once at enrolment, each logs in once, replaced on demand."""

import re

import pyotp
import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from senim.accounts import recovery, services
from senim.accounts.models import RecoveryCode
from senim.accounts.tests.factories import UserFactory
from senim.core.models import AuditEvent

PASSWORD = "correct horse battery staple"
CODE_PATTERN = re.compile(r"\b[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\b")


def _two_factor_user(**extra):
    return UserFactory(username="asel", totp_secret=pyotp.random_base32(), totp_confirmed=True, **extra)


def _log_in_with_code(client, code):
    client.post(reverse("accounts:login"), {"username": "asel", "password": PASSWORD})
    return client.post(reverse("accounts:login-verify"), {"code": code})


def test_generated_codes_are_distinct_and_avoid_look_alike_symbols():
    codes = recovery.generate()
    assert len(set(codes)) == recovery.COUNT
    assert all(CODE_PATTERN.fullmatch(code) for code in codes)
    assert not any(ch in "ilo01" for code in codes for ch in code)


@given(st.text(max_size=40))
def test_only_sixteen_letters_and_digits_look_like_a_recovery_code(typed):
    assert recovery.looks_like_code(typed) == (len(recovery.normalise(typed)) == 16)
    assert not recovery.looks_like_code("123456")


@pytest.mark.django_db
def test_enrolment_shows_ten_codes_once_and_keeps_only_their_digests(client):
    user = UserFactory(username="asel")
    client.force_login(user)
    client.get(reverse("accounts:two-factor-setup"))
    user.refresh_from_db()
    response = client.post(reverse("accounts:two-factor-setup"), {"code": pyotp.TOTP(user.totp_secret).now()})
    codes = CODE_PATTERN.findall(response.content.decode())
    assert len(codes) == recovery.COUNT and response["Cache-Control"] == "no-store"
    stored = set(RecoveryCode.objects.filter(user=user).values_list("digest", flat=True))
    assert stored == {recovery.digest(code) for code in codes}
    assert not any(code in stored for code in codes)
    second_visit = client.get(reverse("accounts:two-factor-setup")).content.decode()
    assert not CODE_PATTERN.search(second_visit) and "10 left" in second_visit


@pytest.mark.django_db
def test_a_recovery_code_logs_in_once_whatever_its_case_and_spacing(client):
    user = _two_factor_user()
    code = services.recovery_codes_generate(actor=user)[3]
    typed = " " + code.upper().replace("-", " ") + " "
    assert _log_in_with_code(client, typed).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert services.recovery_codes_left(user=user) == 9
    assert AuditEvent.objects.filter(event_type="accounts.recovery_code.used", object_id=str(user.pk)).exists()
    client.logout()
    replay = _log_in_with_code(client, code)
    assert replay.status_code == 200 and "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.failed_logins == 1


@pytest.mark.django_db
def test_another_users_code_does_not_open_this_account(client):
    other = UserFactory(username="bota", totp_secret=pyotp.random_base32(), totp_confirmed=True)
    foreign_code = services.recovery_codes_generate(actor=other)[0]
    user = _two_factor_user()
    services.recovery_codes_generate(actor=user)
    assert _log_in_with_code(client, foreign_code).status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_new_codes_need_the_password_and_replace_the_old_ones(client):
    user = _two_factor_user()
    old = services.recovery_codes_generate(actor=user)
    client.force_login(user)
    url = reverse("accounts:two-factor-recovery-codes")
    refused = client.post(url, {"codes-password": "wrong"})
    assert refused.status_code == 302 and services.recovery_codes_left(user=user) == 10
    assert set(RecoveryCode.objects.filter(user=user).values_list("digest", flat=True)) == {
        recovery.digest(code) for code in old
    }
    response = client.post(url, {"codes-password": PASSWORD})
    new = CODE_PATTERN.findall(response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    client.logout()
    assert _log_in_with_code(client, old[0]).status_code == 200
    assert AuditEvent.objects.filter(event_type="accounts.recovery_codes.generated", object_id=str(user.pk)).exists()


@pytest.mark.django_db
def test_turning_two_factor_off_or_resetting_it_removes_the_codes():
    user = _two_factor_user()
    services.recovery_codes_generate(actor=user)
    services.totp_disable(actor=user, password=PASSWORD)
    assert not RecoveryCode.objects.filter(user=user).exists()
    with pytest.raises(Exception, match="Turn on two-factor"):
        services.recovery_codes_generate(actor=user)
