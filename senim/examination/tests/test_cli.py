"""`senim examine`: a CSV of provisions in bulk, and one draft as a table or JSON."""

import json

import pytest
from django.core.management import CommandError, call_command

from senim.examination.tests.factories import CONTRACT, draft_docx


def test_provisions_csv_in_factors_csv_out(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        "id,text,language\n"
        "1,Расчеты производятся наличными.,ru\n"
        "2,Расчеты наличными запрещены.,\n"
        '3,"The Customer may reduce the penalty at its discretion.",en\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    call_command("examine", provisions=str(source), output=str(out))
    assert out.read_text(encoding="utf-8").splitlines() == [
        "id,factors",
        "1,CASH_PAYMENT",
        "2,",
        "3,DISCRETION;PENALTY_WAIVER",
    ]


def test_a_csv_without_the_columns_is_refused(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("number,body\n1,x\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("examine", provisions=str(source))


def test_a_draft_as_json_and_table(tmp_path, capsys):
    path = tmp_path / "contract.docx"
    path.write_bytes(draft_docx(CONTRACT))
    call_command("examine", str(path), format="json")
    report = json.loads(capsys.readouterr().out)
    codes = {f["code"] for p in report["provisions"] for f in p["findings"]}
    assert codes == {"ADVANCE_UNSECURED", "CASH_PAYMENT", "UNILATERAL_PRICE_CHANGE"}
    assert report["document_findings"][0]["kind"] == "missing_clause"
    call_command("examine", str(path))
    assert "CASH_PAYMENT" in capsys.readouterr().out


def test_a_scanned_pdf_gets_a_clear_message(tmp_path):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CommandError, match="OCR"):
        call_command("examine", str(path))
