"""A UI import queued on the real database task backend is run by `senim worker`."""

import signal

import pytest
from django.core.management import call_command

from senim.accounts.tests.factories import user_with_role
from senim.core import files
from senim.core.models import AuditEvent
from senim.org import jobs
from senim.org.models import Employee, ImportJob

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_a_queued_import_waits_for_the_worker_and_is_imported_by_it(settings, group):
    settings.TASKS = DATABASE_TASKS
    officer = user_with_role("officer", language="kk")
    stored = files.file_save(
        jobs.UPLOAD_AREA,
        f"company,personnel_number,surname,given_name\n{group.a.registration_number},W-1,Әбенов,Ержан\n".encode(),
        suffix=".csv",
        sealed=True,
    )
    job = jobs.import_job_start(
        actor=officer, kind="employees", stored_file=stored, file_name="staff.csv", valid_only=False, language="kk"
    )
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.QUEUED
    assert not Employee.objects.filter(personnel_number="W-1").exists()

    call_command("worker", "--batch")

    job.refresh_from_db()
    assert (job.status, job.created) == (ImportJob.Status.DONE, 1)
    assert Employee.objects.get(personnel_number="W-1").surname_latin == "Abenov"
    imported = AuditEvent.objects.get(event_type="org.employee.imported")
    assert imported.actor_id == officer.pk  # the import ran as the user who asked for it


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_file_is_gone_fails_with_a_reason_and_writes_nothing(settings, group):
    settings.TASKS = DATABASE_TASKS
    officer = user_with_role("officer")
    job = jobs.import_job_start(
        actor=officer, kind="employees", stored_file="missing.csv", file_name="x.csv", valid_only=False, language="en"
    )
    call_command("worker", "--batch")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and "no longer available" in job.error
    assert Employee.objects.count() == 4


@pytest.mark.django_db(transaction=True)
def test_a_batch_worker_run_leaves_the_processs_signal_handlers_as_they_were(settings):
    """Otherwise processes forked later (the engine's parallel build) ignore SIGTERM and hang on exit."""
    settings.TASKS = DATABASE_TASKS
    before = signal.getsignal(signal.SIGTERM)
    call_command("worker", "--batch")
    assert signal.getsignal(signal.SIGTERM) is before
