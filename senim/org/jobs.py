"""Imports started from the UI run in the background: the job row records who asked, what
happened and the outcome, so a 35,000-row file never holds a web request open."""

import logging
import uuid
from typing import cast

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from senim.core import files
from senim.core.access import Actor, PermissionDenied, require, scope_of
from senim.core.audit import audit_record
from senim.org import importing, policy
from senim.org.models import ImportJob

logger = logging.getLogger(__name__)


# Uploaded HR files (personal data), sealed in the storage every host shares until imported.
UPLOAD_AREA = "org/imports"
UPLOAD_LIFETIME_SECONDS = 24 * 3600


def import_job_start(
    *, actor: Actor, kind: str, stored_file: str, file_name: str, valid_only: bool, language: str
) -> ImportJob:
    """Record the job and queue it to run once this transaction commits."""
    require(actor, policy.IMPORT)
    if kind not in importing.KINDS:
        raise PermissionDenied(policy.IMPORT)
    with transaction.atomic():
        job = ImportJob.objects.create(
            kind=kind,
            file_name=file_name[:200],
            stored_file=stored_file,
            valid_only=valid_only,
            language=language,
            requested_by_id=cast(uuid.UUID, actor.pk),
        )
        audit_record(
            actor=actor,
            event_type="org.import.started",
            obj=job,
            changes={"kind": [None, kind], "file": [None, job.file_name], "valid_only": [None, valid_only]},
        )
        transaction.on_commit(lambda: run_import_job.enqueue(job_id=str(job.pk)))
    return job


def import_job_run(*, job_id: str | uuid.UUID) -> ImportJob:
    """Validate and apply the job's file as the user who asked; record the outcome either way."""
    job = ImportJob.objects.get(pk=job_id)
    if job.is_finished:
        return job
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    actor = (
        get_user_model().objects.filter(pk=job.requested_by_id, is_active=True).first() if job.requested_by_id else None
    )
    with translation.override(job.language):
        try:
            if actor is None or not files.file_exists(job.stored_file):
                raise importing.FileRejected(_("The file or the user who uploaded it is no longer available."))
            with files.file_local(job.stored_file, sealed=True) as path:
                plan = importing.plan_file(actor=actor, kind=job.kind, path=path)
            result = importing.KINDS[job.kind].apply(actor=actor, plan=plan, valid_only=job.valid_only)
        except importing.FileRejected as error:
            return _finish(job, status=ImportJob.Status.FAILED, error=error.message)
        except PermissionDenied:
            return _finish(
                job,
                status=ImportJob.Status.FAILED,
                error=_("Nothing was imported: the file has errors, or rows outside your scope."),
            )
        except Exception:  # recorded on the job so the user sees it; details go to the log
            logger.exception("Import job %s failed", job.pk)
            return _finish(
                job, status=ImportJob.Status.FAILED, error=_("The import failed unexpectedly; nothing was written.")
            )
    if not plan.rejected:
        files.file_delete(job.stored_file)
    return _finish(
        job,
        status=ImportJob.Status.DONE,
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        skipped=result.skipped,
    )


@task()
def run_import_job(*, job_id: str) -> str:
    """The background task (`senim worker` runs it; tests and SENIM_TASKS_INLINE run it inline)."""
    return import_job_run(job_id=job_id).status


def _finish(job: ImportJob, **values: object) -> ImportJob:
    ImportJob.objects.filter(pk=job.pk).update(finished_at=timezone.now(), **values)
    job.refresh_from_db()
    return job


def import_job_list(*, actor: Actor) -> QuerySet[ImportJob]:
    """The actor's own imports; group-wide importers see everyone's."""
    jobs = ImportJob.objects.select_related("requested_by")
    if scope_of(actor, policy.IMPORT).everything:
        return jobs
    return jobs.filter(requested_by_id=cast(uuid.UUID, actor.pk))
