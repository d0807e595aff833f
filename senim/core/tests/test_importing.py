"""The shared import reader is bounded by rows and unpacked size (issue 11, item 14), and the shared
writer is all or nothing with an audit event per record."""

import io
import zipfile
from pathlib import Path

import pytest
from django.test import override_settings
from openpyxl import Workbook

from senim.core.importing import reader
from senim.core.importing.reader import FileRejected, read_table

WORKBOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def _huge_workbook(path: Path, rows: int) -> Path:
    """A workbook of `rows` one-cell rows, written straight as compressed XML (openpyxl would take
    minutes): small on disk, large once parsed."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet><sheetData>')
            sheet.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>')
            # Row and cell references are optional in the format; leaving them out compresses best.
            for number in range(rows):
                sheet.write(b"<row><c><v>%d</v></c></row>" % number)
            sheet.write(b"</sheetData></worksheet>")
    return path


def test_a_small_workbook_unpacking_to_500000_rows_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    path = _huge_workbook(tmp_path / "bomb.xlsx", 500_000)
    assert path.stat().st_size < 1.5 * 1024 * 1024

    def parse(*args, **kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(reader.CalamineWorkbook, "from_path", parse)
    with pytest.raises(FileRejected) as refused:
        read_table(path, max_bytes=10 * 1024 * 1024, aliases={})
    assert "200000 rows" in refused.value.message and "split it" in refused.value.message


def test_a_workbook_within_the_row_limit_is_read(tmp_path):
    book = Workbook()
    book.active.append(["name"])
    for number in range(30):
        book.active.append([f"N{number}"])
    book.save(tmp_path / "ok.xlsx")
    with override_settings(SENIM_IMPORT_MAX_ROWS=30):
        header, rows = read_table(tmp_path / "ok.xlsx", max_bytes=10**6, aliases={})
        assert header == ["name"] and len(list(rows)) == 30
    with override_settings(SENIM_IMPORT_MAX_ROWS=29), pytest.raises(FileRejected):
        read_table(tmp_path / "ok.xlsx", max_bytes=10**6, aliases={})


def test_a_csv_with_more_rows_than_the_limit_is_refused_while_read(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("name\n" + "x\n" * 101, encoding="utf-8")
    with override_settings(SENIM_IMPORT_MAX_ROWS=100):
        _header, rows = read_table(path, max_bytes=10**6, aliases={})
        with pytest.raises(FileRejected):
            list(rows)


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/worksheets/sheet1.xml", io.BytesIO(b" " * (20 * 1024 * 1024)).getvalue())
    with pytest.raises(FileRejected) as refused:
        read_table(path, max_bytes=10**6, aliases={})
    assert "unreasonable size" in refused.value.message
