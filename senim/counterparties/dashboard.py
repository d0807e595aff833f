"""Counterparties' dashboard tiles, within the viewer's scope."""

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.dashboard import Tile, register
from senim.core.figures import format_percent
from senim.counterparties import indicators, policy, selectors
from senim.counterparties.models import Application


@register
def counterparty_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated:
        return []
    tiles: list[Tile] = []
    if user.can(policy.VIEW_APPLICATIONS):  # type: ignore[union-attr]
        pending = selectors.application_list(actor=user).exclude(status=Application.Status.DECIDED)  # type: ignore[arg-type]
        tiles.append(
            Tile(
                _("Applications for approval"),
                pending.count(),
                reverse("counterparties:application-list"),
                hint=_("filed or awaiting approval"),
            )
        )
    if user.can(policy.VIEW_CONTRACTS):  # type: ignore[union-attr]
        year = timezone.localdate().year
        contracts = selectors.contract_list(actor=user, year=year)  # type: ignore[arg-type]
        total = contracts.count()
        share = indicators.clause_share_of(contracts)
        tiles.append(
            Tile(
                _("Contracts this year"),
                total,
                reverse("counterparties:contract-coverage"),
                hint=_("%(share)s with the anti-corruption clause") % {"share": format_percent(share)}
                if share is not None
                else "",
            )
        )
    if user.can(policy.VIEW_CASES):  # type: ignore[union-attr]
        soon = timezone.localdate() + dt.timedelta(days=30)
        lapsing = selectors.case_list(actor=user, lapsing_by=soon).count()  # type: ignore[arg-type]
        reverify = selectors.case_list(actor=user, needs_reverification=True).count()  # type: ignore[arg-type]
        tiles.append(
            Tile(
                _("Verifications to renew"),
                lapsing + reverify,
                reverse("counterparties:case-list") + "?show=lapsing",
                hint=_("lapsing within 30 days, lapsed or to re-verify"),
            )
        )
    return tiles
