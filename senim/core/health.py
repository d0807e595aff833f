"""What a load balancer asks each host: can this process reach the database, the cache and the
file storage? One small function per dependency, each answering True or raising; `status()` runs
them all and never raises. The view (`/healthz`) is thin: no authentication, no user data."""

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

log = logging.getLogger(__name__)

PROBE_DIR = "healthz"


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        row = cursor.fetchone()
    if not row or row[0] != 1:
        raise RuntimeError("the database answered SELECT 1 wrongly")


def check_cache() -> None:
    """A value written is read back (the cache is where rate limits and one-time tokens live)."""
    key = f"senim:healthz:{uuid.uuid4().hex}"
    token = uuid.uuid4().hex
    cache.set(key, token, timeout=30)
    try:
        if cache.get(key) != token:
            raise RuntimeError("the cache did not return the value just written")
    finally:
        cache.delete(key)


def check_storage() -> None:
    """A small file written to the default storage is read back and deleted (uploads go there)."""
    content = uuid.uuid4().hex.encode()
    name = default_storage.save(f"{PROBE_DIR}/{uuid.uuid4().hex}.probe", ContentFile(content))
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != content:
                raise RuntimeError("the storage did not return the file just written")
    finally:
        default_storage.delete(name)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
}


def status() -> tuple[bool, dict[str, str]]:
    """(all well, {"database": "ok" | "error", …}). Failures are logged here with their cause; the
    answer names none, since anyone may ask."""
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            log.exception("Health check %s failed", name)
            results[name] = "error"
        else:
            results[name] = "ok"
    return all(value == "ok" for value in results.values()), results
