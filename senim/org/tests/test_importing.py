"""Imports validate every row first, write all or nothing, upsert by personnel number, and refuse
unsafe files before parsing them."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

from senim.accounts.tests.factories import user_with_role
from senim.core import identifiers
from senim.core.access import SYSTEM, PermissionDenied
from senim.core.models import AuditEvent
from senim.org import importing
from senim.org.importing import employees as employee_import
from senim.org.models import Employee, ImportJob

HEADER = "company,personnel_number,surname,given_name,patronymic,iin,unit_code,hire_date,email"


def _iin(n: int) -> str:
    return identifiers.make_iin(dt.date(1985, 5, 1) + dt.timedelta(days=n), "F", 200 + n)


def _csv(tmp_path: Path, group, rows: list[str], name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _good(group, n: int, unit: str = "LEAF") -> str:
    number = group.a.registration_number
    return f"{number},N{n:04d},Сейтқали,Әсел,Маратқызы,{_iin(n)},{unit},2024-02-0{1 + n % 8},a{n}@x.kz"


def test_valid_file_imports_every_row_with_latin_names_and_audit(group, tmp_path):
    path = _csv(tmp_path, group, [_good(group, 1), _good(group, 2)])
    plan = importing.plan_file(actor=SYSTEM, kind="employees", path=path)
    assert plan.ok and plan.total == 2
    result = employee_import.apply(actor=SYSTEM, plan=plan)
    assert (result.created, result.updated) == (2, 0)
    employee = Employee.objects.get(personnel_number="N0001")
    assert employee.surname_latin == "Seitkali" and employee.unit == group.leaf
    assert AuditEvent.objects.filter(event_type="org.employee.imported").count() == 2


def test_each_bad_cell_is_reported_by_line_and_column(group, tmp_path):
    bad_iin = _iin(3)[:-1] + str((int(_iin(3)[-1]) + 1) % 10)
    rows = [
        _good(group, 1),
        f"{group.a.registration_number},N0002,,Әсел,,,LEAF,2024-02-01,a@x.kz",
        f"{group.a.registration_number},N0003,Ким,Ли,,{bad_iin},LEAF,31.02.2024,a@x.kz",
        "999999999999,N0004,Ким,Ли,,,NOPE,2024-01-01,not-an-email",
        _good(group, 1).replace("a1@", "b1@"),
    ]
    plan = importing.plan_file(actor=SYSTEM, kind="employees", path=_csv(tmp_path, group, rows))
    found = {(e.line, e.column) for e in plan.errors}
    assert {
        (3, "surname"),
        (4, "iin"),
        (4, "hire_date"),
        (5, "company"),
        (5, "email"),
        (6, "personnel_number"),
    } <= found
    assert len(plan.valid) == 1


def test_a_file_with_errors_writes_nothing_unless_valid_rows_are_chosen(group, tmp_path):
    path = _csv(tmp_path, group, [_good(group, 1), f"{group.a.registration_number},N0002,,X,,,,,"])
    plan = importing.plan_file(actor=SYSTEM, kind="employees", path=path)
    before = (Employee.objects.count(), AuditEvent.objects.count())
    with pytest.raises(PermissionDenied):
        employee_import.apply(actor=SYSTEM, plan=plan)
    assert (Employee.objects.count(), AuditEvent.objects.count()) == before
    result = employee_import.apply(actor=SYSTEM, plan=plan, valid_only=True)
    assert (result.created, result.skipped) == (1, 1)
    assert "N0002" in plan.rejected_csv("error") and "surname" in plan.rejected_csv("error")


def test_reimport_is_idempotent_and_updates_only_what_changed(group, tmp_path):
    rows = [_good(group, 1), _good(group, 2)]
    employee_import.apply(
        actor=SYSTEM, plan=importing.plan_file(actor=SYSTEM, kind="employees", path=_csv(tmp_path, group, rows))
    )
    again = importing.plan_file(actor=SYSTEM, kind="employees", path=_csv(tmp_path, group, rows))
    assert employee_import.apply(actor=SYSTEM, plan=again).unchanged == 2
    rows[1] = rows[1].replace(",LEAF,", ",BR,")
    changed = importing.plan_file(actor=SYSTEM, kind="employees", path=_csv(tmp_path, group, rows))
    result = employee_import.apply(actor=SYSTEM, plan=changed)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert Employee.objects.get(personnel_number="N0002").unit == group.branch
    assert AuditEvent.objects.filter(event_type="org.employee.imported").first().changes["unit_id"][1] == str(
        group.branch.id
    )


def test_xlsx_with_russian_headers_and_excel_dates(group, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Компания", "Табельный номер", "Фамилия", "Имя", "ИИН", "Дата приема"])
    sheet.append([group.a.registration_number, "X1", "Петров", "Пётр", _iin(9), dt.datetime(2023, 4, 5)])
    path = tmp_path / "staff.xlsx"
    book.save(path)
    plan = importing.plan_file(actor=SYSTEM, kind="employees", path=path)
    assert plan.ok, plan.errors
    assert plan.valid[0][1]["hire_date"] == dt.date(2023, 4, 5)


def test_officer_cannot_import_outside_their_scope(group, tmp_path):
    officer = user_with_role("officer", company=group.b)
    plan = importing.plan_file(actor=officer, kind="employees", path=_csv(tmp_path, group, [_good(group, 1)]))
    assert [(e.column, e.line) for e in plan.errors] == [("company", 2)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01binary\x00", "neither CSV nor XLSX"),
        (b"PK\x03\x04broken zip", "not a valid XLSX"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    with pytest.raises(importing.FileRejected, match=message):
        importing.plan_file(actor=SYSTEM, kind="employees", path=path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    with pytest.raises(importing.FileRejected, match="unreasonable size"):
        importing.plan_file(actor=SYSTEM, kind="employees", path=path)


def test_units_import_builds_the_tree_whatever_the_row_order(group, tmp_path):
    path = tmp_path / "units.csv"
    number = group.b.registration_number
    path.write_text(f"company,code,parent_code,name_ru\n{number},B3,B2,Цех\n{number},B2,B1,Участок\n", encoding="utf-8")
    plan = importing.plan_file(actor=SYSTEM, kind="units", path=path)
    assert plan.ok, plan.errors
    importing.KINDS["units"].apply(actor=SYSTEM, plan=plan)
    leaf = group.b.units.get(code="B3")
    assert leaf.depth == 2 and leaf.path.startswith(group.other.path)


def test_positions_import_reads_yes_no_in_several_languages(group, tmp_path):
    path = tmp_path / "positions.csv"
    number = group.a.registration_number
    path.write_text(
        f"company,code,unit_code,title_ru,corruption_prone,requires_agreement\n"
        f"{number},BUY,BR,Закупщик,да,иә\n{number},CLERK,,Делопроизводитель,нет,0\n{number},BAD,,X,может быть,\n",
        encoding="utf-8",
    )
    plan = importing.plan_file(actor=SYSTEM, kind="positions", path=path)
    assert [(e.line, e.column) for e in plan.errors] == [(4, "corruption_prone")]
    importing.KINDS["positions"].apply(actor=SYSTEM, plan=plan, valid_only=True)
    assert group.a.positions.get(code="BUY").is_corruption_prone is True


def test_cli_import_refuses_a_file_with_errors_and_writes_rejected_rows(group, tmp_path):
    path = _csv(tmp_path, group, [_good(group, 1), f"{group.a.registration_number},N0002,,X,,,,,"])
    rejected = tmp_path / "rejected.csv"
    with pytest.raises(CommandError):
        call_command("import", "employees", str(path), "--rejected", str(rejected))
    assert Employee.objects.filter(personnel_number="N0001").count() == 0
    assert "N0002" in rejected.read_text(encoding="utf-8")
    call_command("import", "employees", str(path), "--valid-only", stdout=io.StringIO())
    assert Employee.objects.filter(personnel_number="N0001").count() == 1


def test_upload_wizard_previews_errors_then_imports_valid_rows_in_the_background(
    client, group, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(user_with_role("officer"))
    path = _csv(tmp_path, group, [_good(group, 1), f"{group.a.registration_number},N0002,,X,,,,,"])
    with path.open("rb") as handle:
        response = client.post(reverse("org:import-upload"), {"kind": "employees", "file": handle})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200 and b"surname" in preview.content
    assert "Сейтқали" in preview.content.decode()  # the preview shows the file's own text
    token = response["Location"].rstrip("/").split("/")[-1]
    assert reverse("org:import-confirm", args=[token]) in preview.content.decode()  # the shared page
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("org:import-confirm", args=[token]))
    job = ImportJob.objects.get()
    assert started["Location"] == reverse("org:import-job", args=[job.pk])
    assert job.status == ImportJob.Status.FAILED and not Employee.objects.filter(personnel_number="N0001").exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("org:import-confirm", args=[token]), {"mode": "valid_only"})
    job = ImportJob.objects.latest("created_at")
    assert (job.status, job.created, job.skipped) == (ImportJob.Status.DONE, 1, 1)
    assert Employee.objects.filter(personnel_number="N0001").exists()
    page = client.get(reverse("org:import-job", args=[job.pk]))
    assert page.status_code == 200 and b"hx-trigger" not in page.content  # finished: no more polling
    assert b"N0002" in client.get(reverse("org:import-job-rejected", args=[job.pk])).content


def test_another_officer_cannot_open_someone_elses_import_job(client, group, tmp_path):
    owner = user_with_role("officer", company=group.a)
    job = ImportJob.objects.create(kind="employees", file_name="x.csv", stored_file="x.csv", requested_by=owner)
    client.force_login(user_with_role("officer", company=group.a))
    assert client.get(reverse("org:import-job", args=[job.pk])).status_code == 404


def test_oversized_upload_is_refused_from_its_declared_length(client, group, settings):
    settings.SENIM_MAX_UPLOAD_MB = 1
    client.force_login(user_with_role("officer"))
    body = b"x" * (2 * 1024 * 1024)
    response = client.post(reverse("org:import-upload"), {"kind": "employees", "file": io.BytesIO(body)})
    assert response.status_code == 413
    assert Employee.objects.count() == 4


def test_a_column_left_out_of_the_file_keeps_existing_values(group, tmp_path):
    """Re-importing with only the required columns must not wipe identifiers, units or dates."""
    before = Employee.objects.get(pk=group.in_leaf.pk)
    path = tmp_path / "names.csv"
    path.write_text(
        f"company,personnel_number,surname,given_name\n{group.a.registration_number},{before.personnel_number},"
        f"Жаңа,{before.given_name}\n",
        encoding="utf-8",
    )
    result = employee_import.apply(actor=SYSTEM, plan=importing.plan_file(actor=SYSTEM, kind="employees", path=path))
    after = Employee.objects.get(pk=before.pk)
    assert result.updated == 1 and after.surname == "Жаңа"
    assert (after.iin, after.unit_id, after.hire_date, after.surname_latin) == (
        before.iin,
        before.unit_id,
        before.hire_date,
        before.surname_latin,
    )


def test_unit_reimport_without_parent_column_keeps_the_tree(group, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(f"company,code,name_en\n{group.a.registration_number},LEAF,Leaf renamed\n", encoding="utf-8")
    importing.KINDS["units"].apply(actor=SYSTEM, plan=importing.plan_file(actor=SYSTEM, kind="units", path=path))
    group.leaf.refresh_from_db()
    assert group.leaf.parent_id == group.branch.id and group.leaf.name_en == "Leaf renamed"
    assert group.leaf.name_ru  # the Russian name was not in the file and stays
