"""Reminders of plan measures: one e-mail per responsible person with their overdue and soon-due
periods; done periods and far deadlines are left out; the task skips while another run holds the lock."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from senim.core.locks import exclusive
from senim.org.models import Employee
from senim.risks import services, tasks
from senim.risks.models import Measure, MeasureInstance, MeasureStatus, Plan, PlanKind

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 1)


def test_responsible_people_are_reminded_of_due_and_overdue_measures(group):
    Employee.objects.filter(pk=group.in_branch.pk).update(email="kasymova@example.kz")
    plan = Plan.objects.create(
        company=group.a, kind=PlanKind.ROADMAP, title_en="ESG roadmap", first_year=2025, last_year=2032
    )
    measure = Measure.objects.create(plan=plan, number="1.1", position=1, text_en="Publish the supplier code")
    measure.responsible_employees.add(group.in_branch, group.in_leaf)  # the second has no address
    MeasureInstance.objects.create(measure=measure, period="2025", due_date=dt.date(2026, 2, 1))
    MeasureInstance.objects.create(measure=measure, period="2026", due_date=dt.date(2026, 3, 10))
    MeasureInstance.objects.create(measure=measure, period="2027", due_date=dt.date(2027, 3, 10))
    MeasureInstance.objects.create(
        measure=measure, period="2024", due_date=dt.date(2025, 3, 10), status=MeasureStatus.DONE
    )
    with exclusive(tasks.REMINDERS_LOCK):
        assert tasks.send_reminders.call() == {"skipped": 1}
    assert services.measures_remind(today=TODAY) == {"sent": 1, "without_address": 1}
    (message,) = mail.outbox
    assert message.to == ["kasymova@example.kz"]
    assert "01.02.2026" in message.body and "10.03.2026" in message.body
    assert "10.03.2027" not in message.body and "10.03.2025" not in message.body
    out = io.StringIO()
    call_command("risks", "remind", "--background", stdout=out)
    assert "Queued for the worker" in out.getvalue()
