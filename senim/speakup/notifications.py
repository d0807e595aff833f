"""E-mails to the compliance service: overdue cases and retaliation-watch reminders. They name
cases by reference and deadline only, never content, and never go to a reporter."""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from senim.core.access import SYSTEM
from senim.core.audit import audit_record
from senim.speakup import conf, selectors
from senim.speakup.models import Case


def _mail(user: Any, subject: str, lines: list[str]) -> None:
    send_mail(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=False)


def _by_officer(cases: list[Case]) -> dict[Any, list[Case]]:
    grouped: dict[Any, list[Case]] = defaultdict(list)
    for case in cases:
        recipients = list(case.assignees.filter(is_active=True).exclude(email="")) + [
            u for u in selectors.officers_for(actor=SYSTEM, case=case) if u.email
        ]
        for user in {u.pk: u for u in recipients}.values():
            if not selectors.kept_out(actor=user, case=case):
                grouped[user].append(case)
    return grouped


def notify_overdue(*, today: dt.date | None = None) -> int:
    """E-mail each officer (and assigned investigator) the overdue cases not yet notified today;
    return the number of e-mails sent."""
    today = today or timezone.localdate()
    cases = list(selectors.overdue_cases(actor=SYSTEM, today=today).exclude(overdue_notified_on=today))
    sent = 0
    for user, mine in _by_officer(cases).items():
        with translation.override(user.language or settings.LANGUAGE_CODE):
            lines = [_("These Speak Up cases are overdue:"), ""]
            for case in mine:
                late = ", ".join(
                    _("acknowledgement due %(date)s") % {"date": case.acknowledge_due}
                    if kind == "acknowledge"
                    else _("feedback due %(date)s") % {"date": case.feedback_due}
                    for kind in case.overdue_kinds(today)
                )
                lines.append(f"{case.reference}: {late}")
            lines += ["", _("Open them in Senim: %(path)s") % {"path": "/speakup/cases/?overdue=on"}]
            _mail(
                user,
                ngettext("Speak Up: %(count)s overdue case", "Speak Up: %(count)s overdue cases", len(mine))
                % {"count": len(mine)},
                lines,
            )
        sent += 1
    with transaction.atomic():
        for case in cases:
            Case.objects.filter(pk=case.pk).update(overdue_notified_on=today)
            audit_record(actor=SYSTEM, event_type="speakup.case.overdue_notified", obj=case)
    return sent


def remind_watch(*, today: dt.date | None = None) -> int:
    """Remind the officers of closed cases with a named reporter to check in with them about
    retaliation, every few months during the watch; return the number of e-mails sent."""
    today = today or timezone.localdate()
    cases = list(selectors.watch_due(actor=SYSTEM, today=today, every_days=conf.retaliation_reminder_days()))
    sent = 0
    for user, mine in _by_officer(cases).items():
        with translation.override(user.language or settings.LANGUAGE_CODE):
            lines = [
                _(
                    "The reporters of these closed Speak Up cases gave their names. Check in with them "
                    "that they have not suffered retaliation, and record it as a note:"
                ),
                "",
            ]
            lines += [
                _("%(reference)s (watch until %(date)s)") % {"reference": c.reference, "date": c.watch_until}
                for c in mine
            ]
            _mail(user, _("Speak Up: retaliation watch"), lines)
        sent += 1
    with transaction.atomic():
        for case in cases:
            Case.objects.filter(pk=case.pk).update(watch_reminded_on=today)
            audit_record(actor=SYSTEM, event_type="speakup.case.watch_reminded", obj=case)
    return sent
