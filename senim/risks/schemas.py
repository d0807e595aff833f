import datetime as dt
import uuid

from ninja import Field, Schema

from senim.core.endpoints import BodySchema


class PlanOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    kind: str
    title: str
    first_year: int
    last_year: int
    approved_by: str
    decision_number: str
    approved_on: dt.date | None
    source_name: str


class PeriodOut(Schema):
    id: uuid.UUID
    period: str
    due_date: dt.date
    status: str
    completed_on: dt.date | None


class RiskMeasureOut(Schema):
    id: uuid.UUID
    number: str
    text: str
    section: str
    deadline_text: str
    deadline_kind: str
    due_date: dt.date | None
    recurrence: str
    start_year: int | None
    end_year: int | None
    completion_form: str
    executives_text: str
    units_text: str
    co_executors: str
    status: str
    periods: list[PeriodOut]

    @staticmethod
    def resolve_section(obj) -> str:  # type: ignore[no-untyped-def]
        return obj.section.title if obj.section_id else ""

    @staticmethod
    def resolve_periods(obj) -> list:  # type: ignore[no-untyped-def,type-arg]
        return list(obj.instances.all())


class RollUpOut(Schema):
    year: int
    on_time: int
    late: int
    overdue: int
    in_progress: int
    not_started: int


class DeadlineIn(Schema):
    deadline_text: str


class ReportIn(Schema):
    status: str
    completed_on: dt.date | None = None
    note: str = ""
    link: str = ""


# ------------------------------------------------------------------------------------ risk assessment


class RisksExerciseOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    year: int
    period_reviewed: str
    working_group: str
    sources: str
    status: str
    decision_number: str
    approved_on: dt.date | None
    positions_approved_on: dt.date | None
    function_count: int = 0
    method: str
    likelihood_scale: list[str]
    impact_scale: list[str]
    medium_from: int
    high_from: int

    @staticmethod
    def resolve_likelihood_scale(obj) -> list[str]:  # type: ignore[no-untyped-def]
        return obj.likelihood_labels

    @staticmethod
    def resolve_impact_scale(obj) -> list[str]:  # type: ignore[no-untyped-def]
        return obj.impact_labels


class RisksExerciseIn(BodySchema):
    company_id: uuid.UUID
    year: int = Field(..., ge=2000, le=2100)
    period_reviewed: str = Field("", max_length=200)
    working_group: str = Field("", max_length=5000)
    sources: str = Field("", max_length=5000)
    carry_over: bool = True
    method: str = Field("levels", pattern="^(levels|matrix)$")
    likelihood_scale: list[str] = Field(default_factory=list, max_length=10)
    impact_scale: list[str] = Field(default_factory=list, max_length=10)
    medium_from: int | None = Field(None, ge=2, le=100)
    high_from: int | None = Field(None, ge=2, le=100)


class RisksFunctionOut(Schema):
    id: uuid.UUID
    unit_id: uuid.UUID
    unit: str
    name: str
    status: str
    level: str
    risk: str
    causes: str
    norm: str
    controls: str
    recommendation: str
    assessed_on: dt.date | None
    review_note: str
    position_ids: list[uuid.UUID]
    likelihood: int | None
    impact: int | None
    inherent_level: str
    residual_likelihood: int | None
    residual_impact: int | None

    @staticmethod
    def resolve_unit(obj) -> str:  # type: ignore[no-untyped-def]
        return str(obj.unit)

    @staticmethod
    def resolve_position_ids(obj) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
        return [p.pk for p in obj.positions.all()]


class RisksFunctionIn(BodySchema):
    unit_id: uuid.UUID
    name: str = Field(..., min_length=1, max_length=1000)


class RisksAssessIn(BodySchema):
    """`level` in the three-level method; `likelihood` and `impact` (and, after the controls,
    `residual_likelihood` and `residual_impact`) in the matrix method, where the level is read."""

    level: str = Field("", pattern="^(low|medium|high|)$")
    likelihood: int | None = Field(None, ge=1, le=10)
    impact: int | None = Field(None, ge=1, le=10)
    residual_likelihood: int | None = Field(None, ge=1, le=10)
    residual_impact: int | None = Field(None, ge=1, le=10)
    risk: str = Field("", max_length=20_000)
    causes: str = Field("", max_length=20_000)
    norm: str = Field("", max_length=1000)
    controls: str = Field("", max_length=20_000)
    recommendation: str = Field("", max_length=20_000)
    position_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)
    assessed_on: dt.date | None = None


class RisksReviewIn(BodySchema):
    accept: bool
    note: str = Field("", max_length=5000)


class RisksApproveIn(BodySchema):
    decision_number: str = Field(..., max_length=100)
    approved_on: dt.date


class RisksPositionsIn(BodySchema):
    position_ids: list[uuid.UUID] = Field(default_factory=list, max_length=5000)
    approved_on: dt.date


class RisksSignalsOut(Schema):
    reports: int
    substantiated: int
    gifts: int
    conflicts: int
    high_risk_contracts: int
    contracts_without_clause: int


class RisksMapRowOut(Schema):
    unit_id: uuid.UUID
    unit: str
    low: int
    medium: int
    high: int
    total: int
    previous: list[int] | None
    signals: RisksSignalsOut | None = None


class RisksMatrixCellOut(Schema):
    likelihood: int
    impact: int
    level: str
    count: int
    previous: int | None


class RisksMatrixOut(Schema):
    residual: bool
    likelihood_scale: list[str]
    impact_scale: list[str]
    rows: list[list[RisksMatrixCellOut]]
