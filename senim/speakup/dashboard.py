"""Speak Up's dashboard tiles: open and overdue cases the viewer may see."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.charts import Series, columns_svg
from senim.core.dashboard import Chart, Tile, counts_by_month, last_months, month_label, register, register_chart
from senim.speakup import policy, selectors
from senim.speakup.models import OPEN_STATUSES, Category, Kind


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


@register_chart
def speakup_charts(request: HttpRequest) -> list[Chart]:
    """Reports received by month over the last year, by category (counts only, never content)."""
    user = request.user
    if not user.is_authenticated or not user.can(policy.VIEW_STATS):  # type: ignore[union-attr]
        return []
    months = last_months(timezone.localdate())
    cases = selectors.statistics_cases(actor=user).filter(kind=Kind.REPORT)  # type: ignore[arg-type]
    counts = counts_by_month(cases, date_field="received_at", key="category", months=months)
    if not counts:
        return []
    labels = dict(Category.choices)
    series = [Series(str(labels.get(code, code)), values) for code, values in sorted(counts.items())]
    month_labels = [month_label(m) for m in months]
    title = _("Speak Up reports by month and category")
    rows: list[list[object]] = [[_("Category"), *month_labels]]
    rows += [[item.name, *item.values] for item in series]
    svg = columns_svg(title=title, labels=month_labels, series=series)
    return [Chart(title, svg, rows, reverse("speakup:statistics"))]
