"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "speakup.case.submitted": _("Report submitted"),
        "speakup.case.registered": _("Report registered"),
        "speakup.case.viewed": _("Case viewed"),
        "speakup.case.assigned": _("Case assigned"),
        "speakup.case.status_changed": _("Case status changed"),
        "speakup.case.answered": _("Answer recorded"),
        "speakup.case.closed": _("Case closed"),
        "speakup.case.overdue_notified": _("Overdue notice sent"),
        "speakup.case.watch_reminded": _("Watch reminder sent"),
        "speakup.case.receipt_issued": _("New receipt key issued"),
        "speakup.message.sent": _("Message sent to the reporter"),
        "speakup.message.received": _("Message received from the reporter"),
        "speakup.note.added": _("Note added"),
        "speakup.task.added": _("Task added"),
        "speakup.task.done": _("Task done"),
        "speakup.link.added": _("Link added"),
        "speakup.link.removed": _("Link removed"),
        "speakup.file.downloaded": _("File downloaded"),
        "speakup.reward.recorded": _("Reward recorded"),
        "speakup.conflict.declared": _("Conflict of interest declared on the case"),
        "speakup.poster_text.saved": _("Poster wording saved"),
        "speakup.poster_tag.created": _("Poster source tag created"),
        "speakup.case.imported": _("Case imported"),
    }
)
