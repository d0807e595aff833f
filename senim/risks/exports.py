"""A plan written back as the document it was approved as (DOCX) or as a workbook (XLSX): the same
columns and merged aspect/topic rows, with the status of each measure added."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

import openpyxl
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl.styles import Alignment, Font

from senim.risks.models import Measure, Plan


def _header() -> list[str]:
    return [
        _("No."),
        pgettext("plan", "Measure"),
        _("Deadline"),
        _("Completion form"),
        _("Responsible executive"),
        _("Responsible units"),
        _("Co-executors"),
        _("Status"),
    ]


def _rows(measures: Iterable[Measure]) -> Iterator[tuple[str, list[str]]]:
    """("aspect" | "topic" | "measure", cells), aspects and topics as they change."""
    aspect = topic = None
    for m in measures:
        section = m.section
        a = section.parent if section and section.parent_id else section
        t = section if section and section.parent_id else None
        if a != aspect:
            aspect, topic = a, None
            if a is not None:
                yield "aspect", [a.title]
        if t != topic:
            topic = t
            if t is not None:
                yield "topic", [t.title]
        status = m.get_status_display()
        if m.needs_deadline:
            status += " — " + _("deadline to be set")
        yield (
            "measure",
            [
                m.number,
                m.text,
                m.deadline_text,
                m.completion_form,
                m.executives_text,
                m.units_text,
                m.co_executors,
                status,
            ],
        )


def _safe(value: str) -> str:
    """Neutralise text a spreadsheet would run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def plan_xlsx(plan: Plan, measures: Iterable[Measure]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    header = _header()
    sheet.append([_safe(plan.title)])
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for kind, cells in _rows(measures):
        sheet.append([_safe(c) for c in cells])
        if kind != "measure":
            r = sheet.max_row
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(header))
            sheet.cell(r, 1).font = Font(bold=True)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGH", (8, 60, 18, 22, 28, 28, 22, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def plan_docx(plan: Plan, measures: Iterable[Measure]) -> bytes:
    import docx

    document = docx.Document()
    if plan.approved_by:
        document.add_paragraph(plan.approved_by)
    document.add_heading(plan.title, level=1)
    header = _header()
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for kind, cells in _rows(measures):
        row = table.add_row().cells
        if kind != "measure":
            merged = row[0].merge(row[-1])
            merged.text = cells[0]
            continue
        for cell, text in zip(row, cells, strict=True):
            first, *rest = (text or "").split("\n")
            cell.text = first
            for paragraph in rest:
                cell.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
