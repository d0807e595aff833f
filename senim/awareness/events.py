"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "awareness.document.created": _("Internal document registered"),
        "awareness.document.repealed": _("Internal document repealed"),
        "awareness.version.created": _("New version of a document started"),
        "awareness.version.updated": _("Document version edited"),
        "awareness.version.file_attached": _("File attached to a document version"),
        "awareness.version.examination": _("Document version sent to anti-corruption examination"),
        "awareness.version.examined": _("Anti-corruption examination of a document version done"),
        "awareness.version.submitted": _("Document version submitted for approval"),
        "awareness.version.returned": _("Document version returned for rework"),
        "awareness.version.adopted": _("Document version adopted"),
        "awareness.campaign.created": _("Acknowledgement campaign created"),
        "awareness.campaign.launched": _("Acknowledgement campaign launched"),
        "awareness.campaign.new_hires": _("New hires asked to acknowledge"),
        "awareness.campaign.reminded": _("Acknowledgement reminders sent"),
        "awareness.campaign.closed": _("Acknowledgement campaign closed"),
        "awareness.campaign.asked_again": _("Employees asked again after a new version"),
        "awareness.acknowledged": _("Document acknowledged"),
        "awareness.agreement.required": _("Anti-corruption agreement required"),
        "awareness.agreement.recorded": _("Anti-corruption agreement recorded"),
        "awareness.hire_record.saved": _("New hire's contract recorded"),
        "awareness.candidate.checked": _("Candidate checked"),
        "awareness.candidate.concluded": _("Candidate check concluded"),
        "awareness.candidate.purged": _("Candidate checks deleted after the retention"),
        "awareness.outsider.invited": _("Person without an account asked to acknowledge"),
        "awareness.outsider.recorded": _("Paper acknowledgement by a person without an account recorded"),
        "awareness.outsider.acknowledged": _("Person without an account acknowledged through the link"),
        "awareness.outsider.revoked": _("Personal acknowledgement link revoked"),
        "awareness.outreach.created": _("Outreach event recorded"),
        "awareness.outreach.updated": _("Outreach event changed"),
        "awareness.outreach.deleted": _("Outreach event deleted"),
        "awareness.outreach.material_attached": _("Material attached to an outreach event"),
    }
)
