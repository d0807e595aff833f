"""The examination engine: plain Python, no Django. Reads drafts, splits them into provisions and finds
corruptogenic factors (codes in factors.py, patterns in rules.py).

    from senim.examination.engine import examine_file, examine_provision
    report = examine_file(data, "draft.docx")
    examine_provision("Расчеты производятся наличными.").codes  # ["CASH_PAYMENT"]
"""

from senim.examination.engine.detect import Finding, ProvisionResult, examine_provision
from senim.examination.engine.document import (
    DocumentFinding,
    ProvisionReport,
    Report,
    examine_document,
    examine_file,
)
from senim.examination.engine.errors import InputError
from senim.examination.engine.factors import CODES, FACTORS, Factor
from senim.examination.engine.language import SUPPORTED, detect
from senim.examination.engine.provisions import Provision, split, split_text
from senim.examination.engine.readers import EXTENSIONS, Block, Document, read

__all__ = [
    "CODES",
    "EXTENSIONS",
    "FACTORS",
    "SUPPORTED",
    "Block",
    "Document",
    "DocumentFinding",
    "Factor",
    "Finding",
    "InputError",
    "Provision",
    "ProvisionReport",
    "ProvisionResult",
    "Report",
    "detect",
    "examine_document",
    "examine_file",
    "examine_provision",
    "read",
    "split",
    "split_text",
]
