"""Dashboard tiles and charts: each app registers functions giving the tiles and the charts an
actor may see (charts are SVG from core.charts, with the same figures as a table)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, DateTimeField, QuerySet
from django.db.models.functions import TruncMonth
from django.http import HttpRequest
from django.utils.formats import date_format


@dataclass(frozen=True)
class Tile:
    label: str
    value: object
    url: str = ""
    hint: str = ""
    previous: object = None


TileSource = Callable[[HttpRequest], list[Tile]]
_SOURCES: list[TileSource] = []


def register(source: TileSource) -> TileSource:
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def tiles(request: HttpRequest) -> list[Tile]:
    return [tile for source in _SOURCES for tile in source(request)]


@dataclass(frozen=True)
class Chart:
    """A chart of the dashboard: its title, the SVG, and the figures as rows of a table (the first
    row the headings) for screen readers and for anyone who wants the exact numbers."""

    title: str
    svg: str
    rows: list[list[object]] = field(default_factory=list)
    url: str = ""


ChartSource = Callable[[HttpRequest], list[Chart]]
_CHARTS: list[ChartSource] = []


def register_chart(source: ChartSource) -> ChartSource:
    if source not in _CHARTS:
        _CHARTS.append(source)
    return source


def charts(request: HttpRequest) -> list[Chart]:
    return [chart for source in _CHARTS for chart in source(request)]


def last_months(today: dt.date, count: int = 12) -> list[dt.date]:
    """The first days of the `count` months up to and including today's, oldest first."""
    months = []
    year, month = today.year, today.month
    for _step in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def counts_by_month(queryset: QuerySet, *, date_field: str, key: str, months: list[dt.date]) -> dict[str, list[int]]:
    """How many rows fall in each of `months` (first days, as last_months gives), by the value of
    `key`: {value: [count per month]}, in one grouped query."""
    if not months:
        return {}
    start = months[0]
    is_datetime = isinstance(queryset.model._meta.get_field(date_field), DateTimeField)
    since = {f"{date_field}__date__gte" if is_datetime else f"{date_field}__gte": start}
    rows = (
        queryset.filter(**since)
        .order_by()
        .annotate(month=TruncMonth(date_field))
        .values("month", key)
        .annotate(n=Count("pk"))
    )
    index = {month: position for position, month in enumerate(months)}
    result: dict[str, list[int]] = {}
    for row in rows:
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        position = index.get(month.replace(day=1)) if month else None
        if position is None:
            continue
        result.setdefault(row[key], [0] * len(months))[position] += row["n"]
    return result


def month_label(month: dt.date) -> str:
    """A month as a chart's axis shows it in the reader's language: "Jan 26"."""
    return f"{date_format(month, 'M')} {month:%y}"
