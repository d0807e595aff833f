"""Readers: DOCX numbering and tables, ODT lists, PDF text layers, and clear errors on bad input."""

import io

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfWriter

from senim.examination.engine import InputError, examine_file, read, split


def _docx_with_auto_numbering() -> bytes:
    """A document whose items are numbered by Word (numPr), not typed: 1., 1.1., 2., then а) б)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, (fmt, text) in enumerate([("decimal", "%1."), ("decimal", "%1.%2."), ("russianLower", "%3)")]):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        start = OxmlElement("w:start")
        start.set(qn("w:val"), "1")
        num_fmt = OxmlElement("w:numFmt")
        num_fmt.set(qn("w:val"), fmt)
        lvl_text = OxmlElement("w:lvlText")
        lvl_text.set(qn("w:val"), text)
        lvl.extend([start, num_fmt, lvl_text])
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)

    def item(text: str, level: int) -> None:
        p = document.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level))
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), "90")
        numpr.extend([ilvl, num_id])
        ppr.append(numpr)

    document.sections[0].header.paragraphs[0].text = "ТОО «Пример» — проект"
    document.add_heading("ДОГОВОР ПОСТАВКИ", level=1)
    item("Предмет договора определяется спецификацией.", 0)
    item("Поставщик вправе в одностороннем порядке изменить цену товара.", 1)
    item("Оплата производится наличными.", 0)
    item("Стороны вправе:", 1)
    item("требовать исполнения обязательств;", 2)
    item("расторгнуть договор по основаниям, указанным в пункте 5.", 2)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Аванс"
    table.cell(0, 1).text = "100% без банковской гарантии"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_keeps_word_automatic_numbering_and_reads_tables():
    doc = read(_docx_with_auto_numbering(), "draft.docx")
    numbers = [p.number for p in split(doc)]
    assert numbers[:6] == ["1", "1.1", "2", "2.1", "2.1 а)", "2.1 б)"]
    assert any("банковской гарантии" in b.text and b.kind == "table" for b in doc.blocks)
    assert doc.blocks[0].kind == "header"


def test_a_docx_contract_is_examined_provision_by_provision():
    report = examine_file(_docx_with_auto_numbering(), "draft.docx")
    by_number = {p.provision.number: {f.code for f in p.findings} for p in report.provisions}
    assert by_number["1.1"] == {"UNILATERAL_PRICE_CHANGE"}
    assert by_number["2"] == {"CASH_PAYMENT"}
    assert by_number["2.1 б)"] == set()
    assert report.is_contract
    assert [d.kind for d in report.document_findings if d.code == "NO_AC_CLAUSE"] == ["missing_clause"]


def test_odt_lists_are_numbered():
    from odf.opendocument import OpenDocumentText
    from odf.text import List, ListItem, P

    odt = OpenDocumentText()
    lst = List()
    for text in ("Расчеты производятся наличными.", "Приемка по акту."):
        li = ListItem()
        li.addElement(P(text=text))
        lst.addElement(li)
    odt.text.addElement(lst)
    out = io.BytesIO()
    odt.write(out)
    provisions = split(read(out.getvalue(), "act.odt"))
    assert [(p.number, p.text) for p in provisions] == [
        ("1", "Расчеты производятся наличными."),
        ("2", "Приемка по акту."),
    ]


def test_plain_text_keeps_typed_numbering_and_sub_items():
    text = (
        "1. Общие положения\n1.1. Работник вправе:\nа) обжаловать решение;\nб) получить копию.\n"
        "2. Иное положение действует бессрочно."
    )
    provisions = split(read(text.encode(), "act.txt"))
    assert [p.number for p in provisions] == ["1.1", "1.1 а)", "1.1 б)", "2"]


def _pdf(**kwargs) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if kwargs.get("password"):
        writer.encrypt(kwargs["password"])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_scanned_pdf_has_no_text_layer():
    with pytest.raises(InputError) as error:
        read(_pdf(), "scan.pdf")
    assert error.value.code == "no_text_layer"


def test_an_encrypted_pdf_is_refused():
    with pytest.raises(InputError) as error:
        read(_pdf(password="secret"), "locked.pdf")
    assert error.value.code == "encrypted"


def test_a_pdf_text_layer_is_read():
    from weasyprint import HTML

    data = HTML(string="<p>1. Оплата производится наличными.</p><p>2. Приемка по акту.</p>").write_pdf()
    provisions = split(read(data, "draft.pdf"))
    assert [p.number for p in provisions] == ["1", "2"]


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"PK\x03\x04 not really a zip", "broken.docx", "corrupt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "locked.docx", "encrypted"),
        (b"%PDF-1.4 garbage", "broken.pdf", "corrupt"),
        (b"hello", "draft.exe", "unsupported_type"),
        (b"", "empty.txt", "empty"),
    ],
)
def test_bad_files_give_a_stable_error_code(data, name, code):
    with pytest.raises(InputError) as error:
        read(data, name)
    assert error.value.code == code


def test_a_long_text_is_bounded(monkeypatch):
    from senim.examination.engine import readers

    monkeypatch.setattr(readers, "MAX_CHARS", 1000)
    doc = read(("Оплата производится в течение 10 дней.\n" * 200).encode(), "long.txt")
    assert doc.truncated
    assert sum(len(b.text) for b in doc.blocks) <= 1000


def test_a_long_pdf_is_read_page_by_page_and_cut_at_the_page_bound(monkeypatch):
    from weasyprint import HTML

    from senim.examination.engine import readers

    pages = "".join(
        f'<p style="page-break-after: always">{n}. Оплата производится в течение 10 дней.</p>' for n in range(1, 6)
    )
    data = HTML(string=pages).write_pdf()
    monkeypatch.setattr(readers, "MAX_PAGES", 2)
    doc = read(data, "long.pdf")
    assert doc.truncated and doc.pages == 2
    assert [p.number for p in split(doc)] == ["1", "2"]
