"""API of annual reports: the same services and selectors as the pages. Schema names carry the
module's prefix so the OpenAPI document has one name per schema."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.access import require as core_require
from senim.core.endpoints import BodySchema, require
from senim.core.pagination import Pagination
from senim.reports import content, evidence, exports, policy, selectors, services, trace

router = Router(tags=["Annual reports"])


class ReportCreateIn(BodySchema):
    year: int = Field(ge=2000, le=2100)
    company: uuid.UUID | None = None
    languages: list[str] = Field(min_length=1, max_length=4)
    title: str = Field("", max_length=300)
    include_empty_sections: bool = False


class ReportOut(Schema):
    id: uuid.UUID
    series: uuid.UUID
    version: int
    year: int
    company: uuid.UUID | None = Field(None, alias="company_id")
    languages: list[str]
    title: str
    status: str
    approved_at: dt.datetime | None


class ReportFigureOut(Schema):
    code: str
    value: float | int | None
    previous: float | int | None
    overridden: bool
    reason: str


class ReportTracedRecordOut(Schema):
    kind: str
    reference: str
    url: str
    counted_as: str


class ReportFigureYearOut(Schema):
    year: int
    count: int
    records: list[ReportTracedRecordOut]


class ReportFigureRecordsOut(Schema):
    code: str
    title: str
    counts_records: bool
    distinct: bool
    current: ReportFigureYearOut
    previous: ReportFigureYearOut


class ReportTextIn(BodySchema):
    text: str = Field(max_length=20000)


class ReportOverrideIn(BodySchema):
    code: str = Field(max_length=100)
    value: Decimal = Field(max_digits=18, decimal_places=2)
    reason: str = Field(min_length=1, max_length=2000)


class ReportQuery(Schema):
    year: int | None = Field(None, ge=2000, le=2100)
    company: uuid.UUID | None = None


@router.get("/", response=list[ReportOut], summary="Reports in the caller's scope")
@paginate(Pagination)
def report_list(request: ActorRequest, filters: Query[ReportQuery]):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW)
    return selectors.report_list(actor=request.user, year=filters.year, company_id=filters.company)


@router.post("/", response={201: ReportOut}, summary="Build a report for a year")
def report_create(request: ActorRequest, payload: ReportCreateIn):  # type: ignore[no-untyped-def]
    require(request, policy.EDIT)
    report = services.report_create(
        actor=request.user,
        year=payload.year,
        company_id=payload.company,
        languages=payload.languages,
        title=payload.title,
        include_empty_sections=payload.include_empty_sections,
    )
    return Status(201, report)


@router.get("/{report_id}", response=ReportOut, summary="One report")
def report_get(request: ActorRequest, report_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.VIEW)
    return selectors.report_get(actor=request.user, report_id=report_id)


@router.get("/{report_id}/figures", response=list[ReportFigureOut], summary="Every figure, both years")
def report_figures(request: ActorRequest, report_id: uuid.UUID) -> list[dict[str, Any]]:
    require(request, policy.VIEW)
    report = selectors.report_get(actor=request.user, report_id=report_id)
    figures: list[dict[str, Any]] = content.build(report)["figures"]
    return figures


@router.get(
    "/{report_id}/figures/{code}/records",
    response=ReportFigureRecordsOut,
    summary="The records behind one figure, both years (frozen with an approved report)",
)
def report_figure_records(request: ActorRequest, report_id: uuid.UUID, code: str) -> dict[str, Any]:
    require(request, policy.VIEW)
    report = selectors.report_get(actor=request.user, report_id=report_id)
    figure = trace.figure_records(report, code)
    if figure is None:
        raise HttpError(404, _("Unknown indicator."))

    def year(number: int, records: list[trace.TracedRecord]) -> dict[str, Any]:
        return {"year": number, "count": figure.counted(records), "records": records}

    return {
        "code": figure.code,
        "title": figure.title,
        "counts_records": figure.counts_records,
        "distinct": figure.distinct,
        "current": year(report.year, figure.current),
        "previous": year(report.year - 1, figure.previous),
    }


@router.put("/{report_id}/sections/{section}/{language}", response=ReportOut, summary="Set a section's text")
def section_text_set(  # type: ignore[no-untyped-def]
    request: ActorRequest, report_id: uuid.UUID, section: str, language: str, payload: ReportTextIn
):
    require(request, policy.EDIT)
    report = selectors.report_get(actor=request.user, report_id=report_id)
    services.section_text_set(actor=request.user, report=report, section=section, language=language, text=payload.text)
    return report


@router.post("/{report_id}/overrides", response=ReportOut, summary="Override a figure, with the reason")
def override_set(request: ActorRequest, report_id: uuid.UUID, payload: ReportOverrideIn):  # type: ignore[no-untyped-def]
    require(request, policy.EDIT)
    report = selectors.report_get(actor=request.user, report_id=report_id)
    services.figure_override_set(
        actor=request.user, report=report, code=payload.code, value=payload.value, reason=payload.reason
    )
    return report


@router.post("/{report_id}/approve", response=ReportOut, summary="Approve and freeze the report")
def report_approve(request: ActorRequest, report_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.APPROVE)
    report = selectors.report_get(actor=request.user, report_id=report_id)
    return services.report_approve(actor=request.user, report=report)


@router.post("/{report_id}/versions", response={201: ReportOut}, summary="Open a corrected version")
def report_new_version(request: ActorRequest, report_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.EDIT)
    report = selectors.report_get(actor=request.user, report_id=report_id)
    return Status(201, services.report_new_version(actor=request.user, report=report))


@router.get(
    "/{report_id}/export/{language}/{fmt}",
    response={200: None},
    summary="The report in one language as html, pdf, docx or xlsx",
)
def report_export(request: ActorRequest, report_id: uuid.UUID, language: str, fmt: str) -> HttpResponse:
    require(request, policy.VIEW)
    report = selectors.report_get(actor=request.user, report_id=report_id)
    if language not in report.languages or fmt not in exports.FORMATS:
        raise HttpError(404, "Not found.")
    response = HttpResponse(
        exports.render(report, content.build(report), language, fmt), content_type=exports.FORMATS[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(report, language, fmt)}"'
    return response


# ---------------------------------------------------------------------------- the rating

rating_router = Router(tags=["Annual reports"])


class RatingCreateIn(BodySchema):
    year: int = Field(ge=2000, le=2100)
    company: uuid.UUID | None = None


class RatingGradeIn(BodySchema):
    code: str = Field(max_length=10)
    grade: str = Field(max_length=10)
    evidence: str = Field("", max_length=4000)


class RatingGradesIn(BodySchema):
    grades: list[RatingGradeIn] = Field(max_length=200)


class RatingExternalIn(BodySchema):
    score: Decimal = Field(ge=0, le=100, max_digits=4, decimal_places=1)
    note: str = Field("", max_length=4000)


class RatingItemOut(Schema):
    code: str
    area: str
    title: str
    points_full: int
    grade: str
    points: int
    suggested_grade: str | None
    suggestion_reason: str | None


class RatingOut(Schema):
    id: uuid.UUID
    year: int
    company: uuid.UUID | None
    status: str
    total: Decimal
    band: str
    previous_total: Decimal | None
    external_score: Decimal | None
    items: list[RatingItemOut]


def _rating_out(request: ActorRequest, assessment: Any) -> dict[str, Any]:
    view = selectors.assessment_view(actor=request.user, assessment=assessment)
    return {
        "id": assessment.id,
        "year": assessment.year,
        "company": assessment.company_id,
        "status": assessment.status,
        "total": view.score.total,
        "band": view.score.band,
        "previous_total": view.previous.total if view.previous else None,
        "external_score": assessment.external_score,
        "items": [
            {
                "code": row.item.code,
                "area": row.item.area,
                "title": row.item.title,
                "points_full": row.item.points_full,
                "grade": row.grade,
                "points": row.points,
                "suggested_grade": row.suggestion[0] if row.suggestion else None,
                "suggestion_reason": row.suggestion[1] if row.suggestion else None,
            }
            for row in view.rows
        ],
    }


def _assessment(request: ActorRequest, assessment_id: uuid.UUID) -> Any:
    return selectors.assessment_get(actor=request.user, assessment_id=assessment_id)


@rating_router.get("/", response=list[RatingOut], summary="Self-assessments of the effectiveness rating")
def rating_list(request: ActorRequest) -> list[dict[str, Any]]:
    require(request, policy.VIEW)
    return [_rating_out(request, a) for a in selectors.assessment_list(actor=request.user)[:100]]


@rating_router.post("/", response={201: RatingOut}, summary="Start a year's self-assessment")
def rating_create(request: ActorRequest, payload: RatingCreateIn):  # type: ignore[no-untyped-def]
    require(request, policy.EDIT)
    assessment = services.assessment_create(actor=request.user, year=payload.year, company_id=payload.company)
    return Status(201, _rating_out(request, assessment))


@rating_router.get("/{assessment_id}", response=RatingOut, summary="A self-assessment with grades and suggestions")
def rating_get(request: ActorRequest, assessment_id: uuid.UUID) -> dict[str, Any]:
    require(request, policy.VIEW)
    return _rating_out(request, _assessment(request, assessment_id))


@rating_router.put("/{assessment_id}/grades", response=RatingOut, summary="Grade indicators, with evidence")
def rating_grades(request: ActorRequest, assessment_id: uuid.UUID, payload: RatingGradesIn) -> dict[str, Any]:
    require(request, policy.EDIT)
    assessment = _assessment(request, assessment_id)
    by_code = {item.code: item.id for item in selectors.methodology_items(methodology=assessment.methodology)}
    unknown = [g.code for g in payload.grades if g.code not in by_code]
    if unknown:
        raise HttpError(422, f"Unknown indicator codes: {', '.join(unknown)}")
    grades = {by_code[g.code]: (g.grade, g.evidence) for g in payload.grades}
    services.assessment_grades_set(actor=request.user, assessment=assessment, grades=grades)
    return _rating_out(request, assessment)


@rating_router.put("/{assessment_id}/external", response=RatingOut, summary="Record the Agency's score")
def rating_external(request: ActorRequest, assessment_id: uuid.UUID, payload: RatingExternalIn) -> dict[str, Any]:
    require(request, policy.EDIT)
    assessment = services.assessment_external_set(
        actor=request.user, assessment=_assessment(request, assessment_id), score=payload.score, note=payload.note
    )
    return _rating_out(request, assessment)


@rating_router.post("/{assessment_id}/approve", response=RatingOut, summary="Approve a fully graded self-assessment")
def rating_approve(request: ActorRequest, assessment_id: uuid.UUID) -> dict[str, Any]:
    require(request, policy.APPROVE)
    assessment = services.assessment_approve(actor=request.user, assessment=_assessment(request, assessment_id))
    return _rating_out(request, assessment)


# ---------------------------------------------------------------------------- ISO 37001 evidence


class IsoClauseOut(Schema):
    clause: str
    title: str
    status: str
    evidence: list[str]
    documents: list[str]


class IsoQuery(Schema):
    year: int | None = Field(None, ge=2000, le=2100)
    company: uuid.UUID | None = None
    edition: str = Field("2016", pattern="^(2016|2025)$")


evidence_router = Router(tags=["Annual reports"])


@evidence_router.get("/", response=list[IsoClauseOut], summary="ISO 37001 readiness, clause by clause")
def iso_map(request: ActorRequest, filters: Query[IsoQuery]) -> list[dict[str, Any]]:
    scope = request.user.scope_for(policy.VIEW)
    if filters.company is None and not scope.everything:
        raise PermissionDenied(policy.VIEW)
    if filters.company is not None:
        core_require(request.user, policy.VIEW, company_id=filters.company)
    documents = list(selectors.evidence_documents(actor=request.user, company_id=filters.company))
    items = evidence.readiness(
        year=filters.year or timezone.localdate().year,
        company_id=filters.company,
        edition=filters.edition,
        documents=documents,
        today=timezone.localdate(),
    )
    return [
        {
            "clause": item.number,
            "title": str(item.clause.title),
            "status": item.status,
            "evidence": [f"{f['code']}: {f['text']}" for f in item.figures],
            "documents": [f"{d.title} ({d.dated.isoformat()})" for d in item.documents],
        }
        for item in items
    ]
