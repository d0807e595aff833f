"""Writes of the reports app: the annual report (report.py) and the effectiveness rating (rating.py)."""

from senim.reports.services.evidence import evidence_remove, evidence_upload
from senim.reports.services.rating import (
    assessment_approve,
    assessment_create,
    assessment_external_set,
    assessment_grades_set,
    methodology_default,
    methodology_points_set,
)
from senim.reports.services.report import (
    LANGUAGES,
    differences,
    figure_override_remove,
    figure_override_set,
    report_approve,
    report_create,
    report_new_version,
    section_text_set,
)

__all__ = [
    "LANGUAGES",
    "assessment_approve",
    "assessment_create",
    "assessment_external_set",
    "assessment_grades_set",
    "differences",
    "evidence_remove",
    "evidence_upload",
    "figure_override_remove",
    "figure_override_set",
    "methodology_default",
    "methodology_points_set",
    "report_approve",
    "report_create",
    "report_new_version",
    "section_text_set",
]
