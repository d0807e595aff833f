"""Risks' models, split along their seams: plans and roadmaps (`plans`)."""

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
    "Measure",
    "MeasureInstance",
    "MeasureStatus",
    "Plan",
    "PlanKind",
    "PlanSection",
    "ProgressNote",
    "Recurrence",
]
