"""The compliance service's work on a case: statuses, acknowledgement, closure, answers,
messages, notes, tasks, assignment, links, declared conflicts and rewards."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.org.models import Employee, Unit
from senim.speakup import conf, files, policy, selectors
from senim.speakup.crypto import CaseCipher
from senim.speakup.models import (
    FINAL_STATUSES,
    Case,
    CaseLink,
    Direction,
    Exclusion,
    Kind,
    LinkRole,
    Measure,
    Message,
    Note,
    Outcome,
    Reward,
    Status,
    Task,
)
from senim.speakup.services.common import (
    TRANSITIONS,
    choice,
    clean_text,
    require_case,
    store_files,
)

# ---------------------------------------------------------------------------- officer side


def case_record_view(*, actor: Actor, case: Case) -> None:
    """Log that the actor opened the case (access to each case is in the audit trail)."""
    audit_record(actor=actor, event_type="speakup.case.viewed", obj=case)


def case_record_file_download(*, actor: Actor, case: Case, file_id: Any) -> None:
    audit_record(actor=actor, event_type="speakup.file.downloaded", obj=case, changes={"file": str(file_id)})


def case_set_status(*, actor: Actor, case: Case, status: str, acknowledged_on: dt.date | None = None) -> Case:
    """Move a case on. `acknowledged_on`: when acknowledging, the day receipt was acknowledged on
    paper before it was entered (back-dating: officers; never before it was received nor in the
    future)."""
    require_case(actor, case, policy.MANAGE)
    if status not in TRANSITIONS.get(case.status, ()):
        raise ValidationError({"status": [_("This status cannot follow the current one.")]})
    backdated = False
    if acknowledged_on is not None:
        if status != Status.ACKNOWLEDGED or case.acknowledged_at is not None:
            raise ValidationError(
                {"acknowledged_on": [_("A date of acknowledgement is given only when acknowledging.")]}
            )
        company = case.company
        backdated = check_event_dates(
            actor=actor,
            company_id=case.company_id,
            founded_on=company.founded_on if company else None,
            dates={"acknowledged_on": acknowledged_on},
            labels={"acknowledged_on": _("Acknowledged on"), "received_on": _("Date received")},
            order=[("received_on", "acknowledged_on")],
            recorded={"received_on": case.received_at},
        )
    with transaction.atomic():
        old = case.status
        case.status = status
        if status == Status.ACKNOWLEDGED and case.acknowledged_at is None:
            case.acknowledged_at = timezone.now()
            if backdated:
                assert acknowledged_on is not None
                noon = timezone.make_aware(dt.datetime.combine(acknowledged_on, dt.time(12)))
                case.acknowledged_at = max(case.received_at, noon)
        case.save(update_fields=["status", "acknowledged_at", "updated_at"])
        audit_record(
            actor=actor,
            event_type="speakup.case.status_changed",
            obj=case,
            changes={
                "status": [old, status],
                **({"acknowledged_at": [None, case.acknowledged_at]} if backdated else {}),
                **backdated_changes(backdated),
            },
        )
    return case


def case_acknowledge(*, actor: Actor, case: Case, message: str = "", acknowledged_on: dt.date | None = None) -> Case:
    """Acknowledge receipt; an optional message goes to the reporter with it. `acknowledged_on`:
    see `case_set_status`."""
    if message.strip():
        message_send(actor=actor, case=case, body=message)
        case.refresh_from_db()
    if case.status == Status.RECEIVED:
        case_set_status(actor=actor, case=case, status=Status.ACKNOWLEDGED, acknowledged_on=acknowledged_on)
    return case


def case_close(
    *,
    actor: Actor,
    case: Case,
    outcome: str,
    measures: Sequence[str],
    summary: str = "",
    closed_on: dt.date | None = None,
) -> Case:
    """Close a report with its outcome and the measures taken. A named reporter's case enters the
    retaliation watch. `closed_on`: the day it was closed, for a case closed on paper before it was
    entered (back-dating: officers; never before it was received nor in the future)."""
    require_case(actor, case, policy.MANAGE)
    if case.kind != Kind.REPORT:
        raise ValidationError(_("A question is answered, not closed."))
    if case.status in FINAL_STATUSES:
        raise ValidationError(_("This case is already closed."))
    outcome = choice(outcome, Outcome, "outcome")
    unknown = set(measures) - set(Measure.values)
    if unknown:
        raise ValidationError({"measures": [_("Choose one of the options.")]})
    text = clean_text({"summary": summary}, ("summary",), required="")
    backdated = False
    if closed_on is not None:
        company = case.company
        backdated = check_event_dates(
            actor=actor,
            company_id=case.company_id,
            founded_on=company.founded_on if company else None,
            dates={"closed_on": closed_on},
            labels={"closed_on": _("Closed on"), "received_on": _("Date received")},
            order=[("received_on", "closed_on")],
            recorded={"received_on": case.received_at},
        )
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        old = case.status
        now = timezone.now()
        if backdated:
            assert closed_on is not None
            now = max(case.received_at, timezone.make_aware(dt.datetime.combine(closed_on, dt.time(12))))
        case.status, case.outcome, case.measures, case.closed_at = Status.CLOSED, outcome, sorted(set(measures)), now
        case.closure_sealed = cipher.seal(text.get("summary", ""))
        # The reporter sees the closure on the portal: it acknowledges and gives feedback if
        # nothing did before.
        case.acknowledged_at = case.acknowledged_at or now
        case.feedback_at = case.feedback_at or now
        if not case.anonymous:
            case.watch_until = timezone.localdate(now) + dt.timedelta(days=conf.retaliation_watch_days())
        case.save()
        audit_record(
            actor=actor,
            event_type="speakup.case.closed",
            obj=case,
            changes={
                "status": [old, case.status],
                "outcome": outcome,
                "measures": case.measures,
                **({"closed_at": [None, now]} if backdated else {}),
                **backdated_changes(backdated),
            },
        )
    return case


def case_answer(*, actor: Actor, case: Case, answer: str) -> Case:
    """Answer a question: the answer goes to the reporter and is kept, reusable, on the case."""
    require_case(actor, case, policy.WORK)
    if case.kind != Kind.QUESTION:
        raise ValidationError(_("Only a question can be answered."))
    if case.status in FINAL_STATUSES:
        raise ValidationError(_("This question has already been answered."))
    text = clean_text({"answer": answer}, ("answer",), required="answer")["answer"]
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        message_send(actor=actor, case=case, body=text)
        case.refresh_from_db()
        old = case.status
        case.status, case.closed_at, case.answer_sealed = Status.ANSWERED, timezone.now(), cipher.seal(text)
        case.save()
        audit_record(actor=actor, event_type="speakup.case.answered", obj=case, changes={"status": [old, case.status]})
    return case


def message_send(*, actor: Actor, case: Case, body: str, uploads: Sequence[files.Upload] = ()) -> Message:
    """A message to the reporter, read through the portal (never e-mailed: the reporter may be
    anonymous). The first one counts as feedback, and acknowledges a case not yet acknowledged."""
    require_case(actor, case, policy.WORK)
    if case.status in FINAL_STATUSES:
        raise ValidationError(_("This case is closed; it no longer takes messages."))
    text = clean_text({"body": body}, ("body",), required="body")["body"]
    prepared = files.prepare(list(uploads))
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        message = Message.objects.create(
            case=case,
            direction=Direction.TO_REPORTER,
            author=actor,
            body_sealed=cipher.seal(text),  # type: ignore[misc]
        )
        store_files(case, cipher, prepared, message=message, from_reporter=False)
        changes: dict[str, Any] = {"files": len(prepared)}
        now = timezone.now()
        if case.feedback_at is None:
            case.feedback_at = now
            changes["feedback_at"] = now
        if case.status == Status.RECEIVED:
            case.status, case.acknowledged_at = Status.ACKNOWLEDGED, now
            changes["status"] = [Status.RECEIVED, Status.ACKNOWLEDGED]
        case.save(update_fields=["feedback_at", "status", "acknowledged_at", "updated_at"])
        audit_record(actor=actor, event_type="speakup.message.sent", obj=case, changes=changes)
    return message


def note_add(*, actor: Actor, case: Case, body: str) -> Note:
    require_case(actor, case, policy.WORK)
    text = clean_text({"body": body}, ("body",), required="body")["body"]
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        note = Note.objects.create(case=case, author=actor, body_sealed=cipher.seal(text))  # type: ignore[misc]
        audit_record(actor=actor, event_type="speakup.note.added", obj=case)
    return note


def task_add(*, actor: Actor, case: Case, title: str, due: dt.date, assignee: Any = None) -> Task:
    require_case(actor, case, policy.WORK)
    text = clean_text({"title": title}, ("title",), required="title")["title"]
    if assignee is not None and assignee.pk not in {
        u.pk for u in selectors.eligible_investigators(actor=actor, case=case)
    }:
        raise ValidationError({"assignee": [_("This person cannot work on this case.")]})
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        task = Task.objects.create(case=case, assignee=assignee, title_sealed=cipher.seal(text), due=due)
        audit_record(
            actor=actor,
            event_type="speakup.task.added",
            obj=case,
            changes={"task": str(task.pk), "due": due, "assignee": str(assignee.pk) if assignee else None},
        )
    return task


def task_complete(*, actor: Actor, task: Task) -> Task:
    require_case(actor, task.case, policy.WORK)
    if task.done_at is not None:
        return task
    with transaction.atomic():
        task.done_at = timezone.now()
        task.save(update_fields=["done_at", "updated_at"])
        audit_record(actor=actor, event_type="speakup.task.done", obj=task.case, changes={"task": str(task.pk)})
    return task


def case_assign(*, actor: Actor, case: Case, users: Sequence[Any]) -> Case:
    """Set the case's investigators; only people who may work on it and are not kept out of it."""
    require_case(actor, case, policy.MANAGE)
    eligible = {u.pk for u in selectors.eligible_investigators(actor=actor, case=case)}
    if any(u.pk not in eligible for u in users):
        raise ValidationError({"assignees": [_("This person cannot work on this case.")]})
    with transaction.atomic():
        before = sorted(str(pk) for pk in case.assignees.values_list("pk", flat=True))
        case.assignees.set(users)
        after = sorted(str(u.pk) for u in users)
        if before != after:
            audit_record(
                actor=actor, event_type="speakup.case.assigned", obj=case, changes={"assignees": [before, after]}
            )
    return case


def link_add(
    *,
    actor: Actor,
    case: Case,
    role: str,
    unit: Unit | None = None,
    employee: Employee | None = None,
    user: Any = None,
    counterparty: Any = None,
) -> CaseLink:
    """Link a unit, employee, user or counterparty of the register to the case. A named person who
    works on the case is taken off it at once. A counterparty must be one the actor may see in the
    register (checked through the register's own selectors), not merged into another."""
    require_case(actor, case, policy.MANAGE)
    role = choice(role, LinkRole, "role")
    targets = [t for t in (unit, employee, user, counterparty) if t is not None]
    if len(targets) != 1:
        raise ValidationError(_("Choose one unit, employee, user or counterparty."))
    if (role == LinkRole.UNIT) != (unit is not None):
        raise ValidationError({"role": [_("A unit is linked as the unit concerned; a person as named or witness.")]})
    if (role == LinkRole.COUNTERPARTY) != (counterparty is not None):
        raise ValidationError({"role": [_("A counterparty is linked as the counterparty involved.")]})
    if unit is not None and unit.company_id != case.company_id:
        raise ValidationError({"unit": [_("Choose a unit of the company the case concerns.")]})
    if employee is not None and employee.company_id != case.company_id:
        raise ValidationError({"employee": [_("Choose an employee of the company the case concerns.")]})
    person = getattr(user, "employee", None) if user is not None else None
    if person is not None and person.company_id != case.company_id:
        # A staff account tied to an employee of another company is a person of that company.
        raise ValidationError({"user": [_("Choose a user of the company the case concerns.")]})
    if counterparty is not None:
        if selectors.register_counterparty(actor=actor, counterparty_id=counterparty.pk) is None:
            raise ValidationError({"counterparty": [_("This counterparty is not in the register you can see.")]})
        if case.links.filter(counterparty=counterparty).exists():
            raise ValidationError({"counterparty": [_("This counterparty is already linked to the case.")]})
    with transaction.atomic():
        link = CaseLink.objects.create(
            case=case, role=role, unit=unit, employee=employee, user=user, counterparty=counterparty
        )
        removed: list[str] = []
        if role == LinkRole.NAMED:
            for assignee in list(case.assignees.all()):
                if selectors.kept_out(actor=assignee, case=case):
                    case.assignees.remove(assignee)
                    removed.append(str(assignee.pk))
        # The event names a unit or counterparty, never a person: who is named in a case is read
        # from the case (by those who may open it), not from the audit trail.
        changes: dict[str, Any] = {"role": role, "link": str(link.pk), "unassigned": len(removed)}
        if unit is not None or counterparty is not None:
            target = unit or counterparty
            changes["target"] = f"{target._meta.label_lower}:{target.pk}"
        audit_record(actor=actor, event_type="speakup.link.added", obj=case, changes=changes)
    return link


def link_remove(*, actor: Actor, link: CaseLink) -> None:
    require_case(actor, link.case, policy.MANAGE)
    with transaction.atomic():
        audit_record(actor=actor, event_type="speakup.link.removed", obj=link.case, changes={"link": str(link.pk)})
        link.delete()


def conflict_declare(*, actor: Actor, case: Case) -> None:
    """The actor declares a conflict of interest and steps aside: off the case, which they can no
    longer open."""
    if not selectors.visible_cases(actor=actor).filter(pk=case.pk).exists():
        raise PermissionDenied(policy.VIEW_ALL)
    with transaction.atomic():
        Exclusion.objects.get_or_create(case=case, user=actor)  # type: ignore[misc]
        case.assignees.remove(actor)  # type: ignore[arg-type]
        audit_record(actor=actor, event_type="speakup.conflict.declared", obj=case)


def reward_record(
    *, actor: Actor, case: Case, decided_on: dt.date, amount: Decimal, currency: str, basis: str = ""
) -> Reward:
    """Record a reward decided for the reporter under an informant-incentive regulation."""
    require_case(actor, case, policy.MANAGE)
    if case.anonymous:
        raise ValidationError(_("A reward needs a named reporter."))
    if amount <= 0:
        raise ValidationError({"amount": [_("The amount must be positive.")]})
    if currency not in {"KZT", "UZS", "USD", "EUR", "RUB"}:
        raise ValidationError({"currency": [_("Choose one of the options.")]})
    text = clean_text({"basis": basis}, ("basis",), required="")
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        reward = Reward.objects.create(
            case=case,
            decided_on=decided_on,
            amount=amount,
            currency=currency,
            basis_sealed=cipher.seal(text.get("basis", "")),
            decided_by=actor,  # type: ignore[misc]
        )
        audit_record(
            actor=actor,
            event_type="speakup.reward.recorded",
            obj=case,
            changes={"amount": str(amount), "currency": currency, "decided_on": decided_on},
        )
    return reward
