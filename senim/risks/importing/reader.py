"""Read a plan from the Word document it was approved as, or from a workbook, into rows of what was
understood: aspect, topic, number, text, deadline as written and as read, completion form, executive,
units, co-executors, with the problems of each row. Nothing is saved here (see services.plan_import).

A plan table is recognised by its header row (Kazakh, Russian, English or Uzbek words for number,
measure and deadline at least). A row whose cells are all one merged cell (or whose only text is in
one cell, without a number) is a section: an aspect when it names one ("E", "Экологиялық аспект",
"Раздел 2"), otherwise a topic of the current aspect. Vertically merged cells repeat their text on the
rows they span, so a unit named once for several measures is responsible for each of them.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from senim.risks.deadlines import Deadline, Kind, parse

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

# Column → words found in its header (lower case). The more specific columns come first, so
# "жауапты бөлімшелер" is units and "бірлескен орындаушылар" co-executors, not the executive.
COLUMNS: list[tuple[str, tuple[str, ...]]] = [
    ("number", ("№", "р/с", "п/п", "no.", "#", "number", "t/r", "рет")),
    ("co_executors", ("бірлескен", "қосалқы орындаушы", "соисполнител", "co-executor", "hamijrochi", "hamkor ijrochi")),
    ("units", ("бөлімше", "бөлімдер", "құрылымдық", "подразделени", "unit", "bo'linma", "tuzilma")),
    ("completion_form", ("нысан", "форма", "completion", "shakl")),
    ("deadline", ("мерзім", "срок", "deadline", "due", "muddat", "timeline")),
    ("executives", ("орындаушы", "исполнител", "executive", "responsible", "ijrochi", "жауапты", "ответствен")),
    (
        "text",
        (
            "іс-шара",
            "іс шара",
            "шара",
            "мероприяти",
            "measure",
            "action",
            "activity",
            "tadbir",
            "атауы",
            "наименование",
            "тапсырма",
            "задач",
            "task",
            "vazifa",
        ),
    ),
]
REQUIRED = ("number", "text", "deadline")

_ASPECT = re.compile(
    r"^\s*(?:[ESG](?:\s*[-–—.:)]|\s+[-–—])|[IVXІ]{1,4}[.)]\s|(?:раздел|бөлім|section|bo'lim)\b)"
    r"|аспект|aspect|бағыт|направлени|yo'nalish",
    re.IGNORECASE,
)
_APPROVAL = re.compile(r"бекіт|утвержд|approved|tasdiqla", re.IGNORECASE)
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_UZBEK = re.compile(r"[oOgG][ʻ'‘`]|\b(?:va|yil|yilgacha|chora|tadbir|muddat)\b", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s*$")


@dataclass
class Row:
    line: int  # the table row (DOCX) or sheet row (XLSX), counted from 1
    aspect: str = ""
    topic: str = ""
    number: str = ""
    text: str = ""
    deadline: Deadline = field(default_factory=lambda: parse(""))
    completion_form: str = ""
    executives: str = ""
    units: str = ""
    co_executors: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        d = self.deadline
        return {
            "line": self.line,
            "aspect": self.aspect,
            "topic": self.topic,
            "number": self.number,
            "text": self.text,
            "deadline_text": d.text,
            "deadline": {
                "kind": d.kind.value,
                "due": d.due.isoformat() if d.due else None,
                "recurrence": d.recurrence.value if d.recurrence else None,
                "start_year": d.start_year,
                "end_year": d.end_year,
                "problem": d.problem.value if d.problem else None,
            },
            "completion_form": self.completion_form,
            "executives": self.executives,
            "units": self.units,
            "co_executors": self.co_executors,
            "errors": self.errors,
            "warnings": self.warnings,
        }


@dataclass
class Understood:
    source: str
    title: str = ""
    approval: str = ""  # "Approved by the Board of Directors, decision No 3 of 14 March 2025" as written
    language: str = "ru"
    first_year: int | None = None
    last_year: int | None = None
    rows: list[Row] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.file_errors and not any(r.errors for r in self.rows) and bool(self.rows)

    @property
    def deadlines_to_set(self) -> list[Row]:
        return [r for r in self.rows if r.deadline.kind is Kind.UNSET]

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "title": self.title,
            "approval": self.approval,
            "language": self.language,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "ok": self.ok,
            "file_errors": self.file_errors,
            "rows": [r.as_dict() for r in self.rows],
        }


def _language(text: str) -> str:
    if _KAZAKH.search(text):
        return "kk"
    if re.search(r"[а-яё]", text, re.IGNORECASE):
        return "ru"
    if _UZBEK.search(text):
        return "uz"
    return "en"


def _columns(header: list[str]) -> dict[str, int]:
    """Map each known column to its index in `header`; the first header cell matching wins."""
    found: dict[str, int] = {}
    for index, raw in enumerate(header):
        cell = re.sub(r"\s+", " ", raw.lower().replace("ʻ", "'").replace("’", "'")).strip()
        if not cell:
            continue
        for name, words in COLUMNS:
            if name not in found and any(w in cell for w in words):
                found[name] = index
                break
    return found


def _is_header(header: list[str]) -> dict[str, int] | None:
    cols = _columns(header)
    return cols if all(c in cols for c in REQUIRED) else None


def read_grid(grid: list[list[str]], *, source: str, before: list[str], lines: list[int] | None = None) -> Understood:
    """Understand a table given as rows of cell texts (a cell merged across columns repeats its text);
    `before` is the text above the table (the title); `lines` the file's row numbers, if not 1, 2, …"""
    result = Understood(source=source)
    header_at = next((i for i, row in enumerate(grid[:10]) if _is_header(row)), None)
    title_lines = [t.strip() for t in before if t.strip()]
    approval = [t for t in title_lines if _APPROVAL.search(t)]
    result.approval = " ".join(approval)[:500]
    rest = [t for t in title_lines if t not in approval]
    result.title = (rest[-1] if rest else "")[:500]
    if header_at is None:
        return _not_found(result, grid)
    cols = _is_header(grid[header_at]) or {}
    result.language = _language(" ".join(grid[header_at]) + " " + result.title)
    aspect = topic = ""
    seen: dict[str, int] = {}
    for i in range(header_at + 1, len(grid)):
        cells = [c.strip() for c in grid[i]]
        line = lines[i] if lines else i + 1
        distinct = {c for c in cells if c}
        if not distinct:
            continue
        # A column-number row under the header ("1 | 2 | 3 | …") is not a measure.
        if all(re.fullmatch(r"\d+", c) for c in distinct) and len(distinct) >= len(cols) - 1 and len(distinct) > 2:
            continue

        def cell(name: str, cells: list[str] = cells) -> str:
            index = cols.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        number_text = cell("number")
        if len(distinct) == 1 and not _NUMBER.match(number_text):
            heading = distinct.pop()
            if _ASPECT.search(heading):
                aspect, topic = heading, ""
            else:
                topic = heading
            continue
        row = Row(line=line, aspect=aspect, topic=topic)
        match = _NUMBER.match(number_text)
        row.number = match.group(1) if match else number_text
        row.text = cell("text")
        row.deadline = parse(cell("deadline"))
        row.completion_form = cell("completion_form")
        row.executives = cell("executives")
        row.units = cell("units")
        row.co_executors = cell("co_executors")
        _check(row, seen)
        result.rows.append(row)
    _years(result)
    if not result.rows:
        result.file_errors.append(_("The table has a header but no measures under it."))
    return result


def _check(row: Row, seen: dict[str, int]) -> None:
    if not row.number:
        row.errors.append(_("The measure has no number."))
    elif not _NUMBER.match(row.number):
        row.errors.append(_("“%(number)s” is not a measure number.") % {"number": row.number})
    elif row.number in seen:
        row.errors.append(
            _("Number %(number)s is used twice (also on line %(line)d).")
            % {"number": row.number, "line": seen[row.number]}
        )
    else:
        seen[row.number] = row.line
    if not row.text:
        row.errors.append(_("The measure has no text."))
    d = row.deadline
    if d.kind is Kind.UNSET:
        row.warnings.append(
            _("The deadline is empty: set it.")
            if not d.text.strip()
            else _("The deadline “%(text)s” was not understood: set it.") % {"text": d.text}
        )
    elif d.due and d.due < dt.date.today():
        row.warnings.append(
            _("The deadline %(due)s has already passed.") % {"due": date_format(d.due, "SHORT_DATE_FORMAT")}
        )


def _years(result: Understood) -> None:
    match = _YEARS.search(result.title)
    if match:
        result.first_year, result.last_year = int(match.group(1)), int(match.group(2))
        return
    years = [y for r in result.rows for y in (r.deadline.start_year, r.deadline.end_year) if y]
    years += [r.deadline.due.year for r in result.rows if r.deadline.due]
    if years:
        result.first_year, result.last_year = min(years), max(years)


def _not_found(result: Understood, grid: list[list[str]]) -> Understood:
    if not grid:
        result.file_errors.append(_("The table is empty."))
        return result
    first = " | ".join(c.strip()[:40] for c in grid[0] if c.strip())[:300]
    result.file_errors.append(
        _(
            "No plan table was recognised: a table needs columns for the number, the measure and the deadline. "
            "The first row found reads: “%(row)s”."
        )
        % {"row": first}
    )
    return result


# --------------------------------------------------------------------------- files


class FileRejected(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _check_zip(path: Path, marker: str, what: str) -> None:
    size = path.stat().st_size
    if size == 0:
        raise FileRejected(_("The file is empty."))
    if size > MAX_BYTES:
        raise FileRejected(_("The file is larger than %(limit)d MB.") % {"limit": MAX_BYTES // (1024 * 1024)})
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise FileRejected(what) from error
    if marker not in names:
        raise FileRejected(what)
    if unpacked > min(MAX_UNPACKED_BYTES, size * 100):
        raise FileRejected(_("The file unpacks to an unreasonable size and was refused."))


def read_docx(path: Path, *, source: str | None = None) -> Understood:
    """Understand the first table of the document that has the plan's columns."""
    import docx  # python-docx: imported here so the app loads without reading Word files

    _check_zip(path, "word/document.xml", _("The file is not a Word document (DOCX)."))
    document = docx.Document(str(path))
    name = source or path.name
    paragraphs_before: list[str] = []
    grids: list[list[list[str]]] = []
    body = document.element.body
    tables = iter(document.tables)
    # Walk the body in order so the title is the text above the plan table.
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p" and not grids:
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            paragraphs_before.append(text)
        elif tag == "tbl":
            table = next(tables)
            grid = [[cell.text for cell in row.cells] for row in table.rows]
            if _is_header_anywhere(grid):
                return read_grid(grid, source=name, before=paragraphs_before)
            grids.append(grid)
    if grids:
        result = read_grid(grids[0], source=name, before=paragraphs_before)
        count = len(grids)
        result.file_errors.insert(
            0,
            ngettext("The document has %(count)d table.", "The document has %(count)d tables.", count)
            % {"count": count},
        )
        return result
    result = Understood(source=name)
    paragraphs = [p for p in paragraphs_before if p.strip()]
    result.file_errors.append(
        ngettext(
            "No table was found in the document: it has %(count)d paragraph of text and no table.",
            "No table was found in the document: it has %(count)d paragraphs of text and no table.",
            len(paragraphs),
        )
        % {"count": len(paragraphs)}
    )
    return result


def _is_header_anywhere(grid: list[list[str]]) -> bool:
    return any(_is_header(row) for row in grid[:10])


def read_xlsx(path: Path, *, source: str | None = None) -> Understood:
    """Understand the first sheet: a title above, a header row, measures and merged section rows."""
    import openpyxl

    _check_zip(path, "xl/workbook.xml", _("The file is not a valid XLSX workbook."))
    workbook = openpyxl.load_workbook(str(path), read_only=False, data_only=True)
    sheet = workbook.worksheets[0]
    grid: list[list[str]] = []
    for row in sheet.iter_rows(values_only=True):
        grid.append([_xlsx_text(v) for v in row])
    # Merged ranges keep their value in the top-left cell only: spread it as Word does.
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                grid[r][c] = value
    header_at = next((i for i, row in enumerate(grid[:15]) if _is_header(row)), None)
    before = [" ".join(c for c in row if c) for row in grid[: header_at or 0]]
    body = grid[header_at or 0 :]
    lines = list(range((header_at or 0) + 1, len(grid) + 1))
    return read_grid(body, source=source or path.name, before=before, lines=lines)


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_plan(path: Path, *, source: str | None = None) -> Understood:
    """Read a DOCX or XLSX plan, telling them apart by content rather than by name."""
    name = source or path.name
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        names = set()
    if "word/document.xml" in names:
        return read_docx(path, source=name)
    if "xl/workbook.xml" in names:
        return read_xlsx(path, source=name)
    if path.exists() and path.stat().st_size == 0:
        raise FileRejected(_("The file is empty."))
    raise FileRejected(_("The file is neither a Word document (DOCX) nor an XLSX workbook."))


def read_upload(handle: IO[bytes], *, name: str, directory: Path) -> Understood:
    """Save an uploaded file to `directory` and read it."""
    path = directory / "upload"
    with path.open("wb") as out:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            out.write(chunk)
    return read_plan(path, source=name)
