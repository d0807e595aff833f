"""Awareness's dashboard tiles: the employee's documents to read; for officers, overdue
acknowledgements and missing agreements within their scope."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from senim.awareness import policy, selectors
from senim.core.dashboard import Tile, register


@register
def awareness_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated:
        return []
    tiles = []
    reading = selectors.my_requests(actor=user).count()  # type: ignore[arg-type]
    if reading:
        tiles.append(Tile(_("Documents for you to read"), reading, reverse("awareness:my-reading")))
    if user.can(policy.VIEW):  # type: ignore[union-attr]
        tiles.append(
            Tile(
                _("Overdue acknowledgements"),
                selectors.overdue_requests(actor=user).count(),  # type: ignore[arg-type]
                reverse("awareness:overdue"),
            )
        )
        tiles.append(
            Tile(
                _("Missing anti-corruption agreements"),
                selectors.agreement_list(actor=user, missing_only=True).count(),  # type: ignore[arg-type]
                reverse("awareness:agreement-list") + "?missing=1",
            )
        )
    return tiles
