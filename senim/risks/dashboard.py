"""Risks' dashboard tiles, within the viewer's scope: functions their units have to assess, and
periods of plan measures overdue."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from senim.core.dashboard import Tile, register
from senim.risks import policy, selectors


@register
def risks_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated:
        return []
    tiles = []
    if user.can(policy.ASSESS):  # type: ignore[union-attr]
        waiting = selectors.functions_to_assess(actor=user).count()  # type: ignore[arg-type]
        if waiting:
            tiles.append(Tile(_("Functions to assess"), waiting, reverse("risks:functions-to-assess")))
    if user.can(policy.VIEW_PLANS):  # type: ignore[union-attr]
        overdue, _soon = selectors.instance_attention(actor=user)  # type: ignore[arg-type]
        tiles.append(Tile(_("Plan measures overdue"), overdue.count(), reverse("risks:attention")))
    return tiles
