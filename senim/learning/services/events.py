"""Training events (classroom and special courses): create, import attendees by personnel number
(all or nothing), and issue certificates to attendees."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from senim.core.access import Actor, require
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.services import model_create
from senim.learning import policy
from senim.learning.models import Attendance, TrainingEvent
from senim.learning.services.testing import certificate_issue
from senim.org.models import Employee

__all__ = ["RowError", "attendees_add", "event_certificates_issue", "event_create"]

EVENT_FIELDS = ["kind", "title", "trainer_organisation", "date", "hours", "company", "location"]


class RowError(ValidationError):
    """A file with bad rows: `rows` maps the row number to its messages; nothing was saved."""

    def __init__(self, rows: dict[int, list[str]]) -> None:
        self.rows = rows
        super().__init__(
            [_("Row %(row)s: %(error)s") % {"row": row, "error": "; ".join(errors)} for row, errors in rows.items()]
        )


def event_create(*, actor: Actor, company: Any, **data: Any) -> TrainingEvent:
    """Record a training held on its day (the indicators count its attendees in that year): never
    in the future nor before the company existed; a past day is back-dating (officers, audited)."""
    require(actor, policy.MANAGE, company_id=company.pk)
    backdated = check_event_dates(
        actor=actor,
        company_id=company.pk,
        founded_on=company.founded_on,
        dates={"date": data.get("date")},
        labels={"date": _("Date")},
    )
    event = TrainingEvent(company=company, **{k: v for k, v in data.items() if k in EVENT_FIELDS})
    return model_create(
        actor=actor,
        instance=event,
        event_type="learning.event.created",
        fields=EVENT_FIELDS,
        extra=backdated_changes(backdated),
    )


def attendees_add(*, actor: Actor, event: TrainingEvent, personnel_numbers: Iterable[str]) -> int:
    """Record the attendees of an event by personnel number in the event's company; all or nothing.
    Return how many were added (people already recorded are skipped)."""
    require(actor, policy.MANAGE, company_id=event.company_id)
    numbers = [(row, str(n).strip()) for row, n in enumerate(personnel_numbers, start=2)]
    wanted = {n for _row, n in numbers if n}
    found = {
        e.personnel_number: e for e in Employee.objects.filter(company_id=event.company_id, personnel_number__in=wanted)
    }
    errors: dict[int, list[str]] = {}
    for row, number in numbers:
        if not number:
            errors.setdefault(row, []).append(_("the personnel number is empty"))
        elif number not in found:
            errors.setdefault(row, []).append(
                _("no employee with personnel number %(number)s in this company") % {"number": number}
            )
    if errors:
        raise RowError(errors)
    present = set(Attendance.objects.filter(event=event).values_list("employee_id", flat=True))
    new = []
    for _row, number in numbers:
        employee = found[number]
        if employee.pk in present:
            continue
        present.add(employee.pk)
        new.append(Attendance(event=event, employee=employee, company_id=employee.company_id, unit_id=employee.unit_id))
    with transaction.atomic():
        Attendance.objects.bulk_create(new)
        audit_record(
            actor=actor,
            event_type="learning.event.attendees_added",
            obj=event,
            changes={"attendees": [None, len(new)]},
            company_id=event.company_id,
        )
    return len(new)


def event_certificates_issue(*, actor: Actor, event: TrainingEvent, issued_on: dt.date | None = None) -> int:
    """Issue a certificate to every attendee who has none; return how many were issued."""
    require(actor, policy.MANAGE, company_id=event.company_id)
    issued = 0
    with transaction.atomic():
        for attendance in event.attendees.filter(certificate__isnull=True).select_related("event"):
            certificate_issue(attendance=attendance, issued_on=issued_on)
            issued += 1
    return issued
