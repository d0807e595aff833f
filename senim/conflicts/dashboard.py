"""Conflicts' dashboard tiles: declarations to review, links to check, gifts to approve, and the
employee's own open requests, within the viewer's scope."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from senim.conflicts import policy, selectors
from senim.conflicts.models import Declaration
from senim.core.dashboard import Tile, register


@register
def conflicts_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated:
        return []
    tiles = []
    if user.can(policy.REVIEW):  # type: ignore[union-attr]
        waiting = selectors.declaration_list(actor=user, status=Declaration.Status.SUBMITTED).count()  # type: ignore[arg-type]
        tiles.append(
            Tile(_("Declarations to review"), waiting, reverse("conflicts:declaration-list") + "?status=submitted")
        )
        tiles.append(
            Tile(
                _("Undisclosed links to check"),
                selectors.alert_list(actor=user, status="open", disclosed=False).count(),  # type: ignore[arg-type]
                reverse("conflicts:alert-list") + "?status=open&disclosed=no",
            )
        )
    if user.can(policy.APPROVE_GIFTS):  # type: ignore[union-attr]
        tiles.append(
            Tile(
                _("Gifts awaiting approval"),
                selectors.pending_gift_count(actor=user),  # type: ignore[arg-type]
                reverse("conflicts:gift-list") + "?status=pending",
            )
        )
    requests = selectors.open_requests(actor=user).count()  # type: ignore[arg-type]
    if requests:
        tiles.append(
            Tile(
                _("Declarations you are asked to submit"),
                requests,
                reverse("conflicts:my-declarations"),
                hint=_("form A"),
            )
        )
    return tiles
