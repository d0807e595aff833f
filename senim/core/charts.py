"""Charts drawn on the server as SVG, for pages and PDFs: horizontal bars to compare categories
(one bar per series, e.g. a year and the one before) and columns by period (stacked by series, e.g.
reports by month and category). No JavaScript, no CDN; figures in the reader's number format;
every chart says what it shows in its `aria-label` and `<title>`, and a table of the same figures
stays on the page for screen readers and printing.

    from senim.core.charts import Series, bars_svg, columns_svg

    bars_svg(title=_("Verifications by risk"), labels=["Low", "Medium", "High"],
             series=[Series(_("Verifications"), [12, 5, 2])])
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any

from senim.core.templatetags.senim_ui import figure

# A palette that stays apart for colour-blind readers (Okabe–Ito), darkest first.
PALETTE = ("#1f5f8b", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#9bb7cc", "#f0e442", "#555555")

_WIDTH = 640
_LABEL_WIDTH = 230
_BAR_HEIGHT = 12
_ROW_GAP = 10
_TOP = 34


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    colour: str = ""


def _colours(series: Sequence[Series]) -> list[str]:
    return [s.colour or PALETTE[i % len(PALETTE)] for i, s in enumerate(series)]


def _open(title: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title)}" font-family="DejaVu Sans, sans-serif" '
        'font-size="11" class="chart-svg">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]


def _legend(parts: list[str], series: Sequence[Series], colours: list[str], *, x: int, y: int, width: int) -> int:
    """The series' names in rows of as many as fit; returns the y below the legend."""
    cursor = x
    for item, colour in zip(series, colours, strict=True):
        name = shorten(str(item.name), 28)
        step = 24 + 7 * len(name)
        if cursor + step > width and cursor > x:
            cursor, y = x, y + 16
        parts.append(f'<rect x="{cursor}" y="{y - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{cursor + 14}" y="{y}">{escape(name)}</text>')
        cursor += step
    return y + 8


def bars_svg(*, title: str, labels: Sequence[str], series: Sequence[Series], width: int = _WIDTH) -> str:
    """Horizontal bars, one per series for each category, with the values written at their ends."""
    colours = _colours(series)
    top = max([0, *[float(v) for s in series for v in s.values]]) or 1
    track = width - _LABEL_WIDTH - 70
    row_height = len(series) * _BAR_HEIGHT + _ROW_GAP
    legend = len(series) > 1
    height = _TOP + row_height * len(labels) + (26 if legend else 6)
    parts = _open(title, width, height)
    for index, label in enumerate(labels):
        y = _TOP + index * row_height
        parts.append(f'<text x="0" y="{y + _BAR_HEIGHT + 3}">{escape(shorten(str(label)))}</text>')
        for offset, (item, colour) in enumerate(zip(series, colours, strict=True)):
            value = item.values[index]
            bar_y = y + offset * _BAR_HEIGHT
            length = track * float(value) / float(top)
            parts.append(
                f'<rect x="{_LABEL_WIDTH}" y="{bar_y}" width="{length:.1f}" height="{_BAR_HEIGHT - 2}" '
                f'fill="{colour}"><title>{escape(str(item.name))}: {format_number(value)}</title></rect>'
            )
            parts.append(
                f'<text x="{_LABEL_WIDTH + length + 4:.1f}" y="{bar_y + _BAR_HEIGHT - 3}">{format_number(value)}</text>'
            )
    if legend:
        _legend(parts, series, colours, x=_LABEL_WIDTH, y=height - 8, width=width)
    parts.append("</svg>")
    return "".join(parts)


def columns_svg(
    *, title: str, labels: Sequence[str], series: Sequence[Series], width: int = _WIDTH, height: int = 240
) -> str:
    """Columns by period (months), the series stacked in each; the total above each column."""
    colours = _colours(series)
    totals = [sum(float(s.values[i]) for s in series) for i in range(len(labels))]
    top = max([0, *totals]) or 1
    left, bottom = 34, 40
    legend_rows = 1 + (sum(24 + 7 * len(shorten(str(s.name), 28)) for s in series) // max(width - left, 1))
    plot_top = _TOP
    plot_height = height - plot_top - bottom
    full_height = height + 16 * legend_rows
    slot = (width - left) / max(len(labels), 1)
    column = min(36.0, slot * 0.7)
    parts = _open(title, width, full_height)
    base = plot_top + plot_height
    for step in range(5):  # gridlines with their values
        value = top * step / 4
        y = base - plot_height * step / 4
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d9dee5" stroke-width="1"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{format_number(value)}</text>')
    for index, label in enumerate(labels):
        x = left + slot * index + (slot - column) / 2
        y = base
        for item, colour in zip(series, colours, strict=True):
            value = float(item.values[index])
            if value <= 0:
                continue
            h = plot_height * value / top
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{column:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(str(label))} · {escape(str(item.name))}: {format_number(value)}</title></rect>"
            )
        middle = f'x="{x + column / 2:.1f}" text-anchor="middle"'
        if totals[index]:
            parts.append(f'<text {middle} y="{y - 3:.1f}">{format_number(totals[index])}</text>')
        parts.append(f'<text {middle} y="{base + 14}">{escape(shorten(str(label), 8))}</text>')
    if len(series) > 1 or (series and series[0].name):
        _legend(parts, series, colours, x=left, y=base + 32, width=width)
    parts.append("</svg>")
    return "".join(parts)


def shorten(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def format_number(value: Any) -> str:
    """A figure in the active language's format (core's one formatter), at most one decimal."""
    if isinstance(value, float | Decimal) and value != int(value):
        return figure(round(Decimal(str(value)), 1))
    return figure(int(value) if isinstance(value, float | Decimal) else value)
