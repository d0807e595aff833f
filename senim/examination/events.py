"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "examination.created": _("Draft examination opened"),
        "examination.version_added": _("Draft version examined"),
        "examination.reopened": _("Examination reopened by a revision"),
        "examination.finding_confirmed": _("Finding confirmed"),
        "examination.finding_dismissed": _("Finding dismissed"),
        "examination.finding_added": _("Finding added by the expert"),
        "examination.concluded": _("Examination conclusion signed"),
        "examination.risk_accepted": _("Remaining risk accepted"),
        "examination.clearance_asked": _("Draft clearance asked"),
    }
)
