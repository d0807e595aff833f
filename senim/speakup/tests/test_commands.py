"""`senim speakup` commands, the overdue and retaliation-watch e-mails, indicators, the
master-key rotation and the access log that leaves out Speak Up paths."""

import datetime as dt
import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from senim.accounts.tests.factories import user_with_role
from senim.core.access_log import PrivateAccessLogger, is_unlogged
from senim.core.indicators import compute_values
from senim.speakup import notifications, services
from senim.speakup.models import Case
from senim.speakup.tests.factories import submit, submit_named

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("speakup", *args, stdout=out)
    return out.getvalue()


def test_overdue_command_lists_and_notifies_once_a_day(group):
    officer = user_with_role("officer", email="officer@example.kz", company=group.a)
    user_with_role("officer", email="b-officer@example.kz", company=group.b)
    named = user_with_role("officer", email="named@example.kz", employee=group.in_leaf)
    case = submit(company=group.a).case
    services.link_add(actor=officer, case=case, role="named", employee=group.in_leaf)
    Case.objects.filter(pk=case.pk).update(acknowledge_due=dt.date(2020, 1, 1))
    output = _run("overdue", "--notify")
    assert case.reference in output and "1 overdue case(s)" in output
    recipients = sorted(addr for message in mail.outbox for addr in message.to)
    assert recipients == ["officer@example.kz"]  # not company B's officer, not the named one
    assert case.reference in mail.outbox[0].body and "suppliers" not in mail.outbox[0].body
    assert named.email not in recipients
    _run("overdue", "--notify")
    assert len(mail.outbox) == 1  # not twice on the same day


def test_retaliation_watch_reminders(group):
    officer = user_with_role("officer", email="officer@example.kz")
    anonymous = submit().case
    named = submit_named().case
    for case in (anonymous, named):
        services.case_close(actor=officer, case=case, outcome="substantiated", measures=[])
    assert notifications.remind_watch() == 1
    assert named.reference in mail.outbox[0].body and anonymous.reference not in mail.outbox[0].body
    assert notifications.remind_watch() == 0  # the next one is due in three months
    later = timezone.localdate() + dt.timedelta(days=91)
    assert notifications.remind_watch(today=later) == 1


def test_stats_command(group):
    officer = user_with_role("officer")
    services.case_close(actor=officer, case=submit(company=group.a).case, outcome="partly", measures=["training"])
    submit(kind="question", content={"question": "Pen?"})
    output = json.loads(_run("stats", "--year", str(timezone.localdate().year), "--format", "json"))
    assert output["total"] == 2 and output["closed"] == 1 and output["questions"] == 1
    assert output["by_outcome"] == {"partly": 1} and output["measures"] == {"training": 1}
    assert "median_days_to_close" in _run("stats")


def test_indicators(group):
    officer = user_with_role("officer")
    submit(company=group.a)
    services.case_close(actor=officer, case=submit_named(company=group.a).case, outcome="substantiated", measures=[])
    submit(company=group.a, kind="question", content={"question": "?"})
    year = timezone.localdate().year
    values = {v.code: v.value for v in compute_values(year=year, company_id=group.a.pk)}
    assert values["speakup.reports"] == 2 and values["speakup.questions"] == 1
    assert values["speakup.anonymous_share"] == 50.0 and values["speakup.substantiated_share"] == 100.0
    assert values["speakup.closed"] == 1 and values["speakup.reports.channel.web"] == 2
    assert values["speakup.reports.category.bribery"] == 2
    assert values["speakup.missed_deadlines"] == 0
    assert {v.code: v.previous for v in compute_values(year=year)}["speakup.reports"] == 0


def test_speakup_paths_are_left_out_of_the_access_log():
    assert is_unlogged("/speakup/report/") and is_unlogged("/speakup/follow/")
    assert not is_unlogged("/org/employees/")
    lines: list[str] = []

    class Recorder(PrivateAccessLogger):
        def __init__(self) -> None:  # no gunicorn config needed for this check
            pass

    logger = Recorder()
    original = PrivateAccessLogger.__mro__[1].access
    try:
        PrivateAccessLogger.__mro__[1].access = lambda self, *a: lines.append(a[2]["PATH_INFO"])  # type: ignore[method-assign]
        logger.access(None, None, {"PATH_INFO": "/speakup/report/", "REMOTE_ADDR": "203.0.113.1"}, None)
        logger.access(None, None, {"PATH_INFO": "/org/", "REMOTE_ADDR": "203.0.113.1"}, None)
    finally:
        PrivateAccessLogger.__mro__[1].access = original  # type: ignore[method-assign]
    assert lines == ["/org/"]


def test_indicators_page_and_api_show_speakup_figures(group):
    from django.test import Client

    submit(company=group.a)
    officer = user_with_role("officer")
    client = Client()
    client.force_login(officer)
    page = client.get("/indicators/").content.decode()
    assert "Speak Up reports received" in page and "Reports per 100 employees" in page
    values = {v["code"]: v["value"] for v in client.get("/api/v1/indicators").json()}
    assert values["speakup.reports"] == 1


def test_notify_command_runs_both_or_queues_them(group):
    officer = user_with_role("officer", email="officer@example.kz")
    late = submit().case
    Case.objects.filter(pk=late.pk).update(acknowledge_due=dt.date(2020, 1, 1))
    services.case_close(actor=officer, case=submit_named().case, outcome="unsubstantiated", measures=[])
    assert "1 overdue e-mail(s), 1 reminder e-mail(s) sent." in _run("notify")
    assert len(mail.outbox) == 2
    assert "Queued for the worker" in _run("notify", "--background")  # inline backend in tests: runs now
    assert len(mail.outbox) == 2  # nothing new to send today
