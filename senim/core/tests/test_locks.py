"""core.locks.exclusive: one holder at a time, across connections (PostgreSQL) or processes (SQLite)."""

import multiprocessing

import pytest
from django.db import connection, connections

from senim.core import locks
from senim.core.locks import exclusive

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL advisory locks")


def test_a_second_holder_is_refused_until_the_first_lets_go(db):
    with exclusive("test.job") as first:
        assert first is True
        with exclusive("test.job") as second:
            assert second is False
        with exclusive("test.other-job") as unrelated:
            assert unrelated is True
    with exclusive("test.job") as again:
        assert again is True


def test_the_lock_is_released_when_the_job_raises(db):
    with pytest.raises(RuntimeError), exclusive("test.job"):
        raise RuntimeError("the job failed")
    with exclusive("test.job") as acquired:
        assert acquired is True


def test_lock_keys_are_stable_signed_64_bit_and_distinct():
    key = locks.lock_key("conflicts.detection")
    assert key == locks.lock_key("conflicts.detection")
    assert -(2**63) <= key < 2**63
    assert key != locks.lock_key("conflicts.detection2")


def _try_file_lock(data_dir: str, queue) -> None:  # type: ignore[no-untyped-def]
    from django.conf import settings

    settings.DATA_DIR = data_dir
    with locks._file_lock("test.job") as acquired:
        queue.put(acquired)


def test_sqlite_path_excludes_another_process_and_frees_on_exit(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    with locks._file_lock("test.job") as acquired:
        assert acquired is True
        other = context.Process(target=_try_file_lock, args=(str(tmp_path), queue))
        other.start()
        other.join(60)
        assert queue.get(timeout=10) is False
    other = context.Process(target=_try_file_lock, args=(str(tmp_path), queue))
    other.start()
    other.join(60)
    assert queue.get(timeout=10) is True


@postgres_only
def test_postgres_path_excludes_another_connection(db):
    other = connections.create_connection("default")
    try:
        with exclusive("test.job") as acquired:
            assert acquired is True
            with locks._advisory(other, locks.lock_key("test.job")) as elsewhere:
                assert elsewhere is False
        with locks._advisory(other, locks.lock_key("test.job")) as elsewhere:
            assert elsewhere is True
    finally:
        other.close()
