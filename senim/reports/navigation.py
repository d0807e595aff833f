from django.utils.translation import gettext_lazy as _

from senim.core.navigation import NavEntry, register
from senim.reports import policy

REPORTS = _("Annual reports")

register(NavEntry(REPORTS, _("Reports"), "reports:report-list", "chart", policy.VIEW, order=90))
