"""Issue 13: staff intake speaks to the officer, and officers hear by e-mail, in their language and
without content, that a report or question came in."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.speakup.tests.factories import submit, submit_named

pytestmark = pytest.mark.django_db


def test_staff_intake_speaks_of_the_reporter(group):
    officer = user_with_role("officer", company=group.a, language="en")
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("speakup:case-intake")).content.decode()
    assert "Reporter&#x27;s identity" in page and "Reporter&#x27;s name" in page
    assert "Your identity" not in page and "Your name" not in page and "I do not give my name" not in page
    data = {
        "kind": "report",
        "channel": "hotline",
        "received_on": dt.date.today().isoformat(),
        "company": str(group.a.pk),
        "category": "fraud",
        "what": "x",
        "identity": "confidential",
        "language": "ru",
    }
    error = client.post(reverse("speakup:case-intake"), data).content.decode()
    assert "Give the reporter&#x27;s name" in error
    officer.language = "ru"
    officer.save(update_fields=["language"])
    page = client.get(reverse("speakup:case-intake")).content.decode()
    assert "Reporter" not in page and "Личность заявителя" in page


def test_officers_hear_of_a_new_report_in_their_language_without_content(group, django_capture_on_commit_callbacks):
    kk = user_with_role("officer", company=group.a, language="kk", email="kk@example.kz")
    en = user_with_role("officer", language="en", email="en@example.kz")
    user_with_role("officer", company=group.b, email="b@example.kz")  # another company: not told
    user_with_role("officer", company=group.a, email="", language="ru")  # no address: skipped
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit_named(company=group.a)
    case = submission.case
    assert sorted(m.to[0] for m in mail.outbox) == [en.email, kk.email]
    by = {m.to[0]: m for m in mail.outbox}
    assert case.reference in by[kk.email].subject and case.reference in by[en.email].subject
    assert "new report" in by[en.email].subject
    assert by[kk.email].subject != by[en.email].subject  # Kazakh, not English
    for message in mail.outbox:
        text = message.subject + message.body
        for secret in ("warehouse", "cash", "A. Head", "Айгерим", "aigerim@", "+7 701"):
            assert secret not in text
        assert str(case.pk) in message.body


def test_no_mail_before_commit_and_none_to_the_registering_officer(group, django_capture_on_commit_callbacks):
    registering = user_with_role("officer", company=group.a, email="me@example.kz")
    other = user_with_role("officer", company=group.a, email="other@example.kz")
    from senim.speakup import services

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.case_register(
            actor=registering,
            kind="question",
            channel="hotline",
            category="other",
            content={"question": "May I accept a fountain gift?"},
            anonymous=True,
            received_on=dt.date.today(),
            company_id=group.a.pk,
        )
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert [m.to for m in mail.outbox] == [[other.email]]
    assert "question" in mail.outbox[0].subject and "fountain" not in mail.outbox[0].body


def test_anonymous_web_report_mail_names_nobody(group, django_capture_on_commit_callbacks):
    user_with_role("officer", email="o@example.kz")
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    assert len(mail.outbox) == 1 and "bribery" not in mail.outbox[0].body.lower()
