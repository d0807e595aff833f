"""`senim awareness …`: the command line acts as the system."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from senim.awareness import services, tasks
from senim.awareness.models import AckCampaign, Acknowledgement, CandidateCheck
from senim.awareness.tests.factories import adopted_code, officer
from senim.core.access import SYSTEM
from senim.core.locks import exclusive
from senim.org.models import Employee

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("awareness", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_launch_remind_list_and_overdue(group):
    code = adopted_code(group)
    campaign = services.campaign_create(
        actor=SYSTEM, version=code.current_version, title="Code", deadline=dt.date.today() + dt.timedelta(days=3)
    )
    assert "4 employees asked" in _run("campaign", "launch", str(campaign.pk))
    assert "reminders sent" in _run("campaign", "remind")
    assert "0/4 acknowledged" in _run("campaign", "list")
    AckCampaign.objects.filter(pk=campaign.pk).update(deadline=dt.date.today() - dt.timedelta(days=1))
    campaign.requests.update(due_date=dt.date.today() - dt.timedelta(days=1))
    assert group.in_leaf.personnel_number in _run("overdue")
    with pytest.raises(CommandError):
        _run("campaign", "launch", str(campaign.pk))


def test_import_refuses_a_file_with_a_bad_row_unless_valid_only(group, tmp_path):
    code = adopted_code(group)
    path = tmp_path / "a.csv"
    path.write_text(f"personnel_number,acknowledged_on\n{group.in_leaf.personnel_number},2026-03-05\nX,2026-03-05\n")
    with pytest.raises(CommandError):
        _run("import", "acknowledgements", str(path), "--version", str(code.current_version.pk))
    assert not Acknowledgement.objects.exists()
    assert "1 added" in _run(
        "import", "acknowledgements", str(path), "--version", str(code.current_version.pk), "--valid-only"
    )


def test_sync_and_purge(group, settings):
    settings.SENIM_CANDIDATE_RETENTION_DAYS = 0
    assert "0 new obligations" in _run("agreements", "sync")
    check = services.candidate_check_run(actor=officer(), company=group.a, full_name="Петров Пётр")
    CandidateCheck.objects.filter(pk=check.pk).update(checked_on=dt.date.today() - dt.timedelta(days=1))
    assert "1 checks deleted" in _run("candidates", "purge")


def test_reminders_run_as_a_background_task_and_a_second_run_skips(group):
    """`--background` queues the task (the test backend runs it at once); while one run holds the
    lock, another e-mails nobody."""
    code = adopted_code(group)
    campaign = services.campaign_create(
        actor=SYSTEM, version=code.current_version, title="Code", deadline=dt.date.today() + dt.timedelta(days=3)
    )
    services.campaign_launch(actor=SYSTEM, campaign=campaign)
    for employee in Employee.objects.all():
        Employee.objects.filter(pk=employee.pk).update(email=f"e{employee.pk.hex[:8]}@example.kz")
    with exclusive(tasks.REMINDERS_LOCK):
        assert tasks.send_reminders.call() == {"skipped": 1}
    assert not campaign.requests.filter(reminders_sent__gt=0).exists()
    assert "Queued for the worker" in _run("campaign", "remind", "--background")
    assert campaign.requests.filter(reminders_sent__gt=0).exists()
