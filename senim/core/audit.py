"""The audit trail: record events inside the caller's transaction, and verify the hash chain.

Every service calls `audit_record` (or `audit_record_many` for bulk work) in the same transaction
as its change. The chain head row is locked for the rest of that transaction, so concurrent
writers queue up and the chain never forks.
"""

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from senim.core.bulk import bulk_insert_values
from senim.core.models import AuditChainHead, AuditEvent

GENESIS_HASH = "0" * 64
SYSTEM_ACTOR_LABEL = "system"


@dataclass
class PendingEvent:
    """An event to record; `audit_record_many` chains a batch of them in one go."""

    event_type: str
    object_type: str = ""
    object_id: str = ""
    object_repr: str = ""
    company_id: Any = None
    changes: dict[str, Any] = field(default_factory=dict)


def _jsonable(value: Any) -> Any:
    """Normalise a value to what a JSON column gives back, so the hash is stable after a read."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, (dt.date, uuid.UUID)):  # the common non-JSON values, without a round trip
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return json.loads(json.dumps(value, default=_default, ensure_ascii=False))


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value.pk)
    return str(value)


# The columns of an event, in the order its hash covers them.
EVENT_FIELDS = (
    "seq",
    "occurred_at",
    "actor_id",
    "actor_label",
    "event_type",
    "object_type",
    "object_id",
    "object_repr",
    "company_id",
    "changes",
    "prev_hash",
)


def _hash_values(values: tuple[Any, ...]) -> str:
    (
        seq,
        occurred_at,
        actor_id,
        actor_label,
        event_type,
        object_type,
        object_id,
        object_repr,
        company_id,
        changes,
        prev,
    ) = values
    payload = [
        seq,
        occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        str(actor_id) if actor_id else "",
        actor_label,
        event_type,
        object_type,
        object_id,
        object_repr,
        str(company_id) if company_id else "",
        changes,
        prev,
    ]
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def event_hash(event: AuditEvent) -> str:
    """The SHA-256 of an event's content and the previous event's hash."""
    return _hash_values(tuple(getattr(event, name) for name in EVENT_FIELDS))


def describe(obj: models.Model) -> tuple[str, str, str]:
    """Return (object_type, object_id, repr) for a model instance."""
    return obj._meta.label_lower, str(obj.pk), str(obj)[:300]


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields` (foreign keys by id), for diffing before and after a change."""
    values: dict[str, Any] = {}
    for name in fields:
        model_field = obj._meta.get_field(name)
        attname = getattr(model_field, "attname", name)
        values[name] = _jsonable(getattr(obj, attname))
    return values


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Changed keys as {name: [old, new]}; unchanged keys are left out."""
    changed = {}
    for key in sorted(set(before) | set(after)):
        old, new = _jsonable(before.get(key)), _jsonable(after.get(key))
        if old != new:
            changed[key] = [old, new]
    return changed


# Listeners of the audit trail: every write of every app records its events here, bulk imports
# included (core.bulk writes bypass model signals), so this is the one seam through which a higher
# layer learns that data it depends on changed, without the lower layer importing it. A listener is
# called inside the writer's transaction with the set of event types of the batch; it must be cheap
# and defer any work with transaction.on_commit (an aborted write then triggers nothing).
AuditListener = Callable[[frozenset[str]], None]
_listeners: list[AuditListener] = []


def audit_subscribe(listener: AuditListener) -> None:
    """Call `listener` with the event types of every recorded batch (from an AppConfig.ready())."""
    if listener not in _listeners:
        _listeners.append(listener)


def _actor_fields(actor: Any) -> tuple[Any, str]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None, SYSTEM_ACTOR_LABEL
    return actor.pk, actor.get_username()


def audit_record_many(*, actor: Any, events: Iterable[PendingEvent]) -> int:
    """Chain and insert a batch of events in the caller's transaction; return how many."""
    actor_id, actor_label = _actor_fields(actor)
    now = timezone.now()
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        rows: list[tuple[Any, ...]] = []
        event_types: set[str] = set()
        for pending in events:
            event_types.add(pending.event_type)
            values = (
                head.seq + 1,
                now,
                actor_id,
                actor_label,
                pending.event_type,
                pending.object_type,
                pending.object_id,
                pending.object_repr[:300],
                pending.company_id,
                _jsonable(pending.changes),
                head.hash,
            )
            digest = _hash_values(values)
            head.seq, head.hash = values[0], digest
            rows.append((*values, digest))
        bulk_insert_values(AuditEvent, (*EVENT_FIELDS, "hash"), rows)
        head.save(update_fields=["seq", "hash"])
        if event_types:
            for listener in _listeners:
                listener(frozenset(event_types))
    return len(rows)


def audit_record(
    *,
    actor: Any,
    event_type: str,
    obj: models.Model | None = None,
    changes: Mapping[str, Any] | None = None,
    company_id: Any = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> None:
    """Record one event about `obj` (or the given object fields) with its changes."""
    if obj is not None:
        object_type, object_id, object_repr = describe(obj)
        if company_id is None:
            company_id = getattr(obj, "company_id", None)
    audit_record_many(
        actor=actor,
        events=[
            PendingEvent(
                event_type=event_type,
                object_type=object_type,
                object_id=object_id,
                object_repr=object_repr,
                company_id=company_id,
                changes=dict(changes or {}),
            )
        ],
    )


@dataclass(frozen=True)
class ChainBreak:
    """The first event at which the chain stops being consistent, and why."""

    seq: int
    reason: str


def iter_events(batch: int = 2000) -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("seq").iterator(chunk_size=batch)


def audit_verify(progress: Any = None) -> tuple[int, ChainBreak | None]:
    """Walk the whole chain; return (events checked, first break or None)."""
    expected_prev, expected_seq, checked = GENESIS_HASH, 1, 0
    for event in iter_events():
        if event.seq != expected_seq:
            return checked, ChainBreak(expected_seq, "missing")
        if event.prev_hash != expected_prev:
            return checked, ChainBreak(event.seq, "previous_hash")
        if event_hash(event) != event.hash:
            return checked, ChainBreak(event.seq, "content")
        expected_prev, expected_seq = event.hash, event.seq + 1
        checked += 1
        if progress is not None:
            progress(1)
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != checked or head.hash != expected_prev):
        return checked, ChainBreak(checked + 1, "truncated")
    return checked, None
