import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from senim.core.endpoints import BodySchema
from senim.core.patch import PatchSchema

KINDS = "^(legal_entity|entrepreneur|individual)$"
CATEGORIES = "^(natural_monopoly|state_body|state_enterprise|quasi_public|private|foreign|individual)$"
IDENTIFIER_KINDS = "^(bin|iin|stir|pinfl|foreign|)$"
METHODS = "^(open_tender|price_offers|direct|other)$"


class PartyOut(Schema):
    id: uuid.UUID
    role: str
    is_person: bool
    name: str
    name_latin: str
    identifier_kind: str
    identifier: str
    share: Decimal | None
    position: str
    country: str
    birth_date: dt.date | None
    is_official: bool


class PartyIn(BodySchema):
    role: str = Field(..., pattern="^(owner|manager)$")
    is_person: bool = True
    name: str = Field(..., min_length=1, max_length=300)
    name_latin: str = Field("", max_length=300)
    identifier_kind: str = Field("", pattern=IDENTIFIER_KINDS)
    identifier: str = Field("", max_length=40)
    share: Decimal | None = Field(None, max_digits=6, decimal_places=3)
    position: str = Field("", max_length=200)
    country: str = Field("", pattern="^([A-Za-z]{2})?$")
    birth_date: dt.date | None = None
    is_official: bool = False


class ContactOut(Schema):
    id: uuid.UUID
    name: str
    position: str
    email: str
    phone: str


class CounterpartyOut(Schema):
    id: uuid.UUID
    kind: str
    name: str
    name_ru: str
    name_kk: str
    name_en: str
    name_uz: str
    legal_form: str
    country: str
    category: str
    identifier_kind: str
    identifier: str
    registration_date: dt.date | None
    address: str
    website: str
    is_active: bool
    merged_into_id: uuid.UUID | None
    criticality: str
    is_significant: bool
    significant_reason: str


class CounterpartyDetailOut(CounterpartyOut):
    notes: str
    parties: list[PartyOut]
    contacts: list[ContactOut]


class CounterpartyIn(BodySchema):
    kind: str = Field("legal_entity", pattern=KINDS)
    name_ru: str = Field("", max_length=300)
    name_kk: str = Field("", max_length=300)
    name_en: str = Field("", max_length=300)
    name_uz: str = Field("", max_length=300)
    legal_form: str = Field("", max_length=60)
    country: str = Field(..., pattern="^[A-Za-z]{2}$")
    category: str = Field("private", pattern=CATEGORIES)
    identifier_kind: str = Field("", pattern=IDENTIFIER_KINDS)
    identifier: str = Field("", max_length=40)
    registration_date: dt.date | None = None
    address: str = Field("", max_length=500)
    website: str = Field("", max_length=200)
    criticality: str = Field("", pattern="^(low|medium|high|)$")
    notes: str = Field("", max_length=5000)
    is_active: bool = True


class CounterpartyPatch(PatchSchema):
    NULLABLE = frozenset({"registration_date"})

    kind: str | None = Field(None, pattern=KINDS)
    name_ru: str | None = Field(None, max_length=300)
    name_kk: str | None = Field(None, max_length=300)
    name_en: str | None = Field(None, max_length=300)
    name_uz: str | None = Field(None, max_length=300)
    legal_form: str | None = Field(None, max_length=60)
    country: str | None = Field(None, pattern="^[A-Za-z]{2}$")
    category: str | None = Field(None, pattern=CATEGORIES)
    identifier_kind: str | None = Field(None, pattern=IDENTIFIER_KINDS)
    identifier: str | None = Field(None, max_length=40)
    registration_date: dt.date | None = None
    address: str | None = Field(None, max_length=500)
    website: str | None = Field(None, max_length=200)
    criticality: str | None = Field(None, pattern="^(low|medium|high|)$")
    notes: str | None = Field(None, max_length=5000)
    is_active: bool | None = None


class MergeIn(BodySchema):
    duplicate_id: uuid.UUID


class SimilarOut(Schema):
    counterparty: CounterpartyOut
    score: float


class ContractOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    unit_id: uuid.UUID | None
    number: str
    date: dt.date
    counterparty_id: uuid.UUID
    procurement_method: str
    amount: Decimal | None
    currency: str
    subject: str
    term_end: dt.date | None
    has_clause: bool
    verification_case_id: uuid.UUID | None
    approved_by_id: uuid.UUID | None
    created_at: dt.datetime
    is_backdated: bool


class ContractIn(BodySchema):
    company_id: uuid.UUID
    unit_id: uuid.UUID | None = None
    number: str = Field(..., min_length=1, max_length=60)
    date: dt.date
    counterparty_id: uuid.UUID
    procurement_method: str = Field("other", pattern=METHODS)
    amount: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)
    currency: str = Field("KZT", pattern="^[A-Za-z]{3}$")
    subject: str = Field("", max_length=500)
    term_end: dt.date | None = None
    has_clause: bool = True
    verification_case_id: uuid.UUID | None = None
    approved_by_id: uuid.UUID | None = None


class CoverageOut(Schema):
    year: int
    company_id: uuid.UUID
    company_name: str
    procurement_method: str
    total: int
    with_clause: int


class ClauseOut(Schema):
    id: uuid.UUID
    code: str
    text: str
    text_ru: str
    text_kk: str
    text_en: str
    text_uz: str
    is_active: bool


class ClauseIn(BodySchema):
    code: str = Field(..., min_length=1, max_length=30)
    text_ru: str = Field("", max_length=5000)
    text_kk: str = Field("", max_length=5000)
    text_en: str = Field("", max_length=5000)
    text_uz: str = Field("", max_length=5000)
    is_active: bool = True


class ApplicationOut(Schema):
    id: uuid.UUID
    number: str
    company_id: uuid.UUID
    unit_id: uuid.UUID | None
    counterparty_id: uuid.UUID
    refusal: str
    contract_ids: list[uuid.UUID]
    contract_count: int
    contracts_description: str
    justification: str
    filed_on: dt.date
    on_register: bool
    register_entry_id: uuid.UUID | None
    status: str
    decision: str
    clause_id: uuid.UUID | None
    grounds: str
    reference_id: uuid.UUID | None
    register_until: dt.date | None
    return_comment: str
    decided_on: dt.date | None
    external_id: str
    created_at: dt.datetime
    is_backdated: bool

    @staticmethod
    def resolve_contract_ids(obj) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
        return [c.pk for c in obj.contracts.all()]

    @staticmethod
    def resolve_on_register(obj) -> bool:  # type: ignore[no-untyped-def]
        return obj.register_entry_id is not None


class ApplicationIn(BodySchema):
    company_id: uuid.UUID
    unit_id: uuid.UUID | None = None
    counterparty_id: uuid.UUID
    refusal: str = Field(..., pattern="^(questionnaire|clause|both)$")
    contract_ids: list[uuid.UUID] = Field(default_factory=list, max_length=1000)
    contract_count: int | None = Field(None, ge=1, le=10000)
    contracts_description: str = Field("", max_length=5000)
    justification: str = Field(..., min_length=1, max_length=5000)
    filed_on: dt.date | None = Field(
        None, description="The day it was filed (today if not given; earlier: back-dated)."
    )
    external_id: str = Field("", max_length=100, description="Its id in the system it comes from.")


class ApprovalIn(BodySchema):
    decided_on: dt.date | None = Field(
        None, description="The day the decision was taken (today if not given; earlier: back-dated)."
    )


class ProposalIn(BodySchema):
    decision: str = Field(..., pattern="^(register|one_off|reference|no_consideration|refuse)$")
    clause_id: uuid.UUID
    grounds: str = Field("", max_length=5000)
    reference_id: uuid.UUID | None = None
    register_until: dt.date | None = None


class CommentIn(BodySchema):
    comment: str = Field(..., min_length=1, max_length=5000)


class RegisterEntryOut(Schema):
    id: uuid.UUID
    counterparty_id: uuid.UUID
    counterparty_name: str
    application_id: uuid.UUID
    refusal: str
    grounds: str
    clause_code: str
    start_date: dt.date
    end_date: dt.date | None
    revoked_on: dt.date | None

    @staticmethod
    def resolve_counterparty_name(obj) -> str:  # type: ignore[no-untyped-def]
        return str(obj.counterparty)

    @staticmethod
    def resolve_clause_code(obj) -> str:  # type: ignore[no-untyped-def]
        return obj.clause.code


class CaseCheckOut(Schema):
    id: uuid.UUID
    code: str
    status: str
    comment: str


class CaseFlagOut(Schema):
    id: uuid.UUID
    code: str
    weight: int
    is_automatic: bool
    detail: str

    @staticmethod
    def resolve_code(obj) -> str:  # type: ignore[no-untyped-def]
        return obj.flag.code

    @staticmethod
    def resolve_detail(obj) -> str:  # type: ignore[no-untyped-def]
        """In the caller's language (Accept-Language), as the page shows it."""
        return obj.detail_text

    @staticmethod
    def resolve_weight(obj) -> int:  # type: ignore[no-untyped-def]
        return obj.flag.weight


class CaseOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    unit_id: uuid.UUID | None
    counterparty_id: uuid.UUID
    procurement_method: str
    amount: Decimal | None
    currency: str
    subject: str
    opened_on: dt.date
    level: str
    status: str
    risk_score: int
    risk_level: str
    conclusion: str
    conclusion_text: str
    approved_on: dt.date | None
    valid_until: dt.date | None
    needs_reverification: bool
    reverification_reason: str
    created_at: dt.datetime
    is_backdated: bool


class CaseDecisionIn(BodySchema):
    decision: str = Field(..., pattern="^(approve|return|refuse)$")
    comment: str = Field("", max_length=5000)
    decided_on: dt.date | None = Field(
        None, description="The day the decision was taken (today if not given; earlier: back-dated)."
    )


class CaseDetailOut(CaseOut):
    checks: list[CaseCheckOut]
    flags: list[CaseFlagOut]


class CaseIn(BodySchema):
    company_id: uuid.UUID
    unit_id: uuid.UUID | None = None
    counterparty_id: uuid.UUID
    procurement_method: str = Field(..., pattern=METHODS)
    subject: str = Field(..., min_length=1, max_length=500)
    amount: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)
    currency: str = Field("KZT", pattern="^[A-Za-z]{3}$")
    opened_on: dt.date | None = Field(
        None, description="The day the verification was opened (today if not given; earlier: back-dated)."
    )


class CheckIn(BodySchema):
    status: str = Field(..., pattern="^(pending|done|concern|not_applicable)$")
    comment: str = Field("", max_length=5000)


class FlagIn(BodySchema):
    code: str = Field(..., max_length=40)
    detail: str = Field("", max_length=5000)


class ConclusionIn(BodySchema):
    conclusion: str = Field(..., pattern="^(permitted|conditions|not_permitted)$")
    text: str = Field(..., min_length=1, max_length=10000)


class ContactIn(BodySchema):
    name: str = Field(..., min_length=1, max_length=200)
    position: str = Field("", max_length=200)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=50)


class ContactPatch(PatchSchema):
    name: str | None = Field(None, min_length=1, max_length=200)
    position: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=50)


class DocumentOut(Schema):
    id: uuid.UUID
    kind: str
    title: str
    valid_until: dt.date | None
    file_name: str


class QuestionnaireSendIn(BodySchema):
    company_id: uuid.UUID
    valid_days: int = Field(30, ge=1, le=180)
    include_esg: bool = False


class QuestionnaireLinkOut(Schema):
    id: uuid.UUID
    link: str
    expires_on: dt.date


class AnswerOut(Schema):
    question: str
    answer_type: str
    value: object | None
    file_name: str

    @staticmethod
    def resolve_question(obj) -> str:  # type: ignore[no-untyped-def]
        return obj.question.code

    @staticmethod
    def resolve_answer_type(obj) -> str:  # type: ignore[no-untyped-def]
        return obj.question.answer_type


class ResponseOut(Schema):
    id: uuid.UUID
    counterparty_id: uuid.UUID
    company_id: uuid.UUID
    version: int
    status: str
    language: str
    expires_on: dt.date | None
    submitted_at: dt.datetime | None
    submitted_on: dt.date | None
    created_at: dt.datetime
    is_backdated: bool
    on_paper: bool
    includes_esg: bool

    @staticmethod
    def resolve_version(obj) -> int:  # type: ignore[no-untyped-def]
        return obj.questionnaire.version

    @staticmethod
    def resolve_on_paper(obj) -> bool:  # type: ignore[no-untyped-def]
        return obj.entered_by_id is not None


class ResponseDetailOut(ResponseOut):
    answers: list[AnswerOut]

    @staticmethod
    def resolve_answers(obj) -> list:  # type: ignore[no-untyped-def]
        return list(obj.answers.select_related("question").order_by("question__order"))


class RedFlagOut(Schema):
    code: str
    title: str
    weight: int
    is_active: bool


class RuleOut(Schema):
    id: uuid.UUID
    level: str
    procurement_method: str
    category: str
    min_amount: Decimal | None
    currency: str
    min_risk: str
    is_active: bool


class ReasonIn(BodySchema):
    reason: str = Field(..., min_length=1, max_length=300)


class CounterpartiesRevokeIn(ReasonIn):
    revoked_on: dt.date | None = Field(
        None, description="The day it was revoked, if before today (back-dating; never before it was entered)."
    )


class ClausePatch(PatchSchema):
    text_ru: str | None = Field(None, max_length=5000)
    text_kk: str | None = Field(None, max_length=5000)
    text_en: str | None = Field(None, max_length=5000)
    text_uz: str | None = Field(None, max_length=5000)
    is_active: bool | None = None


class CaseEvidenceOut(Schema):
    id: uuid.UUID
    name: str
    content_type: str
    size: int
    note: str
    uploaded_by: str
    created_at: dt.datetime

    @staticmethod
    def resolve_uploaded_by(obj: Any) -> str:
        user = obj.uploaded_by
        return str(getattr(user, "display_name", "") or user.get_username()) if user else ""


class SignificantSupplierOut(Schema):
    counterparty_id: uuid.UUID
    name: str
    identifier: str
    criticality: str
    reason: str
    spend: Decimal
    last_verified_on: dt.date | None
    due: bool
