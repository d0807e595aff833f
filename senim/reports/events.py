"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "reports.report.created": _("Report created"),
        "reports.report.approved": _("Report approved"),
        "reports.report.version_opened": _("Report correction opened as a new version"),
        "reports.text.updated": _("Report text changed"),
        "reports.figure.overridden": _("Report figure overridden"),
        "reports.figure.restored": _("Report figure restored to the computed value"),
        "reports.methodology.created": _("Rating methodology created"),
        "reports.methodology.points_changed": _("Rating methodology points changed"),
        "reports.rating.created": _("Effectiveness self-assessment opened"),
        "reports.rating.graded": _("Self-assessment grades set"),
        "reports.rating.external_recorded": _("Agency's rating result recorded"),
        "reports.rating.approved": _("Self-assessment approved"),
        "reports.evidence.uploaded": _("ISO evidence document uploaded"),
        "reports.evidence.removed": _("ISO evidence document removed"),
    }
)
