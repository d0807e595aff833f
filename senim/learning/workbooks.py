"""Read the rows of an uploaded workbook (.xlsx) or CSV file, header row skipped."""

import csv
import datetime as dt
import io
from typing import Any

from openpyxl import load_workbook


class UnreadableFile(ValueError):
    pass


def rows(name: str, data: bytes) -> list[list[Any]]:
    """The data rows (every row after the first), empty rows left out."""
    if name.lower().endswith(".csv"):
        text = data.decode("utf-8-sig", errors="replace")
        try:
            dialect: Any = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        except csv.Error:  # one column, or nothing to tell from
            dialect = csv.excel
        found: list[list[Any]] = list(csv.reader(io.StringIO(text), dialect))
    else:
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
            raise UnreadableFile(str(error)) from error
        found = [list(row) for row in sheet.iter_rows(values_only=True)]
    return [
        [cell.date() if isinstance(cell, dt.datetime) else cell for cell in row]
        for row in found[1:]
        if any(cell not in (None, "") for cell in row)
    ]
