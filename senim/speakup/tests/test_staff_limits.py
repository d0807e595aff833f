"""Staff forms that take files (intake, messages to the reporter) refuse a body larger than any
allowed upload from its declared length, before anything reads it, as the public forms do; CSRF
is still checked for everything else."""

from unittest import mock

import pytest
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.speakup import limits
from senim.speakup.models import Case, Message
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db

HUGE = str(50 * 1024 * 1024)


def _client(user, **kwargs) -> Client:  # type: ignore[no-untyped-def]
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def small_limits(settings):  # type: ignore[no-untyped-def]
    settings.SENIM_SPEAKUP_MAX_FILE_MB = 1
    settings.SENIM_SPEAKUP_MAX_FILES = 2


def test_intake_refuses_an_oversized_body_unread(group, small_limits):
    client = _client(user_with_role("officer", company=group.a))
    data = {"kind": "report", "channel": "post", "category": "fraud", "what": "x", "identity": "anonymous"}
    with mock.patch.object(HttpRequest, "_load_post_and_files", side_effect=AssertionError("body read")):
        response = client.post(reverse("speakup:case-intake"), data, CONTENT_LENGTH=HUGE)
    assert response.status_code == 413 and "too large" in response.content.decode()
    assert not Case.objects.exists()
    assert client.post(reverse("speakup:case-intake"), data, CONTENT_LENGTH="nonsense").status_code == 413


def test_officer_message_refuses_an_oversized_body_unread(group, small_limits):
    case = submit(company=group.a).case
    client = _client(user_with_role("officer", company=group.a))
    url = reverse("speakup:case-message", args=[case.pk])
    with mock.patch.object(HttpRequest, "_load_post_and_files", side_effect=AssertionError("body read")):
        response = client.post(url, {"body": "Hello"}, CONTENT_LENGTH=HUGE)
    assert response.status_code == 413
    assert not Message.objects.exists()
    assert client.post(url, {"body": "Hello"}).status_code == 302  # a normal one still goes through
    assert Message.objects.count() == 1


def test_anonymous_oversized_post_is_sent_to_log_in(group, small_limits):
    case = submit(company=group.a).case
    response = Client().post(reverse("speakup:case-message", args=[case.pk]), {"body": "x"}, CONTENT_LENGTH=HUGE)
    # a body larger than any upload is refused at the edge (core.middleware.BodyLimitMiddleware)
    assert response.status_code == 413
    just_over = str(limits.max_body_bytes() + 1)
    response = Client().post(reverse("speakup:case-message", args=[case.pk]), {"body": "x"}, CONTENT_LENGTH=just_over)
    assert response.status_code == 302 and "login" in response["Location"]


def test_csrf_is_still_checked_on_the_staff_upload_forms(group):
    case = submit(company=group.a).case
    client = _client(user_with_role("officer", company=group.a), enforce_csrf_checks=True)
    assert client.post(reverse("speakup:case-message", args=[case.pk]), {"body": "x"}).status_code == 403
    assert client.post(reverse("speakup:case-intake"), {"kind": "report"}).status_code == 403
    assert not Message.objects.exists()
