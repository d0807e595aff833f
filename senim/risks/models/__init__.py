"""Risks' models, split along their seams: the assessment (`assessment`), plans and roadmaps (`plans`)."""

from senim.risks.models.assessment import Exercise, Level, Method, RiskFunction
from senim.risks.models.plans import (
    DeadlineKind,
    Measure,
    MeasureInstance,
    MeasureStatus,
    Plan,
    PlanKind,
    PlanSection,
    ProgressNote,
    Recurrence,
)

__all__ = [
    "DeadlineKind",
    "Exercise",
    "Level",
    "Measure",
    "MeasureInstance",
    "MeasureStatus",
    "Method",
    "Plan",
    "PlanKind",
    "PlanSection",
    "ProgressNote",
    "Recurrence",
    "RiskFunction",
]
