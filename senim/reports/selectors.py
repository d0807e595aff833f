"""Reads of reports, limited to the companies the actor may report on; the group's reports need a
group-wide role."""

import uuid
from dataclasses import dataclass

from django.db.models import QuerySet

from senim.core.access import Actor, scope_of
from senim.reports import policy, rating
from senim.reports.models import (
    EvidenceDocument,
    FigureOverride,
    Methodology,
    MethodologyItem,
    RatingAssessment,
    RatingGrade,
    Report,
    SectionText,
)


def report_list(*, actor: Actor, year: int | None = None, company_id: uuid.UUID | None = None) -> QuerySet[Report]:
    scope = scope_of(actor, policy.VIEW)
    reports = Report.objects.filter(scope.q(company="company")).select_related("company", "approved_by")
    if year:
        reports = reports.filter(year=year)
    if company_id:
        reports = reports.filter(company_id=company_id)
    return reports.order_by("-year", "series", "-version")


def report_get(*, actor: Actor, report_id: uuid.UUID) -> Report:
    """The report, or Report.DoesNotExist when it is outside the actor's scope."""
    return report_list(actor=actor).get(pk=report_id)


def report_versions(*, actor: Actor, report: Report) -> QuerySet[Report]:
    return report_list(actor=actor).filter(series=report.series).order_by("-version")


def report_is_latest(report: Report) -> bool:
    return not Report.objects.filter(series=report.series, version__gt=report.version).exists()


def section_text(*, report: Report, section: str, language: str) -> str:
    """The author's prose of one section (the report was already read through `report_get`)."""
    item = SectionText.objects.filter(report=report, section=section, language=language).first()
    return item.text if item else ""


def override_list(*, report: Report) -> QuerySet[FigureOverride]:
    return FigureOverride.objects.filter(report=report).order_by("code")


# ---------------------------------------------------------------------------- the rating


def assessment_list(*, actor: Actor) -> QuerySet[RatingAssessment]:
    scope = scope_of(actor, policy.VIEW)
    return RatingAssessment.objects.filter(scope.q(company="company")).select_related("company", "methodology")


def assessment_get(*, actor: Actor, assessment_id: uuid.UUID) -> RatingAssessment:
    return assessment_list(actor=actor).get(pk=assessment_id)


@dataclass(frozen=True)
class GradedItem:
    item: MethodologyItem
    grade: str
    evidence: str
    points: int
    suggestion: tuple[str, str] | None


@dataclass(frozen=True)
class AssessmentView:
    """An assessment with every indicator, its grade, points and suggestion, the score and band, and
    last year's approved score for "85 (64), +21"."""

    assessment: RatingAssessment
    rows: list[GradedItem]
    score: rating.Score
    previous: rating.Score | None


def assessment_view(*, actor: Actor, assessment: RatingAssessment) -> AssessmentView:
    items = list(MethodologyItem.objects.filter(methodology=assessment.methodology_id))
    grades = {g.item_id: g for g in RatingGrade.objects.filter(assessment=assessment)}
    rows = [
        GradedItem(
            item=item,
            grade=grades[item.id].grade if item.id in grades else "",
            evidence=grades[item.id].evidence if item.id in grades else "",
            points=item.points_for(grades[item.id].grade) if item.id in grades else 0,
            suggestion=rating.suggest(item.suggestion, year=assessment.year, company_id=assessment.company_id)
            if item.suggestion
            else None,
        )
        for item in items
    ]
    score = rating.score(items, {item_id: g.grade for item_id, g in grades.items()})
    earlier = (
        assessment_list(actor=actor)
        .filter(company=assessment.company, year=assessment.year - 1, status=RatingAssessment.Status.APPROVED)
        .first()
    )
    previous = None
    if earlier is not None:
        earlier_items = list(MethodologyItem.objects.filter(methodology=earlier.methodology_id))
        earlier_grades = {g.item_id: g.grade for g in RatingGrade.objects.filter(assessment=earlier)}
        previous = rating.score(earlier_items, earlier_grades)
    return AssessmentView(assessment=assessment, rows=rows, score=score, previous=previous)


def methodology_items(*, methodology: Methodology) -> QuerySet[MethodologyItem]:
    return MethodologyItem.objects.filter(methodology=methodology)


# ---------------------------------------------------------------------------- ISO 37001 evidence


def evidence_documents(*, actor: Actor, company_id: uuid.UUID | None) -> QuerySet[EvidenceDocument]:
    """Documents uploaded for the group (no company) or one company, within the actor's scope."""
    scope = scope_of(actor, policy.VIEW)
    documents = EvidenceDocument.objects.filter(scope.q(company="company"))
    if company_id is None:
        return documents.filter(company__isnull=True)
    return documents.filter(company_id=company_id)


def evidence_get(*, actor: Actor, document_id: uuid.UUID) -> EvidenceDocument:
    scope = scope_of(actor, policy.VIEW)
    return EvidenceDocument.objects.filter(scope.q(company="company")).get(pk=document_id)
