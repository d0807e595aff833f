"""Automatic re-detection: a change to what the cross-match compares queues one background run,
through the audit trail, after commit, debounced; bulk imports included; off unless configured."""

import datetime as dt
from unittest import mock

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.conflicts import jobs
from senim.conflicts.autodetect import on_audit, queue_detection
from senim.conflicts.models import Alert, AlertKind, DetectionRun
from senim.conflicts.tests.factories import relative, submit
from senim.core import identifiers
from senim.core.access import SYSTEM
from senim.core.audit import audit_record
from senim.counterparties import importing as counterparty_import
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.org import importing as org_importing
from senim.org import services as org_services
from senim.org.importing import employees as employee_import
from senim.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def autodetect(settings):
    settings.SENIM_CONFLICTS_AUTODETECT = True


@pytest.fixture
def enqueue(monkeypatch):
    """The background queue, replaced so that queued runs stay queued (not run inline)."""
    task = mock.Mock()
    monkeypatch.setattr(jobs, "run_detection", task)
    return task.enqueue


def test_a_submitted_declaration_queues_a_run_that_finds_the_undeclared_link(
    group, autodetect, django_capture_on_commit_callbacks
):
    daughter = EmployeeFactory(company=group.a, unit=group.leaf, surname="Касымова", given_name="Айгерим")
    with django_capture_on_commit_callbacks(execute=True):
        submit(group.in_branch, items=[relative(daughter.full_name, "child", person_identifier=daughter.iin)])
    run = DetectionRun.objects.get()
    assert run.status == DetectionRun.Status.DONE and run.requested_by is None
    assert Alert.objects.filter(kind=AlertKind.UNDECLARED_RELATIVE, employee=daughter).exists()


def test_a_burst_of_ten_thousand_contract_rows_queues_one_run(
    group, tmp_path, autodetect, enqueue, django_capture_on_commit_callbacks
):
    cp = CounterpartyFactory()
    header = "company,number,date,counterparty,procurement_method,amount,currency,has_clause\n"
    rows = "".join(
        f"{group.a.registration_number},N-{n},01.02.2025,{cp.identifier},open_tender,1000,KZT,нет\n"
        for n in range(10_000)
    )
    path = tmp_path / "contracts.csv"
    path.write_text(header + rows, encoding="utf-8")
    plan = counterparty_import.plan_file(actor=SYSTEM, kind="contracts", path=path, max_bytes=0)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert counterparty_import.apply(actor=SYSTEM, plan=plan).created == 10_000
    # One detection enqueue for the whole burst (besides the listener's audit batch and the
    # counterparties' own after-commit screening of the contracts' counterparties).
    detections = [c for c in callbacks if "queue_detection" in c.__qualname__]
    assert len(detections) == 1
    assert DetectionRun.objects.filter(status=DetectionRun.Status.QUEUED).count() == 1
    enqueue.assert_called_once()


def test_changes_while_a_run_waits_do_not_queue_another_but_after_it_starts_they_do(
    group, autodetect, enqueue, django_capture_on_commit_callbacks
):
    admin = user_with_role("admin")
    for n in range(5):  # five separate transactions
        with django_capture_on_commit_callbacks(execute=True):
            org_services.employee_update(actor=admin, employee=group.in_leaf, surname=f"Фамилия{n}")
    assert DetectionRun.objects.count() == 1 and enqueue.call_count == 1
    DetectionRun.objects.update(status=DetectionRun.Status.RUNNING)
    with django_capture_on_commit_callbacks(execute=True):
        org_services.employee_update(actor=admin, employee=group.in_leaf, surname="Новая")
    assert DetectionRun.objects.filter(status=DetectionRun.Status.QUEUED).count() == 1 and enqueue.call_count == 2


def test_the_employee_import_and_counterparty_import_queue_a_run(
    group, tmp_path, autodetect, enqueue, django_capture_on_commit_callbacks
):
    iin = identifiers.make_iin(dt.date(1985, 5, 1), "F", 201)
    path = tmp_path / "staff.csv"
    path.write_text(
        "company,personnel_number,surname,given_name,patronymic,iin,unit_code,hire_date,email\n"
        f"{group.a.registration_number},N0001,Сейтқали,Әсел,Маратқызы,{iin},LEAF,2024-02-01,a@x.kz\n",
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        employee_import.apply(actor=SYSTEM, plan=org_importing.plan_file(actor=SYSTEM, kind="employees", path=path))
    assert DetectionRun.objects.filter(status=DetectionRun.Status.QUEUED).count() == 1
    DetectionRun.objects.update(status=DetectionRun.Status.DONE)
    path = tmp_path / "cp.csv"
    path.write_text(f"Наименование,страна,БИН\nТОО «Один»,KZ,{identifiers.make_bin(2011, 11, 11)}\n", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        counterparty_import.apply(
            actor=SYSTEM, plan=counterparty_import.plan_file(actor=SYSTEM, kind="counterparties", path=path)
        )
    assert DetectionRun.objects.filter(status=DetectionRun.Status.QUEUED).count() == 1 and enqueue.call_count == 2


def test_unrelated_events_a_rolled_back_change_and_the_setting_off_queue_nothing(
    group, settings, enqueue, django_capture_on_commit_callbacks
):
    settings.SENIM_CONFLICTS_AUTODETECT = True
    admin = user_with_role("admin")
    with django_capture_on_commit_callbacks(execute=True):
        audit_record(actor=SYSTEM, event_type="conflicts.alert.raised", object_type="x")  # the run's own writes
        audit_record(actor=SYSTEM, event_type="org.company.updated", object_type="x")
    with pytest.raises(RuntimeError), transaction.atomic():
        org_services.employee_update(actor=admin, employee=group.in_leaf, surname="Откат")
        raise RuntimeError
    settings.SENIM_CONFLICTS_AUTODETECT = False
    with django_capture_on_commit_callbacks(execute=True):
        org_services.employee_update(actor=admin, employee=group.in_leaf, surname="Выкл")
    assert not DetectionRun.objects.exists() and not enqueue.called


def test_queue_detection_is_debounced(enqueue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_detection() is not None
        assert queue_detection() is None
    on_audit(frozenset({"org.employee.updated"}))  # the setting is off in tests: nothing registered
    assert DetectionRun.objects.count() == 1 and enqueue.call_count == 1


def test_the_runs_page_shows_automatic_runs(client, enqueue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_detection()
    officer = user_with_role("officer")
    client.force_login(officer)
    page = client.get(reverse("conflicts:run-list")).content.decode()
    assert "Automatic: data changed" in page and "runs by itself in the background" in page
    run = DetectionRun.objects.get()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {account_services.api_token_create(actor=officer, name='t')[1]}")
    assert api.get(f"/api/v1/conflicts/detection-runs/{run.pk}").json()["automatic"] is True
