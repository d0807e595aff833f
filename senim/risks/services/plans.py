"""Writes on plans and roadmaps: import from what the reader understood, deadlines set by hand,
measures added, and progress reported per period. The command line acts as the system (`core.access.SYSTEM`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import require
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.services import model_create, model_update
from senim.org.models import Company
from senim.risks import policy
from senim.risks.deadlines import Deadline, Kind, occurrences, parse
from senim.risks.importing.reader import Understood
from senim.risks.models import (
    DeadlineKind,
    Measure,
    MeasureInstance,
    MeasureStatus,
    Plan,
    PlanKind,
    PlanSection,
    ProgressNote,
)

CONTENT = ("ru", "kk", "en", "uz")


def _require(actor: Any, company_id: Any) -> None:
    require(actor, policy.MANAGE_PLANS, company_id=company_id)


def deadline_fields(d: Deadline) -> dict[str, Any]:
    """The measure's deadline columns for a parsed deadline (the text as written included)."""
    return {
        "deadline_text": d.text[:300],
        "deadline_kind": d.kind.value,
        "due_date": d.due,
        "recurrence": d.recurrence.value if d.recurrence else "",
        "start_year": d.start_year,
        "end_year": d.end_year,
        "anchor_month": d.anchor[0] if d.anchor else None,
        "anchor_day": d.anchor[1] if d.anchor else None,
    }


def _deadline_of(measure: Measure) -> Deadline:
    return parse(measure.deadline_text, default_year=None) if measure.deadline_kind != DeadlineKind.UNSET else parse("")


def _instances_for(measure: Measure, plan: Plan, deadline: Deadline) -> list[MeasureInstance]:
    return [
        MeasureInstance(measure=measure, period=o.period, due_date=o.due)
        for o in occurrences(deadline, first_year=plan.first_year, last_year=plan.last_year)
    ]


def _reschedule(measure: Measure, deadline: Deadline) -> None:
    """Replace the periods not yet reported on; periods completed or with notes are kept."""
    keep = set(measure.instances.filter(status=MeasureStatus.DONE).values_list("period", flat=True)) | set(
        measure.instances.filter(notes__isnull=False).values_list("period", flat=True)
    )
    measure.instances.exclude(period__in=keep).delete()
    MeasureInstance.objects.bulk_create(
        [i for i in _instances_for(measure, measure.plan, deadline) if i.period not in keep]
    )


def plan_import(
    *,
    actor: Any,
    company: Company,
    understood: Understood,
    kind: str = PlanKind.ROADMAP,
    deadline_fixes: Mapping[int, str] | None = None,
    approved_by: str = "",
    decision_number: str = "",
    approved_on: dt.date | None = None,
) -> Plan:
    """Save the plan the reader understood, all or nothing. `deadline_fixes` maps a row's line to the
    deadline a person typed for it; a deadline still not understood is saved as "to be set"."""
    _require(actor, company.pk)
    if understood.file_errors:
        raise ValidationError(understood.file_errors)
    problems = [f"{row.line}: {error}" for row in understood.rows for error in row.errors]
    if problems:
        raise ValidationError(problems)
    if not understood.rows:
        raise ValidationError(_("The plan has no measures."))
    fixes = deadline_fixes or {}
    lang = understood.language if understood.language in CONTENT else "ru"
    today = timezone.localdate()
    first = understood.first_year or today.year
    last = max(understood.last_year or first, first)
    with transaction.atomic():
        plan = Plan(
            company=company,
            kind=kind,
            first_year=first,
            last_year=last,
            approved_by=approved_by or understood.approval[:300],
            decision_number=decision_number,
            approved_on=approved_on,
            source_name=understood.source[:300],
        )
        setattr(plan, f"title_{lang}", (understood.title or understood.source)[:500])
        model_create(
            actor=actor,
            instance=plan,
            event_type="risks.plan_imported",
            fields=["kind", f"title_{lang}", "first_year", "last_year", "source_name"],
        )
        sections: dict[tuple[str, str], PlanSection] = {}

        def section_for(aspect: str, topic: str) -> PlanSection | None:
            if not aspect and not topic:
                return None
            parent = None
            if aspect:
                if (aspect, "") not in sections:
                    s = PlanSection(plan=plan, order=len(sections), **{f"title_{lang}": aspect[:1000]})
                    s.save()
                    sections[(aspect, "")] = s
                parent = sections[(aspect, "")]
            if not topic:
                return parent
            if (aspect, topic) not in sections:
                s = PlanSection(plan=plan, parent=parent, order=len(sections), **{f"title_{lang}": topic[:1000]})
                s.save()
                sections[(aspect, topic)] = s
            return sections[(aspect, topic)]

        measures: list[Measure] = []
        deadlines: list[Deadline] = []
        for index, row in enumerate(understood.rows):
            deadline = row.deadline
            if row.line in fixes and fixes[row.line].strip():
                deadline = parse(fixes[row.line], default_year=first)
            measure = Measure(
                plan=plan,
                section=section_for(row.aspect, row.topic),
                number=row.number,
                position=index,
                completion_form=row.completion_form[:500],
                executives_text=row.executives[:1000],
                units_text=row.units[:1000],
                co_executors=row.co_executors[:1000],
                **{f"text_{lang}": row.text},
                **deadline_fields(deadline),
            )
            measure.full_clean(exclude=["plan", "section"], validate_unique=False)
            measures.append(measure)
            deadlines.append(deadline)
        Measure.objects.bulk_create(measures)
        MeasureInstance.objects.bulk_create(
            [i for m, d in zip(measures, deadlines, strict=True) for i in _instances_for(m, plan, d)]
        )
        audit_record(
            actor=actor,
            event_type="risks.plan_measures_imported",
            obj=plan,
            changes={
                "measures": [None, len(measures)],
                "deadlines_to_set": [None, sum(1 for d in deadlines if d.kind is Kind.UNSET)],
            },
        )
    return plan


def measure_set_deadline(*, actor: Any, measure: Measure, text: str) -> Measure:
    """Set the deadline as a person writes it; it must be understood (or be "as needed")."""
    _require(actor, measure.plan.company_id)
    deadline = parse(text, default_year=measure.plan.first_year)
    if deadline.kind is Kind.UNSET:
        raise ValidationError(
            {
                "deadline_text": _(
                    "The deadline “%(text)s” was not understood. Write, e.g., “2027”, “31.12.2027”, "
                    "“annually” or “as needed”."
                )
                % {"text": text}
            }
        )
    with transaction.atomic():
        measure = Measure.objects.select_for_update().get(pk=measure.pk)
        model_update(
            actor=actor,
            instance=measure,
            data=deadline_fields(deadline),
            fields=list(deadline_fields(deadline)),
            event_type="risks.measure_deadline_set",
        )
        _reschedule(measure, deadline)
    return measure


def measure_create(
    *,
    actor: Any,
    plan: Plan,
    number: str,
    text: str,
    deadline_text: str,
    language: str = "ru",
    completion_form: str = "",
    executives_text: str = "",
    units_text: str = "",
    section: PlanSection | None = None,
    today: dt.date | None = None,
) -> Measure:
    """Add a measure to the plan. A new measure's due date cannot already be past."""
    _require(actor, plan.company_id)
    today = today or timezone.localdate()
    deadline = parse(deadline_text, default_year=plan.first_year)
    if deadline.due and deadline.due < today:
        raise ValidationError({"deadline_text": _("The deadline of a new measure cannot be in the past.")})
    if Measure.objects.filter(plan=plan, number=number.strip()).exists():
        raise ValidationError({"number": _("The plan already has a measure number %(number)s.") % {"number": number}})
    with transaction.atomic():
        measure = Measure(
            plan=plan,
            section=section,
            number=number.strip(),
            position=plan.measures.count(),
            completion_form=completion_form,
            executives_text=executives_text,
            units_text=units_text,
            **{f"text_{language if language in CONTENT else 'ru'}": text},
            **deadline_fields(deadline),
        )
        model_create(
            actor=actor,
            instance=measure,
            event_type="risks.measure_created",
            fields=["number", "deadline_text", "completion_form"],
        )
        MeasureInstance.objects.bulk_create(_instances_for(measure, plan, deadline))
    return measure


def instance_report(
    *,
    actor: Any,
    instance: MeasureInstance,
    status: str,
    note: str = "",
    completed_on: dt.date | None = None,
    link: str = "",
    today: dt.date | None = None,
) -> MeasureInstance:
    """Record the status of one period of a measure, with a progress note and evidence link.
    `completed_on`: the day it was done (today by default); an earlier day is back-dating, audited
    (officers and administrators, who keep the plans), never in the future nor before the company."""
    plan = instance.measure.plan
    _require(actor, plan.company_id)
    today = today or timezone.localdate()
    if status not in MeasureStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    if status == MeasureStatus.DONE and completed_on is None:
        completed_on = today
    backdated = check_event_dates(
        actor=actor,
        company_id=plan.company_id,
        founded_on=plan.company.founded_on,
        dates={"completed_on": completed_on if status == MeasureStatus.DONE else None},
        labels={"completed_on": _("Completed on")},
        today=today,
    )
    with transaction.atomic():
        instance = MeasureInstance.objects.select_for_update().get(pk=instance.pk)
        model_update(
            actor=actor,
            instance=instance,
            data={"status": status, "completed_on": completed_on if status == MeasureStatus.DONE else None},
            fields=["status", "completed_on"],
            event_type="risks.measure_reported",
            extra=backdated_changes(backdated),
        )
        if note.strip() or link.strip():
            model_create(
                actor=actor,
                instance=ProgressNote(
                    instance=instance, text=note.strip() or link, link=link, written_on=today, author=actor
                ),
                event_type="risks.progress_noted",
                fields=["text", "link", "written_on"],
            )
        _roll_measure_status(instance.measure)
    return instance


def _roll_measure_status(measure: Measure) -> None:
    """The measure is done when every period is, in progress once any period has started."""
    statuses = list(measure.instances.values_list("status", flat=True))
    if not statuses:
        return
    if all(s in (MeasureStatus.DONE, MeasureStatus.CANCELLED) for s in statuses):
        new = MeasureStatus.DONE if MeasureStatus.DONE in statuses else MeasureStatus.CANCELLED
    elif any(s != MeasureStatus.NOT_STARTED for s in statuses):
        new = MeasureStatus.IN_PROGRESS
    else:
        new = MeasureStatus.NOT_STARTED
    if measure.status != new:
        Measure.objects.filter(pk=measure.pk).update(status=new)
