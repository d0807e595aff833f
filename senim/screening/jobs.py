"""Background work: list imports started from the UI or API, batch screenings of uploaded files,
and the re-screening that follows every new current list version.

The version row (or the run row) is the job record: the status pages poll it. The command line
calls the same `*_run` functions in-process.
"""

import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext as _

from senim.core import files
from senim.core.access import Actor, PermissionDenied
from senim.core.uploads import upload_limit
from senim.screening import services
from senim.screening.importing import FileRejected, ImportStats, LineRejected, read_batch_rows, read_entities
from senim.screening.models import ScreeningRun, Watchlist, WatchlistVersion

logger = logging.getLogger(__name__)
UPLOAD_LIFETIME_SECONDS = 24 * 3600


# Uploaded list files (public lists: stored as they are, streamed) and batch files (the people
# screened: sealed), in the storage every host shares until a worker has read them.
LIST_AREA = "screening/lists"
BATCH_AREA = "screening/batches"


def store_upload(upload: Any, suffix: str, *, batch: bool = False) -> str:
    """Keep an uploaded list or batch file for the worker; return its stored name."""
    sweep_uploads()
    return files.file_save(BATCH_AREA if batch else LIST_AREA, upload, suffix=suffix, sealed=batch)


def sweep_uploads() -> None:
    """Delete uploads older than a day: abandoned mapping steps and batch files hold personal data."""
    files.area_sweep(LIST_AREA, older_than_seconds=UPLOAD_LIFETIME_SECONDS)
    files.area_sweep(BATCH_AREA, older_than_seconds=UPLOAD_LIFETIME_SECONDS, sealed=True)


# ---------------------------------------------------------------------------- list imports


def version_import_start(
    *,
    actor: Actor,
    watchlist: Watchlist,
    stored_file: str,
    file_name: str,
    fmt: str,
    mapping: dict[str, Any] | None,
    skip_invalid: bool,
    language: str,
) -> WatchlistVersion:
    """Record the new version and queue its import to run once this transaction commits."""
    with transaction.atomic():
        version = services.version_create(
            actor=actor,
            watchlist=watchlist,
            file_name=file_name,
            fmt=fmt,
            mapping=mapping,
            skip_invalid=skip_invalid,
            stored_file=stored_file,
            language=language,
        )
        transaction.on_commit(lambda: run_version_import.enqueue(version_id=str(version.pk)))
    return version


def version_import_run(
    *,
    version: WatchlistVersion,
    path: Path,
    max_bytes: int | None,
    progress: Callable[[int], object] | None = None,
) -> WatchlistVersion:
    """Import the file into the version (all or nothing); on success re-screen the list's subjects."""
    stats = ImportStats()
    try:
        entities = read_entities(
            path,
            fmt=version.format,
            stats=stats,
            mapping=version.mapping,
            skip_invalid=version.skip_invalid,
            max_bytes=max_bytes,
            progress=progress,
        )
        version = services.version_import(version=version, entities=entities, stats=stats)
    except (FileRejected, LineRejected) as error:
        services.version_fail(version=version, error=str(error), problems=stats.problems, skipped=stats.skipped)
        version.refresh_from_db()
        return version
    except ValidationError as error:
        services.version_fail(version=version, error=" ".join(error.messages), problems=stats.problems)
        version.refresh_from_db()
        return version
    except Exception:  # recorded on the version so the user sees it; details go to the log
        logger.exception("Watchlist import %s failed", version.pk)
        services.version_fail(version=version, error=_("The import failed unexpectedly; nothing was changed."))
        version.refresh_from_db()
        return version
    run_rescreen.enqueue(version_id=str(version.pk))
    return version


@task()
def run_version_import(*, version_id: str) -> str:
    """The background import (`senim worker` runs it; tests and SENIM_TASKS_INLINE run it inline)."""
    version = WatchlistVersion.objects.get(pk=version_id)
    if version.is_finished:
        return version.status
    with translation.override(version.language):
        if not files.file_exists(version.stored_file):
            services.version_fail(version=version, error=_("The uploaded file is no longer available."))
            return WatchlistVersion.Status.FAILED
        try:
            with files.file_local(version.stored_file) as path:
                version = version_import_run(version=version, path=path, max_bytes=upload_limit())
        finally:
            files.file_delete(version.stored_file)
    return version.status


@task()
def run_rescreen(*, version_id: str) -> str:
    version = WatchlistVersion.objects.get(pk=version_id)
    return services.rescreen_watchlist(version=version).status


# ---------------------------------------------------------------------------- batch screening


def batch_start(
    *,
    actor: Actor,
    stored_file: str,
    file_name: str,
    lists: list[Watchlist] | None,
    company_id: uuid.UUID | None,
    language: str,
) -> ScreeningRun:
    """Check the actor may screen, record a queued batch run and queue it after commit."""
    services.check_screening_allowed(actor=actor, company_id=company_id)
    with transaction.atomic():
        run = ScreeningRun.objects.create(
            kind=ScreeningRun.Kind.BATCH,
            requested_by_id=cast(uuid.UUID, actor.pk),
            threshold=services.threshold_default(),
            file_name=file_name[:200],
            stored_file=stored_file,
            language=language,
            company_id=company_id,
        )
        run.lists.set(services.enabled_lists(lists))
        transaction.on_commit(lambda: run_batch.enqueue(run_id=str(run.pk)))
    return run


@task()
def run_batch(*, run_id: str) -> str:
    run = ScreeningRun.objects.select_related("requested_by").get(pk=run_id)
    if run.is_finished:
        return run.status
    with translation.override(run.language):
        try:
            if run.requested_by is None or not run.requested_by.is_active or not files.file_exists(run.stored_file):
                raise FileRejected(_("The file or the user who uploaded it is no longer available."))
            ScreeningRun.objects.filter(pk=run.pk).update(status=ScreeningRun.Status.RUNNING)
            with files.file_local(run.stored_file, sealed=True) as path:
                run = services.screen_batch(
                    actor=run.requested_by,
                    rows=read_batch_rows(path, max_bytes=upload_limit()),
                    lists=list(run.lists.all()),
                    threshold=run.threshold,
                    company_id=run.company_id,
                    run=run,
                )
        except FileRejected as error:
            run = services.run_finish(run=run, status=ScreeningRun.Status.FAILED, error=error.message)
        except PermissionDenied:
            run = services.run_finish(
                run=run, status=ScreeningRun.Status.FAILED, error=_("You may no longer screen these subjects.")
            )
        except Exception:
            logger.exception("Batch screening %s failed", run.pk)
            run = services.run_finish(
                run=run, status=ScreeningRun.Status.FAILED, error=_("The screening failed unexpectedly.")
            )
        finally:
            files.file_delete(run.stored_file)
    return run.status
