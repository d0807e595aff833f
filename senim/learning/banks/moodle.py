"""Moodle XML question banks: multichoice (single or multiple), truefalse, matching and
shortanswer are read; other types (numerical, essay, cloze, calculated …) are reported.

A document type declaration is refused outright, so no entity can be expanded."""

import xml.etree.ElementTree as ET

from senim.learning.banks.common import (
    MATCHING,
    MULTIPLE,
    SHORT,
    SINGLE,
    TRUE_FALSE,
    ParsedChoice,
    ParsedQuestion,
    ParseResult,
    Problem,
    check,
    plain,
)

SUPPORTED = {"multichoice", "truefalse", "matching", "shortanswer"}


class UnreadableFile(ValueError):
    """The file is not a Moodle XML question bank."""


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    inner = element.find("text")
    return plain((inner.text if inner is not None else element.text) or "")


def _fraction(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def _parse(data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise UnreadableFile("document type declarations are not accepted")
    try:
        return ET.fromstring(data)  # noqa: S314  (no DOCTYPE, so no entity expansion)
    except ET.ParseError as error:
        raise UnreadableFile(str(error)) from error


def _question(element: ET.Element, qtype: str, category: str) -> ParsedQuestion:
    name = _text(element.find("name"))
    text = _text(element.find("questiontext"))
    answers = element.findall("answer")
    if qtype == "truefalse":
        right = next((a for a in answers if _fraction(a) > 0), None)
        value = _text(right).lower() if right is not None else ""
        return ParsedQuestion(TRUE_FALSE, text, category, name, answer_true={"true": True, "false": False}.get(value))
    if qtype == "matching":
        pairs = [
            ParsedChoice(_text(sub), True, _text(sub.find("answer")))
            for sub in element.findall("subquestion")
            if _text(sub)
        ]
        return ParsedQuestion(MATCHING, text, category, name, pairs)
    if qtype == "shortanswer":
        accepted = [ParsedChoice(_text(a), True) for a in answers if _fraction(a) >= 100]
        return ParsedQuestion(SHORT, text, category, name, accepted)
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    choices = [ParsedChoice(_text(a), _fraction(a) > 0) for a in answers]
    return ParsedQuestion(SINGLE if single else MULTIPLE, text, category, name, choices)


def read_moodle_xml(data: bytes) -> ParseResult:
    result = ParseResult()
    try:
        root = _parse(data)
    except UnreadableFile as error:
        result.problems.append(Problem(0, "", f"not a Moodle XML file: {error}", "invalid"))
        return result
    category = ""
    number = 0
    for element in root.iter("question"):
        qtype = element.get("type", "")
        if qtype == "category":
            category = _text(element.find("category")).rsplit("/", 1)[-1].strip()
            continue
        number += 1
        if qtype not in SUPPORTED:
            result.problems.append(Problem(number, _text(element.find("name")), qtype, "unsupported"))
            continue
        parsed = _question(element, qtype, category)
        problem = check(parsed)
        if problem:
            result.problems.append(Problem(number, parsed.name, problem, "invalid"))
        else:
            result.questions.append(parsed)
    return result


def _sub(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = text
    return element


def write_moodle_xml(questions: list[ParsedQuestion]) -> bytes:
    quiz = ET.Element("quiz")
    category = None
    for q in questions:
        if q.category != category:
            category = q.category
            holder = ET.SubElement(quiz, "question", {"type": "category"})
            _sub(holder, "category", f"$course$/top/{category}")
        qtype = {SINGLE: "multichoice", MULTIPLE: "multichoice", TRUE_FALSE: "truefalse", MATCHING: "matching"}.get(
            q.qtype, "shortanswer"
        )
        element = ET.SubElement(quiz, "question", {"type": qtype})
        _sub(element, "name", q.name or q.text[:60])
        _sub(element, "questiontext", q.text, format="plain_text")
        if q.qtype in (SINGLE, MULTIPLE):
            ET.SubElement(element, "single").text = "true" if q.qtype == SINGLE else "false"
            right = sum(c.correct for c in q.choices) or 1
            for c in q.choices:
                _sub(element, "answer", c.text, fraction=f"{100 / right:g}" if c.correct else "0")
        elif q.qtype == TRUE_FALSE:
            _sub(element, "answer", "true", fraction="100" if q.answer_true else "0")
            _sub(element, "answer", "false", fraction="0" if q.answer_true else "100")
        elif q.qtype == MATCHING:
            for c in q.choices:
                sub = _sub(element, "subquestion", c.text)
                _sub(sub, "answer", c.match)
        else:
            for c in q.choices:
                _sub(element, "answer", c.text, fraction="100")
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True)
