"""Writes to watchlists: create, edit, enable; versions imported all or nothing."""

import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, require
from senim.core.audit import audit_record
from senim.core.bulk import bulk_insert
from senim.core.services import model_create, model_update
from senim.screening import policy
from senim.screening.engine import Record
from senim.screening.importing import EntityData, ImportStats
from senim.screening.indexes import index_build, index_discard
from senim.screening.models import Watchlist, WatchlistEntity, WatchlistVersion
from senim.screening.selectors import version_diff
from senim.screening.services.review import hits_close_removed

WATCHLIST_FIELDS = ["name", "kind", "source", "description", "owner", "is_enabled"]
BATCH_SIZE = 5000


def _require_list_manager(actor: Actor | None, permission: str = policy.MANAGE_LISTS) -> None:
    """Lists are group-wide, so only group-wide holders (and the system) change them."""
    if not require(actor, permission).everything:
        raise PermissionDenied(permission)


def watchlist_create(*, actor: Actor | None, name: str, kind: str, **data: Any) -> Watchlist:
    _require_list_manager(actor)
    watchlist = Watchlist(name=name.strip(), kind=kind, **{k: v for k, v in data.items() if k in WATCHLIST_FIELDS})
    return model_create(
        actor=actor, instance=watchlist, event_type="screening.watchlist.created", fields=WATCHLIST_FIELDS
    )


def watchlist_update(*, actor: Actor | None, watchlist: Watchlist, **data: Any) -> Watchlist:
    _require_list_manager(actor)
    was_enabled = watchlist.is_enabled
    if "is_enabled" in data and data["is_enabled"] != was_enabled:
        _require_list_manager(actor, policy.ENABLE_LISTS)
    watchlist = model_update(
        actor=actor, instance=watchlist, data=data, fields=WATCHLIST_FIELDS, event_type="screening.watchlist.updated"
    )
    _rescreen_if_enabled(watchlist, was_enabled)
    return watchlist


def watchlist_set_enabled(*, actor: Actor | None, watchlist: Watchlist, enabled: bool) -> Watchlist:
    """Switch a list on or off (administrators): a disabled list is skipped by every screening;
    switching it back on re-screens, in the background, everything screened against it (as a
    re-import does), so hits missed while it was off are raised."""
    _require_list_manager(actor, policy.ENABLE_LISTS)
    was_enabled = watchlist.is_enabled
    watchlist = model_update(
        actor=actor,
        instance=watchlist,
        data={"is_enabled": enabled},
        fields=["is_enabled"],
        event_type="screening.watchlist.updated",
    )
    _rescreen_if_enabled(watchlist, was_enabled)
    return watchlist


def _rescreen_if_enabled(watchlist: Watchlist, was_enabled: bool) -> None:
    if was_enabled or not watchlist.is_enabled or not watchlist.current_version_id:
        return
    from senim.screening import jobs  # jobs imports the services

    # Queued like the re-screen after an import (with the database backend the task row
    # commits with this change).
    jobs.run_rescreen.enqueue(version_id=str(watchlist.current_version_id))


def version_create(
    *,
    actor: Actor | None,
    watchlist: Watchlist,
    file_name: str,
    fmt: str,
    mapping: dict[str, Any] | None = None,
    skip_invalid: bool = False,
    stored_file: str = "",
    language: str = "en",
) -> WatchlistVersion:
    """Record a new version about to be imported (its entities follow in `version_import`)."""
    _require_list_manager(actor)
    with transaction.atomic():
        Watchlist.objects.select_for_update().filter(pk=watchlist.pk).first()
        number = (watchlist.versions.aggregate(top=Max("number"))["top"] or 0) + 1
        version = WatchlistVersion.objects.create(
            watchlist=watchlist,
            number=number,
            file_name=file_name[:200],
            format=fmt,
            mapping=mapping or {},
            skip_invalid=skip_invalid,
            stored_file=stored_file,
            language=language,
            imported_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
        )
        audit_record(
            actor=actor,
            event_type="screening.version.started",
            obj=version,
            changes={"file": [None, version.file_name], "format": [None, fmt], "skip_invalid": [None, skip_invalid]},
        )
    return version


def version_import(
    *, version: WatchlistVersion, entities: Iterable[EntityData], stats: ImportStats | None = None
) -> WatchlistVersion:
    """Store the entities of a created version, index them and make it current, all or nothing.

    The caller streams `entities` from the file; `stats` fills in as they are read (lines
    skipped as invalid, records of other types). Entities are written in batches, each in its own
    short transaction, so a million-entity import never holds the database's write lock for
    minutes (on SQLite that would stop every other writer); nothing reads them until the final
    transaction makes the version current. Any exception (including a malformed line raised
    from the stream) deletes what was written and is re-raised; the caller then marks the
    version failed with `version_fail`, and the previous version stays current.
    """
    stats = stats or ImportStats()
    stored = [0]
    try:
        # One pass over the file: each batch is written while the index takes its records.
        index_build(version.pk, _store_entities(version, entities, stored))
        count = stored[0]
        if not count:
            raise ValidationError(_("The file holds no people or organisations to screen against."))
        with transaction.atomic():
            watchlist = Watchlist.objects.select_for_update().get(pk=version.watchlist_id)
            base = watchlist.current_version
            changes = version_diff(version=version, base=base)
            counts = {
                "added": changes["added"].count(),
                "removed": changes["removed"].count() if base else 0,
                "changed": changes["changed"].count() if base else 0,
            }
            WatchlistVersion.objects.filter(pk=version.pk).update(
                status=WatchlistVersion.Status.READY,
                base=base,
                entity_count=count,
                skipped=stats.skipped,
                ignored=stats.ignored,
                problems=stats.problems,
                finished_at=timezone.now(),
                **counts,
            )
            Watchlist.objects.filter(pk=watchlist.pk).update(current_version=version)
            version.refresh_from_db()
            # In the same transaction as the switch: a failed import never touches hits.
            closed = hits_close_removed(version=version)
            audit_record(
                actor=version.imported_by,
                event_type="screening.version.imported",
                obj=version,
                changes={
                    "entities": [base.entity_count if base else 0, count],
                    **{key: [None, value] for key, value in counts.items()},
                    "skipped": [None, stats.skipped],
                    "hits_closed": [None, closed],
                },
            )
    except BaseException:
        _discard_entities(version)
        raise
    return version


def _discard_entities(version: WatchlistVersion) -> None:
    """Delete what a failed import wrote (one statement: no hit can point at these rows yet)."""
    index_discard(version.pk)
    table = connection.ops.quote_name(WatchlistEntity._meta.db_table)
    key = WatchlistVersion._meta.pk.get_db_prep_value(version.pk, connection)  # type: ignore[union-attr]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE version_id = %s", [key])  # noqa: S608 (name from the model)


def _store_entities(version: WatchlistVersion, entities: Iterable[EntityData], stored: list[int]) -> Iterator[Record]:
    """Write the entities in batches, each in its own transaction, yielding each one's engine
    record as it goes; `stored[0]` counts what was written."""
    batch: list[WatchlistEntity] = []
    for data in entities:
        batch.append(
            WatchlistEntity(
                version=version,
                entity_id=data.entity_id,
                schema=data.schema,
                caption=data.caption,
                names=data.names,
                identifiers=data.identifiers,
                birth_dates=data.birth_dates,
                countries=data.countries,
                gender=data.gender,
                content_hash=data.content_hash(),
                properties=data.properties,
            )
        )
        yield data.as_record()
        if len(batch) >= BATCH_SIZE:
            with transaction.atomic():
                stored[0] += bulk_insert(WatchlistEntity, batch)
            batch = []
    if batch:
        with transaction.atomic():
            stored[0] += bulk_insert(WatchlistEntity, batch)


def version_fail(*, version: WatchlistVersion, error: str, problems: Sequence[str] = (), skipped: int = 0) -> None:
    """Mark a version whose import failed; the list keeps its current version."""
    index_discard(version.pk)
    with transaction.atomic():
        WatchlistVersion.objects.filter(pk=version.pk).update(
            status=WatchlistVersion.Status.FAILED,
            error=error[:2000],
            problems=list(problems),
            skipped=skipped,
            finished_at=timezone.now(),
        )
        version.refresh_from_db()
        audit_record(
            actor=version.imported_by,
            event_type="screening.version.failed",
            obj=version,
            changes={"error": [None, version.error]},
        )
