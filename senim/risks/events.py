"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "risks.exercise_created": _("Risk assessment opened"),
        "risks.measures_reminded": _("Reminders about plan measures sent"),
        "risks.exercise_approved": _("Risk assessment approved"),
        "risks.function_added": _("Function added to the risk assessment"),
        "risks.function_assessed": _("Function assessed by the unit"),
        "risks.function_reviewed": _("Function assessment reviewed by compliance"),
        "risks.positions_approved": _("List of corruption-prone positions approved"),
        "risks.programme_drafted": _("Programme drafted from the risks"),
        "risks.plan_imported": _("Plan imported"),
        "risks.plan_measures_imported": _("Plan measures imported"),
        "risks.measure_created": _("Measure created"),
        "risks.measure_deadline_set": _("Measure deadline set"),
        "risks.measure_reported": _("Measure progress reported"),
        "risks.progress_noted": _("Progress note added"),
    }
)
