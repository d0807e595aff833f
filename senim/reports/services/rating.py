"""Writes of the effectiveness rating: the methodology's points (which must add up to 100), a
year's self-assessment, its grades with evidence, the Agency's result, and approval."""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, require
from senim.core.audit import audit_record
from senim.core.services import model_create
from senim.reports import policy, rating
from senim.reports.models import Grade, Methodology, MethodologyItem, RatingAssessment, RatingGrade

TOTAL_POINTS = 100


def _require(actor: Actor, permission: str, company_id: uuid.UUID | None) -> None:
    scope = require(actor, permission, **({"company_id": company_id} if company_id else {}))
    if company_id is None and not scope.everything:
        raise PermissionDenied(permission)


def methodology_default(*, actor: Actor) -> Methodology:
    """The default methodology, created from `rating.DEFAULT_ITEMS` the first time it is needed."""
    require(actor, policy.VIEW)
    with transaction.atomic():
        existing = Methodology.objects.select_for_update().filter(is_default=True).first()
        if existing:
            return existing
        methodology = Methodology.objects.create(name=_("Effectiveness rating (PQ-81)"), is_default=True)
        MethodologyItem.objects.bulk_create(
            MethodologyItem(methodology=methodology, **row) for row in rating.default_rows()
        )
        audit_record(actor=actor, event_type="reports.methodology.created", obj=methodology, changes={})
    return methodology


def methodology_points_set(
    *, actor: Actor, methodology: Methodology, points: dict[uuid.UUID, tuple[int, int, int]]
) -> Methodology:
    """Change the points of several indicators at once; refused, changing nothing, unless the
    full-grade points of the whole methodology still add up to 100 and each indicator's points
    descend from "fully" to "partly"."""
    _require(actor, policy.CONFIGURE, None)
    with transaction.atomic():
        items = {item.id: item for item in MethodologyItem.objects.select_for_update().filter(methodology=methodology)}
        unknown = set(points) - set(items)
        if unknown:
            raise ValidationError(_("These indicators are not part of the methodology."))
        changes: dict[str, Any] = {}
        for item_id, (full, mostly, partly) in points.items():
            item = items[item_id]
            if not full >= mostly >= partly >= 0:
                raise ValidationError(
                    _("%(code)s: points must not grow from “fully done” to “partly done”.") % {"code": item.code}
                )
            old = (item.points_full, item.points_mostly, item.points_partly)
            if old != (full, mostly, partly):
                changes[item.code] = [list(old), [full, mostly, partly]]
                item.points_full, item.points_mostly, item.points_partly = full, mostly, partly
        total = sum(item.points_full for item in items.values())
        if total != TOTAL_POINTS:
            raise ValidationError(
                _("The points for “fully done” add up to %(total)s, not %(expected)s.")
                % {"total": total, "expected": TOTAL_POINTS}
            )
        if changes:
            MethodologyItem.objects.bulk_update(items.values(), ["points_full", "points_mostly", "points_partly"])
            audit_record(actor=actor, event_type="reports.methodology.points_changed", obj=methodology, changes=changes)
    return methodology


def assessment_create(
    *, actor: Actor, year: int, company_id: uuid.UUID | None, methodology: Methodology | None = None
) -> RatingAssessment:
    _require(actor, policy.EDIT, company_id)
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Enter a year between 2000 and 2100.")})
    same = Q(company_id=company_id) if company_id else Q(company__isnull=True)
    if RatingAssessment.objects.filter(same, year=year).exists():
        raise ValidationError(_("A self-assessment for this year already exists."))
    assessment = RatingAssessment(
        methodology=methodology or methodology_default(actor=actor), company_id=company_id, year=year
    )
    return model_create(
        actor=actor, instance=assessment, event_type="reports.rating.created", fields=["year", "company"]
    )


def _require_draft(assessment: RatingAssessment) -> None:
    if assessment.status == RatingAssessment.Status.APPROVED:
        raise ValidationError(_("This self-assessment is approved and cannot change."))


def assessment_grades_set(
    *, actor: Actor, assessment: RatingAssessment, grades: dict[uuid.UUID, tuple[str, str]]
) -> RatingAssessment:
    """Set grades (and their evidence) for indicators of the assessment's methodology."""
    _require(actor, policy.EDIT, assessment.company_id)
    items = {item.id: item for item in MethodologyItem.objects.filter(methodology=assessment.methodology_id)}
    with transaction.atomic():
        # Read the status from the stored row: an instance in hand may predate an approval.
        assessment = RatingAssessment.objects.select_for_update().get(pk=assessment.pk)
        _require_draft(assessment)
        existing = {g.item_id: g for g in RatingGrade.objects.select_for_update().filter(assessment=assessment)}
        changes: dict[str, Any] = {}
        for item_id, (grade, evidence) in grades.items():
            item = items.get(item_id)
            if item is None:
                raise ValidationError(_("These indicators are not part of the methodology."))
            if grade not in Grade.values:
                raise ValidationError(_("Unknown grade."))
            current = existing.get(item_id)
            if current is None:
                RatingGrade.objects.create(assessment=assessment, item=item, grade=grade, evidence=evidence)
                changes[item.code] = [None, grade]
            elif (current.grade, current.evidence) != (grade, evidence):
                changes[item.code] = [current.grade, grade]
                current.grade, current.evidence = grade, evidence
                current.save(update_fields=["grade", "evidence", "updated_at"])
        if changes:
            audit_record(actor=actor, event_type="reports.rating.graded", obj=assessment, changes=changes)
    return assessment


def assessment_external_set(
    *, actor: Actor, assessment: RatingAssessment, score: Any, note: str = ""
) -> RatingAssessment:
    """Record the score the Agency gave, beside the self-assessment."""
    _require(actor, policy.EDIT, assessment.company_id)
    old = [assessment.external_score, assessment.external_note]
    assessment.external_score = score
    assessment.external_note = note
    with transaction.atomic():
        assessment.full_clean()
        assessment.save(update_fields=["external_score", "external_note", "updated_at"])
        audit_record(
            actor=actor,
            event_type="reports.rating.external_recorded",
            obj=assessment,
            changes={"external_score": [str(old[0]) if old[0] is not None else None, str(score)]},
        )
    return assessment


def assessment_approve(*, actor: Actor, assessment: RatingAssessment) -> RatingAssessment:
    """Approve a self-assessment once every indicator is graded; it cannot change afterwards."""
    _require(actor, policy.APPROVE, assessment.company_id)
    with transaction.atomic():
        assessment = RatingAssessment.objects.select_for_update().get(pk=assessment.pk)
        _require_draft(assessment)
        missing = MethodologyItem.objects.filter(methodology=assessment.methodology_id).exclude(
            id__in=RatingGrade.objects.filter(assessment=assessment).values("item_id")
        )
        if missing.exists():
            codes = ", ".join(item.code for item in missing)
            raise ValidationError(_("Grade every indicator before approving: %(codes)s.") % {"codes": codes})
        assessment.status = RatingAssessment.Status.APPROVED
        assessment.approved_at = timezone.now()
        assessment.approved_by = actor  # type: ignore[assignment]
        assessment.save(update_fields=["status", "approved_at", "approved_by", "updated_at"])
        audit_record(
            actor=actor,
            event_type="reports.rating.approved",
            obj=assessment,
            changes={"status": [RatingAssessment.Status.DRAFT, RatingAssessment.Status.APPROVED]},
        )
    return assessment
