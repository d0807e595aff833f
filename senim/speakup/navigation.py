from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from senim.core.navigation import NavEntry, register
from senim.speakup import policy, selectors

SPEAKUP = _("Speak Up")


def _sees_cases(request: HttpRequest) -> bool:
    return selectors.can_see_cases(actor=request.user)  # type: ignore[arg-type]


register(NavEntry(SPEAKUP, _("Cases"), "speakup:case-list", "inbox", None, order=30, visible=_sees_cases))
register(NavEntry(SPEAKUP, _("Register a report"), "speakup:case-intake", "plus", policy.MANAGE, order=31))
register(NavEntry(SPEAKUP, _("Statistics"), "speakup:statistics", "chart", policy.VIEW_STATS, order=32))
register(NavEntry(SPEAKUP, _("Posters and cards"), "speakup:posters", "file", policy.POSTERS, order=34))

# Every signed-in person (an employee first of all) finds the way to report a concern or ask a
# question: the public portal, where nothing about the signed-in user is recorded.
register(NavEntry(SPEAKUP, _("Report a concern"), "speakup:portal", "flag", None, order=33))
