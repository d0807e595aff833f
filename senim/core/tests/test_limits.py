"""Security state (core.limits): counted atomically, never evicted before it expires, in the
database on one host and in Redis (production, several hosts)."""

import datetime as dt
import threading
import uuid

import pytest
from django.core.cache import caches
from django.core.checks import run_checks
from django.utils import timezone

from senim.core import limits
from senim.core.models import SecurityCounter

pytestmark = pytest.mark.django_db


def test_a_counter_counts_in_its_window_and_starts_again_after_it():
    assert [limits.hit("login:a", 3600) for _ in range(3)] == [1, 2, 3]
    assert limits.count("login:a") == 3 and limits.count("login:b") == 0
    SecurityCounter.objects.filter(key="login:a").update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert limits.count("login:a") == 0
    assert limits.hit("login:a", 3600) == 1


def test_a_one_time_token_is_accepted_once_until_it_expires():
    assert limits.once("nonce:x", 60) is True
    assert limits.once("nonce:x", 60) is False
    SecurityCounter.objects.filter(key="nonce:x").update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert limits.once("nonce:x", 60) is True


def test_a_lock_out_is_set_read_and_lifted():
    assert not limits.marked("locked:u")
    limits.mark("locked:u", 600)
    assert limits.marked("locked:u")
    limits.reset("locked:u")
    assert not limits.marked("locked:u")


def test_nothing_live_is_evicted_by_a_flood_of_other_keys():
    """The file cache used before held 300 entries and dropped some at random past that."""
    limits.mark("locked:victim", 600)
    assert limits.once("nonce:used", 600)
    for number in range(1500):
        limits.hit(f"flood:{number}", 600)
    assert limits.marked("locked:victim")
    assert limits.once("nonce:used", 600) is False
    assert SecurityCounter.objects.count() == 1502


def test_expired_entries_are_cleared_when_new_ones_come():
    limits.hit("old", 60)
    SecurityCounter.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    limits.hit("new", 60)
    assert list(SecurityCounter.objects.values_list("key", flat=True)) == ["new"]


@pytest.fixture
def redis_store(settings):
    """The production arrangement: the shared Redis at 127.0.0.1:6379 (started by CI), under a
    prefix of this test's own."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": f"senim-test-{uuid.uuid4().hex}",
        }
    }
    settings.SENIM_SECURITY_IN_CACHE = True
    yield caches["default"]
    caches["default"].clear()


def test_with_redis_the_same_rules_hold_and_nothing_is_written_to_the_database(redis_store):
    assert [limits.hit("login:a", 3600) for _ in range(3)] == [1, 2, 3]
    assert limits.count("login:a") == 3
    assert limits.once("nonce:x", 60) and not limits.once("nonce:x", 60)
    limits.mark("locked:u", 600)
    assert limits.marked("locked:u")
    limits.reset("locked:u")
    assert not limits.marked("locked:u")
    assert not SecurityCounter.objects.exists()


def test_with_redis_racing_processes_count_every_event_and_share_one_token(redis_store):
    """Threads stand for the workers of several hosts: each has its own Redis connection."""
    won: list[bool] = []

    def work() -> None:
        for _ in range(10):
            limits.hit("login:shared", 3600)
        won.append(limits.once("nonce:shared", 60))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert limits.count("login:shared") == 80
    assert sorted(won) == [False] * 7 + [True]


def _errors(settings, **overrides):
    for name, value in overrides.items():
        setattr(settings, name, value)
    return [m.id for m in run_checks(tags=["security"]) if m.id == "senim.E004"]


def test_production_refuses_to_start_without_redis(settings):
    assert _errors(settings, PRODUCTION=True, SENIM_SECURITY_IN_CACHE=False) == ["senim.E004"]
    assert _errors(settings, PRODUCTION=True, SENIM_SECURITY_IN_CACHE=True) == []
    assert _errors(settings, PRODUCTION=False, SENIM_SECURITY_IN_CACHE=False) == []
