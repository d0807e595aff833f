import datetime as dt
import uuid

from ninja import Schema


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
