"""Conflicts' dashboard tiles: declarations to review, links to check, gifts to approve, and the
employee's own open requests, within the viewer's scope."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.conflicts import policy, selectors
from senim.conflicts.models import Declaration, GiftKind
from senim.core.charts import Series, columns_svg
from senim.core.dashboard import Chart, Tile, counts_by_month, last_months, month_label, register, register_chart


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


@register_chart
def conflicts_charts(request: HttpRequest) -> list[Chart]:
    """Gifts and hospitality registered by month over the last year, by kind (received, given…)."""
    user = request.user
    if not user.is_authenticated or not user.can(policy.VIEW_GIFTS):  # type: ignore[union-attr]
        return []
    months = last_months(timezone.localdate())
    gifts = selectors.gift_list(actor=user)  # type: ignore[arg-type]
    counts = counts_by_month(gifts, date_field="date", key="kind", months=months)
    if not counts:
        return []
    order = list(GiftKind.values)
    series = [
        Series(str(GiftKind(code).label), counts[code])
        for code in sorted(counts, key=lambda c: order.index(c) if c in order else len(order))
    ]
    month_labels = [month_label(m) for m in months]
    title = _("Gifts and hospitality by month")
    rows: list[list[object]] = [[_("Kind"), *month_labels]]
    rows += [[item.name, *item.values] for item in series]
    svg = columns_svg(title=title, labels=month_labels, series=series)
    return [Chart(title, svg, rows, reverse("conflicts:gift-list"))]
