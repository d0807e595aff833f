"""Split a read document into provisions, keeping the numbering the document shows ("1.2.3", "а)", "1)").

A provision is a numbered item with the unnumbered paragraphs that continue it, or an unnumbered
paragraph standing alone. Headings and page headers are kept as context, not examined as provisions.
Sub-items ("а)", "1)") are provisions of their own, labelled under their parent ("3.2 а)").
"""

import re
from dataclasses import dataclass

from senim.examination.engine.readers import Block, Document

# Typed numbering at the start of a paragraph.
_TYPED = re.compile(
    r"^\s*(?P<num>"
    r"(?:\d{1,3}\.){1,5}\d{0,3}"  # 1.  1.2  1.2.3.
    r"|\d{1,3}\)"  # 1)
    r"|\(\d{1,3}\)"  # (1)
    r"|[а-яёәіңғүұқөһa-z]\)"  # а)  b)
    r"|\([а-яёa-z]\)"  # (a)
    r"|[IVXLC]{1,6}\."  # IV.
    r"|(?:Статья|Article|бап|Пункт|Clause|Modda)\s+\d+(?:\.\d+)*\.?"  # Статья 5.
    r"|\d{1,3}\s*-\s*(?:бап|тармақ|modda)\.?"  # 5-бап
    r")\s+",
    re.IGNORECASE,
)
_SUB = re.compile(r"^(?:\d{1,3}\)|\(\d{1,3}\)|[а-яёәіңғүұқөһa-z]\)|\([а-яёa-z]\))$", re.IGNORECASE)


@dataclass(slots=True)
class Provision:
    number: str  # as the document shows it, with the parent for sub-items ("3.2 а)"); "¶7" when unnumbered
    text: str
    index: int  # position in the document, 0-based
    heading: str = ""  # the nearest heading above it


def split(document: Document) -> list[Provision]:
    provisions: list[Provision] = []
    heading = ""
    parent = ""
    paragraph_no = 0
    for block in document.blocks:
        text = block.text.strip()
        if not text:
            continue
        if block.kind in ("header",):
            continue
        label, body = _label(block, text)
        if block.kind == "heading" or (_looks_like_heading(body) and not (label and _SUB.match(label))):
            heading = text
            if label:
                parent = label.rstrip(".")
            continue
        if label and not body:  # a bare number on its own line (PDF): the text follows
            parent = label
            continue
        paragraph_no += 1
        if label:
            if _SUB.match(label) and parent:
                number = f"{parent} {label}"
            else:
                number = parent = label.rstrip().rstrip(".")
            provisions.append(Provision(number, body, len(provisions), heading))
        elif provisions and block.kind == "paragraph" and _continues(provisions[-1].text, text):
            provisions[-1].text = f"{provisions[-1].text} {text}"
        else:
            provisions.append(Provision(f"¶{paragraph_no}", text, len(provisions), heading))
    return provisions


def split_text(text: str) -> list[Provision]:
    return split(Document([Block(line) for line in text.splitlines()]))


def _label(block: Block, text: str) -> tuple[str, str]:
    if block.number:
        return block.number.rstrip(), text
    m = _TYPED.match(text + " ")
    if m:
        num = m.group("num").strip()
        return num.rstrip(".") if not _SUB.match(num) else num, text[m.end() :].strip()
    return "", text


def _looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation, or written in capitals, is a heading."""
    if len(text) > 90 or text.endswith((".", ";", ":", ",")):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (sum(c.isupper() for c in letters) / len(letters) > 0.7 or len(text.split()) <= 6)


def _continues(previous: str, text: str) -> bool:
    """An unnumbered paragraph continues the previous provision when that one ended with a colon or
    without closing punctuation, or when it starts in lower case."""
    return previous.endswith((":", ",")) or text[:1].islower() or not previous.endswith((".", ";", "!", "?"))
