import datetime as dt
import uuid

from ninja import Schema


class FindingOut(Schema):
    id: uuid.UUID
    code: str
    provision_number: str
    provision_text: str
    triggers: list[str]
    confidence: float | None
    source: str
    status: str
    reason: str
    recommendation: str
    comparison: str


class ExaminationOut(Schema):
    id: uuid.UUID
    title: str
    kind: str
    company_id: uuid.UUID
    unit_id: uuid.UUID | None
    deadline: dt.date | None
    status: str
    outcome: str
    examined_on: dt.date
    concluded_on: dt.date | None


class ExaminationDetailOut(ExaminationOut):
    version: int | None
    language: str
    findings: list[FindingOut]


class ExaminationDecisionIn(Schema):
    decision: str  # confirm | dismiss
    recommendation: str = ""
    reason: str = ""


class ClearanceOut(Schema):
    allowed: bool
    reason: str
    unresolved: int


class ProvisionIn(Schema):
    text: str
    language: str | None = None


class ProvisionFindingOut(Schema):
    code: str
    triggers: list[str]
    confidence: float
    why: str
    bound: str


class ProvisionOut(Schema):
    language: str
    findings: list[ProvisionFindingOut]
