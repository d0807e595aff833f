"""Bar charts comparing a year with the one before, drawn on the server as SVG (page, PDF) or PNG
(Word), labelled in the report's language. No CDN, no JavaScript."""

from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Any

from senim.core.templatetags.senim_ui import figure

# Chart geometry, in SVG user units.
_WIDTH = 640
_LABEL_WIDTH = 230
_BAR_HEIGHT = 12
_ROW_GAP = 10
_TOP = 34


def bar_chart_svg(
    *, title: str, labels: Sequence[str], current: Sequence[float], previous: Sequence[float], year: int
) -> str:
    """Horizontal bars, two per category (the year and the previous year), with the values."""
    top = max([*current, *previous, 0]) or 1
    track = _WIDTH - _LABEL_WIDTH - 70
    row_height = 2 * _BAR_HEIGHT + _ROW_GAP
    height = _TOP + row_height * len(labels) + 26
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
        f'height="{height}" role="img" aria-label="{escape(title)}" font-family="DejaVu Sans, sans-serif" '
        'font-size="11">',
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for index, label in enumerate(labels):
        y = _TOP + index * row_height
        parts.append(f'<text x="0" y="{y + _BAR_HEIGHT + 3}">{escape(_shorten(label))}</text>')
        for offset, (value, colour) in enumerate(((current[index], "#1f5f8b"), (previous[index], "#9bb7cc"))):
            bar_y = y + offset * _BAR_HEIGHT
            length = track * float(value) / float(top)
            parts.append(
                f'<rect x="{_LABEL_WIDTH}" y="{bar_y}" width="{length:.1f}" height="{_BAR_HEIGHT - 2}" '
                f'fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{_LABEL_WIDTH + length + 4:.1f}" y="{bar_y + _BAR_HEIGHT - 3}">{format_number(value)}</text>'
            )
    legend_y = height - 8
    parts.append(f'<rect x="{_LABEL_WIDTH}" y="{legend_y - 9}" width="10" height="10" fill="#1f5f8b"/>')
    parts.append(f'<text x="{_LABEL_WIDTH + 14}" y="{legend_y}">{year}</text>')
    parts.append(f'<rect x="{_LABEL_WIDTH + 70}" y="{legend_y - 9}" width="10" height="10" fill="#9bb7cc"/>')
    parts.append(f'<text x="{_LABEL_WIDTH + 84}" y="{legend_y}">{year - 1}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_png(
    *, title: str, labels: Sequence[str], current: Sequence[float], previous: Sequence[float], year: int
) -> bytes:
    """The same chart as a PNG, for Word documents (which do not take SVG from python-docx)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6.4, 0.45 * len(labels) + 1.0), dpi=150)
    try:
        positions = range(len(labels))
        axes.barh([p - 0.2 for p in positions], current, height=0.4, color="#1f5f8b", label=str(year))
        axes.barh([p + 0.2 for p in positions], previous, height=0.4, color="#9bb7cc", label=str(year - 1))
        axes.set_yticks(list(positions), [_shorten(label) for label in labels], fontsize=8)
        axes.invert_yaxis()
        axes.set_title(title, fontsize=10, loc="left")
        axes.legend(fontsize=8, frameon=False)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        pyplot.close(figure)


def _shorten(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def format_number(value: Any) -> str:
    """A figure in the active language's format (core's one formatter), at most one decimal."""
    if isinstance(value, float | Decimal) and value != int(value):
        return figure(round(Decimal(str(value)), 1))
    return figure(int(value) if isinstance(value, float | Decimal) else value)


def format_pair(value: Any, previous: Any) -> str:
    """ "2 981 (2 577)": the year's figure with the previous year's in brackets."""
    return f"{format_number(value)} ({format_number(previous)})"
