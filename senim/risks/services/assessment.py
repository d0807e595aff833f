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
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.services import model_create, model_update
from senim.org import services as org_services
from senim.org.models import Company, Position, Unit
from senim.risks import policy
from senim.risks.deadlines import occurrences, parse
from senim.risks.models import Exercise, Level, Measure, MeasureInstance, Method, Plan, PlanKind, RiskFunction
from senim.risks.models.assessment import DEFAULT_IMPACT, DEFAULT_LIKELIHOOD
from senim.risks.services.plans import deadline_fields

ASSESSMENT_FIELDS = ["risk", "causes", "norm", "controls", "level", "recommendation", "assessed_on"]
MATRIX_FIELDS = ["likelihood", "impact", "residual_likelihood", "residual_impact"]


def exercise_create(
    *,
    actor: Any,
    company: Company,
    year: int,
    period_reviewed: str = "",
    working_group: str = "",
    sources: str = "",
    carry_over: bool = True,
    method: str = Method.LEVELS,
    likelihood_scale: list[str] | None = None,
    impact_scale: list[str] | None = None,
    medium_from: int | None = None,
    high_from: int | None = None,
) -> Exercise:
    """Open the year's exercise; the catalogue of functions is carried over from the last one. In
    the matrix method the scales (empty: the standard five points each) and the bands are checked."""
    require(actor, policy.REVIEW_ASSESSMENT, company_id=company.pk)
    if Exercise.objects.filter(company=company, year=year).exists():
        raise ValidationError({"year": _("The company already has an assessment for %(year)s.") % {"year": year}})
    scales = _scales(method, likelihood_scale or [], impact_scale or [], medium_from, high_from)
    with transaction.atomic():
        exercise = model_create(
            actor=actor,
            instance=Exercise(
                company=company,
                year=year,
                period_reviewed=period_reviewed,
                working_group=working_group,
                sources=sources,
                **scales,
            ),
            event_type="risks.exercise_created",
            fields=["year", "period_reviewed", "working_group", "sources", *scales],
        )
        previous = Exercise.objects.filter(company=company, year__lt=year).order_by("-year").first()
        if carry_over and previous is not None:
            for old in previous.functions.prefetch_related("positions"):
                new = RiskFunction.objects.create(exercise=exercise, unit_id=old.unit_id, name=old.name)
                new.positions.set(old.positions.all())
    return exercise


MAX_SCALE_POINTS = 10


def _scale(labels: list[str], field: str) -> list[str]:
    labels = [" ".join(str(label).split()) for label in labels]
    if labels and not 2 <= len(labels) <= MAX_SCALE_POINTS:
        raise ValidationError({field: _("A scale has from 2 to 10 points.")})
    if any(not label or len(label) > 100 for label in labels):
        raise ValidationError({field: _("Name every point of the scale (up to 100 characters).")})
    if len({label.casefold() for label in labels}) != len(labels):
        raise ValidationError({field: _("Every point of the scale needs its own name.")})
    return labels


def _scales(
    method: str, likelihood: list[str], impact: list[str], medium_from: int | None, high_from: int | None
) -> dict[str, Any]:
    """The method's fields, checked: the bands must split the scores of the grid into three."""
    if method not in Method.values:
        raise ValidationError({"method": _("Choose the method.")})
    if method == Method.LEVELS:
        if likelihood or impact or medium_from or high_from:
            raise ValidationError({"method": _("Scales and bands belong to the likelihood × impact method.")})
        return {"method": method}
    likelihood, impact = _scale(likelihood, "likelihood_scale"), _scale(impact, "impact_scale")
    top = (len(likelihood) or len(DEFAULT_LIKELIHOOD)) * (len(impact) or len(DEFAULT_IMPACT))
    medium_from = medium_from or Exercise._meta.get_field("medium_from").get_default()
    high_from = high_from or Exercise._meta.get_field("high_from").get_default()
    if not 1 < medium_from < high_from <= top:
        raise ValidationError(
            {
                "high_from": _(
                    "The bands must rise: medium from a score above 1, high from a higher score, at most %(top)s."
                )
                % {"top": top}
            }
        )
    return {
        "method": method,
        "likelihood_scale": likelihood,
        "impact_scale": impact,
        "medium_from": medium_from,
        "high_from": high_from,
    }


def _matrix_levels(
    exercise: Exercise,
    likelihood: int | None,
    impact: int | None,
    residual_likelihood: int | None,
    residual_impact: int | None,
) -> dict[str, Any]:
    """The matrix fields of an assessment and the levels read from them; residual defaults to inherent."""
    points = {"likelihood": len(exercise.likelihood_labels), "impact": len(exercise.impact_labels)}
    if likelihood is None or impact is None:
        raise ValidationError({"likelihood": _("Rate the likelihood and the impact.")})
    if (residual_likelihood is None) != (residual_impact is None):
        raise ValidationError({"residual_impact": _("Rate both the residual likelihood and the residual impact.")})
    if residual_likelihood is None or residual_impact is None:
        residual_likelihood, residual_impact = likelihood, impact
    values = {
        "likelihood": likelihood,
        "impact": impact,
        "residual_likelihood": residual_likelihood,
        "residual_impact": residual_impact,
    }
    for field, value in values.items():
        top = points["impact" if field.endswith("impact") else "likelihood"]
        if not 1 <= value <= top:
            raise ValidationError({field: _("Choose a point from 1 to %(top)s.") % {"top": top}})
    if residual_likelihood > likelihood or residual_impact > impact:
        raise ValidationError(
            {"residual_likelihood": _("Controls do not raise a risk: the residual rating cannot exceed the inherent.")}
        )
    return {
        **values,
        "inherent_level": exercise.band(likelihood, impact),
        "level": exercise.band(residual_likelihood, residual_impact),
    }


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
    level: str = "",
    risk: str = "",
    causes: str = "",
    norm: str = "",
    controls: str = "",
    recommendation: str = "",
    positions: Iterable[Position] = (),
    assessed_on: dt.date | None = None,
    likelihood: int | None = None,
    impact: int | None = None,
    residual_likelihood: int | None = None,
    residual_impact: int | None = None,
) -> RiskFunction:
    """The unit's assessment of one function, sent to compliance. A function is assessed once: again
    only after compliance returns it. In the matrix method the level is read from the likelihood and
    impact (inherent, and residual after the existing controls), never chosen."""
    require(actor, policy.ASSESS, company_id=function.exercise.company_id, unit_id=function.unit_id)
    company = function.exercise.company
    # An assessment done on paper keeps its day: entered by those who may back-date (audited).
    backdated = check_event_dates(
        actor=actor,
        company_id=company.id,
        founded_on=company.founded_on,
        dates={"assessed_on": assessed_on},
        labels={"assessed_on": _("Assessed on")},
    )
    with transaction.atomic():
        function = RiskFunction.objects.select_for_update().select_related("exercise").get(pk=function.pk)
        if function.status not in (RiskFunction.Status.DRAFT, RiskFunction.Status.RETURNED):
            raise ValidationError(_("The function has already been assessed; compliance can return it for changes."))
        matrix: dict[str, Any] = dict.fromkeys(MATRIX_FIELDS)
        matrix["inherent_level"] = ""
        if function.exercise.is_matrix:
            matrix = _matrix_levels(function.exercise, likelihood, impact, residual_likelihood, residual_impact)
            if level and level != matrix["level"]:
                raise ValidationError({"level": _("The level is read from the likelihood and the impact.")})
            level = matrix.pop("level")
        elif any(v is not None for v in (likelihood, impact, residual_likelihood, residual_impact)):
            raise ValidationError({"likelihood": _("This assessment uses three levels, not likelihood × impact.")})
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
            **matrix,
        }
        model_update(
            actor=actor,
            instance=function,
            data=data,
            fields=[*ASSESSMENT_FIELDS, *MATRIX_FIELDS, "inherent_level", "status"],
            event_type="risks.function_assessed",
            extra=backdated_changes(backdated),
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
    # The decision's own date, quoted from the document the head signed: a past day is its nature,
    # not back-dating; the future and before the company existed are refused.
    check_event_dates(
        actor=actor,
        company_id=exercise.company_id,
        founded_on=exercise.company.founded_on,
        dates={"approved_on": approved_on},
        labels={"approved_on": _("Approved on")},
        past_allowed=True,
    )
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
        decision_record(
            actor=actor,
            obj=exercise,
            step=STEP_EXERCISE,
            decision=Decision.APPROVE,
            comment=comment,
            decided_on=approved_on,
        )
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
    check_event_dates(
        actor=actor,
        company_id=exercise.company_id,
        founded_on=exercise.company.founded_on,
        dates={"approved_on": approved_on},
        labels={"approved_on": _("Approved on"), "assessment_approved_on": _("Assessment approved on")},
        order=[("assessment_approved_on", "approved_on")],
        recorded={"assessment_approved_on": exercise.approved_on},
        past_allowed=True,
    )
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
