"""The plan's timeline as a server-rendered SVG (Gantt-like): one row per measure, a bar from the
plan's (or the measure's own) start to its due date, and a mark per period coloured by status."""

import datetime as dt
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.translation import gettext as _

from senim.risks.models import Measure, MeasureStatus, Plan

ROW = 18
LABEL = 60
WIDTH = 900
COLOURS = {
    "done": "#2e7d32",
    "late": "#ef6c00",
    "overdue": "#c62828",
    "open": "#90a4ae",
}


def _state(status: str, due: dt.date, completed: dt.date | None, today: dt.date) -> str:
    if status == MeasureStatus.DONE:
        return "late" if completed and completed > due else "done"
    return "overdue" if due < today else "open"


def timeline_svg(plan: Plan, measures: Iterable[Measure], *, today: dt.date) -> str:
    """SVG markup; measures must have their instances prefetched."""
    start = dt.date(plan.first_year, 1, 1)
    end = dt.date(plan.last_year, 12, 31)
    days = max((end - start).days, 1)
    span = WIDTH - LABEL - 10

    def x(day: dt.date) -> float:
        clamped = min(max(day, start), end)
        return LABEL + span * (clamped - start).days / days

    rows = list(measures)
    height = 24 + ROW * len(rows)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(_("Timeline of the plan’s measures"))}">'
    ]
    for year in range(plan.first_year, plan.last_year + 1):
        gx = x(dt.date(year, 1, 1))
        out.append(f'<line x1="{gx:.1f}" y1="14" x2="{gx:.1f}" y2="{height}" stroke="#ddd"/>')
        out.append(f'<text x="{gx + 3:.1f}" y="11" font-size="10">{year}</text>')
    if start <= today <= end:
        tx = x(today)
        out.append(f'<line x1="{tx:.1f}" y1="14" x2="{tx:.1f}" y2="{height}" stroke="#c62828" stroke-dasharray="3,3"/>')
    for i, measure in enumerate(rows):
        y = 20 + ROW * i
        out.append(f'<text x="0" y="{y + 11}" font-size="10">{escape(measure.number)}</text>')
        instances = list(measure.instances.all())
        if instances:
            first = dt.date(measure.start_year, 1, 1) if measure.start_year else start
            last = max(inst.due_date for inst in instances)
            out.append(
                f'<rect x="{x(first):.1f}" y="{y + 4}" width="{max(x(last) - x(first), 2):.1f}" height="8" '
                f'fill="#e3eaf0"><title>{escape(measure.number)}. {escape(measure.text[:120])}</title></rect>'
            )
        for inst in instances:
            colour = COLOURS[_state(inst.status, inst.due_date, inst.completed_on, today)]
            out.append(
                f'<rect x="{x(inst.due_date) - 3:.1f}" y="{y + 2}" width="6" height="12" fill="{colour}">'
                f"<title>{escape(inst.period)}: {escape(inst.get_status_display())}</title></rect>"
            )
        if not instances:
            out.append(
                f'<text x="{LABEL}" y="{y + 11}" font-size="10" fill="#666">'
                f"{escape(measure.get_deadline_kind_display())}: {escape(measure.deadline_text)}</text>"
            )
    out.append("</svg>")
    return "".join(out)
