"""E-mails that tell officers a report or question came in: the reference, the kind and the date
the acknowledgement is due, and where to open it; never its content or anything about the reporter."""

from typing import Any

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from senim.core.access import SYSTEM
from senim.core.mail import mail_users, notice
from senim.speakup import selectors
from senim.speakup.models import Case, Kind


@notice
def case_received(case_id: str) -> int:
    """E-mail the officers over the case's company (not one named in it, not the one who registered
    it) that a new case came in; return how many e-mails were sent."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return 0
    users = [u for u in selectors.officers_for(actor=SYSTEM, case=case) if u.pk != case.registered_by_id]
    path = reverse("speakup:case-detail", args=[case.pk])

    def render(user: Any) -> tuple[str, list[str]]:
        if case.kind == Kind.QUESTION:
            subject = _("Speak Up: a new question %(reference)s") % {"reference": case.reference}
        else:
            subject = _("Speak Up: a new report %(reference)s") % {"reference": case.reference}
        due = formats.date_format(case.acknowledge_due, "DATE_FORMAT")
        return subject, [
            _("A new Speak Up case %(reference)s came in.") % {"reference": case.reference},
            _("Acknowledge it by %(date)s.") % {"date": due},
            "",
            _("Open it in Senim: %(path)s") % {"path": path},
        ]

    return mail_users(users, render)
