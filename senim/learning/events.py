"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "learning.article.created": _("Knowledge base article created"),
        "learning.article.updated": _("Knowledge base article changed"),
        "learning.attachment.added": _("File attached to an article"),
        "learning.category.created": _("Knowledge base category created"),
        "learning.faq.published": _("Speak Up question published as FAQ"),
        "learning.course.created": _("Course created"),
        "learning.course.updated": _("Course changed"),
        "learning.page.created": _("Course page created"),
        "learning.page.updated": _("Course page changed"),
        "learning.bank.created": _("Question bank created"),
        "learning.bank.imported": _("Question bank imported"),
        "learning.question.created": _("Test question created"),
        "learning.question.updated": _("Test question changed"),
        "learning.test.created": _("Test created"),
        "learning.attempt.started": _("Test attempt started"),
        "learning.attempt.finished": _("Test attempt finished"),
        "learning.certificate.issued": _("Certificate issued"),
        "learning.assignment.created": _("Training assigned"),
        "learning.assignment.renewed": _("Training assigned again"),
        "learning.completion.recorded": _("Training completion recorded"),
        "learning.completions.imported": _("Training completions imported"),
        "learning.event.created": _("Training event created"),
        "learning.event.attendees_added": _("Attendees added to a training event"),
    }
)
