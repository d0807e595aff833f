"""Input and output schemas of the awareness API."""

import datetime as dt
import uuid

from ninja import Field, Schema

from senim.awareness.models import ApprovingBody, Audience, CandidateCheck, DocumentKind, DocumentVersion
from senim.core import markup
from senim.core.endpoints import BodySchema
from senim.core.i18n import CONTENT_LANGUAGES


def _choice(values: list[str]) -> str:
    return "^(" + "|".join(values) + ")$"


class Texts(BodySchema):
    ru: str = Field("", max_length=500_000)
    kk: str = Field("", max_length=500_000)
    en: str = Field("", max_length=500_000)
    uz: str = Field("", max_length=500_000)


class Titles(BodySchema):
    ru: str = Field("", max_length=400)
    kk: str = Field("", max_length=400)
    en: str = Field("", max_length=400)
    uz: str = Field("", max_length=400)


class DocumentIn(BodySchema):
    kind: str = Field(..., pattern=_choice(DocumentKind.values))
    code: str = Field(..., min_length=1, max_length=50)
    titles: Titles
    company_id: uuid.UUID
    companies: list[uuid.UUID] = Field(default_factory=list, max_length=100)
    owner_unit_id: uuid.UUID | None = None
    texts: Texts | None = None


class AwarenessVersionOut(Schema):
    id: uuid.UUID
    document_id: uuid.UUID
    number: int
    status: str
    is_material: bool
    change_note: str
    approving_body: str
    submitted_on: dt.date | None
    decision_number: str
    decision_date: dt.date | None
    effective_date: dt.date | None
    ended_on: dt.date | None


class AwarenessVersionDetailOut(AwarenessVersionOut):
    """A version with its texts: the Markdown source and the sanitised HTML shown to readers."""

    texts: dict[str, str]
    html: dict[str, str]

    @staticmethod
    def resolve_texts(version: DocumentVersion) -> dict[str, str]:
        return {c: version.text_for(c) for c in CONTENT_LANGUAGES}

    @staticmethod
    def resolve_html(version: DocumentVersion) -> dict[str, str]:
        return {c: markup.render(version.text_for(c)) for c in CONTENT_LANGUAGES}


class AwarenessVersionPatchIn(BodySchema):
    """The texts of a draft (Markdown), whether the change is material, and what changed."""

    texts: Texts | None = None
    is_material: bool | None = None
    change_note: str | None = Field(None, max_length=500)


class AwarenessDocumentOut(Schema):
    id: uuid.UUID
    kind: str
    code: str
    title: str
    company_id: uuid.UUID
    owner_unit_id: uuid.UUID | None
    is_repealed: bool
    current_version: AwarenessVersionOut | None


class DocumentDetailOut(AwarenessDocumentOut):
    versions: list[AwarenessVersionOut]
    companies: list[uuid.UUID]


class SubmitIn(BodySchema):
    approving_body: str = Field(..., pattern=_choice(ApprovingBody.values))
    submitted_on: dt.date


class AdoptIn(BodySchema):
    decision_number: str = Field(..., max_length=50)
    decision_date: dt.date
    effective_date: dt.date | None = None


class ReviseIn(BodySchema):
    is_material: bool = False
    change_note: str = Field("", max_length=500)


class RepealIn(BodySchema):
    decision_number: str = Field(..., max_length=50)
    repealed_on: dt.date


class StatementIn(BodySchema):
    texts: Titles
    is_true: bool


class AwarenessCampaignIn(BodySchema):
    version_id: uuid.UUID
    title: str = Field("", max_length=200)
    deadline: dt.date
    audience: str = Field(Audience.ALL, pattern=_choice([a for a in Audience.values if a != Audience.READ_AGAIN]))
    company_id: uuid.UUID | None = None
    companies: list[uuid.UUID] = Field(default_factory=list, max_length=100)
    units: list[uuid.UUID] = Field(default_factory=list, max_length=1000)
    positions: list[uuid.UUID] = Field(default_factory=list, max_length=1000)
    include_new_hires: bool = True
    hire_window_days: int = Field(14, ge=1, le=365)
    statements: list[StatementIn] = Field(default_factory=list, max_length=10)


class AwarenessCampaignOut(Schema):
    id: uuid.UUID
    version_id: uuid.UUID
    title: str
    company_id: uuid.UUID | None
    audience: str
    deadline: dt.date
    status: str
    asked: int = 0
    answered: int = 0


class AwarenessUnitProgressOut(Schema):
    unit_id: uuid.UUID | None
    unit_name: str
    asked: int
    answered: int
    overdue: int
    percent: int


class RequestOut(Schema):
    id: uuid.UUID
    campaign_id: uuid.UUID
    employee_id: uuid.UUID
    employee_name: str = Field(..., alias="employee.full_name")
    personnel_number: str = Field(..., alias="employee.personnel_number")
    version_id: uuid.UUID = Field(..., alias="campaign.version_id")
    document: str = Field(..., alias="campaign.version.document.title")
    due_date: dt.date
    is_new_hire: bool


class AcknowledgeIn(BodySchema):
    version_id: uuid.UUID
    answers: dict[str, bool] = Field(default_factory=dict)


class PaperIn(BodySchema):
    version_id: uuid.UUID
    company_id: uuid.UUID
    personnel_number: str = Field(..., max_length=30)
    acknowledged_on: dt.date


class AcknowledgementOut(Schema):
    id: uuid.UUID
    version_id: uuid.UUID
    employee_id: uuid.UUID
    acknowledged_on: dt.date
    source: str
    is_stale: bool


class AgreementOut(Schema):
    id: uuid.UUID
    employee_id: uuid.UUID
    employee_name: str = Field(..., alias="employee.full_name")
    position_id: uuid.UUID
    reason: str
    arose_on: dt.date
    number: str
    concluded_on: dt.date | None


class AgreementIn(BodySchema):
    number: str = Field(..., max_length=50)
    concluded_on: dt.date


class AwarenessCheckIn(BodySchema):
    company_id: uuid.UUID
    full_name: str = Field(..., max_length=300)
    full_name_latin: str = Field("", max_length=300)
    identifier: str = Field("", max_length=20)
    birth_date: dt.date | None = None
    employee_id: uuid.UUID | None = None
    dismissed_for_breach: bool = False
    dismissal_note: str = Field("", max_length=500)


class CheckOut(Schema):
    id: uuid.UUID
    purpose: str
    company_id: uuid.UUID
    employee_id: uuid.UUID | None
    full_name: str
    identifier: str
    identifier_valid: bool | None
    screening_hits: list[dict]
    lists_checked: list[str]
    relatives: list[dict]
    dismissed_for_breach: bool
    checked_on: dt.date
    status: str
    conclusion: str
    conclusion_text: str
    concluded_on: dt.date | None


class ConcludeIn(BodySchema):
    conclusion: str = Field(..., pattern=_choice(CandidateCheck.Conclusion.values))
    reasons: str = Field("", max_length=5000)


class HireRecordOut(Schema):
    id: uuid.UUID
    employee_id: uuid.UUID
    employee_name: str = Field(..., alias="employee.full_name")
    hire_date: dt.date | None = Field(None, alias="employee.hire_date")
    contract_number: str
    contract_date: dt.date
    has_obligations: bool
    source: str


class HireRecordIn(BodySchema):
    company_id: uuid.UUID
    personnel_number: str = Field(..., max_length=30)
    contract_number: str = Field("", max_length=50)
    contract_date: dt.date
    has_obligations: bool


class AwarenessOutsiderIn(BodySchema):
    version_id: uuid.UUID
    company_id: uuid.UUID
    kind: str
    full_name: str
    role: str = ""
    email: str = ""
    counterparty_id: uuid.UUID | None = None
    acknowledged_on: dt.date | None = None  # a signed paper sheet; without it a personal link is made
    days: int = 14


class AwarenessOutsiderOut(Schema):
    id: uuid.UUID
    version_id: uuid.UUID
    company_id: uuid.UUID
    kind: str
    full_name: str
    role: str
    counterparty_id: uuid.UUID | None
    source: str
    expires_on: dt.date | None
    acknowledged_on: dt.date | None
    language: str
    revoked_on: dt.date | None = None
    link: str | None = None  # the personal link, only in the answer that creates it


class AwarenessOutsiderCounterpartyOut(Schema):
    counterparty_id: uuid.UUID | None
    counterparty: str
    acknowledged: int
    asked: int


class AwarenessOutreachIn(BodySchema):
    company_id: uuid.UUID
    title: str = Field(max_length=300)
    kind: str
    format: str = "in_person"
    audience: str
    held_on: dt.date
    reach: int = Field(ge=0)
    counterparty_id: uuid.UUID | None = None
    place: str = Field("", max_length=300)
    link: str = Field("", max_length=500)
    description: str = ""


class AwarenessOutreachPatchIn(BodySchema):
    title: str | None = Field(None, max_length=300)
    kind: str | None = None
    format: str | None = None
    audience: str | None = None
    held_on: dt.date | None = None
    reach: int | None = Field(None, ge=0)
    counterparty_id: uuid.UUID | None = None
    place: str | None = Field(None, max_length=300)
    link: str | None = Field(None, max_length=500)
    description: str | None = None


class AwarenessOutreachMaterialOut(Schema):
    id: uuid.UUID
    name: str
    sha256: str
    size: int


class AwarenessOutreachOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    title: str
    kind: str
    format: str
    audience: str
    held_on: dt.date
    reach: int
    counterparty_id: uuid.UUID | None
    place: str
    link: str
    description: str
    materials: list[AwarenessOutreachMaterialOut] = []


class AwarenessOutreachKindOut(Schema):
    kind: str
    label: str
    events: int
    previous_events: int
    reach: int
    previous_reach: int
