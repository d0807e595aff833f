"""Bar charts comparing a year with the one before, drawn on the server as SVG (page, PDF) or PNG
(Word), labelled in the report's language. No CDN, no JavaScript."""

from collections.abc import Sequence
from typing import Any

from senim.core.charts import Series, bars_svg, format_number
from senim.core.charts import shorten as _shorten

__all__ = ["bar_chart_png", "bar_chart_svg", "format_number", "format_pair"]


def bar_chart_svg(
    *, title: str, labels: Sequence[str], current: Sequence[float], previous: Sequence[float], year: int
) -> str:
    """Horizontal bars, two per category (the year and the previous year), with the values
    (core.charts draws them)."""
    series = [Series(str(year), current, "#1f5f8b"), Series(str(year - 1), previous, "#9bb7cc")]
    return bars_svg(title=title, labels=labels, series=series)


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


def format_pair(value: Any, previous: Any) -> str:
    """ "2 981 (2 577)": the year's figure with the previous year's in brackets."""
    return f"{format_number(value)} ({format_number(previous)})"
