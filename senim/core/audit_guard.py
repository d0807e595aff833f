"""The database triggers that make the audit table append-only, per database vendor.

Used by the migration that installs them, and by the test suite, which must lift them for the
moment Django flushes a transactional test database (a flush deletes every row)."""

from typing import Any

INSTALL = {
    "sqlite": [
        """CREATE TRIGGER IF NOT EXISTS core_auditevent_no_update BEFORE UPDATE ON core_auditevent
           BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END""",
        """CREATE TRIGGER IF NOT EXISTS core_auditevent_no_delete BEFORE DELETE ON core_auditevent
           BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END""",
        # INSERT OR REPLACE (and an upsert) would delete the existing row without firing the
        # delete trigger: an insert over an existing sequence number or id is refused first.
        """CREATE TRIGGER IF NOT EXISTS core_auditevent_no_replace BEFORE INSERT ON core_auditevent
           WHEN EXISTS (SELECT 1 FROM core_auditevent WHERE seq = NEW.seq OR id = NEW.id)
           BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END""",
    ],
    "postgresql": [
        """CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION 'audit events are append-only'; END; $$ LANGUAGE plpgsql""",
        "DROP TRIGGER IF EXISTS core_auditevent_no_change ON core_auditevent",
        """CREATE TRIGGER core_auditevent_no_change BEFORE UPDATE OR DELETE ON core_auditevent
           FOR EACH ROW EXECUTE FUNCTION core_auditevent_append_only()""",
        "DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent",
        """CREATE TRIGGER core_auditevent_no_truncate BEFORE TRUNCATE ON core_auditevent
           FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_append_only()""",
        # An upsert's update is refused by the row trigger above; an insert over an existing
        # sequence number is refused here too, whatever the statement's conflict clause.
        """CREATE OR REPLACE FUNCTION core_auditevent_no_replace() RETURNS trigger AS $$
           BEGIN
             IF EXISTS (SELECT 1 FROM core_auditevent WHERE seq = NEW.seq) THEN
               RAISE EXCEPTION 'audit events are append-only';
             END IF;
             RETURN NEW;
           END; $$ LANGUAGE plpgsql""",
        "DROP TRIGGER IF EXISTS core_auditevent_no_replace ON core_auditevent",
        """CREATE TRIGGER core_auditevent_no_replace BEFORE INSERT ON core_auditevent
           FOR EACH ROW EXECUTE FUNCTION core_auditevent_no_replace()""",
    ],
}
REMOVE = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS core_auditevent_no_update",
        "DROP TRIGGER IF EXISTS core_auditevent_no_delete",
        "DROP TRIGGER IF EXISTS core_auditevent_no_replace",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS core_auditevent_no_change ON core_auditevent",
        "DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent",
        "DROP TRIGGER IF EXISTS core_auditevent_no_replace ON core_auditevent",
    ],
}
REMOVE_INSERT_GUARD = {
    "sqlite": ["DROP TRIGGER IF EXISTS core_auditevent_no_replace"],
    "postgresql": ["DROP TRIGGER IF EXISTS core_auditevent_no_replace ON core_auditevent"],
}


def install(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in INSTALL.get(connection.vendor, []):
            cursor.execute(statement)


def remove(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in REMOVE.get(connection.vendor, []):
            cursor.execute(statement)


def remove_insert_guard(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in REMOVE_INSERT_GUARD.get(connection.vendor, []):
            cursor.execute(statement)
