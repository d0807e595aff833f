"""Risks' writes, split along their seams: the assessment (`assessment`), plans and roadmaps (`plans`),
reminders of plan measures (`reminders`)."""

from senim.risks.services.assessment import (
    exercise_approve,
    exercise_create,
    function_add,
    function_assess,
    function_review,
    positions_approve,
    programme_from_assessment,
)
from senim.risks.services.plans import (
    deadline_fields,
    instance_report,
    measure_create,
    measure_set_deadline,
    plan_import,
)
from senim.risks.services.reminders import measures_remind

__all__ = [
    "deadline_fields",
    "exercise_approve",
    "exercise_create",
    "function_add",
    "function_assess",
    "function_review",
    "instance_report",
    "measure_create",
    "measure_set_deadline",
    "measures_remind",
    "plan_import",
    "positions_approve",
    "programme_from_assessment",
]
