"""The matching engine's index per list version, shared by every process and every host.

- Built once per list version by a task (the list import, or `build_index` when a host finds
  none), in the mapped format (engine/index/mapped.py), and written to the storage every host
  shares (`screening/indexes/<version>.v<format>.idx`: the local disk on one host, the object store
  on several).
- A host maps it from a local file under SENIM_DATA_DIR/screening/: the stored file itself when
  the storage is the local disk, else a copy fetched once per host (downloaded aside, then
  renamed into place, so a process never maps a half-written file). The operating system keeps
  one copy in memory for all the processes of a host; each process holds at most CACHE_SIZE
  versions mapped, and a host keeps at most LOCAL_FILES copies on disk.
- A host learns that a list changed from the database: a new version is a new id, hence a new
  file; a version's file never changes once written. Making a version current swaps which index
  a search maps; the old one is unmapped when its last search ends.
- A web process (senim.wsgi) never builds inside a request: it queues the build task and
  answers "being built" (IndexNotReady, a ValidationError views and the API already show).
  Workers, commands and tests build what they miss, one at a time per version (core.locks).
"""

import logging
import os
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.tasks import task
from django.utils.translation import gettext as _

from senim.core.locks import exclusive
from senim.screening.engine import Index, Record
from senim.screening.engine.index import FORMAT_VERSION
from senim.screening.models import WatchlistEntity

logger = logging.getLogger(__name__)

CACHE_SIZE = 4  # versions mapped per process
LOCAL_FILES = 8  # fetched copies kept per host
STORAGE_AREA = "screening/indexes"
# Set by senim.wsgi: this process answers web requests and must never build an index itself.
WEB_PROCESS = False

_cache: OrderedDict[uuid.UUID, Index] = OrderedDict()
_lock = threading.Lock()


class IndexNotReady(ValidationError):
    """The list version's index is not on this host yet; its build task is queued."""


def index_dir() -> Path:
    path = Path(settings.DATA_DIR) / "screening"
    path.mkdir(parents=True, exist_ok=True)
    return path


def storage_name(version_id: uuid.UUID) -> str:
    return f"{STORAGE_AREA}/{version_id}.v{FORMAT_VERSION}.idx"


def index_path(version_id: uuid.UUID) -> Path:
    """Where this host maps the version's index from."""
    try:
        return Path(default_storage.path(storage_name(version_id)))
    except NotImplementedError:  # an object store: a local copy
        return index_dir() / f"{version_id}.v{FORMAT_VERSION}.idx"


def _records(version_id: uuid.UUID) -> Iterator[Record]:
    rows = (
        WatchlistEntity.objects.filter(version_id=version_id)
        .order_by("id")
        .values_list("entity_id", "schema", "names", "identifiers", "birth_dates", "countries", "gender")
    )
    for entity_id, schema, names, identifiers, birth_dates, countries, gender in rows.iterator(chunk_size=5000):
        yield Record(
            id=entity_id,
            schema=schema,
            names=names,
            identifiers=identifiers,
            birth_dates=birth_dates,
            countries=countries,
            gender=gender or None,
        )


def index_build(version_id: uuid.UUID, records: Iterable[Record] | None = None) -> Index:
    """Index `records` (by default the version's stored entities, read back from the database),
    write it to the shared storage and map it here."""
    built = Index.build(records if records is not None else _records(version_id))
    partial = index_dir() / f"{version_id}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        built.save(partial)
        name = storage_name(version_id)
        if default_storage.exists(name):
            default_storage.delete(name)
        with partial.open("rb") as handle:
            default_storage.save(name, handle)
        target = index_path(version_id)
        if target.exists():
            partial.unlink()
        else:
            partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    index = Index.load(index_path(version_id))
    _remember(version_id, index)
    return index


def _fetch(version_id: uuid.UUID) -> Path | None:
    """This host's file of the version's index, fetched from the shared storage if need be; None
    when the index is not built yet."""
    target = index_path(version_id)
    if target.exists():
        return target
    name = storage_name(version_id)
    if not default_storage.exists(name):
        return None
    partial = index_dir() / f"{version_id}.{os.getpid()}.{threading.get_ident()}.part"
    try:
        with default_storage.open(name, "rb") as source, partial.open("wb") as handle:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                handle.write(chunk)
        partial.replace(target)  # atomic: other processes see the whole file or none
    finally:
        partial.unlink(missing_ok=True)
    _prune_local_copies()
    return target


def _prune_local_copies() -> None:
    copies = sorted(index_dir().glob("*.idx"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in copies[LOCAL_FILES:]:
        stale.unlink(missing_ok=True)  # processes mapping it keep their pages until they let go


def index_for(version_id: uuid.UUID) -> Index:
    """The version's index: mapped in this process, mapped from this host's file, fetched from the
    shared storage, or built (outside web processes). A web process that finds none queues the
    build and raises IndexNotReady."""
    with _lock:
        index = _cache.get(version_id)
        if index is not None:
            _cache.move_to_end(version_id)
            return index
    path = _fetch(version_id)
    if path is None:
        if WEB_PROCESS:
            index_build_queue(version_id)
            path = _fetch(version_id)  # an inline task backend has built it already
            if path is None:
                raise IndexNotReady(_not_ready_message())
        else:
            return index_build_exclusive(version_id)
    try:
        index = Index.load(path)
    except ValueError:  # another format: rebuilt by the task
        path.unlink(missing_ok=True)
        return index_for(version_id)
    _remember(version_id, index)
    return index


def index_build_exclusive(version_id: uuid.UUID) -> Index:
    """Build the version's index unless another process is building it (IndexNotReady then)."""
    with exclusive(f"screening.index.{version_id}") as acquired:
        if not acquired:
            raise IndexNotReady(_not_ready_message())
        path = _fetch(version_id)
        if path is None:
            return index_build(version_id)
    index = Index.load(path)
    _remember(version_id, index)
    return index


def _not_ready_message() -> str:
    return _("The screening index of a list is being built; try again in a few minutes.")


def index_build_queue(version_id: uuid.UUID) -> None:
    """Queue the build task once for a while (every request that misses would queue it again)."""
    if cache.add(f"senim:screening:index-queued:{version_id}", 1, timeout=600):
        build_index.enqueue(version_id=str(version_id))


@task()
def build_index(*, version_id: str) -> str:
    """Build a list version's index for every host (`senim worker` runs it)."""
    try:
        index_build_exclusive(uuid.UUID(version_id))
    except IndexNotReady:
        return "busy"  # another worker is building it
    return "built"


def index_discard(version_id: uuid.UUID) -> None:
    """Forget a version's index (its import failed, or the version was deleted)."""
    with _lock:
        _cache.pop(version_id, None)
    default_storage.delete(storage_name(version_id))
    (index_dir() / f"{version_id}.v{FORMAT_VERSION}.idx").unlink(missing_ok=True)


def _remember(version_id: uuid.UUID, index: Index) -> None:
    with _lock:
        _cache[version_id] = index
        _cache.move_to_end(version_id)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
