"""Screening's dashboard tile: hits waiting for a decision, within the viewer's scope."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from senim.core.dashboard import Tile, register
from senim.screening import policy, selectors


@register
def screening_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated or not user.can(policy.REVIEW):  # type: ignore[union-attr]
        return []
    count = selectors.open_hit_count(actor=user)  # type: ignore[arg-type]
    return [
        Tile(
            _("Screening hits to review"),
            count,
            reverse("screening:hit-list") + "?status=open",
            hint=_("open or waiting for information"),
        )
    ]
