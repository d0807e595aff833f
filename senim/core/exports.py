"""The one way to export a table: CSV streamed row by row, or an XLSX sheet, with every cell made safe.

Names, comments and list entries come from people and from outside lists. A spreadsheet program runs
a CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula ("CSV
injection"), so such text gets a leading apostrophe, which spreadsheet programs read as "this is
text". In XLSX the same text is stored as a string cell, which is never evaluated, so it keeps its
exact value. Numbers and dates stay numbers and dates.
"""

import csv
import datetime as dt
import decimal
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from django.http import StreamingHttpResponse
from openpyxl.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # so spreadsheet programs read the CSV as UTF-8
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
Row = Sequence[Any]


def cell_safe(value: Any) -> Any:
    """The value of one CSV cell: text that a spreadsheet would run as a formula gets a leading
    apostrophe; numbers, dates and booleans stay as they are; None is empty; anything else (lazy
    translations, dicts, model instances) is its text."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | decimal.Decimal | dt.date):
        return value
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [cell_safe(value) for value in row]


class _Echo:
    """A file-like object whose write returns the line, so csv.writer yields text to stream."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Row, rows: Iterable[Row]) -> Iterator[str]:
    """The CSV text line by line, the BOM first, every cell made safe."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(safe_row(header))
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_response(*, filename: str, header: Row, rows: Iterable[Row]) -> StreamingHttpResponse:
    """A download streamed as it is written, so a year of rows never sits in memory."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_text(header: Row, rows: Iterable[Row]) -> str:
    """The whole CSV as one string (small files: the rejected rows of an import)."""
    return "".join(csv_lines(header, rows))


def csv_write(handle: IO[str], header: Row, rows: Iterable[Row]) -> None:
    """Write the CSV to an open text file (the command line), without the BOM."""
    writer = csv.writer(handle)
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))


def xlsx_append(sheet: Worksheet, row: Iterable[Any]) -> None:
    """Append a row to an XLSX sheet; text that looks like a formula is kept as text."""
    cells: list[Any] = []
    for value in row:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell = Cell(sheet, row=1, column=1, value=value)  # placed by append()
            cell.data_type = "s"  # openpyxl would store "=…" as a formula
            cells.append(cell)
        elif value is None or isinstance(value, bool | int | float | decimal.Decimal | dt.date):
            cells.append(value)
        else:
            cells.append(str(value))
    sheet.append(cells)


def xlsx_bytes(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
