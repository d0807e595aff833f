"""Saving plans: all or nothing, deadlines fixed by hand, periods per recurrence, progress and the
roll-up by year."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.risks import selectors, services
from senim.risks.importing.reader import read_plan
from senim.risks.models import DeadlineKind, Measure, MeasureInstance, MeasureStatus, Plan
from senim.risks.tests.factories import roadmap_docx, table_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(group):
    return user_with_role("officer", company=group.a)


def _import(group, officer, tmp_path, **kwargs):
    return services.plan_import(actor=officer, company=group.a, understood=read_plan(roadmap_docx(tmp_path)), **kwargs)


def test_import_saves_every_measure_with_sections_and_periods(group, officer, tmp_path):
    plan = _import(group, officer, tmp_path)
    assert plan.measures.count() == 11
    assert plan.title_kk.endswith("ESG жол картасы")
    assert plan.sections.filter(parent__isnull=True).count() == 3
    annual = plan.measures.get(deadline_text="жыл сайын")
    assert annual.instances.count() == 8  # 2025 … 2032
    single = plan.measures.get(deadline_text="2032 ж. дейін")
    assert [(i.period, i.due_date) for i in single.instances.all()] == [("2032", dt.date(2032, 12, 31))]
    assert plan.measures.get(deadline_text="қажетіне қарай").instances.count() == 0
    unset = plan.measures.get(number="11")
    assert unset.needs_deadline and unset.deadline_text == "Басқарма шешімі бойынша"
    assert AuditEvent.objects.filter(event_type="risks.plan_measures_imported").exists()


def test_a_deadline_fixed_in_the_preview_is_saved_read(group, officer, tmp_path):
    understood = read_plan(roadmap_docx(tmp_path))
    line = understood.deadlines_to_set[0].line
    plan = services.plan_import(actor=officer, company=group.a, understood=understood, deadline_fixes={line: "2027 ж."})
    measure = plan.measures.get(number="11")
    assert measure.deadline_kind == DeadlineKind.DUE
    assert measure.due_date == dt.date(2027, 12, 31)
    assert measure.deadline_text == "2027 ж."


def test_a_plan_with_errors_writes_nothing(group, officer, tmp_path):
    path = table_docx(tmp_path, [["1", "Первое", "2030", "", "", ""], ["1", "Второе", "2030", "", "", ""]])
    with pytest.raises(ValidationError):
        services.plan_import(actor=officer, company=group.a, understood=read_plan(path))
    assert not Plan.objects.exists() and not Measure.objects.exists()


def test_import_needs_the_right_over_the_company(group, tmp_path):
    other = user_with_role("officer", company=group.b)
    auditor = user_with_role("auditor")
    for actor in (other, auditor):
        with pytest.raises(PermissionDenied):
            services.plan_import(actor=actor, company=group.a, understood=read_plan(roadmap_docx(tmp_path)))
    assert not Plan.objects.exists()


def test_setting_a_deadline_by_hand_schedules_its_periods(group, officer, tmp_path):
    plan = _import(group, officer, tmp_path)
    measure = plan.measures.get(number="11")
    with pytest.raises(ValidationError):
        services.measure_set_deadline(actor=officer, measure=measure, text="когда-нибудь")
    services.measure_set_deadline(actor=officer, measure=measure, text="ежеквартально, 2026-2027 гг.")
    measure.refresh_from_db()
    assert measure.deadline_kind == DeadlineKind.RECURRING
    assert measure.instances.count() == 8


def test_a_new_measure_cannot_be_due_in_the_past_nor_reuse_a_number(group, officer, tmp_path):
    plan = _import(group, officer, tmp_path)
    today = dt.date(2026, 6, 1)
    with pytest.raises(ValidationError, match="past"):
        services.measure_create(actor=officer, plan=plan, number="12", text="X", deadline_text="2025", today=today)
    with pytest.raises(ValidationError, match="already"):
        services.measure_create(actor=officer, plan=plan, number="3", text="X", deadline_text="2027", today=today)
    m = services.measure_create(actor=officer, plan=plan, number="12", text="X", deadline_text="2027", today=today)
    assert m.instances.get().due_date == dt.date(2027, 12, 31)


def test_progress_rolls_up_on_time_late_overdue_not_started(group, officer, tmp_path):
    plan = _import(group, officer, tmp_path)
    today = dt.date(2026, 2, 1)
    annual = plan.measures.get(deadline_text="жыл сайын")
    by_period = {i.period: i for i in annual.instances.all()}
    services.instance_report(
        actor=officer,
        instance=by_period["2025"],
        status="done",
        completed_on=dt.date(2025, 12, 20),
        note="Есеп жарияланды",
        today=today,
    )
    late = plan.measures.get(deadline_text="2025 ж.").instances.get()
    services.instance_report(
        actor=officer, instance=late, status="done", completed_on=dt.date(2026, 1, 15), today=today
    )
    rollup = {r.year: r for r in selectors.plan_rollup(plan=plan, today=today)}
    y2025 = rollup[2025]
    assert (y2025.on_time, y2025.late) == (1, 1)
    assert (
        y2025.overdue
        == MeasureInstance.objects.filter(measure__plan=plan, due_date__year=2025, due_date__lt=today)
        .exclude(status=MeasureStatus.DONE)
        .count()
    )
    assert rollup[2026].not_started > 0
    assert by_period["2025"].notes.get().text == "Есеп жарияланды"
    annual.refresh_from_db()
    assert annual.status == MeasureStatus.IN_PROGRESS
    with pytest.raises(ValidationError):
        services.instance_report(
            actor=officer, instance=by_period["2026"], status="done", completed_on=dt.date(2027, 1, 1), today=today
        )


def test_attention_lists_overdue_and_due_soon_in_scope(group, officer, tmp_path):
    plan = _import(group, officer, tmp_path)
    overdue, soon = selectors.instance_attention(actor=officer, today=dt.date(2026, 12, 15))
    assert overdue.filter(measure__deadline_text="2025 ж.").exists()
    assert soon.filter(due_date=dt.date(2026, 12, 31)).exists()
    outsider = user_with_role("officer", company=group.b)
    assert not selectors.instance_attention(actor=outsider, today=dt.date(2026, 12, 15))[0].exists()
    with pytest.raises(Plan.DoesNotExist):
        selectors.plan_get(actor=outsider, plan_id=plan.pk)


def test_cli_prints_what_was_understood_and_saves_without_dry_run(group, tmp_path, capsys):
    path = roadmap_docx(tmp_path)
    call_command(
        "plans", "import", str(path), "--dry-run", "--format", "json", "--company", group.a.registration_number
    )
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["rows"]) == 11
    assert printed["rows"][10]["deadline"]["kind"] == "unset"
    assert not Plan.objects.exists()
    call_command("plans", "import", str(path), "--company", group.a.registration_number)
    assert Plan.objects.get().measures.count() == 11


def test_cli_refuses_a_file_with_errors(group, tmp_path):
    path = table_docx(tmp_path, [["1", "Первое", "2030", "", "", ""], ["1", "Второе", "2030", "", "", ""]])
    with pytest.raises(CommandError):
        call_command("plans", "import", str(path), "--company", group.a.registration_number)
    assert not Plan.objects.exists()
