"""Question banks in the formats trainers already have: GIFT, Moodle XML and a simple workbook
(plain Python, no Django). Each reader returns the questions it understood and, per question, why
the others were left out (an unsupported type is reported, the rest stays importable)."""

from senim.learning.banks.common import ParsedChoice, ParsedQuestion, ParseResult, Problem
from senim.learning.banks.gift import read_gift, write_gift
from senim.learning.banks.moodle import read_moodle_xml, write_moodle_xml
from senim.learning.banks.workbook import read_workbook, write_workbook

__all__ = [
    "ParseResult",
    "ParsedChoice",
    "ParsedQuestion",
    "Problem",
    "read_bank",
    "read_gift",
    "read_moodle_xml",
    "read_workbook",
    "write_gift",
    "write_moodle_xml",
    "write_workbook",
]


def read_bank(name: str, data: bytes) -> ParseResult:
    """Read a bank by its file name: .gift/.txt, .xml or .xlsx."""
    lower = name.lower()
    if lower.endswith(".xml"):
        return read_moodle_xml(data)
    if lower.endswith(".xlsx"):
        return read_workbook(data)
    return read_gift(data.decode("utf-8-sig", errors="replace"))
