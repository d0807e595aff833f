"""Risks' dashboard tile: periods of plan measures overdue, within the viewer's scope."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from senim.core.dashboard import Tile, register
from senim.risks import policy, selectors


@register
def risks_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated or not user.can(policy.VIEW_PLANS):  # type: ignore[union-attr]
        return []
    overdue, _soon = selectors.instance_attention(actor=user)  # type: ignore[arg-type]
    return [Tile(_("Plan measures overdue"), overdue.count(), reverse("risks:attention"))]
