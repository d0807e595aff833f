from django.utils.translation import gettext_lazy as _

from senim.accounts import policy
from senim.core.navigation import ADMINISTRATION, NavEntry, register

register(NavEntry(ADMINISTRATION, _("Users and roles"), "accounts:user-list", "key", policy.MANAGE_USERS, order=80))
