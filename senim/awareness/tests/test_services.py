"""Awareness services: the lifecycle of documents, campaigns and acknowledgements, imports of paper
sheets, agreements required by position, new hires' contracts and checks of candidates."""

import datetime as dt
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from senim.awareness import importing, indicators, selectors, services
from senim.awareness.models import Acknowledgement, AckRequest, AgreementObligation, CandidateCheck, VersionStatus
from senim.awareness.tests.factories import DAY, adopt, adopted_code, employee_user, officer
from senim.conflicts.tests.factories import relative, submit
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.examination import services as examination_services
from senim.org.tests.factories import EmployeeFactory, PositionFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _campaign(document, actor, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("deadline", TODAY + dt.timedelta(days=30))
    return services.campaign_create(actor=actor, version=document.current_version, title="Code", **kwargs)


def test_a_document_goes_from_draft_through_approval_into_force_and_is_audited(group):
    actor = officer()
    document = services.document_create(
        actor=actor,
        kind="policy",
        code="P-1",
        titles={"en": "Gifts policy"},
        company=group.a,
        texts={"en": "No gifts."},
    )
    version = document.versions.get()
    assert version.status == VersionStatus.DRAFT
    with pytest.raises(ValidationError, match="Attach"):
        services.version_send_to_examination(actor=actor, version=version)
    upload = SimpleUploadedFile("policy.txt", "Работник не принимает подарки.".encode())
    services.version_attach(actor=actor, version=version, language="ru", upload=upload)
    services.version_send_to_examination(actor=actor, version=version)
    assert version.status == VersionStatus.UNDER_EXAMINATION and version.examination is not None
    with pytest.raises(ValidationError):
        services.version_submit(actor=actor, version=version, approving_body="board", submitted_on=DAY)
    with pytest.raises(ValidationError, match="not concluded"):
        services.version_examination_done(actor=actor, version=version)
    examination = version.examination
    for finding in examination.versions.get().findings.all():
        examination_services.finding_dismiss(actor=actor, finding=finding, reason="Not a factor here")
    examination_services.examination_conclude(actor=actor, examination=examination)
    services.version_examination_done(actor=actor, version=version, note="No corruption factors")
    adopt(actor, version, DAY)
    document.refresh_from_db()
    assert document.current_version == version and version.effective_date == DAY
    assert selectors.document_list(actor=actor, in_force_on=DAY).count() == 1
    assert selectors.document_list(actor=actor, in_force_on=DAY - dt.timedelta(days=1)).count() == 0
    assert selectors.document_list(actor=actor, submitted_from=DAY, submitted_to=DAY).count() == 1
    assert selectors.document_list(actor=actor, submitted_from=DAY + dt.timedelta(days=1)).count() == 0
    types = set(AuditEvent.objects.filter(object_id=str(version.pk)).values_list("event_type", flat=True))
    assert {"awareness.version.submitted", "awareness.version.adopted", "awareness.version.examination"} <= types


def test_a_revision_supersedes_the_version_in_force_and_a_repeal_ends_it(group):
    actor = officer()
    document = adopted_code(group, actor)
    first = document.current_version
    second = services.document_revise(actor=actor, document=document, is_material=False, change_note="typos")
    assert second.number == 2 and second.text_ru == first.text_ru
    later = DAY + dt.timedelta(days=100)
    adopt(actor, second, later, number="12")
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED and first.ended_on == later
    services.document_repeal(
        actor=actor, document=document, repealed_on=later + dt.timedelta(days=10), decision_number="20"
    )
    assert indicators.documents_in_force(DAY.year, None) == 0
    assert indicators.documents_adopted(DAY.year, None) == 2
    assert indicators.drafts_submitted(DAY.year, group.b.pk) == 2


def test_only_officers_in_scope_manage_documents(group):
    outsider = officer(company=group.b)
    with pytest.raises(PermissionDenied):
        services.document_create(actor=outsider, kind="order", code="O-1", titles={"en": "Order"}, company=group.a)
    with pytest.raises(PermissionDenied):
        services.document_create(
            actor=employee_user(group.in_leaf), kind="order", code="O-1", titles={"en": "Order"}, company=group.a
        )


def test_a_campaign_asks_its_audience_and_the_employee_acknowledges(group):
    actor = officer()
    document = adopted_code(group, actor)
    campaign = _campaign(document, actor)
    assert services.campaign_launch(actor=actor, campaign=campaign) == 4
    user = employee_user(group.in_leaf)
    assert [r.campaign_id for r in selectors.my_requests(actor=user)] == [campaign.pk]
    ack = services.acknowledge(actor=user, employee=group.in_leaf, version=document.current_version)
    assert AckRequest.objects.get(campaign=campaign, employee=group.in_leaf).acknowledgement == ack
    assert not selectors.my_requests(actor=user).exists()
    progress = {p.unit_id: (p.asked, p.answered) for p in selectors.campaign_progress(actor=actor, campaign=campaign)}
    assert progress[group.leaf.pk] == (1, 1) and progress[group.root.pk] == (1, 0)
    with pytest.raises(ValidationError):
        services.acknowledge(actor=user, employee=group.in_leaf, version=document.current_version)


def test_a_corruption_prone_campaign_asks_only_those_positions(group):
    actor = officer()
    document = adopted_code(group, actor)
    prone = PositionFactory(company=group.a, unit=group.leaf, code="BUYER", is_corruption_prone=True)
    EmployeeFactory(company=group.a, unit=group.leaf, position=prone)
    campaign = _campaign(document, actor, audience="corruption_prone")
    assert services.campaign_launch(actor=actor, campaign=campaign) == 1


def test_new_hires_are_asked_automatically_within_their_window(group):
    actor = officer()
    document = adopted_code(group, actor)
    campaign = _campaign(document, actor, hire_window_days=10)
    services.campaign_launch(actor=actor, campaign=campaign)
    newcomer = EmployeeFactory(company=group.b, unit=group.other, hire_date=TODAY)
    assert services.campaign_sync_new_hires() == 1
    request = AckRequest.objects.get(employee=newcomer)
    assert request.is_new_hire and request.due_date == TODAY + dt.timedelta(days=10)


def test_a_superseded_version_cannot_be_acknowledged(group):
    actor = officer()
    document = adopted_code(group, actor)
    old = document.current_version
    new = services.document_revise(actor=actor, document=document, is_material=False, change_note="")
    adopt(actor, new, DAY + dt.timedelta(days=1))
    old.refresh_from_db()
    with pytest.raises(ValidationError, match="no longer in force"):
        services.acknowledge(actor=employee_user(group.in_leaf), employee=group.in_leaf, version=old)
    with pytest.raises(ValidationError):
        services.acknowledge_on_paper(actor=actor, employee=group.in_leaf, version=old, acknowledged_on=TODAY)
    assert not Acknowledgement.objects.exists()


def test_the_comprehension_check_must_be_answered_correctly(group):
    actor = officer()
    document = adopted_code(group, actor)
    campaign = _campaign(document, actor, statements=[{"texts": {"en": "Bribes are fine"}, "is_true": False}])
    services.campaign_launch(actor=actor, campaign=campaign)
    user = employee_user(group.in_leaf)
    statement = campaign.statements.get()
    with pytest.raises(ValidationError):
        services.acknowledge(actor=user, employee=group.in_leaf, version=document.current_version)
    with pytest.raises(ValidationError, match="not right"):
        services.acknowledge(
            actor=user, employee=group.in_leaf, version=document.current_version, answers={str(statement.pk): True}
        )
    services.acknowledge(
        actor=user, employee=group.in_leaf, version=document.current_version, answers={str(statement.pk): False}
    )
    assert Acknowledgement.objects.count() == 1


def test_a_material_new_version_makes_acknowledgements_stale_and_asks_again(group):
    actor = officer()
    document = adopted_code(group, actor)
    campaign = _campaign(document, actor)
    services.campaign_launch(actor=actor, campaign=campaign)
    services.acknowledge(actor=employee_user(group.in_leaf), employee=group.in_leaf, version=document.current_version)
    new = services.document_revise(actor=actor, document=document, is_material=True, change_note="New gifts rules")
    adopt(actor, new, DAY + dt.timedelta(days=5))
    assert Acknowledgement.objects.get().is_stale
    campaign.refresh_from_db()
    assert campaign.status == "closed"
    again = selectors.my_requests(actor=employee_user(group.in_leaf)).get()
    assert again.campaign.version == new
    assert AckRequest.objects.filter(campaign=again.campaign).count() == 4


def test_reminders_go_in_each_recipients_language(group, settings):
    actor = officer()
    document = adopted_code(group, actor)
    campaign = _campaign(document, actor)
    services.campaign_launch(actor=actor, campaign=campaign)
    user = employee_user(group.in_leaf)
    user.language = "kk"
    user.save()
    group.in_leaf.email = "leaf@example.test"
    group.in_leaf.save()
    counts = services.campaign_remind(actor=actor, campaign=campaign)
    assert counts["sent"] >= 1
    message = next(m for m in mail.outbox if m.to == ["leaf@example.test"])
    assert "Сыбайлас жемқорлыққа қарсы кодекс" in message.subject


def _csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "acks.csv"
    path.write_text("\n".join(["personnel_number;acknowledged_on", *rows]), encoding="utf-8")
    return path


def test_an_import_with_one_bad_row_writes_nothing_unless_valid_rows_only(group, tmp_path):
    actor = officer()
    document = adopted_code(group, actor)
    version = document.current_version
    campaign = _campaign(document, actor)
    services.campaign_launch(actor=actor, campaign=campaign)
    path = _csv(
        tmp_path,
        [
            f"{group.in_leaf.personnel_number};05.03.2026",
            f"{group.in_root.personnel_number};2026-03-04",
            "NO-SUCH;2026-03-04",
        ],
    )
    plan = importing.plan_file(actor=actor, kind="acknowledgements", path=path, version=version)
    assert len(plan.valid) == 2 and [e.column for e in plan.errors] == ["personnel_number"]
    assert plan.errors[0].line == 4
    with pytest.raises(PermissionDenied):
        importing.apply(actor=actor, plan=plan, version=version)
    assert not Acknowledgement.objects.exists()
    result = importing.apply(actor=actor, plan=plan, valid_only=True, version=version)
    assert result.created == 2 and result.skipped == 1
    assert AckRequest.objects.filter(campaign=campaign, acknowledgement__isnull=False).count() == 2
    assert indicators.code_reviewed(2026, None) == 2


def test_an_import_refuses_dates_before_the_version_came_into_force(group, tmp_path):
    actor = officer()
    document = adopted_code(group, actor)
    path = _csv(tmp_path, [f"{group.in_leaf.personnel_number};01.01.2020"])
    plan = importing.plan_file(actor=actor, kind="acknowledgements", path=path, version=document.current_version)
    assert not plan.valid and plan.errors[0].column == "acknowledged_on"


def test_code_readers_count_new_hires_separately(group):
    actor = officer()
    document = adopted_code(group, actor)
    newcomer = EmployeeFactory(company=group.a, unit=group.leaf, hire_date=dt.date(2026, 2, 1))
    for employee in (group.in_leaf, newcomer):
        services.acknowledge_on_paper(
            actor=actor, employee=employee, version=document.current_version, acknowledged_on=dt.date(2026, 4, 1)
        )
    assert indicators.code_reviewed(2026, None) == 2
    assert indicators.code_reviewed_new_hires(2026, None) == 1
    assert indicators.code_reviewed(2026, group.b.pk) == 0
    assert indicators.code_reviewed(2025, None) == 0


def test_positions_requiring_an_agreement_create_obligations_to_record(group):
    actor = officer()
    position = PositionFactory(company=group.a, unit=group.leaf, code="PROC", requires_ac_agreement=True)
    hired = EmployeeFactory(company=group.a, unit=group.leaf, position=position, hire_date=dt.date(2026, 1, 10))
    assert services.obligations_sync() == 1
    assert services.obligations_sync() == 0
    obligation = AgreementObligation.objects.get()
    assert obligation.employee == hired and obligation.reason == "hire" and obligation.arose_on == dt.date(2026, 1, 10)
    assert selectors.agreement_list(actor=actor, missing_only=True).count() == 1
    services.agreement_record(actor=actor, obligation=obligation, number="AC-5", concluded_on=dt.date(2026, 1, 12))
    assert selectors.agreement_list(actor=actor, missing_only=True).count() == 0
    assert indicators.agreements_concluded(2026, group.a.pk) == 1
    with pytest.raises(PermissionDenied):
        services.agreement_record(
            actor=officer(company=group.b), obligation=obligation, number="X", concluded_on=dt.date(2026, 1, 12)
        )


def test_new_hires_with_obligations_over_new_hires(group):
    actor = officer()
    first = EmployeeFactory(company=group.a, unit=group.leaf, hire_date=dt.date(2026, 5, 1))
    EmployeeFactory(company=group.a, unit=group.leaf, hire_date=dt.date(2026, 6, 1))
    services.hire_record_save(actor=actor, employee=first, contract_date=dt.date(2026, 5, 1), has_obligations=True)
    hires_in_2026 = 2 + sum(
        1
        for e in (group.in_root, group.in_branch, group.in_leaf, group.in_b)
        if e.hire_date and e.hire_date.year == 2026
    )
    assert indicators.hires_with_obligations(2026, None) == 1
    assert indicators.hires_with_obligations_share(2026, None) == round(100 / hires_in_2026)


def test_a_candidate_check_finds_relatives_and_invalid_identifiers(group):
    actor = officer()
    submit(group.in_leaf, items=[relative("Иванова Анна Петровна", "child")])
    check = services.candidate_check_run(
        actor=actor, company=group.a, full_name="иванова анна петровна", identifier="123456789012"
    )
    assert check.identifier_valid is False
    assert [r["employee"] for r in check.relatives] == [group.in_leaf.full_name]
    with pytest.raises(ValidationError):
        services.candidate_check_conclude(actor=actor, check=check, conclusion="objection", reasons="")
    services.candidate_check_conclude(actor=actor, check=check, conclusion="with_measures", reasons="Not in his unit")
    assert check.status == CandidateCheck.Status.CONCLUDED


def test_a_check_by_someone_without_the_right_is_refused(group):
    for user in (employee_user(group.in_leaf), officer(company=group.b)):
        with pytest.raises(PermissionDenied):
            services.candidate_check_run(actor=user, company=group.a, full_name="Петров Пётр")
    assert not CandidateCheck.objects.exists()


def test_candidates_are_purged_after_the_retention(group, settings):
    settings.SENIM_CANDIDATE_RETENTION_DAYS = 30
    actor = officer()
    old = services.candidate_check_run(actor=actor, company=group.a, full_name="Петров Пётр")
    CandidateCheck.objects.filter(pk=old.pk).update(checked_on=TODAY - dt.timedelta(days=31))
    services.candidate_check_run(actor=actor, company=group.a, full_name="Сидоров Иван")
    assert services.candidates_purge() == 1
    assert list(CandidateCheck.objects.values_list("full_name", flat=True)) == ["Сидоров Иван"]
