"""The audit trail: record events inside the caller's transaction, and verify the hash chain.

Every service calls `audit_record` (or `audit_record_many` for bulk work) in the same transaction
as its change. The chain head row is locked for the rest of that transaction, so concurrent
writers queue up and the chain never forks.

The chain is keyed: each event's hash is an HMAC-SHA-256 under the audit key, which is kept
outside the database like the master key (SENIM_AUDIT_KEY or SENIM_AUDIT_KEY_FILE). Someone with
the database alone can neither recompute the chain after rewriting an event nor forge an anchor.
Events recorded before keying existed keep their plain SHA-256; the head row says, under a MAC,
from which sequence number on events are keyed, and the first keyed event covers the hash of the
last plain one, so the older part cannot be rewritten either. Several keys may be configured,
newest first: new events use the first, verification accepts any (rotation, see DEPLOYMENT.md).

Anchors (`audit_anchor`, `senim audit anchor`) copy the signed head out of the database (a file,
syslog, e-mail); `audit_verify_anchors` checks that each still matches the chain, which catches a
rewrite by someone who also holds the key, or the removal of the whole chain.
"""

import datetime as dt
import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
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


# ---------------------------------------------------------------------------- the audit key


def _audit_key_strings() -> tuple[str, ...]:
    if settings.SENIM_AUDIT_KEY:
        return tuple(k.strip() for k in settings.SENIM_AUDIT_KEY.split(",") if k.strip())
    return _key_file(str(settings.SENIM_AUDIT_KEY_FILE))


@cache
def _key_file(name: str) -> tuple[str, ...]:
    path = Path(name)
    if not path.exists():
        if getattr(settings, "PRODUCTION", False):
            raise ImproperlyConfigured("Set SENIM_AUDIT_KEY or create SENIM_AUDIT_KEY_FILE in production.")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32) + "\n")
        path.chmod(0o600)
    return tuple(k.strip() for k in path.read_text().replace("\n", ",").split(",") if k.strip())


def audit_keys() -> tuple[bytes, ...]:
    """The configured audit keys, newest (the one that signs) first."""
    keys = tuple(k.encode() for k in _audit_key_strings())
    if not keys:
        raise ImproperlyConfigured("The audit key is empty.")
    return keys


def _mac(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def _any_key_matches(text: str, mac: str) -> bool:
    return any(hmac.compare_digest(_mac(key, text), mac) for key in audit_keys())


def _marker_text(seq: int) -> str:
    return f"senim-audit-keyed-from:{seq}"


def mark_keyed(head: AuditChainHead) -> None:
    """Record (signed) that events after the head's current one are keyed (used by the upgrade
    migration for an existing chain, and for a new chain at its first event)."""
    head.keyed_from_seq = head.seq + 1
    head.keyed_mac = _mac(audit_keys()[0], _marker_text(head.keyed_from_seq))


def _hash_values(values: tuple[Any, ...], key: bytes | None = None) -> str:
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
    if key is None:  # an event recorded before the chain was keyed
        return hashlib.sha256(text.encode()).hexdigest()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def event_hash(event: AuditEvent, key: bytes | None = None) -> str:
    """The HMAC (or, unkeyed, the SHA-256) of an event's content and the previous event's hash."""
    return _hash_values(tuple(getattr(event, name) for name in EVENT_FIELDS), key)


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
        if head.keyed_from_seq is None and head.seq == 0:
            mark_keyed(head)  # a new chain is keyed from its first event
        key = audit_keys()[0]
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
            digest = _hash_values(values, key)
            head.seq, head.hash = values[0], digest
            rows.append((*values, digest))
        bulk_insert_values(AuditEvent, (*EVENT_FIELDS, "hash"), rows)
        head.save(update_fields=["seq", "hash", "keyed_from_seq", "keyed_mac"])
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
    head = AuditChainHead.objects.filter(pk=1).first()
    keyed_from: int | None = None
    if head is not None and head.keyed_from_seq is not None:
        if not _any_key_matches(_marker_text(head.keyed_from_seq), head.keyed_mac):
            return 0, ChainBreak(head.keyed_from_seq, "marker")
        keyed_from = head.keyed_from_seq
    keys = list(audit_keys())
    expected_prev, expected_seq, checked = GENESIS_HASH, 1, 0
    for event in iter_events():
        if event.seq != expected_seq:
            return checked, ChainBreak(expected_seq, "missing")
        if event.prev_hash != expected_prev:
            return checked, ChainBreak(event.seq, "previous_hash")
        if keyed_from is None or event.seq < keyed_from:
            if keyed_from is None:  # events, but no (valid) marker saying where keying began
                return checked, ChainBreak(event.seq, "marker")
            intact = hmac.compare_digest(event_hash(event), event.hash)
        else:
            intact = False
            for index, key in enumerate(keys):
                if hmac.compare_digest(event_hash(event, key), event.hash):
                    intact = True
                    if index:  # the key that matched is tried first for the next event
                        keys.insert(0, keys.pop(index))
                    break
        if not intact:
            return checked, ChainBreak(event.seq, "content")
        expected_prev, expected_seq = event.hash, event.seq + 1
        checked += 1
        if progress is not None:
            progress(1)
    if head is not None and (head.seq != checked or head.hash != expected_prev):
        return checked, ChainBreak(checked + 1, "truncated")
    return checked, None


# ---------------------------------------------------------------------------- anchors


def _anchor_text(seq: int, digest: str, at: str) -> str:
    return f"senim-audit-anchor:{seq}:{digest}:{at}"


def audit_anchor() -> dict[str, Any]:
    """The chain's head, signed under the audit key, to be kept outside the database."""
    head = AuditChainHead.objects.filter(pk=1).first()
    seq, digest = (head.seq, head.hash) if head is not None else (0, GENESIS_HASH)
    at = timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds")
    return {"seq": seq, "hash": digest, "at": at, "mac": _mac(audit_keys()[0], _anchor_text(seq, digest, at))}


def anchor_line(anchor: Mapping[str, Any]) -> str:
    return "senim-audit-anchor " + json.dumps(dict(anchor), sort_keys=True, separators=(",", ":"))


def parse_anchors(text: str) -> list[dict[str, Any]]:
    """Anchors found in a text (an anchor file, a syslog extract, a saved e-mail): each line
    holding `senim-audit-anchor {…}`."""
    anchors = []
    for line in text.splitlines():
        if "senim-audit-anchor {" not in line:
            continue
        try:
            value = json.loads(line.split("senim-audit-anchor ", 1)[1].strip())
        except ValueError:
            value = {}
        anchors.append(value if isinstance(value, dict) else {})
    return anchors


@dataclass(frozen=True)
class AnchorProblem:
    anchor: Mapping[str, Any]
    reason: str  # "signature" (not signed under a configured key), "missing", "mismatch"


def audit_verify_anchors(anchors: Iterable[Mapping[str, Any]]) -> list[AnchorProblem]:
    """Each anchor must be signed under a configured key, and the event it names must still be
    in the chain with the hash it had then."""
    problems: list[AnchorProblem] = []
    for anchor in anchors:
        try:
            seq, digest, at, mac = int(anchor["seq"]), str(anchor["hash"]), str(anchor["at"]), str(anchor["mac"])
        except (KeyError, TypeError, ValueError):
            problems.append(AnchorProblem(anchor, "signature"))
            continue
        if not _any_key_matches(_anchor_text(seq, digest, at), mac):
            problems.append(AnchorProblem(anchor, "signature"))
            continue
        if seq == 0:
            continue
        stored = AuditEvent.objects.filter(seq=seq).values_list("hash", flat=True).first()
        if stored is None:
            problems.append(AnchorProblem(anchor, "missing"))
        elif not hmac.compare_digest(stored, digest):
            problems.append(AnchorProblem(anchor, "mismatch"))
    return problems
