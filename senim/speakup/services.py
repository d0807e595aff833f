"""Every change to a Speak Up case. Services check the actor's permission over the case (and that
the case is visible to them at all), encrypt what people wrote under the case's data key, and
record an audit event in the same transaction. Audit events name the case by its reference and
carry codes and dates only, never what anyone wrote.

Public submissions and reporter replies have no actor: they are audited as "system" and carry
nothing about the sender.
"""

import datetime as dt
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, require, scope_of
from senim.core.audit import audit_record
from senim.org.models import Company, Employee, Unit
from senim.speakup import conf, files, policy, selectors
from senim.speakup.crypto import RECEIPT_ALPHABET, CaseCipher, receipt_digest, receipt_new, rewrap
from senim.speakup.models import (
    FINAL_STATUSES,
    Attachment,
    Case,
    CaseLink,
    Category,
    Channel,
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

REPORT_FIELDS = ("what", "when", "where", "people", "amounts", "how_known")
QUESTION_FIELDS = ("question",)
REPORTER_FIELDS = ("name", "email", "phone", "other")
MAX_TEXT = 20_000
MAX_SHORT = 2_000

# The workflow; closing and answering have their own services (they need an outcome or answer).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.RECEIVED: (Status.ACKNOWLEDGED,),
    Status.ACKNOWLEDGED: (Status.ASSESSMENT,),
    Status.ASSESSMENT: (Status.INVESTIGATION,),
    Status.INVESTIGATION: (Status.ASSESSMENT,),
}


@dataclass(frozen=True)
class Submission:
    case: Case
    receipt: str | None  # shown to the reporter once; never stored


# ---------------------------------------------------------------------------- validation


def _clean_text(data: Mapping[str, Any], names: Sequence[str], required: str) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    for name in names:
        value = str(data.get(name) or "").replace("\x00", "").strip()
        limit = MAX_TEXT if name in {"what", "question"} else MAX_SHORT
        if len(value) > limit:
            errors[name] = [_("At most %(limit)s characters.") % {"limit": limit}]
        if value:
            cleaned[name] = value
    if required and not cleaned.get(required):
        errors[required] = [_("This field is required.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_reporter(anonymous: bool, reporter: Mapping[str, Any]) -> dict[str, str]:
    if anonymous:
        return {}
    cleaned = _clean_text(reporter, REPORTER_FIELDS, required="name")
    if cleaned.get("email"):
        try:
            validate_email(cleaned["email"])
        except ValidationError:
            raise ValidationError({"email": [_("Enter a valid e-mail address.")]}) from None
    return cleaned


def _choice(value: str, choices: Any, field: str) -> str:
    if value not in choices.values:
        raise ValidationError({field: [_("Choose one of the options.")]})
    return value


def _company_id(value: Any) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise ValidationError({"company": [_("Choose one of the options.")]}) from None


def _reference(now: dt.datetime) -> str:
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(6))
    return f"SU-{now.year}-{code}"


# ---------------------------------------------------------------------------- creation


def case_submit(
    *,
    kind: str,
    category: str,
    content: Mapping[str, Any],
    anonymous: bool,
    reporter: Mapping[str, Any] | None = None,
    company_id: Any = None,
    language: str = "ru",
    uploads: Sequence[files.Upload] = (),
) -> Submission:
    """A report or question from the public portal: stored encrypted, answered with a receipt key.

    Nothing about the sender (address, browser) reaches this function or the database.
    """
    return _case_create(
        actor=None,
        kind=kind,
        channel=Channel.WEB,
        category=category,
        content=content,
        anonymous=anonymous,
        reporter=reporter or {},
        company_id=company_id,
        language=language,
        uploads=uploads,
        received_at=None,
        issue_receipt=True,
    )


def case_register(
    *,
    actor: Actor,
    kind: str,
    channel: str,
    category: str,
    content: Mapping[str, Any],
    anonymous: bool,
    received_on: dt.date,
    reporter: Mapping[str, Any] | None = None,
    company_id: Any = None,
    language: str = "ru",
    uploads: Sequence[files.Upload] = (),
    issue_receipt: bool = True,
) -> Submission:
    """A report taken by the hotline, e-mail, post or in person, registered by an officer."""
    company_id = _company_id(company_id)
    require(actor, policy.MANAGE, **({"company_id": company_id} if company_id else {}))
    if not company_id and not scope_of(actor, policy.MANAGE).everything:
        raise ValidationError({"company": [_("Choose the company the report concerns.")]})
    if channel == Channel.WEB:
        raise ValidationError({"channel": [_("Choose the channel the report came through.")]})
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": [_("The date cannot be in the future.")]})
    received_at = timezone.make_aware(dt.datetime.combine(received_on, dt.time(12)))
    return _case_create(
        actor=actor,
        kind=kind,
        channel=channel,
        category=category,
        content=content,
        anonymous=anonymous,
        reporter=reporter or {},
        company_id=company_id,
        language=language,
        uploads=uploads,
        received_at=min(received_at, timezone.now()),
        issue_receipt=issue_receipt,
    )


def _case_create(
    *,
    actor: Actor | None,
    kind: str,
    channel: str,
    category: str,
    content: Mapping[str, Any],
    anonymous: bool,
    reporter: Mapping[str, Any],
    company_id: Any,
    language: str,
    uploads: Sequence[files.Upload],
    received_at: dt.datetime | None,
    issue_receipt: bool,
) -> Submission:
    kind = _choice(kind, Kind, "kind")
    channel = _choice(channel, Channel, "channel")
    category = _choice(category, Category, "category")
    fields, required = (QUESTION_FIELDS, "question") if kind == Kind.QUESTION else (REPORT_FIELDS, "what")
    text = _clean_text(content, fields, required)
    identity = _clean_reporter(anonymous, reporter)
    company_id = _company_id(company_id)
    if company_id and not Company.objects.filter(pk=company_id).exists():
        raise ValidationError({"company": [_("Choose one of the options.")]})
    if language not in {"en", "ru", "kk", "uz"}:
        language = "ru"
    prepared = files.prepare(list(uploads))  # refused before anything is stored
    now = timezone.now()
    received_at = received_at or now
    day = timezone.localdate(received_at)
    cipher, wrapped = CaseCipher.create()
    receipt = receipt_new() if issue_receipt else None
    case = Case(
        kind=kind,
        channel=channel,
        category=category,
        company_id=company_id or None,
        language=language,
        anonymous=anonymous,
        received_at=received_at,
        acknowledge_due=day + dt.timedelta(days=conf.ack_days()),
        feedback_due=day + dt.timedelta(days=conf.feedback_days()),
        registered_by=actor if actor is not None else None,  # type: ignore[misc]
        receipt_digest=receipt_digest(receipt) if receipt else None,
        wrapped_key=wrapped,
        content_sealed=cipher.seal_json(text),
        reporter_sealed=cipher.seal_json(identity),
    )
    for _attempt in range(5):  # a reference collision is possible, if unlikely: draw again
        case.reference = _reference(now)
        try:
            with transaction.atomic():
                case.save(force_insert=True)
                _store_files(case, cipher, prepared, message=None, from_reporter=actor is None)
                audit_record(
                    actor=actor,
                    event_type="speakup.case.registered" if actor else "speakup.case.submitted",
                    obj=case,
                    changes={
                        "kind": kind,
                        "channel": channel,
                        "category": category,
                        "anonymous": anonymous,
                        "files": len(prepared),
                    },
                )
            break
        except IntegrityError:
            if Case.objects.filter(reference=case.reference).exists():
                continue
            raise
    return Submission(case=case, receipt=receipt)


def _store_files(
    case: Case, cipher: CaseCipher, prepared: list[files.PreparedFile], *, message: Message | None, from_reporter: bool
) -> None:
    for item in prepared:
        Attachment.objects.create(
            case=case,
            message=message,
            from_reporter=from_reporter,
            kind=item.kind,
            size=len(item.data),
            name_sealed=cipher.seal(item.name),
            data_sealed=cipher.seal_bytes(item.data),
            metadata_stripped=item.metadata_stripped,
        )


def case_issue_receipt(*, actor: Actor, case: Case) -> str:
    """A new receipt key for the case (staff intake hands it over); any earlier key stops working."""
    _require_case(actor, case, policy.MANAGE)
    receipt = receipt_new()
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(receipt_digest=receipt_digest(receipt))
        audit_record(actor=actor, event_type="speakup.case.receipt_issued", obj=case)
    return receipt


# ---------------------------------------------------------------------------- reporter side


def reporter_reply(*, case: Case, body: str, uploads: Sequence[files.Upload] = ()) -> Message:
    """The reporter adds information or answers a question through the portal."""
    text = _clean_text({"body": body}, ("body",), required="" if uploads else "body").get("body", "")
    if len(text) > MAX_TEXT:
        raise ValidationError({"body": [_("At most %(limit)s characters.") % {"limit": MAX_TEXT}]})
    if case.status in FINAL_STATUSES:
        raise ValidationError(_("This case is closed; it no longer takes messages."))
    prepared = files.prepare(list(uploads))
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        message = Message.objects.create(
            case=case, direction=Direction.FROM_REPORTER, body_sealed=cipher.seal(text or "")
        )
        _store_files(case, cipher, prepared, message=message, from_reporter=True)
        audit_record(actor=None, event_type="speakup.message.received", obj=case, changes={"files": len(prepared)})
    return message


# ---------------------------------------------------------------------------- officer side


def _require_case(actor: Actor, case: Case, permission: str) -> None:
    """The actor holds `permission` over the case's company and may see the case at all."""
    if not selectors.visible_cases(actor=actor).filter(pk=case.pk).exists():
        raise PermissionDenied(permission)
    scope = scope_of(actor, permission)
    if scope.is_empty or not (scope.everything or (case.company_id and scope.covers(company_id=case.company_id))):
        raise PermissionDenied(permission)


def case_record_view(*, actor: Actor, case: Case) -> None:
    """Log that the actor opened the case (access to each case is in the audit trail)."""
    audit_record(actor=actor, event_type="speakup.case.viewed", obj=case)


def case_record_file_download(*, actor: Actor, case: Case, file_id: Any) -> None:
    audit_record(actor=actor, event_type="speakup.file.downloaded", obj=case, changes={"file": str(file_id)})


def case_set_status(*, actor: Actor, case: Case, status: str) -> Case:
    _require_case(actor, case, policy.MANAGE)
    if status not in TRANSITIONS.get(case.status, ()):
        raise ValidationError({"status": [_("This status cannot follow the current one.")]})
    with transaction.atomic():
        old = case.status
        case.status = status
        if status == Status.ACKNOWLEDGED and case.acknowledged_at is None:
            case.acknowledged_at = timezone.now()
        case.save(update_fields=["status", "acknowledged_at", "updated_at"])
        audit_record(actor=actor, event_type="speakup.case.status_changed", obj=case, changes={"status": [old, status]})
    return case


def case_acknowledge(*, actor: Actor, case: Case, message: str = "") -> Case:
    """Acknowledge receipt; an optional message goes to the reporter with it."""
    if message.strip():
        message_send(actor=actor, case=case, body=message)
        case.refresh_from_db()
    if case.status == Status.RECEIVED:
        case_set_status(actor=actor, case=case, status=Status.ACKNOWLEDGED)
    return case


def case_close(*, actor: Actor, case: Case, outcome: str, measures: Sequence[str], summary: str = "") -> Case:
    """Close a report with its outcome and the measures taken. A named reporter's case enters the
    retaliation watch."""
    _require_case(actor, case, policy.MANAGE)
    if case.kind != Kind.REPORT:
        raise ValidationError(_("A question is answered, not closed."))
    if case.status in FINAL_STATUSES:
        raise ValidationError(_("This case is already closed."))
    outcome = _choice(outcome, Outcome, "outcome")
    unknown = set(measures) - set(Measure.values)
    if unknown:
        raise ValidationError({"measures": [_("Choose one of the options.")]})
    text = _clean_text({"summary": summary}, ("summary",), required="")
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        old = case.status
        now = timezone.now()
        case.status, case.outcome, case.measures, case.closed_at = Status.CLOSED, outcome, sorted(set(measures)), now
        case.closure_sealed = cipher.seal(text.get("summary", ""))
        if not case.anonymous:
            case.watch_until = timezone.localdate(now) + dt.timedelta(days=conf.retaliation_watch_days())
        case.save()
        audit_record(
            actor=actor,
            event_type="speakup.case.closed",
            obj=case,
            changes={"status": [old, case.status], "outcome": outcome, "measures": case.measures},
        )
    return case


def case_answer(*, actor: Actor, case: Case, answer: str) -> Case:
    """Answer a question: the answer goes to the reporter and is kept, reusable, on the case."""
    _require_case(actor, case, policy.WORK)
    if case.kind != Kind.QUESTION:
        raise ValidationError(_("Only a question can be answered."))
    if case.status in FINAL_STATUSES:
        raise ValidationError(_("This question has already been answered."))
    text = _clean_text({"answer": answer}, ("answer",), required="answer")["answer"]
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
    _require_case(actor, case, policy.WORK)
    if case.status in FINAL_STATUSES:
        raise ValidationError(_("This case is closed; it no longer takes messages."))
    text = _clean_text({"body": body}, ("body",), required="body")["body"]
    prepared = files.prepare(list(uploads))
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        message = Message.objects.create(
            case=case,
            direction=Direction.TO_REPORTER,
            author=actor,
            body_sealed=cipher.seal(text),  # type: ignore[misc]
        )
        _store_files(case, cipher, prepared, message=message, from_reporter=False)
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
    _require_case(actor, case, policy.WORK)
    text = _clean_text({"body": body}, ("body",), required="body")["body"]
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        note = Note.objects.create(case=case, author=actor, body_sealed=cipher.seal(text))  # type: ignore[misc]
        audit_record(actor=actor, event_type="speakup.note.added", obj=case)
    return note


def task_add(*, actor: Actor, case: Case, title: str, due: dt.date, assignee: Any = None) -> Task:
    _require_case(actor, case, policy.WORK)
    text = _clean_text({"title": title}, ("title",), required="title")["title"]
    if assignee is not None and assignee.pk not in {u.pk for u in selectors.eligible_investigators(case=case)}:
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
    _require_case(actor, task.case, policy.WORK)
    if task.done_at is not None:
        return task
    with transaction.atomic():
        task.done_at = timezone.now()
        task.save(update_fields=["done_at", "updated_at"])
        audit_record(actor=actor, event_type="speakup.task.done", obj=task.case, changes={"task": str(task.pk)})
    return task


def case_assign(*, actor: Actor, case: Case, users: Sequence[Any]) -> Case:
    """Set the case's investigators; only people who may work on it and are not kept out of it."""
    _require_case(actor, case, policy.MANAGE)
    eligible = {u.pk for u in selectors.eligible_investigators(case=case)}
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
    *, actor: Actor, case: Case, role: str, unit: Unit | None = None, employee: Employee | None = None, user: Any = None
) -> CaseLink:
    """Link a unit, employee or user to the case. A named person who works on the case is taken
    off it at once."""
    _require_case(actor, case, policy.MANAGE)
    role = _choice(role, LinkRole, "role")
    targets = [t for t in (unit, employee, user) if t is not None]
    if len(targets) != 1:
        raise ValidationError(_("Choose one unit, employee or user."))
    if (role == LinkRole.UNIT and unit is None) or (role != LinkRole.UNIT and unit is not None):
        raise ValidationError({"role": [_("A unit is linked as the unit concerned; a person as named or witness.")]})
    if unit is not None and unit.company_id != case.company_id:
        raise ValidationError({"unit": [_("Choose a unit of the company the case concerns.")]})
    with transaction.atomic():
        link = CaseLink.objects.create(case=case, role=role, unit=unit, employee=employee, user=user)
        removed: list[str] = []
        if role == LinkRole.NAMED:
            for assignee in list(case.assignees.all()):
                if selectors.is_named(case=case, user=assignee):
                    case.assignees.remove(assignee)
                    removed.append(str(assignee.pk))
        target = unit or employee or user
        audit_record(
            actor=actor,
            event_type="speakup.link.added",
            obj=case,
            changes={"role": role, "target": f"{target._meta.label_lower}:{target.pk}", "unassigned": removed},
        )
    return link


def link_remove(*, actor: Actor, link: CaseLink) -> None:
    _require_case(actor, link.case, policy.MANAGE)
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
    _require_case(actor, case, policy.MANAGE)
    if case.anonymous:
        raise ValidationError(_("A reward needs a named reporter."))
    if amount <= 0:
        raise ValidationError({"amount": [_("The amount must be positive.")]})
    if currency not in {"KZT", "UZS", "USD", "EUR", "RUB"}:
        raise ValidationError({"currency": [_("Choose one of the options.")]})
    text = _clean_text({"basis": basis}, ("basis",), required="")
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


def rewrap_case_keys() -> int:
    """Rewrap every case's data key under the newest master key; return how many."""
    count = 0
    with transaction.atomic():
        for pk, wrapped in Case.objects.select_for_update().values_list("pk", "wrapped_key").iterator(chunk_size=500):
            Case.objects.filter(pk=pk).update(wrapped_key=rewrap(wrapped))
            count += 1
    return count
