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
