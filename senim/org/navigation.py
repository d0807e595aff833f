from django.utils.translation import gettext_lazy as _

from senim.core.navigation import ORGANISATION, NavEntry, register
from senim.org import policy

register(NavEntry(ORGANISATION, _("Employees"), "org:employee-list", "users", policy.VIEW_EMPLOYEE, order=10))
register(NavEntry(ORGANISATION, _("Structure"), "org:company-list", "building", policy.VIEW_STRUCTURE, order=11))
register(NavEntry(ORGANISATION, _("Import of staff"), "org:import-upload", "upload", policy.IMPORT, order=12))
