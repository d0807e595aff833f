"""Reports' models: the annual report and its versions; the effectiveness rating (methodology,
yearly self-assessment); the ISO 37001 evidence map."""

from senim.reports.models.evidence import EvidenceDocument
from senim.reports.models.rating import Area, Grade, Methodology, MethodologyItem, RatingAssessment, RatingGrade
from senim.reports.models.report import FigureOverride, FigureTrace, Report, SectionText

__all__ = [
    "Area",
    "EvidenceDocument",
    "FigureOverride",
    "FigureTrace",
    "Grade",
    "Methodology",
    "MethodologyItem",
    "RatingAssessment",
    "RatingGrade",
    "Report",
    "SectionText",
]
