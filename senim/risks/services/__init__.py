"""Risks' writes, split along their seams: plans and roadmaps (`plans`)."""

from senim.risks.services.plans import (
    deadline_fields,
    instance_report,
    measure_create,
    measure_set_deadline,
    plan_import,
)

__all__ = ["deadline_fields", "instance_report", "measure_create", "measure_set_deadline", "plan_import"]
