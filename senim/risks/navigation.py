from django.utils.translation import gettext_lazy as _

from senim.core.navigation import NavEntry, register
from senim.risks import policy

RISKS = _("Risks and plans")

register(NavEntry(RISKS, _("Plans and roadmaps"), "risks:plan-list", "file", policy.VIEW_PLANS, order=50))
register(NavEntry(RISKS, _("Overdue and due soon"), "risks:attention", "bell", policy.VIEW_PLANS, order=51))
register(NavEntry(RISKS, _("Risk assessment"), "risks:exercise-list", "flag", policy.VIEW_ASSESSMENT, order=49))
