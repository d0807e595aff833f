"""Reminders to the people responsible for plan measures: one e-mail per person, in their language,
listing their open periods that are overdue or due within the notice period. Run daily by
`senim risks remind` (or queued for `senim worker` with --background)."""

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from senim.core.audit import audit_record
from senim.risks.models import MeasureInstance, MeasureStatus

logger = logging.getLogger(__name__)
NOTICE_DAYS = 14


def measures_remind(*, today: dt.date | None = None, days: int = NOTICE_DAYS) -> dict[str, int]:
    """E-mail each responsible person their overdue and soon-due periods; return the counts."""
    today = today or timezone.localdate()
    open_periods = (
        MeasureInstance.objects.exclude(status__in=[MeasureStatus.DONE, MeasureStatus.CANCELLED])
        .filter(due_date__lte=today + dt.timedelta(days=days))
        .select_related("measure", "measure__plan")
        .prefetch_related("measure__responsible_employees__user_account")
        .order_by("due_date")
    )
    by_person: dict[Any, list[MeasureInstance]] = defaultdict(list)
    for period in open_periods:
        for employee in period.measure.responsible_employees.all():
            if employee.dismissal_date is None:
                by_person[employee].append(period)
    sent = without_address = 0
    for employee, periods in by_person.items():
        account = getattr(employee, "user_account", None)
        email = employee.email or (account.email if account else "")
        if not email:
            without_address += 1
            continue
        language = (getattr(account, "language", "") if account else "") or settings.LANGUAGE_CODE
        with translation.override(language):
            subject = _("Reminder: plan measures due")
            lines = [
                _("%(due)s — %(plan)s, measure %(number)s: %(text)s")
                % {
                    "due": p.due_date.strftime("%d.%m.%Y"),
                    "plan": p.measure.plan.title,
                    "number": p.measure.number,
                    "text": p.measure.text[:200],
                }
                + (" " + _("(overdue)") if p.due_date < today else "")
                for p in periods
            ]
            body = _("These measures you are responsible for are due or overdue:") + "\n\n" + "\n".join(lines)
        try:
            send_mail(subject, body, None, [email])
        except OSError:
            logger.warning("Reminder to %s could not be sent", employee.pk)
            continue
        sent += 1
    if sent:
        audit_record(
            actor=None,
            event_type="risks.measures_reminded",
            object_type="risks.measure",
            object_repr="open measures",
            changes={"sent": [None, sent], "without_address": [None, without_address]},
        )
    return {"sent": sent, "without_address": without_address}
