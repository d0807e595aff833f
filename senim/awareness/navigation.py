from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from senim.awareness import policy, selectors
from senim.core.navigation import NavEntry, register

AWARENESS = _("Awareness")


def _has_reading(request: HttpRequest) -> bool:
    return selectors.my_requests(actor=request.user).exists()  # type: ignore[arg-type]


register(NavEntry(AWARENESS, _("Documents to read"), "awareness:my-reading", "check", policy.ACKNOWLEDGE, order=40))
register(
    NavEntry(AWARENESS, _("Internal documents"), "awareness:document-list", "file", policy.VIEW_DOCUMENTS, order=41)
)
register(NavEntry(AWARENESS, _("Acknowledgement campaigns"), "awareness:campaign-list", "bell", policy.VIEW, order=42))
register(NavEntry(AWARENESS, _("Agreements and new hires"), "awareness:agreement-list", "edit", policy.VIEW, order=43))
register(NavEntry(AWARENESS, _("Candidate checks"), "awareness:check-list", "flag", policy.CHECK_CANDIDATES, order=44))
register(NavEntry(AWARENESS, _("Board, contractors and agents"), "awareness:outsiders", "users", policy.VIEW, order=45))
register(NavEntry(AWARENESS, _("Outreach events"), "awareness:outreach", "globe", policy.VIEW, order=46))
