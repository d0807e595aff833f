"""The audit trail is append-only and its hash chain exposes any edit, deletion or truncation."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import translation

from senim.core import audit_guard
from senim.core.access import SYSTEM
from senim.core.audit import PendingEvent, audit_record, audit_record_many, audit_verify
from senim.core.models import AuditEvent


def _record(n: int) -> None:
    audit_record_many(
        actor=SYSTEM,
        events=[
            PendingEvent("test.event", "test.thing", str(i), f"thing {i}", changes={"n": [None, i]}) for i in range(n)
        ],
    )


def _without_triggers(sql: str, params: list) -> None:
    """Tamper the way someone with raw database access would: drop the guard, then edit."""
    audit_guard.remove(connection)  # inside the test's transaction: rolled back afterwards
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.django_db
def test_events_chain_each_to_the_previous_hash():
    _record(3)
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == "0" * 64
    assert events[1].prev_hash == events[0].hash and events[2].prev_hash == events[1].hash
    assert audit_verify() == (3, None)


@pytest.mark.django_db
def test_record_describes_the_object_and_its_company(group):
    audit_record(actor=SYSTEM, event_type="org.employee.updated", obj=group.in_leaf, changes={"surname": ["A", "B"]})
    event = AuditEvent.objects.get()
    assert event.object_type == "org.employee" and event.object_id == str(group.in_leaf.pk)
    assert event.company_id == group.a.pk and event.actor_label == "system"


@pytest.mark.django_db
def test_the_database_refuses_updates_and_deletes():
    _record(1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.update(event_type="forged")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().event_type == "test.event"


@pytest.mark.django_db
def test_verify_names_the_first_edited_event():
    _record(5)
    _without_triggers("UPDATE core_auditevent SET object_repr = %s WHERE seq = %s", ["forged", 3])
    checked, broken = audit_verify()
    assert (checked, broken.seq, broken.reason) == (2, 3, "content")


@pytest.mark.django_db
def test_verify_detects_a_deleted_event_in_the_middle():
    _record(5)
    _without_triggers("DELETE FROM core_auditevent WHERE seq = %s", [2])
    _checked, broken = audit_verify()
    assert (broken.seq, broken.reason) == (2, "missing")


@pytest.mark.django_db
def test_verify_detects_removal_of_the_newest_events():
    _record(5)
    _without_triggers("DELETE FROM core_auditevent WHERE seq >= %s", [4])
    _checked, broken = audit_verify()
    assert broken.reason == "truncated"


@pytest.mark.django_db
def test_audit_verify_command_exit_status(capsys):
    _record(2)
    call_command("audit", "verify")
    assert "2" in capsys.readouterr().out
    _without_triggers("UPDATE core_auditevent SET changes = %s WHERE seq = %s", ['{"n": [null, 99]}', 1])
    with translation.override("en"), pytest.raises(CommandError, match="#1"):
        call_command("audit", "verify")
