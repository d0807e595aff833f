"""Read a draft into blocks of text in reading order: DOCX, PDF with a text layer, ODT, plain text.

A block is a paragraph, a table cell row or a header line, with the number the document shows for it
(typed or produced by Word's automatic numbering). Readers stop at MAX_PAGES / MAX_CHARS so a huge file
is bounded; the caller learns it was truncated.
"""

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from senim.examination.engine.errors import InputError

MAX_PAGES = 600  # a 500-page draft is read whole; anything longer is cut here
MAX_CHARS = 3_000_000
EXTENSIONS = ("docx", "pdf", "odt", "txt")


@dataclass(slots=True)
class Block:
    text: str
    number: str = ""  # the label Word's automatic numbering shows ("1.2.", "а)"); typed numbers stay in text
    level: int = 0
    kind: str = "paragraph"  # paragraph | heading | table | header


@dataclass(slots=True)
class Document:
    blocks: list[Block] = field(default_factory=list)
    kind: str = "txt"
    pages: int = 0
    truncated: bool = False

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def read(data: bytes, filename: str) -> Document:
    """Read `data` by the file's extension; raise InputError with a stable code when it cannot be read."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if not data:
        raise InputError("empty")
    if ext == "docx":
        doc = read_docx(data)
    elif ext == "pdf":
        doc = read_pdf(data)
    elif ext == "odt":
        doc = read_odt(data)
    elif ext in ("txt", "text", "md"):
        doc = read_text(data)
    else:
        raise InputError("unsupported_type", ext)
    if not any(b.text.strip() for b in doc.blocks):
        raise InputError("no_text_layer" if doc.kind == "pdf" else "empty")
    return doc


def read_text(data: bytes) -> Document:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes any byte string
        raise InputError("corrupt", "undecodable")
    if "\x00" in text[:1000]:
        raise InputError("corrupt", "binary")
    truncated = len(text) > MAX_CHARS
    blocks = [Block(line.strip()) for line in text[:MAX_CHARS].splitlines() if line.strip()]
    return Document(blocks, "txt", 0, truncated)


# --- PDF ---------------------------------------------------------------------------------------


def read_pdf(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:  # an owner password alone (empty user password) still allows reading
                if not reader.decrypt(""):
                    raise InputError("encrypted")
            except InputError:
                raise
            except Exception as exc:
                raise InputError("encrypted", str(exc)) from exc
        pages = len(reader.pages)
        doc = Document(kind="pdf", pages=min(pages, MAX_PAGES), truncated=pages > MAX_PAGES)
        chars = 0
        for page in _pages(reader, MAX_PAGES):
            text = page.extract_text() or ""
            chars += len(text)
            doc.blocks.extend(_pdf_lines(text))
            if chars > MAX_CHARS:
                doc.truncated = True
                break
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError("corrupt", str(exc)) from exc
    return doc


def _pages(reader, limit: int) -> Iterator:
    for i, page in enumerate(reader.pages):
        if i >= limit:
            return
        yield page


_PDF_ITEM_START = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s|\d+\)\s|[а-яёa-zәіңғүұқөһ]\)\s|[•\-–]\s)", re.IGNORECASE)


def _pdf_lines(text: str) -> list[Block]:
    """Join a page's visual lines into paragraphs: a new paragraph starts at a numbered line or after a
    line ending a sentence."""
    blocks: list[Block] = []
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                blocks.append(Block(current))
                current = ""
            continue
        if current and (_PDF_ITEM_START.match(line) or current.endswith((".", ":", ";"))):
            blocks.append(Block(current))
            current = line
        else:
            current = f"{current} {line}" if current else line
            if current.endswith("-") and not current.endswith(" -"):
                current = current[:-1]
    if current:
        blocks.append(Block(current))
    return blocks


# --- DOCX --------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data[:4] == b"\xd0\xcf\x11\xe0":  # OLE container: an encrypted (password-protected) Office file
        raise InputError("encrypted")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError("corrupt", str(exc)) from exc
    except Exception as exc:  # lxml errors on broken XML parts
        raise InputError("corrupt", str(exc)) from exc
    numbering = _Numbering(document)
    doc = Document(kind="docx")
    chars = 0
    for section in document.sections[:1]:
        for paragraph in section.header.paragraphs:
            if paragraph.text.strip():
                doc.blocks.append(Block(paragraph.text.strip(), kind="header"))
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            block = _docx_paragraph(child, numbering)
            if block:
                doc.blocks.append(block)
                chars += len(block.text)
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = []
                for cell in row.iter(f"{_W}tc"):
                    text = " ".join(_p_text(p) for p in cell.iter(f"{_W}p")).strip()
                    if text and text not in cells:
                        cells.append(text)
                if cells:
                    doc.blocks.append(Block(" | ".join(cells), kind="table"))
                    chars += sum(len(c) for c in cells)
        if chars > MAX_CHARS:
            doc.truncated = True
            break
    doc.pages = max(1, chars // 3000)
    return doc


def _p_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t", f"{_W}tab")).replace("\t", " ")


def _docx_paragraph(p, numbering: "_Numbering") -> Block | None:
    text = _p_text(p).strip()
    if not text:
        return None
    ppr = p.find(f"{_W}pPr")
    style = ""
    num_id = ilvl = None
    if ppr is not None:
        pstyle = ppr.find(f"{_W}pStyle")
        if pstyle is not None:
            style = pstyle.get(f"{_W}val", "")
        numpr = ppr.find(f"{_W}numPr")
        if numpr is not None:
            n, lv = numpr.find(f"{_W}numId"), numpr.find(f"{_W}ilvl")
            num_id = n.get(f"{_W}val") if n is not None else None
            ilvl = int(lv.get(f"{_W}val", "0")) if lv is not None else 0
    if num_id is None and style:
        num_id, ilvl = numbering.style_numbering(style)
    label = numbering.next_label(num_id, ilvl or 0) if num_id not in (None, "0") else ""
    kind = "heading" if style.lower().startswith(("heading", "title", "заголовок")) else "paragraph"
    return Block(text, number=label, level=ilvl or 0, kind=kind)


_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (value - 1) % 26)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("russianLower", "russianUpper"):
        s = _RU_LETTERS[(value - 1) % len(_RU_LETTERS)]
        return s.upper() if fmt == "russianUpper" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(value)
        return s.lower() if fmt == "lowerRoman" else s
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for n, s in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= n:
            out += s
            value -= n
    return out


class _Numbering:
    """Word's automatic numbering: counters per abstract list and level, rendered with each level's lvlText."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.num_to_abstract: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        self.styles: dict[str, tuple[str, int]] = {}
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            part = None
        if part is not None:
            root = part.element
            for absn in root.iter(f"{_W}abstractNum"):
                aid = absn.get(f"{_W}abstractNumId", "")
                levels = {}
                for lvl in absn.iter(f"{_W}lvl"):
                    ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                    fmt = lvl.find(f"{_W}numFmt")
                    txt = lvl.find(f"{_W}lvlText")
                    start = lvl.find(f"{_W}start")
                    levels[ilvl] = (
                        fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                        txt.get(f"{_W}val", "") if txt is not None else "",
                        int(start.get(f"{_W}val", "1")) if start is not None else 1,
                    )
                self.levels[aid] = levels
            for num in root.iter(f"{_W}num"):
                ref = num.find(f"{_W}abstractNumId")
                if ref is not None:
                    self.num_to_abstract[num.get(f"{_W}numId", "")] = ref.get(f"{_W}val", "")
        try:
            for style in document.styles.element.iter(f"{_W}style"):
                numpr = style.find(f"{_W}pPr/{_W}numPr")
                if numpr is not None:
                    n, lv = numpr.find(f"{_W}numId"), numpr.find(f"{_W}ilvl")
                    if n is not None:
                        self.styles[style.get(f"{_W}styleId", "")] = (
                            n.get(f"{_W}val", ""),
                            int(lv.get(f"{_W}val", "0")) if lv is not None else 0,
                        )
        except (AttributeError, KeyError, NotImplementedError):
            pass

    def style_numbering(self, style: str) -> tuple[str | None, int]:
        return self.styles.get(style, (None, 0))

    def next_label(self, num_id: str | None, ilvl: int) -> str:
        aid = self.num_to_abstract.get(num_id or "")
        levels = self.levels.get(aid or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid or "", [0] * 9)
        for lv in range(ilvl):  # an item at a deeper level with no parent yet counts the parent as 1
            if counters[lv] == 0:
                counters[lv] = levels.get(lv, ("decimal", "", 1))[2]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][2]
        for lv in range(ilvl + 1, 9):
            counters[lv] = 0
        fmt, text, _start = levels[ilvl]
        if fmt == "bullet" or not text:
            return ""

        def sub(m: re.Match) -> str:
            lv = int(m.group(1)) - 1
            return _format_number(counters[lv] or 1, levels.get(lv, ("decimal", "", 1))[0])

        return re.sub(r"%(\d)", sub, text).strip()


# --- ODT ---------------------------------------------------------------------------------------


def read_odt(data: bytes) -> Document:
    try:
        from odf import opendocument, teletype
        from odf.namespaces import TEXTNS

        odt = opendocument.load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError("corrupt", str(exc)) from exc
    except Exception as exc:  # odfpy raises assorted XML errors on broken content
        raise InputError("corrupt", str(exc)) from exc
    doc = Document(kind="odt")
    counters: list[int] = []
    chars = 0

    def walk(node, depth: int) -> None:
        nonlocal chars
        for child in node.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            ns, name = child.qname
            if ns == TEXTNS and name == "list":
                walk(child, depth + 1)
            elif ns == TEXTNS and name == "list-item":
                while len(counters) < depth:
                    counters.append(0)
                del counters[depth:]
                counters[depth - 1] += 1
                label = ".".join(str(c) for c in counters[:depth]) + "."
                first = True
                for sub in child.childNodes:
                    if sub.nodeType == sub.ELEMENT_NODE and sub.qname == (TEXTNS, "p") and first:
                        text = teletype.extractText(sub).strip()
                        if text:
                            doc.blocks.append(Block(text, number=label, level=depth - 1))
                            chars += len(text)
                            first = False
                    elif sub.nodeType == sub.ELEMENT_NODE:
                        walk_one(sub, depth)
            elif ns == TEXTNS and name in ("p", "h"):
                text = teletype.extractText(child).strip()
                if text:
                    doc.blocks.append(Block(text, kind="heading" if name == "h" else "paragraph"))
                    chars += len(text)
            else:
                walk(child, depth)
            if chars > MAX_CHARS:
                doc.truncated = True
                return

    def walk_one(node, depth: int) -> None:
        class _Wrap:
            childNodes = [node]

        walk(_Wrap, depth)

    walk(odt.text, 0)
    doc.pages = max(1, chars // 3000)
    return doc
