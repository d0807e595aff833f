"""The Corruption Risk Map as a chart (server-rendered SVG: a stacked bar of low / medium / high
functions per unit, last year's total as a tick), as a workbook and as a Word document in the layout
maps are filed in."""

import io
from collections.abc import Iterable

import openpyxl
from django.utils.html import escape
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill

from senim.risks.models import Exercise, RiskFunction
from senim.risks.selectors import MapRow

COLOURS = {"low": "#7cb342", "medium": "#ffb300", "high": "#e53935"}
ROW = 22
LABEL = 260
WIDTH = 900


def map_svg(exercise: Exercise, rows: list[MapRow]) -> str:
    top = max([r.total for r in rows] + [(r.previous and sum(r.previous)) or 0 for r in rows] + [1])
    span = WIDTH - LABEL - 60
    height = 40 + ROW * len(rows)
    title = _("Corruption Risk Map %(year)s") % {"year": exercise.year}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="riskmap" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-label="{escape(title)}">',
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    legend_x = LABEL
    for level, label in (("low", _("Low")), ("medium", _("Medium")), ("high", _("High"))):
        out.append(f'<rect x="{legend_x}" y="4" width="10" height="10" fill="{COLOURS[level]}"/>')
        out.append(f'<text x="{legend_x + 14}" y="13" font-size="11">{escape(label)}</text>')
        legend_x += 90
    for i, r in enumerate(rows):
        y = 28 + ROW * i
        out.append(f'<text x="0" y="{y + 13}" font-size="11">{escape(r.unit[:40])}</text>')
        x = float(LABEL)
        for level, count in (("low", r.low), ("medium", r.medium), ("high", r.high)):
            w = span * count / top
            if count:
                out.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="14" fill="{COLOURS[level]}">'
                    f"<title>{escape(r.unit)}: {count}</title></rect>"
                )
            x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 14}" font-size="10">{r.total}</text>')
        if r.previous is not None:
            px = LABEL + span * sum(r.previous) / top
            out.append(f'<line x1="{px:.1f}" y1="{y + 1}" x2="{px:.1f}" y2="{y + 19}" stroke="#333" stroke-width="2"/>')
    out.append("</svg>")
    return "".join(out)


def map_xlsx(exercise: Exercise, rows: list[MapRow]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = str(exercise.year)
    sheet.append([_("Corruption Risk Map %(year)s") % {"year": exercise.year}])
    sheet.append([str(exercise.company)])
    header = [_("Unit"), _("Low"), _("Medium"), _("High"), _("Total"), _("Previous year: low"), _("medium"), _("high")]
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for r in rows:
        previous = list(r.previous) if r.previous is not None else ["", "", ""]
        name = r.unit if r.unit[:1] not in ("=", "+", "-", "@") else "'" + r.unit
        sheet.append([name, r.low, r.medium, r.high, r.total, *previous])
        row = sheet.max_row
        for col, level in ((2, "low"), (3, "medium"), (4, "high")):
            if sheet.cell(row, col).value:
                sheet.cell(row, col).fill = PatternFill("solid", fgColor=COLOURS[level].lstrip("#"))
    sheet.append(
        [
            _("Total"),
            sum(r.low for r in rows),
            sum(r.medium for r in rows),
            sum(r.high for r in rows),
            sum(r.total for r in rows),
        ]
    )
    sheet.column_dimensions["A"].width = 50
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _shade(cell, colour: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(fill)


def map_docx(exercise: Exercise, rows: list[MapRow], risky: Iterable[RiskFunction]) -> bytes:
    """The map as it is filed: the approval line, units × levels with last year's beside them, and
    the medium and high functions with their risk, level and recommendation."""
    import docx

    document = docx.Document()
    if exercise.decision_number:
        document.add_paragraph(
            _("Approved by decision No. %(number)s of %(date)s")
            % {
                "number": exercise.decision_number,
                "date": exercise.approved_on.strftime("%d.%m.%Y") if exercise.approved_on else "",
            }
        )
    document.add_heading(_("Corruption Risk Map %(year)s") % {"year": exercise.year}, level=1)
    document.add_paragraph(str(exercise.company))
    header = [_("Unit"), _("Low"), _("Medium"), _("High"), _("Total"), _("Previous year")]
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for r in rows:
        cells = table.add_row().cells
        previous = " / ".join(map(str, r.previous)) if r.previous is not None else "—"
        for cell, value in zip(cells, [r.unit, r.low, r.medium, r.high, r.total, previous], strict=True):
            cell.text = str(value)
        for col, level, count in ((1, "low", r.low), (2, "medium", r.medium), (3, "high", r.high)):
            if count:
                _shade(cells[col], COLOURS[level])
    totals = table.add_row().cells
    for cell, value in zip(
        totals,
        [_("Total"), sum(r.low for r in rows), sum(r.medium for r in rows), sum(r.high for r in rows)],
        strict=False,
    ):
        cell.text = str(value)
    totals[4].text = str(sum(r.total for r in rows))
    risky = list(risky)
    if risky:
        document.add_heading(_("Functions at medium and high risk"), level=2)
        header = [_("Unit"), _("Function or process"), _("Risk and corruption scheme"), _("Level"), _("Recommendation")]
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        for function in risky:
            cells = table.add_row().cells
            values = [
                str(function.unit),
                function.name,
                function.risk,
                function.get_level_display(),
                function.recommendation,
            ]
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
            _shade(cells[3], COLOURS[function.level])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
