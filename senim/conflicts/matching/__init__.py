"""The cross-match behind the detection of undisclosed links: plain Python, no Django.

    from senim.conflicts.matching import EmployeeRecord, PartyRecord, cross_match
    findings = list(cross_match(employees, parties, progress=print))

Employees (with their identifiers, unit path and what they declared: relatives, companies) are
compared with the owners and managers of counterparties and with each other, through the screening
engine's index, name analysis and scoring (so Cyrillic and Latin spellings meet, identifiers decide
and conflicting identifiers rule a homonym out). See `detect.py` for the rules.
"""

from senim.conflicts.matching.detect import approval_links, cross_match, same_reporting_line
from senim.conflicts.matching.records import (
    ContractApproval,
    DeclaredCompany,
    EmployeeRecord,
    Finding,
    FindingKind,
    PartyRecord,
    RelativeRecord,
)

__all__ = [
    "ContractApproval",
    "DeclaredCompany",
    "EmployeeRecord",
    "Finding",
    "FindingKind",
    "PartyRecord",
    "RelativeRecord",
    "approval_links",
    "cross_match",
    "same_reporting_line",
]
