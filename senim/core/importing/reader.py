"""Read CSV and XLSX tables as streams of (line number, {column: text}) rows, refusing unsafe
files before anything is parsed into memory: too large, a zip bomb, or more rows than an import may
hold (SENIM_IMPORT_MAX_ROWS; a workbook's rows are counted in its compressed XML, before parsing)."""

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from python_calamine import CalamineError, CalamineWorkbook

XLSX_MAGIC = b"PK\x03\x04"
# An XLSX unpacks to many times its size; more than this ratio (or absolute size) is a zip bomb.
MAX_UNPACKED_RATIO = 100
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024


class FileRejected(Exception):
    """The file cannot be read as a table; `message` is translated for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def max_rows() -> int:
    return int(settings.SENIM_IMPORT_MAX_ROWS)


def _too_many_rows() -> FileRejected:
    limit = max_rows()
    return FileRejected(
        ngettext(
            "The file has more than %(max)d row; split it into smaller files.",
            "The file has more than %(max)d rows; split it into smaller files.",
            limit,
        )
        % {"max": limit}
    )


def _first_sheet(archive: zipfile.ZipFile) -> str | None:
    """The member holding the workbook's first sheet (the one that is read), through the workbook's
    relationships; None when the workbook does not say."""
    workbook = archive.read("xl/workbook.xml")[:1_000_000].decode("utf-8", errors="replace")
    sheet = re.search(r"<(?:\w+:)?sheet\b[^>]*\br:id=\"([^\"]+)\"", workbook)
    if sheet is None or "xl/_rels/workbook.xml.rels" not in archive.namelist():
        return None
    rels = archive.read("xl/_rels/workbook.xml.rels")[:1_000_000].decode("utf-8", errors="replace")
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        if f'Id="{sheet.group(1)}"' in rel.group(0):
            target = re.search(r'Target="([^"]+)"', rel.group(0))
            if target:
                path = target.group(1)
                return path.lstrip("/") if path.startswith("/") else str(PurePosixPath("xl") / path)
    return None


def _count_sheet_rows(archive: zipfile.ZipFile, member: str, limit: int) -> None:
    """Raise FileRejected once the sheet's XML holds more than `limit` rows, reading it as a
    stream (a few megabytes at a time, never the whole sheet)."""
    rows = 0
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            rows += data.count(b"<row ") + data.count(b"<row>")
            # A tag cut by the chunk boundary is counted in the next round instead.
            cut = max(data.rfind(b"<"), len(data) - 5)
            rows -= data[cut:].count(b"<row ") + data[cut:].count(b"<row>")
            tail = data[cut:]
            if rows > limit:
                raise _too_many_rows()


def normalise_header(name: object) -> str:
    return str(name or "").strip().casefold().replace(" ", "_").replace("-", "_").replace(".", "")


def check_file(path: Path, *, max_bytes: int) -> str:
    """Return "xlsx" or "csv" for a file that may be read, or raise FileRejected."""
    size = path.stat().st_size
    if size == 0:
        raise FileRejected(_("The file is empty."))
    if size > max_bytes:
        raise FileRejected(_("The file is larger than %(limit)d MB.") % {"limit": max_bytes // (1024 * 1024)})
    with path.open("rb") as handle:
        head = handle.read(8192)
    if head.startswith(XLSX_MAGIC):
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            raise FileRejected(_("The file is not a valid XLSX workbook.")) from error
        with archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            if "xl/workbook.xml" not in names:
                raise FileRejected(_("The file is not a valid XLSX workbook."))
            if unpacked > min(MAX_UNPACKED_BYTES, size * MAX_UNPACKED_RATIO):
                raise FileRejected(_("The workbook unpacks to an unreasonable size and was refused."))
            try:
                sheet = _first_sheet(archive)
                if sheet in names:
                    # The header row comes on top of the data rows.
                    _count_sheet_rows(archive, sheet, max_rows() + 1)
            except (zipfile.BadZipFile, KeyError, OSError, EOFError) as error:
                raise FileRejected(_("The file is not a valid XLSX workbook.")) from error
        return "xlsx"
    if b"\x00" in head:
        raise FileRejected(_("The file is neither CSV nor XLSX."))
    return "csv"


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    """The first sheet's rows. calamine (Rust) reads a 35,000-row sheet in a fraction of a
    second, where openpyxl takes tens; the size and zip checks above have already run."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        rows = workbook.get_sheet_by_index(0).iter_rows()
    except (CalamineError, ValueError, OSError) as error:
        raise FileRejected(
            _("The workbook could not be read: %(reason)s") % {"reason": type(error).__name__}
        ) from error
    try:
        for row in rows:
            yield [_cell_text(v) for v in row]
    finally:
        workbook.close()


def _csv_rows(path: Path) -> Iterator[list[str]]:
    raw = path.open("rb")
    sample = raw.read(65536)
    raw.seek(0)
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            sample.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FileRejected(_("The file's text encoding is not UTF-8 or Windows-1251."))
    text = io.TextIOWrapper(raw, encoding=encoding, newline="", errors="strict")
    try:
        dialect = csv.Sniffer().sniff(sample.decode(encoding, errors="ignore").split("\n", 1)[0], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        for row in csv.reader(text, delimiter=delimiter):
            yield [cell.strip() for cell in row]
    except (UnicodeDecodeError, csv.Error) as error:
        raise FileRejected(_("The file could not be read as CSV: %(reason)s") % {"reason": str(error)}) from error
    finally:
        text.close()


def read_table(
    path: Path, *, max_bytes: int, aliases: dict[str, str]
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Return (column names, rows). Headers are matched case-insensitively and through
    `aliases` (e.g. Russian headers); empty rows are skipped; line numbers count from 1."""
    kind = check_file(path, max_bytes=max_bytes)
    rows = _xlsx_rows(path) if kind == "xlsx" else _csv_rows(path)
    header: list[str] = []
    line = 0
    for cells in rows:
        line += 1
        if any(cells):
            header = [aliases.get(normalise_header(c), normalise_header(c)) for c in cells]
            break
    if not header:
        raise FileRejected(_("The file has no header row."))

    def body() -> Iterator[tuple[int, dict[str, str]]]:
        number = line
        limit, count = max_rows(), 0
        for cells in rows:
            number += 1
            if not any(cells):
                continue
            count += 1
            if count > limit:
                raise _too_many_rows()
            if any("\x00" in cell for cell in cells):
                raise FileRejected(_("Line %(line)d contains a NUL character; the file is damaged.") % {"line": number})
            yield number, {name: cells[i] if i < len(cells) else "" for i, name in enumerate(header) if name}

    return header, body()
