"""Plain records the cross-match works on, and the findings it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class FindingKind:
    EMPLOYEE_COUNTERPARTY = "employee_counterparty"
    RELATIVE_COUNTERPARTY = "relative_counterparty"
    COMPANY_COUNTERPARTY = "company_counterparty"
    RELATIVE_REPORTING_LINE = "relative_reporting_line"
    UNDECLARED_RELATIVE = "undeclared_relative"
    APPROVED_CONTRACT = "approved_contract"


@dataclass(frozen=True, slots=True)
class RelativeRecord:
    """A relative an employee declared: ``key`` identifies the declared item."""

    key: str
    name: str
    identifier: str = ""
    relation: str = ""


@dataclass(frozen=True, slots=True)
class DeclaredCompany:
    """A company an employee declared an interest in, an outside job at, or a board seat in."""

    name: str
    identifier: str = ""


@dataclass(frozen=True, slots=True)
class EmployeeRecord:
    """An employee: names as written (Cyrillic and Latin), IIN or PINFL, the unit's materialised
    path ("<id>/<id>/", empty when unknown) and what their current declarations disclose."""

    key: str
    names: tuple[str, ...]
    identifier: str = ""
    unit_path: str = ""
    company_key: str = ""
    relatives: tuple[RelativeRecord, ...] = ()
    companies: tuple[DeclaredCompany, ...] = ()


@dataclass(frozen=True, slots=True)
class PartyRecord:
    """A counterparty (role "counterparty") or one of its owners or managers."""

    counterparty_key: str
    counterparty_name: str
    role: str
    name: str
    identifier: str = ""
    is_person: bool = True
    share: str = ""
    counterparty_identifier: str = ""


@dataclass(frozen=True, slots=True)
class ContractApproval:
    """A contract of a company of the group with a counterparty, and the employee who approved it."""

    contract_key: str
    number: str
    date: str
    approver_key: str
    counterparty_key: str


@dataclass(frozen=True, slots=True)
class Finding:
    """A link found: whose it is, what it matched and how (``evidence`` is JSON-ready)."""

    kind: str
    employee_key: str
    matched_key: str
    matched_label: str
    score: float
    disclosed: bool
    counterparty_key: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable across runs: the same link found again is the same alert."""
        return f"{self.kind}|{self.employee_key}|{self.matched_key}"[:300]
