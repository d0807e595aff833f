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
from senim.risks.selectors import MapRow, MatrixCell, RiskMatrix

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


CELL = 64


def matrix_svg(exercise: Exercise, matrix: RiskMatrix) -> str:
    """The heat map: likelihood up the side, impact along the bottom, each cell in its band's colour
    with the number of functions rated there."""
    side, bottom = 150, 60
    width = side + CELL * len(matrix.impact_labels) + 10
    height = 30 + CELL * len(matrix.rows) + bottom
    title = _("Residual risk: likelihood × impact") if matrix.residual else _("Inherent risk: likelihood × impact")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="riskmatrix" viewBox="0 0 {width} {height}" '
        f'width="{width}" role="img" aria-label="{escape(title)}">',
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for r, row in enumerate(matrix.rows):
        y = 24 + CELL * r
        label = matrix.likelihood_labels[row[0].likelihood - 1]
        out.append(
            f'<text x="{side - 6}" y="{y + CELL / 2 + 4:.0f}" font-size="11" text-anchor="end">'
            f"{row[0].likelihood}. {escape(label[:22])}</text>"
        )
        for c, cell in enumerate(row):
            x = side + CELL * c
            out.append(
                f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{COLOURS[cell.level]}" '
                f'stroke="#fff" stroke-width="2"><title>{cell.likelihood} × {cell.impact}: '
                f"{cell.count}{_was(cell)}</title></rect>"
            )
            if cell.count:
                out.append(
                    f'<text x="{x + CELL / 2:.0f}" y="{y + CELL / 2 + 6:.0f}" font-size="16" font-weight="bold" '
                    f'text-anchor="middle">{cell.count}</text>'
                )
    base = 24 + CELL * len(matrix.rows)
    for c, label in enumerate(matrix.impact_labels):
        centre = side + CELL * c + CELL / 2
        out.append(f'<text x="{centre:.0f}" y="{base + 14}" font-size="11" text-anchor="middle">{c + 1}</text>')
        out.append(
            f'<text x="{centre:.0f}" y="{base + 28}" font-size="9" text-anchor="middle">{escape(label[:14])}</text>'
        )
    out.append(
        f'<text x="{side + CELL * len(matrix.impact_labels) / 2:.0f}" y="{base + 48}" font-size="11" '
        f'text-anchor="middle">{escape(_("Impact"))} →</text>'
    )
    out.append("</svg>")
    return "".join(out)


def _was(cell: MatrixCell) -> str:
    """Last year's count beside this year's, as maps are compared: " (5)"."""
    return f" ({cell.previous})" if cell.previous is not None else ""


def _matrix_rows(matrix: RiskMatrix) -> list[list[str]]:
    """The grid as text rows: a header of impact points, then one row per likelihood point."""
    header = [_("Likelihood / impact"), *(f"{i + 1}. {label}" for i, label in enumerate(matrix.impact_labels))]
    body = [
        [
            f"{row[0].likelihood}. {matrix.likelihood_labels[row[0].likelihood - 1]}",
            *(f"{c.count}{_was(c)}" for c in row),
        ]
        for row in matrix.rows
    ]
    return [header, *body]


def map_xlsx(exercise: Exercise, rows: list[MapRow], matrices: Iterable[RiskMatrix] = ()) -> bytes:
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
    for matrix in matrices:
        grid = workbook.create_sheet(_("Residual") if matrix.residual else _("Inherent"))
        grid.append(
            [_("Residual risk: likelihood × impact") if matrix.residual else _("Inherent risk: likelihood × impact")]
        )
        for n, values in enumerate(_matrix_rows(matrix)):
            grid.append([_safe_cell(v) for v in values])
            if n:
                for col, point in enumerate(matrix.rows[n - 1], start=2):
                    grid.cell(grid.max_row, col).fill = PatternFill("solid", fgColor=COLOURS[point.level].lstrip("#"))
        grid.column_dimensions["A"].width = 30
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _safe_cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _shade(cell, colour: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(fill)


def _docx_matrix(document, matrix: RiskMatrix) -> None:  # type: ignore[no-untyped-def]
    document.add_heading(
        _("Residual risk: likelihood × impact") if matrix.residual else _("Inherent risk: likelihood × impact"),
        level=2,
    )
    grid = _matrix_rows(matrix)
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    table.style = "Table Grid"
    for r, values in enumerate(grid):
        cells = table.rows[r].cells
        for c, value in enumerate(values):
            cells[c].text = value
            if r and c:
                _shade(cells[c], COLOURS[matrix.rows[r - 1][c - 1].level])


def map_docx(
    exercise: Exercise, rows: list[MapRow], risky: Iterable[RiskFunction], matrices: Iterable[RiskMatrix] = ()
) -> bytes:
    """The map as it is filed: the approval line, units × levels with last year's beside them, in
    the matrix method the likelihood × impact grids (inherent and residual), and the medium and
    high functions with their risk, level (and rating) and recommendation."""
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
    for matrix in matrices:
        _docx_matrix(document, matrix)
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
            level = function.get_level_display()
            if exercise.is_matrix and function.likelihood:
                level = _("%(level)s (inherent %(inherent)s, residual %(residual)s)") % {
                    "level": level,
                    "inherent": f"{function.likelihood}×{function.impact}",
                    "residual": f"{function.residual_likelihood}×{function.residual_impact}",
                }
            values = [str(function.unit), function.name, function.risk, level, function.recommendation]
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
            _shade(cells[3], COLOURS[function.level])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
