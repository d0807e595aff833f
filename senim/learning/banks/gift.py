"""GIFT, Moodle's plain-text question format: single and multiple choice, true/false, matching and
short answer. Numerical, essay and description questions are reported as unsupported."""

import re

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

_ESCAPED = {"\\~": "\x01", "\\=": "\x02", "\\#": "\x03", "\\{": "\x04", "\\}": "\x05", "\\:": "\x06"}
_RESTORE = {"\x01": "~", "\x02": "=", "\x03": "#", "\x04": "{", "\x05": "}", "\x06": ":"}
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


def _restore(text: str) -> str:
    for mark, char in _RESTORE.items():
        text = text.replace(mark, char)
    return text


def _text(raw: str) -> str:
    raw = _FORMAT.sub("", raw.strip())
    return plain(_restore(raw).replace("\\n", " "))


def _blocks(source: str) -> list[tuple[str, str]]:
    """("category", name) or ("question", text) items in file order."""
    for escaped, mark in _ESCAPED.items():
        source = source.replace(escaped, mark)
    lines = [line for line in source.splitlines() if not line.lstrip().startswith("//")]
    items: list[tuple[str, str]] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip().startswith("$CATEGORY:"):
            items.append(("category", line.split(":", 1)[1].strip()))
            continue
        if line.strip():
            current.append(line)
        elif current:
            items.append(("question", "\n".join(current)))
            current = []
    return items


def _answers(body: str) -> list[tuple[str, str, str]]:
    """(marker, text, weight) for each =/~ answer, feedback (#) dropped."""
    parts = re.split(r"([=~])", body)
    out = []
    for index in range(1, len(parts), 2):
        marker, text = parts[index], parts[index + 1].split("#", 1)[0]
        weight = ""
        found = _WEIGHT.match(text.strip())
        if found:
            weight, text = found.group(1), text.strip()[found.end() :]
        out.append((marker, text.strip(), weight))
    return out


def _parse(block: str, category: str) -> ParsedQuestion | str:
    name = ""
    block = block.strip()
    if block.startswith("::"):
        end = block.find("::", 2)
        if end > 0:
            name, block = _restore(block[2:end]).strip(), block[end + 2 :]
    if "{" not in block:
        return "description"
    before, rest = block.split("{", 1)
    body, _sep, after = rest.partition("}")
    text = _text(before + " _____ " + after if after.strip() else before)
    body = body.strip()
    if body.startswith("#"):
        return "numerical"
    if not body:
        return "essay"
    if re.fullmatch(r"(T|F|TRUE|FALSE)(#.*)?", body, flags=re.IGNORECASE | re.DOTALL):
        return ParsedQuestion(TRUE_FALSE, text, category, name, answer_true=body.upper().startswith("T"))
    answers = _answers(body)
    if not answers:
        return "unknown"
    if all(marker == "=" and "->" in answer for marker, answer, _w in answers):
        pairs = [answer.split("->", 1) for _m, answer, _w in answers]
        return ParsedQuestion(
            MATCHING, text, category, name, [ParsedChoice(_text(a), True, _text(b)) for a, b in pairs]
        )
    if all(marker == "=" for marker, _a, _w in answers):
        return ParsedQuestion(SHORT, text, category, name, [ParsedChoice(_text(a), True) for _m, a, _w in answers])
    weighted = any(weight for _m, _a, weight in answers)
    choices = [
        ParsedChoice(_text(a), marker == "=" or (bool(weight) and float(weight) > 0)) for marker, a, weight in answers
    ]
    return ParsedQuestion(MULTIPLE if weighted else SINGLE, text, category, name, choices)


def read_gift(source: str) -> ParseResult:
    result = ParseResult()
    category = ""
    number = 0
    for kind, value in _blocks(source):
        if kind == "category":
            category = value.rsplit("/", 1)[-1].strip()
            continue
        number += 1
        parsed = _parse(value, category)
        if isinstance(parsed, str):
            name = value.strip().split("::")[1].strip() if value.strip().startswith("::") else value.strip()[:60]
            result.problems.append(Problem(number, _restore(name), parsed, "unsupported"))
            continue
        problem = check(parsed)
        if problem:
            result.problems.append(Problem(number, parsed.name or parsed.text[:60], problem, "invalid"))
        else:
            result.questions.append(parsed)
    return result


def _escape(text: str) -> str:
    for char in "\\~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def write_gift(questions: list[ParsedQuestion]) -> str:
    out: list[str] = []
    category = None
    for q in questions:
        if q.category != category:
            category = q.category
            out.append(f"$CATEGORY: {category}\n")
        head = f"::{_escape(q.name)}::" if q.name else ""
        if q.qtype == TRUE_FALSE:
            body = "T" if q.answer_true else "F"
        elif q.qtype == MATCHING:
            body = " ".join(f"={_escape(c.text)} -> {_escape(c.match)}" for c in q.choices)
        elif q.qtype == SHORT:
            body = " ".join(f"={_escape(c.text)}" for c in q.choices)
        elif q.qtype == MULTIPLE:
            right = sum(c.correct for c in q.choices) or 1
            wrong = (len(q.choices) - right) or 1
            body = " ".join(
                f"~%{100 / right:g}%{_escape(c.text)}" if c.correct else f"~%-{100 / wrong:g}%{_escape(c.text)}"
                for c in q.choices
            )
        else:
            body = " ".join(("=" if c.correct else "~") + _escape(c.text) for c in q.choices)
        out.append(f"{head}{_escape(q.text)} {{{body}}}\n")
    return "\n".join(out)
