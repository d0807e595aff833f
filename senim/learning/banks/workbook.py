"""A question bank as a workbook, one question a row:
category | type | question | answer 1 | answer 2 | …

Types: single, multiple, truefalse, matching, short. A right option starts with "*"; a matching
pair is written "left -> right"; a true/false answer is "true" or "false"; every short answer
listed is accepted."""

import io

from openpyxl import Workbook, load_workbook

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
)

HEADER = ["category", "type", "question", "answers…"]
TYPES = {SINGLE, MULTIPLE, TRUE_FALSE, MATCHING, SHORT}


def _cell(value: object) -> str:
    text = "" if value is None else str(value).strip()
    # Undo the quote the writer puts before a cell that a spreadsheet would read as a formula.
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def read_workbook(data: bytes) -> ParseResult:
    result = ParseResult()
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        result.problems.append(Problem(0, "", f"not a workbook: {error}", "invalid"))
        return result
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=1):
        cells = [_cell(v) for v in row]
        if not any(cells):
            continue
        cells += [""] * (3 - len(cells))
        category, qtype, text, answers = cells[0], cells[1].lower(), cells[2], [c for c in cells[3:] if c]
        if qtype not in TYPES:
            result.problems.append(Problem(number, text[:60], qtype or "no type", "unsupported"))
            continue
        question = ParsedQuestion(qtype, text, category)
        if qtype == TRUE_FALSE:
            question.answer_true = {"true": True, "false": False}.get(answers[0].lower() if answers else "")
        elif qtype == MATCHING:
            pairs = [a.split("->", 1) for a in answers]
            question.choices = [ParsedChoice(p[0].strip(), True, p[1].strip() if len(p) > 1 else "") for p in pairs]
        elif qtype == SHORT:
            question.choices = [ParsedChoice(a.lstrip("*").strip(), True) for a in answers]
        else:
            question.choices = [ParsedChoice(a.lstrip("*").strip(), a.startswith("*")) for a in answers]
        problem = check(question)
        if problem:
            result.problems.append(Problem(number, text[:60], problem, "invalid"))
        else:
            result.questions.append(question)
    return result


def write_workbook(questions: list[ParsedQuestion]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.append(HEADER)
    for q in questions:
        if q.qtype == TRUE_FALSE:
            answers = ["true" if q.answer_true else "false"]
        elif q.qtype == MATCHING:
            answers = [f"{c.text} -> {c.match}" for c in q.choices]
        elif q.qtype == SHORT:
            answers = [c.text for c in q.choices]
        else:
            answers = [("*" if c.correct else "") + c.text for c in q.choices]
        # A cell starting with = + - @ would be read as a formula by a spreadsheet: prefix a quote.
        row = [q.category, q.qtype, q.text, *answers]
        sheet.append([("'" + v) if v[:1] in ("=", "+", "-", "@") else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
