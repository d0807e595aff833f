from django.utils.translation import gettext_lazy as _

from senim.core.navigation import NavEntry, register
from senim.reports import policy

REPORTS = _("Annual reports")

register(NavEntry(REPORTS, _("Reports"), "reports:report-list", "chart", policy.VIEW, order=90))
register(NavEntry(REPORTS, _("Effectiveness rating"), "reports:rating-list", "check", policy.VIEW, order=91))
register(NavEntry(REPORTS, _("ISO 37001 evidence"), "reports:iso-map", "shield", policy.VIEW, order=92))
