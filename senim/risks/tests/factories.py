"""Risks' test helpers: sample plan files written with python-docx and openpyxl."""

from pathlib import Path

import docx
import openpyxl

from senim.risks.samples import write_roadmap_docx

RU_HEADER = [
    "№ п/п",
    "Наименование мероприятия",
    "Срок исполнения",
    "Форма завершения",
    "Ответственный исполнитель",
    "Ответственные подразделения",
]


def roadmap_docx(tmp_path: Path, measures: int | None = None) -> Path:
    return write_roadmap_docx(tmp_path / "roadmap.docx", measures=measures)


def table_docx(tmp_path: Path, rows: list[list[str]], *, header: list[str] | None = None, title: str = "План") -> Path:
    """A document with `title` and one table: `header`, then `rows` (a one-item row is merged across)."""
    header = header or RU_HEADER
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for r, values in enumerate(rows, start=1):
        cells = table.rows[r].cells
        if len(values) == 1:
            cells[0].merge(cells[-1]).text = values[0]
            continue
        for cell, text in zip(cells, values, strict=False):
            cell.text = text
    path = tmp_path / "plan.docx"
    document.save(str(path))
    return path


def plan_xlsx(tmp_path: Path, rows: list[list[str]], *, header: list[str] | None = None) -> Path:
    header = header or RU_HEADER
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["План мероприятий по противодействию коррупции на 2026–2027 годы"])
    sheet.append(header)
    for values in rows:
        sheet.append(values)
        if len(values) == 1:
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=len(header))
    path = tmp_path / "plan.xlsx"
    workbook.save(str(path))
    return path
