"""Exclusive jobs across processes and hosts: `with exclusive("conflicts.detection") as acquired:`.

A job that must not overlap (two task workers on two hosts picking up two queued runs) holds a named
lock for as long as it runs; a second holder does not wait: `acquired` is False and it skips.

- PostgreSQL: a session advisory lock (`pg_try_advisory_lock` on a 64-bit key derived from the
  name), released in `finally` and by PostgreSQL itself when the connection ends, so a worker that
  dies holds nothing. Session-level rather than `pg_try_advisory_xact_lock`: a long job commits its
  progress as it goes, which a lock bound to one transaction would forbid.
- SQLite: the database is a file on one host, so an exclusive `flock` on a file beside the data
  (SENIM_DATA_DIR/locks/) excludes every process that can reach the database, and the operating
  system releases it when the process dies (a "running" row would outlive a crashed worker).
"""

import fcntl
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections

# Names held by this process: PostgreSQL's advisory locks are re-entrant within one session, so a
# second `exclusive(name)` in the same process (the same connection) is refused here, as it is by
# flock on SQLite and by PostgreSQL for any other connection.
_HELD: set[str] = set()
_HELD_GUARD = threading.Lock()


def lock_key(name: str) -> int:
    """The signed 64-bit advisory-lock key of a lock name."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


@contextmanager
def exclusive(name: str, *, using: str = "default") -> Iterator[bool]:
    """Hold the lock `name` for the block if no one else holds it; yield whether it was acquired."""
    with _HELD_GUARD:
        if name in _HELD:
            held_here = True
        else:
            held_here = False
            _HELD.add(name)
    if held_here:
        yield False
        return
    try:
        connection = connections[using]
        if connection.vendor == "postgresql":
            with _advisory(connection, lock_key(name)) as acquired:
                yield acquired
        else:
            with _file_lock(name) as acquired:
                yield acquired
    finally:
        with _HELD_GUARD:
            _HELD.discard(name)


@contextmanager
def _advisory(connection, key: int) -> Iterator[bool]:  # type: ignore[no-untyped-def]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = bool(cursor.fetchone()[0])
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextmanager
def _file_lock(name: str) -> Iterator[bool]:
    directory = Path(settings.DATA_DIR) / "locks"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (hashlib.sha256(name.encode()).hexdigest()[:32] + ".lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
