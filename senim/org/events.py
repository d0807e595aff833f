"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "org.company.created": _("Company created"),
        "org.company.updated": _("Company changed"),
        "org.unit.created": _("Unit created"),
        "org.unit.updated": _("Unit changed"),
        "org.unit.imported": _("Unit imported"),
        "org.position.created": _("Position created"),
        "org.position.updated": _("Position changed"),
        "org.position.corruption_prone_set": _("Position marked as corruption-prone or not"),
        "org.position.imported": _("Position imported"),
        "org.employee.created": _("Employee added"),
        "org.employee.updated": _("Employee changed"),
        "org.employee.imported": _("Employee imported"),
        "org.import.started": _("Import started"),
    }
)
