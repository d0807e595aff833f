"""Threat: someone with the database file rewrites an audit event and recomputes the chain after
it, or replaces a row (SQLite's INSERT OR REPLACE, an upsert), and `senim audit verify` calls the
chain intact. The chain is keyed (HMAC under a key outside the database), the keyed-from marker is
signed, anchors outside the database are checked, and REPLACE/UPSERT are refused."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from senim.core import audit_guard
from senim.core.audit import (
    EVENT_FIELDS,
    GENESIS_HASH,
    PendingEvent,
    _hash_values,
    audit_keys,
    audit_record_many,
    audit_verify,
    mark_keyed,
)
from senim.core.models import AuditChainHead, AuditEvent

pytestmark = pytest.mark.django_db


def _record(n: int) -> None:
    audit_record_many(
        actor=None,
        events=[
            PendingEvent("test.event", "test.thing", str(i), f"thing {i}", changes={"n": [None, i]}) for i in range(n)
        ],
    )


def _rewrite_and_recompute(key: bytes | None, *, seq: int = 2, forged: str = "forged") -> None:
    """What an attacker with the database (and maybe a key) does: edit one event, then recompute
    every hash after it so that each event follows the one before."""
    audit_guard.remove(connection)
    prev = GENESIS_HASH
    with connection.cursor() as cursor:
        for event in AuditEvent.objects.order_by("seq"):
            if event.seq == seq:
                event.object_repr = forged
            event.prev_hash = prev
            digest = _hash_values(tuple(getattr(event, name) for name in EVENT_FIELDS), key)
            cursor.execute(
                "UPDATE core_auditevent SET object_repr = %s, prev_hash = %s, hash = %s WHERE seq = %s",
                [event.object_repr, prev, digest, event.seq],
            )
            prev = digest
        cursor.execute("UPDATE core_auditchainhead SET hash = %s", [prev])


def test_an_unkeyed_recomputation_is_noticed():
    _record(4)
    _rewrite_and_recompute(None)
    _checked, broken = audit_verify()
    assert broken is not None and broken.seq == 1 and broken.reason == "content"


def test_a_recomputation_under_another_key_is_noticed():
    _record(4)
    _rewrite_and_recompute(b"a key the attacker made up")
    _checked, broken = audit_verify()
    assert broken is not None and broken.reason == "content"


def test_moving_the_keyed_marker_is_noticed():
    _record(4)
    _rewrite_and_recompute(None)
    with connection.cursor() as cursor:  # pass every event off as recorded before keying
        cursor.execute("UPDATE core_auditchainhead SET keyed_from_seq = %s", [1000])
    _checked, broken = audit_verify()
    assert broken is not None and broken.reason == "marker"
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditchainhead SET keyed_from_seq = NULL, keyed_mac = ''")
    _checked, broken = audit_verify()
    assert broken is not None and broken.reason == "marker"


def test_an_intact_chain_verifies_and_its_hashes_are_keyed():
    _record(3)
    assert audit_verify() == (3, None)
    assert AuditChainHead.objects.get().keyed_from_seq == 1
    first = AuditEvent.objects.get(seq=1)
    content = tuple(getattr(first, n) for n in EVENT_FIELDS)
    assert first.hash == _hash_values(content, audit_keys()[0]) != _hash_values(content, None)


def test_an_upgraded_chain_keeps_its_unkeyed_prefix_protected():
    """A chain recorded before keying (plain SHA-256), marked by the upgrade migration, then
    continued keyed: it verifies, and rewriting the old part is noticed at the first keyed event."""
    _record(3)
    _rewrite_and_recompute(None, seq=0)  # as the events were before the upgrade: unkeyed
    head = AuditChainHead.objects.get()
    head.keyed_from_seq, head.keyed_mac = None, ""
    mark_keyed(head)  # what migration core.0003 does
    head.save()
    audit_guard.install(connection)
    _record(2)
    assert audit_verify() == (5, None)
    _rewrite_and_recompute(None, seq=2)
    _checked, broken = audit_verify()
    assert broken is not None and broken.seq == 4


def test_key_rotation_keeps_old_events_verifiable(settings):
    settings.SENIM_AUDIT_KEY = "old-key-0123456789"
    _record(2)
    settings.SENIM_AUDIT_KEY = "new-key-9876543210,old-key-0123456789"
    _record(2)
    assert audit_verify() == (4, None)
    settings.SENIM_AUDIT_KEY = "new-key-9876543210"  # the old key dropped: its events no longer verify
    assert audit_verify()[1] is not None


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own conflict clause")
def test_insert_or_replace_is_refused_on_sqlite():
    _record(2)
    event = AuditEvent.objects.get(seq=1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT OR REPLACE INTO core_auditevent (seq, occurred_at, actor_label, event_type, object_type, "
            "object_id, object_repr, changes, prev_hash, hash) VALUES (%s, %s, '', 'forged', '', '', '', '{}', %s, %s)",
            [1, event.occurred_at, event.prev_hash, event.hash],
        )
    assert AuditEvent.objects.get(seq=1).event_type == "test.event"


def test_an_upsert_is_refused():
    _record(2)
    event = AuditEvent.objects.get(seq=1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_auditevent (seq, occurred_at, actor_label, event_type, object_type, object_id, "
            "object_repr, changes, prev_hash, hash) VALUES (%s, %s, '', 'forged', '', '', '', '{}', %s, %s) "
            "ON CONFLICT (seq) DO UPDATE SET event_type = 'forged'",
            [1, event.occurred_at, event.prev_hash, event.hash],
        )
    assert AuditEvent.objects.get(seq=1).event_type == "test.event"


def test_anchors_catch_a_rewrite_by_someone_holding_the_key(tmp_path, capsys):
    anchors = tmp_path / "anchors.log"
    _record(3)
    call_command("audit", "anchor", "--file", str(anchors))
    _record(1)
    call_command("audit", "anchor", "--file", str(anchors))
    call_command("audit", "verify", "--file", str(anchors))
    assert "2 anchors" in capsys.readouterr().out
    _rewrite_and_recompute(audit_keys()[0])  # the chain alone now looks intact
    assert audit_verify() == (4, None)
    with pytest.raises(CommandError, match="#3"):
        call_command("audit", "verify", "--file", str(anchors))


def test_a_forged_anchor_is_refused(tmp_path):
    _record(2)
    anchors = tmp_path / "anchors.log"
    event = AuditEvent.objects.get(seq=2)
    anchors.write_text(
        f'senim-audit-anchor {{"at":"2026-01-01T00:00:00+00:00","hash":"{event.hash}","mac":"{"0" * 64}","seq":2}}\n'
    )
    with pytest.raises(CommandError, match="not signed"):
        call_command("audit", "verify", "--file", str(anchors))
