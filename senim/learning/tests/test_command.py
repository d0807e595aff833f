"""`senim learning …` imports a bank with an unsupported question (reported, the rest imported),
exports it again, imports attendees and results, and refuses a user without the right."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.learning import services
from senim.learning.models import Attendance, ExternalCompletion, Question
from senim.org.models import Employee

pytestmark = pytest.mark.django_db


def test_import_and_export_questions(group, tmp_path):
    user_with_role("officer", username="olga")
    source = tmp_path / "bank.gift"
    source.write_text("::A:: Pick {=yes ~no}\n\n::B:: How many? {#3}\n\n::C:: True? {T}\n", encoding="utf-8")
    err = StringIO()
    call_command("learning", "import-questions", str(source), "--bank", "Basics", stderr=err, stdout=StringIO())
    assert Question.objects.count() == 2
    assert "question 2 'B': unsupported: numerical" in err.getvalue()
    target = tmp_path / "out.xml"
    call_command("learning", "export-questions", "Basics", str(target), stdout=StringIO())
    assert b"<quiz>" in target.read_bytes()


def test_import_attendees_and_results(group, tmp_path):
    officer = user_with_role("officer", username="olga")
    event = services.event_create(
        actor=officer, company=group.a, title="C", trainer_organisation="T", date=dt.date(2026, 1, 5), hours=2
    )
    attendees = tmp_path / "attendees.csv"
    attendees.write_text(f"personnel number\n{group.in_leaf.personnel_number}\n", encoding="utf-8")
    call_command("learning", "import-attendees", str(event.pk), str(attendees), stdout=StringIO())
    assert Attendance.objects.count() == 1
    results = tmp_path / "results.csv"
    results.write_text(
        "number;company;activity;date;passed;score\n"
        f"{group.in_leaf.personnel_number};{group.a.registration_number};Ethics;01.02.2026;yes;80\n",
        encoding="utf-8",
    )
    call_command("learning", "import-results", str(results), stdout=StringIO())
    assert ExternalCompletion.objects.get().score == 80


def test_the_command_line_acts_as_the_system(group, tmp_path):
    source = tmp_path / "bank.gift"
    source.write_text("::A:: Pick {=yes ~no}\n", encoding="utf-8")
    call_command("learning", "import-questions", str(source), "--bank", "B", stdout=StringIO())
    assert Question.objects.count() == 1
    event = AuditEvent.objects.get(event_type="learning.bank.imported")
    assert event.actor_id is None and event.actor_label == "system"
    with pytest.raises(CommandError):
        call_command("learning", "import-questions", str(source), "--bank", "B", "--as", "emil", stdout=StringIO())


def test_reminders_run_as_a_background_task_and_a_second_run_skips(group):
    """`--background` queues the task (the test backend runs it at once); while one run holds the
    lock, another e-mails nobody."""
    from senim.core.locks import exclusive
    from senim.learning import tasks
    from senim.learning.models import AssignmentItem
    from senim.learning.tests.factories import make_test, officer

    actor = officer()
    services.assignment_create(
        actor=actor, test=make_test(actor, count=1), audience="all", company=group.a, due_date=dt.date.today()
    )
    for employee in Employee.objects.all():
        Employee.objects.filter(pk=employee.pk).update(email=f"e{employee.pk.hex[:8]}@example.kz")
    with exclusive(tasks.REMINDERS_LOCK):
        assert tasks.send_reminders.call() == {"skipped": 1}
    assert not AssignmentItem.objects.filter(reminders_sent__gt=0).exists()
    out = StringIO()
    call_command("learning", "remind", "--background", stdout=out)
    assert "Queued for the worker" in out.getvalue()
    assert AssignmentItem.objects.filter(reminders_sent__gt=0).exists()
