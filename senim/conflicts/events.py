"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "conflicts.form_version.created": _("Form version created"),
        "conflicts.declaration.submitted": _("Declaration submitted"),
        "conflicts.declaration.reviewed": _("Declaration reviewed"),
        "conflicts.declaration.settled": _("Declaration settled"),
        "conflicts.measure.added": _("Measure added"),
        "conflicts.measure.done": _("Measure done"),
        "conflicts.campaign.created": _("Campaign created"),
        "conflicts.campaign.launched": _("Campaign launched"),
        "conflicts.campaign.reminded": _("Campaign reminders sent"),
        "conflicts.campaign.new_hires": _("New hires asked to declare"),
        "conflicts.campaign.closed": _("Campaign closed"),
        "conflicts.gift.declared": _("Gift declared"),
        "conflicts.gift.decided": _("Gift decided"),
        "conflicts.gift.handed_over": _("Gift handed over to the company"),
        "conflicts.gift.linked": _("Gift linked to a counterparty"),
        "conflicts.threshold.set": _("Gift threshold set"),
        "conflicts.alert.raised": _("Conflict alert raised"),
        "conflicts.alert.decided": _("Conflict alert decided"),
        "conflicts.declaration.imported": _("Declaration imported"),
        "conflicts.gift.imported": _("Gift imported"),
    }
)
