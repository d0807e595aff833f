"""Speak Up's dashboard tiles: open and overdue cases the viewer may see."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from senim.core.dashboard import Tile, register
from senim.speakup import selectors
from senim.speakup.models import OPEN_STATUSES


@register
def speakup_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated or not selectors.can_see_cases(actor=user):  # type: ignore[arg-type]
        return []
    cases = selectors.visible_cases(actor=user)  # type: ignore[arg-type]
    overdue = selectors.overdue_cases(actor=user).count()  # type: ignore[arg-type]
    url = reverse("speakup:case-list")
    return [
        Tile(_("Open Speak Up cases"), cases.filter(status__in=OPEN_STATUSES).count(), url),
        Tile(
            _("Overdue Speak Up cases"),
            overdue,
            url + "?overdue=on",
            hint=_("not acknowledged or without feedback in time"),
        ),
    ]
