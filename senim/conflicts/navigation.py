from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from senim.conflicts import policy, selectors
from senim.core.navigation import NavEntry, register

CONFLICTS = _("Conflicts of interest")


def _has_measures(request: HttpRequest) -> bool:
    return selectors.my_measures(actor=request.user, open_only=False).exists()  # type: ignore[arg-type]


register(NavEntry(CONFLICTS, _("My declarations"), "conflicts:my-declarations", "file", policy.DECLARE, order=30))
register(NavEntry(CONFLICTS, _("My gifts"), "conflicts:my-gifts", "gift", policy.DECLARE, order=31))
register(NavEntry(CONFLICTS, _("My actions"), "conflicts:my-actions", "check", None, order=32, visible=_has_measures))
register(NavEntry(CONFLICTS, _("Declarations"), "conflicts:declaration-list", "inbox", policy.VIEW, order=33))
register(NavEntry(CONFLICTS, _("Campaigns"), "conflicts:campaign-list", "bell", policy.VIEW, order=34))
register(NavEntry(CONFLICTS, _("Detected links"), "conflicts:alert-list", "flag", policy.VIEW, order=35))
register(NavEntry(CONFLICTS, _("Gifts register"), "conflicts:gift-list", "gift", policy.VIEW_GIFTS, order=36))
register(NavEntry(CONFLICTS, _("Form questions"), "conflicts:form-versions", "edit", policy.EDIT_FORMS, order=37))
register(NavEntry(CONFLICTS, _("Gift thresholds"), "conflicts:thresholds", "settings", policy.CONFIGURE, order=38))
