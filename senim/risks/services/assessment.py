"""Writes of the corruption-risk assessment: the exercise (its catalogue carried over from last
year), functions added and assessed by their unit, reviewed by compliance (accepted or returned),
the result approved by the head, and the List of Corruption-Prone Positions approved, which sets the
positions' flag through the org service (audited there)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from senim.core.access import require
from senim.core.approvals import Decision, decision_record
from senim.core.audit import audit_record
from senim.core.services import model_create, model_update
from senim.org import services as org_services
from senim.org.models import Company, Position, Unit
from senim.risks import policy
from senim.risks.deadlines import occurrences, parse
from senim.risks.models import Exercise, Level, Measure, MeasureInstance, Plan, PlanKind, RiskFunction
from senim.risks.services.plans import deadline_fields

ASSESSMENT_FIELDS = ["risk", "causes", "norm", "controls", "level", "recommendation", "assessed_on"]


def exercise_create(
    *,
    actor: Any,
    company: Company,
    year: int,
    period_reviewed: str = "",
    working_group: str = "",
    sources: str = "",
    carry_over: bool = True,
) -> Exercise:
    """Open the year's exercise; the catalogue of functions is carried over from the last one."""
    require(actor, policy.REVIEW_ASSESSMENT, company_id=company.pk)
    if Exercise.objects.filter(company=company, year=year).exists():
        raise ValidationError({"year": _("The company already has an assessment for %(year)s.") % {"year": year}})
    with transaction.atomic():
        exercise = model_create(
            actor=actor,
            instance=Exercise(
                company=company,
                year=year,
                period_reviewed=period_reviewed,
                working_group=working_group,
                sources=sources,
            ),
            event_type="risks.exercise_created",
            fields=["year", "period_reviewed", "working_group", "sources"],
        )
        previous = Exercise.objects.filter(company=company, year__lt=year).order_by("-year").first()
        if carry_over and previous is not None:
            for old in previous.functions.prefetch_related("positions"):
                new = RiskFunction.objects.create(exercise=exercise, unit_id=old.unit_id, name=old.name)
                new.positions.set(old.positions.all())
    return exercise


def function_add(*, actor: Any, exercise: Exercise, unit: Unit, name: str) -> RiskFunction:
    require(actor, policy.ASSESS, company_id=exercise.company_id, unit_id=unit.pk)
    if unit.company_id != exercise.company_id:
        raise ValidationError({"unit": _("The unit is not in the company of the assessment.")})
    if exercise.status == Exercise.Status.APPROVED:
        raise ValidationError(_("The assessment is approved: it can no longer change."))
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Name the function.")})
    try:
        with transaction.atomic():
            return model_create(
                actor=actor,
                instance=RiskFunction(exercise=exercise, unit=unit, name=name),
                event_type="risks.function_added",
                fields=["name"],
            )
    except (IntegrityError, ValidationError) as error:
        raise ValidationError({"name": _("The unit already has this function in the assessment.")}) from error


def function_assess(
    *,
    actor: Any,
    function: RiskFunction,
    level: str,
    risk: str = "",
    causes: str = "",
    norm: str = "",
    controls: str = "",
    recommendation: str = "",
    positions: Iterable[Position] = (),
    assessed_on: dt.date | None = None,
) -> RiskFunction:
    """The unit's assessment of one function, sent to compliance. A function is assessed once: again
    only after compliance returns it."""
    require(actor, policy.ASSESS, company_id=function.exercise.company_id, unit_id=function.unit_id)
    with transaction.atomic():
        function = RiskFunction.objects.select_for_update().select_related("exercise").get(pk=function.pk)
        if function.status not in (RiskFunction.Status.DRAFT, RiskFunction.Status.RETURNED):
            raise ValidationError(_("The function has already been assessed; compliance can return it for changes."))
        if level not in Level.values:
            raise ValidationError({"level": _("Choose the level.")})
        if level != Level.LOW and not risk.strip():
            raise ValidationError({"risk": _("Describe the risk of a medium or high function.")})
        positions = list(positions)
        if any(p.company_id != function.exercise.company_id for p in positions):
            raise ValidationError({"positions": _("The positions must be of the company assessed.")})
        data = {
            "risk": risk.strip(),
            "causes": causes.strip(),
            "norm": norm.strip(),
            "controls": controls.strip(),
            "level": level,
            "recommendation": recommendation.strip(),
            "assessed_on": assessed_on or timezone.localdate(),
            "status": RiskFunction.Status.SUBMITTED,
        }
        model_update(
            actor=actor,
            instance=function,
            data=data,
            fields=[*ASSESSMENT_FIELDS, "status"],
            event_type="risks.function_assessed",
        )
        function.positions.set(positions)
    return function


# The approval steps of an assessment (senim.core.approvals; adapters: risks.approvals): compliance
# reviews each function's assessment, then the head approves the exercise.
STEP_FUNCTION = "risks.function_review"
STEP_EXERCISE = "risks.exercise_approval"


def function_review(*, actor: Any, function: RiskFunction, accept: bool, note: str = "") -> RiskFunction:
    """Compliance accepts the assessment or returns it to the unit with a note."""
    require(actor, policy.REVIEW_ASSESSMENT, company_id=function.exercise.company_id, unit_id=function.unit_id)
    if not accept and not note.strip():
        raise ValidationError({"note": _("Say why the assessment is returned.")})
    with transaction.atomic():
        function = RiskFunction.objects.select_for_update().get(pk=function.pk)
        if function.status != RiskFunction.Status.SUBMITTED:
            raise ValidationError(_("Only an assessed function waiting for review can be accepted or returned."))
        status = RiskFunction.Status.ACCEPTED if accept else RiskFunction.Status.RETURNED
        function = model_update(
            actor=actor,
            instance=function,
            data={"status": status, "review_note": note.strip()},
            fields=["status", "review_note"],
            event_type="risks.function_reviewed",
        )
        decision_record(
            actor=actor,
            obj=function,
            step=STEP_FUNCTION,
            decision=Decision.APPROVE if accept else Decision.RETURN,
            comment=note,
        )
        return function


def exercise_approve(
    *, actor: Any, exercise: Exercise, decision_number: str, approved_on: dt.date, comment: str = ""
) -> Exercise:
    """The head approves the result once every function has been assessed and accepted."""
    require(actor, policy.APPROVE_ASSESSMENT, company_id=exercise.company_id)
    exercise = Exercise.objects.get(pk=exercise.pk)
    if exercise.status == Exercise.Status.APPROVED:
        raise ValidationError(_("The assessment is already approved."))
    if not exercise.functions.exists():
        raise ValidationError(_("The assessment has no functions."))
    waiting = exercise.functions.exclude(status=RiskFunction.Status.ACCEPTED).count()
    if waiting:
        raise ValidationError(
            ngettext(
                "%(count)s function is not yet assessed and accepted.",
                "%(count)s functions are not yet assessed and accepted.",
                waiting,
            )
            % {"count": waiting}
        )
    if not decision_number.strip():
        raise ValidationError({"decision_number": _("Give the number of the decision.")})
    with transaction.atomic():
        exercise = model_update(
            actor=actor,
            instance=exercise,
            data={
                "status": Exercise.Status.APPROVED,
                "decision_number": decision_number.strip(),
                "approved_on": approved_on,
                "approved_by": actor,
            },
            fields=["status", "decision_number", "approved_on", "approved_by"],
            event_type="risks.exercise_approved",
        )
        decision_record(actor=actor, obj=exercise, step=STEP_EXERCISE, decision=Decision.APPROVE, comment=comment)
    return exercise


def positions_approve(*, actor: Any, exercise: Exercise, positions: Iterable[Position], approved_on: dt.date) -> int:
    """Approve the List of Corruption-Prone Positions: the listed positions are flagged and the
    company's other flagged positions unflagged, each through the org service (audited). Returns
    how many positions changed."""
    require(actor, policy.APPROVE_ASSESSMENT, company_id=exercise.company_id)
    exercise = Exercise.objects.get(pk=exercise.pk)
    if exercise.status != Exercise.Status.APPROVED:
        raise ValidationError(_("Approve the assessment before the list of positions."))
    chosen = {p.pk: p for p in positions}
    if any(p.company_id != exercise.company_id for p in chosen.values()):
        raise ValidationError(_("The positions must be of the company assessed."))
    changed = 0
    with transaction.atomic():
        flagged = Position.objects.filter(company_id=exercise.company_id, is_corruption_prone=True)
        for position in [*chosen.values(), *flagged.exclude(pk__in=chosen)]:
            wanted = position.pk in chosen
            if position.is_corruption_prone != wanted:
                basis = _("List of corruption-prone positions, assessment %(year)s") % {"year": exercise.year}
                org_services.position_set_corruption_prone(actor=actor, position=position, value=wanted, basis=basis)
                changed += 1
        exercise.positions_approved_on = approved_on
        exercise.save(update_fields=["positions_approved_on", "updated_at"])
        audit_record(
            actor=actor,
            event_type="risks.positions_approved",
            obj=exercise,
            changes={"positions": [None, sorted(str(p) for p in chosen.values())]},
        )
    return changed


def programme_from_assessment(*, actor: Any, exercise: Exercise, first_year: int, last_year: int) -> Plan:
    """Draft the Anti-Corruption Programme from an approved assessment: one measure per medium or high
    function (its recommendation, or the elimination of its risk), linked to that function, due by
    the end of the programme's first year. Officers then edit the plan like any other."""
    require(actor, policy.REVIEW_ASSESSMENT, company_id=exercise.company_id)
    exercise = Exercise.objects.get(pk=exercise.pk)
    if exercise.status != Exercise.Status.APPROVED:
        raise ValidationError(_("Approve the assessment before drafting the programme."))
    risky = list(
        exercise.functions.filter(level__in=[Level.MEDIUM, Level.HIGH]).select_related("unit").order_by("unit__code")
    )
    if not risky:
        raise ValidationError(_("No function of the assessment is at medium or high risk."))
    deadline = parse(str(first_year))
    with transaction.atomic():
        plan = model_create(
            actor=actor,
            instance=Plan(
                company_id=exercise.company_id,
                kind=PlanKind.PROGRAMME,
                title_ru=f"Антикоррупционная программа на {first_year}–{last_year} годы",
                title_en=f"Anti-corruption programme {first_year}–{last_year}",
                first_year=first_year,
                last_year=last_year,
            ),
            event_type="risks.programme_drafted",
            fields=["kind", "title_ru", "first_year", "last_year"],
        )
        for n, function in enumerate(risky, start=1):
            text = function.recommendation or _("Eliminate the risk: %(risk)s") % {
                "risk": function.risk or function.name
            }
            measure = Measure.objects.create(
                plan=plan,
                number=str(n),
                position=n,
                text_ru=text,
                units_text=str(function.unit),
                **deadline_fields(deadline),
            )
            measure.risks.add(function)
            MeasureInstance.objects.bulk_create(
                MeasureInstance(measure=measure, period=o.period, due_date=o.due)
                for o in occurrences(deadline, first_year=first_year, last_year=last_year)
            )
    return plan
