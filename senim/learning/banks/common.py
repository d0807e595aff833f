"""What the readers produce: questions in one language, with their options and the problems found."""

import html
import re
from dataclasses import dataclass, field

SINGLE, MULTIPLE, TRUE_FALSE, MATCHING, SHORT = "single", "multiple", "truefalse", "matching", "short"


@dataclass
class ParsedChoice:
    text: str
    correct: bool = False
    match: str = ""


@dataclass
class ParsedQuestion:
    qtype: str
    text: str
    category: str = ""
    name: str = ""
    choices: list[ParsedChoice] = field(default_factory=list)
    answer_true: bool | None = None


@dataclass
class Problem:
    """Why question number `number` (1-based, in file order) was not imported."""

    number: int
    name: str
    message: str
    kind: str = ""  # "unsupported" or "invalid"


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Text without HTML markup and entities, spaces collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", text or "")).split())


def check(question: ParsedQuestion) -> str:
    """What is wrong with a question that a reader understood, or ''."""
    correct = [c for c in question.choices if c.correct]
    if not question.text:
        return "no question text"
    if any(not c.text for c in question.choices):
        return "an option or answer is empty"
    if question.qtype == SINGLE and (len(question.choices) < 2 or len(correct) != 1):
        return "a single-choice question needs two options and exactly one right answer"
    if question.qtype == MULTIPLE and (len(question.choices) < 2 or not correct):
        return "a multiple-choice question needs two options and a right answer"
    if question.qtype == MATCHING and (len(question.choices) < 2 or any(not c.match for c in question.choices)):
        return "a matching question needs two complete pairs"
    if question.qtype == SHORT and not question.choices:
        return "a short-answer question needs an accepted answer"
    if question.qtype == TRUE_FALSE and question.answer_true is None:
        return "a true/false question needs its answer"
    return ""
