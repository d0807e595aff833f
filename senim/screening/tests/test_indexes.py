"""The screening index shared by hosts: built once by a task, kept in the shared storage, mapped by
every process; a web process never builds one inside a request."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from senim.core.access import SYSTEM
from senim.screening import indexes, services
from senim.screening.engine import Query
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def web_process(monkeypatch):
    monkeypatch.setattr(indexes, "WEB_PROCESS", True)
    monkeypatch.setattr(indexes, "_cache", type(indexes._cache)())


def _version(tmp_path):
    watchlist = WatchlistFactory(name="Sanctions")
    return import_entities(watchlist, [ftm("e1", "Ivan Petrov"), ftm("e2", "Alfa Mining LLP", "Company")], tmp_path)


def _found(version) -> list[str]:
    return [hit.record_id for hit in indexes.index_for(version.pk).search(Query(names=["Ivan Petrov"]))]


@pytest.mark.django_db(transaction=True)
def test_a_second_host_maps_the_index_the_first_wrote_to_the_object_store(s3_storage, settings, tmp_path, web_process):
    """The import (a task on host 1) writes the index to the object store; host 2, with its own data
    directory, fetches it once into a local file, maps it, and finds the same entries."""
    settings.DATA_DIR = tmp_path / "host1"
    version = _version(tmp_path)
    stored = s3_storage.list_objects_v2(Bucket="senim-test", Prefix=indexes.STORAGE_AREA)["Contents"]
    assert [item["Key"] for item in stored] == [indexes.storage_name(version.pk)]

    settings.DATA_DIR = tmp_path / "host2"
    indexes._cache.clear()
    assert _found(version) == ["e1"]
    local = indexes.index_path(version.pk)
    assert local.parent == tmp_path / "host2" / "screening" and local.is_file()
    assert not list(local.parent.glob("*.part"))  # fetched aside, then renamed into place
    assert indexes.index_for(version.pk)._mapping is not None  # mapped, not unpickled


@pytest.mark.django_db(transaction=True)
def test_a_web_process_missing_the_index_queues_one_build_and_answers_being_built(settings, tmp_path, web_process):
    version = _version(tmp_path)
    indexes.index_discard(version.pk)
    settings.TASKS = DATABASE_TASKS

    for _attempt in range(2):
        with pytest.raises(indexes.IndexNotReady):
            services.search(actor=SYSTEM, query=Query(names=["Ivan Petrov"]))
    assert DBTaskResult.objects.filter(task_path__endswith="build_index").count() == 1

    call_command("worker", "--batch")
    assert [
        result.entity.entity_id for result in services.search(actor=SYSTEM, query=Query(names=["Ivan Petrov"]))
    ] == ["e1"]


@pytest.mark.django_db(transaction=True)
def test_a_new_version_swaps_the_index_searched_and_the_old_one_stays_intact(tmp_path, web_process):
    """A host learns of a new list version from the database (a new version, a new file); the file
    of a version never changes once written."""
    watchlist = WatchlistFactory(name="Sanctions")
    first = import_entities(watchlist, [ftm("e1", "Ivan Petrov")], tmp_path)
    old_bytes = indexes.index_path(first.pk).read_bytes()
    second = import_entities(watchlist, [ftm("e1", "Ivan Petrov"), ftm("e2", "Ivan Petrovich Sidorov")], tmp_path)
    watchlist.refresh_from_db()
    assert watchlist.current_version_id == second.pk
    hits = services.search(actor=SYSTEM, query=Query(names=["Ivan Petrov"]))
    assert {h.entity.version_id for h in hits} == {second.pk}
    assert indexes.index_path(first.pk).read_bytes() == old_bytes
