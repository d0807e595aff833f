"""The detection job on the database: planted links become alerts with evidence; clean data
raises none; alerts found again are not duplicated; officers decide them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from senim.accounts.tests.factories import user_with_role
from senim.conflicts import jobs, selectors, services
from senim.conflicts.models import Alert, AlertKind, DetectionRun
from senim.conflicts.tests.factories import interest, relative, submit
from senim.core.access import PermissionDenied
from senim.counterparties.models import Contract
from senim.counterparties.tests.factories import CounterpartyFactory, ManagerFactory, OwnerFactory
from senim.org.tests.factories import EmployeeFactory
from senim.screening.models import Hit, Subject
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted(group):
    """The branch head declares his daughter, who works in the leaf unit below him and has not
    declared him."""
    boss = group.in_branch
    daughter = EmployeeFactory(
        company=group.a,
        unit=group.leaf,
        surname="Касымова",
        given_name="Айгерим",
        patronymic="Нурлановна",
        surname_latin="Kasymova",
        given_name_latin="Aigerim",
        patronymic_latin="Nurlanovna",
    )
    submit(boss, items=[relative("Kasymova Aigerim Nurlanovna", "child", person_identifier=daughter.iin)])
    return boss, daughter


def _run():  # type: ignore[no-untyped-def]
    return jobs.detection_run(run=DetectionRun.objects.create())


def test_planted_links_are_found_with_their_evidence(planted):
    boss, daughter = planted
    run = _run()
    assert run.status == DetectionRun.Status.DONE and run.alerts_raised == 2 and run.processed == run.total
    line = Alert.objects.get(kind=AlertKind.RELATIVE_REPORTING_LINE)
    assert line.employee == boss and line.disclosed
    undeclared = Alert.objects.get(kind=AlertKind.UNDECLARED_RELATIVE)
    assert undeclared.employee == daughter and not undeclared.disclosed
    assert undeclared.evidence["how"] == "identifier"
    assert undeclared.evidence["declared_by"]["name"] == boss.full_name


def test_a_second_run_refreshes_and_does_not_duplicate(planted):
    _run()
    again = _run()
    assert again.alerts_raised == 0 and again.links_found == 2 and Alert.objects.count() == 2


def test_once_the_daughter_declares_her_father_only_the_disclosed_link_remains(planted):
    boss, daughter = planted
    submit(daughter, items=[relative(boss.full_name, "parent")])
    _run()
    assert set(Alert.objects.values_list("kind", flat=True)) == {AlertKind.RELATIVE_REPORTING_LINE}


def test_clean_data_raises_nothing(group):
    submit(group.in_leaf, items=[relative("Жумабекова Сауле Ахметовна", "spouse")])
    submit(group.in_b, items=[])
    run = _run()
    assert run.status == DetectionRun.Status.DONE and run.links_found == 0 and not Alert.objects.exists()


def test_only_group_wide_reviewers_start_a_run_and_one_at_a_time(group, django_capture_on_commit_callbacks):
    with pytest.raises(PermissionDenied):
        jobs.detection_start(actor=user_with_role("officer", company=group.a), language="en")
    DetectionRun.objects.create(status=DetectionRun.Status.RUNNING)
    with pytest.raises(ValidationError):
        jobs.detection_start(actor=user_with_role("officer"), language="en")


def test_the_background_run_completes(planted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = jobs.detection_start(actor=user_with_role("officer"), language="ru")
    run.refresh_from_db()
    assert run.status == DetectionRun.Status.DONE and run.alerts_raised == 2


def test_alerts_are_scoped_and_decided_with_a_comment(planted, group):
    _run()
    alert = Alert.objects.get(kind=AlertKind.UNDECLARED_RELATIVE)
    outsider = user_with_role("officer", company=group.b)
    assert not selectors.alert_list(actor=outsider).exists()
    with pytest.raises(PermissionDenied):
        services.alert_decide(actor=outsider, alert=alert, status="confirmed", comment="x")
    officer = user_with_role("officer", company=group.a)
    with pytest.raises(ValidationError):
        services.alert_decide(actor=officer, alert=alert, status="confirmed", comment="")
    services.alert_decide(actor=officer, alert=alert, status="confirmed", comment="Daughter confirmed by HR.")
    _run()
    alert.refresh_from_db()
    assert alert.status == Alert.Status.CONFIRMED


# ---------------------------------------------------------------------------- the counterparty register


@pytest.fixture
def register(group):
    """A counterparty owned by the leaf employee (same IIN, Latin spelling) with a contract with
    company A, and one managed by a relative the branch employee declared (name only)."""
    owned = CounterpartyFactory(name_ru="ТОО «Жолдас Строй»", name_en="Zholdas Stroy LLP")
    employee = group.in_leaf
    OwnerFactory(counterparty=owned, name=employee.full_name_latin, identifier=employee.iin)
    Contract.objects.create(company=group.a, number="7", date=dt.date(2026, 1, 5), counterparty=owned)
    managed = CounterpartyFactory(name_ru="ТОО «Каспий Логистик»")
    ManagerFactory(counterparty=managed, name="Seitkali Marat Bolatovich", identifier="", identifier_kind="")
    submit(group.in_branch, items=[relative("Сейткали Марат Болатович", "sibling")])
    return owned, managed


def test_links_to_counterparty_owners_and_managers_are_found(register, group):
    owned, managed = register
    run = _run()
    assert run.status == DetectionRun.Status.DONE
    own = Alert.objects.get(kind=AlertKind.EMPLOYEE_COUNTERPARTY)
    assert own.employee == group.in_leaf and not own.disclosed and own.counterparty_id == owned.pk
    assert own.evidence["how"] == "identifier" and own.evidence["contracts_with_company"] is True
    managed_alert = Alert.objects.get(kind=AlertKind.RELATIVE_COUNTERPARTY)
    assert managed_alert.employee == group.in_branch and managed_alert.counterparty_id == managed.pk
    assert managed_alert.evidence["how"] == "name" and managed_alert.evidence["contracts_with_company"] is False


def test_a_declared_interest_discloses_the_link(register, group):
    owned, _managed = register
    submit(group.in_leaf, items=[interest("Zholdas Stroy", organisation_identifier=owned.identifier)])
    _run()
    assert Alert.objects.get(kind=AlertKind.EMPLOYEE_COUNTERPARTY).disclosed
    assert Alert.objects.get(kind=AlertKind.COMPANY_COUNTERPARTY).counterparty_id == owned.pk


def test_a_homonym_with_another_iin_is_not_a_link(group):
    OwnerFactory(name=group.in_leaf.full_name)  # same name, another IIN
    _run()
    assert not Alert.objects.exists()


def test_changes_since_the_last_run_are_counted(planted, group):
    run = _run()
    assert selectors.changes_since_last_run(run=run) == 0
    submit(group.in_root)
    assert selectors.changes_since_last_run(run=run) == 1
    assert selectors.changes_since_last_run(run=None) == 0


def test_declared_companies_are_screened_against_internal_lists(group, tmp_path, django_capture_on_commit_callbacks):
    internal = WatchlistFactory(name="Terminated counterparties", kind="internal")
    import_entities(internal, [ftm("t-1", "ТОО «Жолдас Строй»", schema="Company")], tmp_path)
    sanctions = WatchlistFactory(name="Sanctions")
    import_entities(sanctions, [ftm("s-1", "ТОО «Жолдас Строй»", schema="Company")], tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        declaration = submit(group.in_leaf, items=[interest("Zholdas Stroy LLP"), relative()])
    subject = Subject.objects.get()
    assert subject.company_id == group.a.pk and "Zholdas Stroy LLP" in subject.label
    hit = Hit.objects.get()
    assert hit.watchlist == internal and hit.subject == subject
    assert declaration.items.count() == 2


def test_an_alert_no_longer_found_says_so(planted, group):
    boss, daughter = planted
    _run()
    alert = Alert.objects.get(kind=AlertKind.UNDECLARED_RELATIVE)
    submit(daughter, items=[relative(boss.full_name, "parent")])
    _run()
    client = Client()
    client.force_login(user_with_role("officer"))
    page = client.get(reverse("conflicts:alert-detail", args=[alert.pk])).content.decode()
    assert "no longer found this link" in page


def test_a_contract_approved_with_a_relatives_company_is_an_alert(register, group):
    _owned, managed = register
    contract = Contract.objects.create(
        company=group.a, number="Д-9", date=dt.date(2026, 2, 3), counterparty=managed, approved_by=group.in_branch
    )
    _run()
    alert = Alert.objects.get(kind=AlertKind.APPROVED_CONTRACT)
    assert alert.employee == group.in_branch and alert.counterparty_id == managed.pk and not alert.disclosed
    assert alert.evidence["contract"] == {"id": str(contract.pk), "number": "Д-9", "date": "2026-02-03"}
    assert alert.evidence["approval"] == "relative" and alert.evidence["how"] == "name"
    page = Client()
    page.force_login(user_with_role("officer"))
    response = page.get(reverse("conflicts:alert-detail", args=[alert.pk]))
    assert response.status_code == 200 and "Д-9" in response.content.decode()


def test_approved_contracts_without_a_link_raise_nothing(register, group):
    owned, _managed = register
    # The branch employee approves a contract with the company their relative does not manage.
    Contract.objects.filter(counterparty=owned).update(approved_by=group.in_branch)
    _run()
    assert not Alert.objects.filter(kind=AlertKind.APPROVED_CONTRACT).exists()


def test_a_run_is_skipped_while_another_holds_the_detection_lock(planted):
    from senim.core.locks import exclusive

    with exclusive(jobs.DETECTION_LOCK) as held:
        assert held
        skipped = jobs.detection_run(run=DetectionRun.objects.create())
    assert skipped.status == DetectionRun.Status.FAILED and skipped.finished_at is not None
    assert "another detection run" in skipped.error
    assert not Alert.objects.exists()
    run = jobs.detection_run(run=DetectionRun.objects.create())
    assert run.status == DetectionRun.Status.DONE and run.alerts_raised == 2


def test_a_queued_run_waits_for_the_running_one_instead_of_failing(planted, settings):
    """With the worker's queue (a backend that defers), a run that finds the lock held is queued
    again a minute later and stays queued; once the lock is free, that queued task runs it."""
    from django_tasks_db.models import DBTaskResult

    from senim.core.locks import exclusive

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    waiting = DetectionRun.objects.create()
    with exclusive(jobs.DETECTION_LOCK) as held:
        assert held
        jobs.run_detection.call(run_id=str(waiting.pk))
    waiting.refresh_from_db()
    assert waiting.status == DetectionRun.Status.QUEUED and not waiting.error
    again = DBTaskResult.objects.get()
    assert again.args_kwargs["kwargs"] == {"run_id": str(waiting.pk)}
    assert again.run_after > timezone.now()
    assert jobs.run_detection.call(run_id=str(waiting.pk)) == DetectionRun.Status.DONE
