from django.utils.translation import gettext_lazy as _

from senim.core.navigation import NavEntry, register
from senim.screening import policy

SCREENING = _("Screening")

register(NavEntry(SCREENING, _("Search"), "screening:search", "search", policy.SEARCH, order=20))
register(NavEntry(SCREENING, _("Hits"), "screening:hit-list", "flag", policy.VIEW, order=21))
register(NavEntry(SCREENING, _("Screening runs"), "screening:run-list", "clock", policy.VIEW, order=22))
register(NavEntry(SCREENING, _("Lists"), "screening:watchlist-list", "list", policy.VIEW, order=23))
