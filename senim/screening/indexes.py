"""The matching engine's index per list version: built once after an import, saved under
SENIM_DATA_DIR/screening/, loaded lazily and kept in a small per-process cache."""

import os
import pickle
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings

from senim.screening.engine import Index, Record
from senim.screening.models import WatchlistEntity

CACHE_SIZE = 4  # versions kept in memory per process; a 1M-entity index is a few hundred MB

_cache: OrderedDict[uuid.UUID, Index] = OrderedDict()
_lock = threading.Lock()


def index_dir() -> Path:
    path = Path(settings.DATA_DIR) / "screening"
    path.mkdir(parents=True, exist_ok=True)
    return path


def index_path(version_id: uuid.UUID) -> Path:
    return index_dir() / f"{version_id}.idx"


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
    """Index `records` (by default the version's stored entities, read back from the database)
    and save the index (written aside, then renamed)."""
    index = Index.build(records if records is not None else _records(version_id))
    target = index_path(version_id)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    index.save(partial)
    partial.replace(target)
    _remember(version_id, index)
    return index


def index_for(version_id: uuid.UUID) -> Index:
    """The version's index: from the cache, from its file, or rebuilt from the database (a new
    host, or a data directory restored without the index files)."""
    with _lock:
        index = _cache.get(version_id)
        if index is not None:
            _cache.move_to_end(version_id)
            return index
    path = index_path(version_id)
    try:
        index = Index.load(path)
    except (OSError, ValueError, EOFError, KeyError, pickle.UnpicklingError):
        return index_build(version_id)
    _remember(version_id, index)
    return index


def index_discard(version_id: uuid.UUID) -> None:
    """Forget a version's index (its import failed, or the version was deleted)."""
    with _lock:
        _cache.pop(version_id, None)
    index_path(version_id).unlink(missing_ok=True)


def _remember(version_id: uuid.UUID, index: Index) -> None:
    with _lock:
        _cache[version_id] = index
        _cache.move_to_end(version_id)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
