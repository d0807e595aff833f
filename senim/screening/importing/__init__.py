"""Read watchlist files as streams of entities: FollowTheMoney JSON lines (the OpenSanctions
format) and CSV/XLSX tables through a column mapping.

Files are never read whole: JSON lines one at a time, tables row by row (the org app's reader).
A malformed line or row stops the import with its line number, unless the caller chose to skip
invalid lines; then each is counted and the first few are kept as problems to show.
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from senim.core.importing.reader import FileRejected, normalise_header
from senim.screening.importing.entities import (
    EntityData,
    ImportStats,
    LineRejected,
    content_hash,
    normalise_country,
    normalise_date,
)
from senim.screening.importing.ftm import ENTITY_SCHEMATA, ftm_entities
from senim.screening.importing.tables import (
    FIELDS,
    BatchRow,
    check_mapping,
    default_mapping,
    read_batch_rows,
    table_entities,
    table_header,
)

__all__ = [
    "ENTITY_SCHEMATA",
    "FIELDS",
    "BatchRow",
    "EntityData",
    "FileRejected",
    "ImportStats",
    "LineRejected",
    "check_mapping",
    "content_hash",
    "default_mapping",
    "normalise_country",
    "normalise_date",
    "normalise_header",
    "read_batch_rows",
    "read_entities",
    "table_header",
]


def read_entities(
    path: Path,
    *,
    fmt: str,
    stats: ImportStats,
    mapping: dict[str, Any] | None = None,
    skip_invalid: bool = False,
    max_bytes: int | None = None,
    progress: Callable[[int], object] | None = None,
) -> Iterator[EntityData]:
    """Stream the file's entities; raise FileRejected or LineRejected (unless skipping).

    Duplicate ids within the file are invalid lines too. `max_bytes` None means no size limit
    (the command line); uploads pass SENIM_MAX_UPLOAD_MB.
    """
    if not path.exists() or path.stat().st_size == 0:
        raise FileRejected(_("The file is empty."))
    if max_bytes is not None and path.stat().st_size > max_bytes:
        raise FileRejected(_("The file is larger than %(limit)d MB.") % {"limit": max_bytes // (1024 * 1024)})
    if fmt == "ftm":
        entities = ftm_entities(path, stats, skip_invalid)
    elif fmt in {"csv", "xlsx"}:
        limit = max_bytes if max_bytes is not None else path.stat().st_size + 1
        entities = table_entities(path, mapping or {}, limit, stats, skip_invalid)
    else:
        raise FileRejected(_("Unknown file format “%(format)s”.") % {"format": fmt})
    seen: set[str] = set()
    count = 0
    for entity in entities:
        if entity.entity_id in seen:
            error = LineRejected(stats.lines, _("the id “%(id)s” appears twice.") % {"id": entity.entity_id[:100]})
            if not skip_invalid:
                raise error
            stats.skip(error)
            continue
        seen.add(entity.entity_id)
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(1000)
        yield entity
    if progress is not None:
        progress(count % 1000)
