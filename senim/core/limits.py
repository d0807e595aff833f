"""Security state shared by every process: rate-limit counters, lock-outs and one-time tokens.

With Redis (`REDIS_URL`, which production requires: system check `senim.E004`) they live in the
shared cache, where `add` is SET NX and `incr` is INCRBY, atomic across hosts. Without Redis (one
host, development, tests) they live in a table of the database (`core.SecurityCounter`), kept until
they expire and never evicted before, changed atomically (`UPDATE … SET value = value + 1` under the
row's lock; `INSERT` on the primary key for a first use). The file cache used before held at most
300 entries evicted at random, and its `add` was not atomic: a flood of other keys could wipe a
lock-out or let a one-time token be used twice.

Keys name a purpose and a hash (core.clients.client_key), never an address or a name.
"""

import datetime as dt

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from senim.core.models import SecurityCounter


def _shared() -> BaseCache | None:
    """The Redis cache when there is one, else None (the database table)."""
    return caches["default"] if getattr(settings, "SENIM_SECURITY_IN_CACHE", False) else None


def hit(key: str, window: int) -> int:
    """Count one event under `key` in a window of `window` seconds that starts with the first
    event; return the count so far (1 for the first)."""
    cache = _shared()
    if cache is not None:
        if cache.add(key, 1, window):
            return 1
        try:
            return int(cache.incr(key))
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)
            return 1
    now = timezone.now()
    with transaction.atomic():
        if SecurityCounter.objects.filter(key=key, expires_at__gt=now).update(value=F("value") + 1):
            return int(SecurityCounter.objects.values_list("value", flat=True).get(key=key))
    if _insert(key, 1, now, window):
        return 1
    with transaction.atomic():  # someone else counted the first event meanwhile
        SecurityCounter.objects.filter(key=key).update(value=F("value") + 1)
        return int(SecurityCounter.objects.values_list("value", flat=True).get(key=key))


def count(key: str) -> int:
    """The events counted under `key` in its current window (0 when none or expired)."""
    cache = _shared()
    if cache is not None:
        return int(cache.get(key) or 0)
    value = SecurityCounter.objects.filter(key=key, expires_at__gt=timezone.now()).values_list("value", flat=True)
    return int(next(iter(value), 0))


def once(key: str, ttl: int) -> bool:
    """True the first time `key` is used within `ttl` seconds, False every later time (a one-time
    token): two processes racing with the same key get one True between them."""
    cache = _shared()
    if cache is not None:
        return bool(cache.add(key, 1, ttl))
    return _insert(key, 1, timezone.now(), ttl)


def mark(key: str, ttl: int) -> None:
    """Set a flag (a lock-out) for `ttl` seconds."""
    cache = _shared()
    if cache is not None:
        cache.set(key, 1, ttl)
        return
    expires = timezone.now() + dt.timedelta(seconds=ttl)
    SecurityCounter.objects.update_or_create(key=key, defaults={"value": 1, "expires_at": expires})


def marked(key: str) -> bool:
    return count(key) > 0


def reset(key: str) -> None:
    cache = _shared()
    if cache is not None:
        cache.delete(key)
        return
    SecurityCounter.objects.filter(key=key).delete()


def _insert(key: str, value: int, now: dt.datetime, seconds: int) -> bool:
    """Insert the first entry for `key` (replacing an expired one); False if one is live."""
    SecurityCounter.objects.filter(expires_at__lte=now).delete()
    try:
        with transaction.atomic():
            SecurityCounter.objects.create(key=key, value=value, expires_at=now + dt.timedelta(seconds=seconds))
    except IntegrityError:
        return False
    return True
