"""Threats: guessing passwords unseen (failed log-ins not audited), learning which accounts exist
from the lock-out message, and flooding an inbox (or the mail server) with password-reset mail."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import UserFactory
from senim.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _attempt(client: Client, name: str) -> str:
    response = client.post(reverse("accounts:login"), {"username": name, "password": "wrong-password"})
    return response.content.decode()


def test_failed_log_ins_are_audited():
    user = UserFactory(username="asel")
    _attempt(Client(), "asel")
    _attempt(Client(), "nobody-here")
    events = AuditEvent.objects.filter(event_type="accounts.login.failed")
    assert events.count() == 2
    assert events.filter(object_id=str(user.pk)).count() == 1
    assert not events.filter(object_repr__icontains="nobody").exists()


def test_the_lock_out_answers_the_same_for_unknown_and_existing_accounts(settings):
    settings.SENIM_LOGIN_MAX_FAILURES = 3
    UserFactory(username="asel")
    client = Client()
    existing = [_attempt(client, "asel") for _ in range(4)]
    unknown = [_attempt(client, "nobody-here") for _ in range(4)]
    assert "locked" in existing[-1]
    assert "locked" in unknown[-1]
    for mine, theirs in zip(existing, unknown, strict=True):
        assert ("locked" in mine) == ("locked" in theirs)


def test_password_reset_requests_are_rate_limited_per_account_and_per_address(settings):
    settings.SENIM_RESET_RATE_PER_ACCOUNT = 2
    settings.SENIM_RESET_RATE_PER_HOUR = 3
    UserFactory(email="asel@example.kz")
    UserFactory(email="dana@example.kz")
    client = Client()
    for _ in range(3):
        response = client.post(reverse("accounts:password-reset"), {"email": "asel@example.kz"})
        assert response.status_code == 302  # the same answer, sent or not
    assert len(mail.outbox) == 2  # per account
    client.post(reverse("accounts:password-reset"), {"email": "dana@example.kz"})
    assert len(mail.outbox) == 2  # per address: the fourth request from this client
    other = Client(REMOTE_ADDR="198.51.100.9")
    other.post(reverse("accounts:password-reset"), {"email": "dana@example.kz"})
    assert len(mail.outbox) == 3
