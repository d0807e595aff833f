"""Awareness benchmark: launch an acknowledgement campaign for 35,000 employees, then import 35,000
paper acknowledgements from XLSX, on a fresh SQLite (or DATABASE_URL) database.

    .venv/bin/python bench/awareness/run.py [--employees 35000]

Each figure is printed beside a reference measured in the same run on the same rows: plain Django
`bulk_create` of the same requests (for the launch) and of the same acknowledgements (for the
import), both rolled back. Targets (issue 15): launch ≤ 10 s; import ≤ 30 s.
"""

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]


def _setup(data_dir: str) -> None:
    os.environ.setdefault("SENIM_DATA_DIR", data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _people(count: int):  # type: ignore[no-untyped-def]
    from senim.core.bulk import bulk_insert
    from senim.core.identifiers import make_bin
    from senim.org.models import Company, Employee, Unit

    company = Company.objects.create(
        name_ru="АО «Бенчмарк»", registration_kind="bin", registration_number=make_bin(2001, 1, 1), country="KZ"
    )
    units = []
    for n in range(40):
        unit = Unit(company=company, code=f"U{n}", name_ru=f"Подразделение {n}")
        unit.path = f"{unit.id.hex}/"
        units.append(unit)
    Unit.objects.bulk_create(units)
    employees = [
        Employee(
            company=company,
            personnel_number=f"B{n:06d}",
            surname="Иванов",
            given_name="Иван",
            unit=units[n % len(units)],
            hire_date=dt.date(2010, 1, 1) + dt.timedelta(days=n % 5000),
            search_text=f"b{n:06d}",
        )
        for n in range(count)
    ]
    bulk_insert(Employee, employees)
    return company, employees


def _code(company):  # type: ignore[no-untyped-def]
    from senim.awareness import services
    from senim.core.access import SYSTEM

    document = services.document_create(
        actor=SYSTEM, kind="code", code="CODE", titles={"ru": "Кодекс"}, company=company, texts={"ru": "Текст"}
    )
    version = document.versions.get()
    services.version_submit(actor=SYSTEM, version=version, approving_body="board", submitted_on=dt.date(2026, 1, 5))
    services.version_adopt(actor=SYSTEM, version=version, decision_number="1", decision_date=dt.date(2026, 1, 10))
    return version


class _Rollback(Exception):
    pass


def _reference(make) -> float:  # type: ignore[no-untyped-def]
    """Plain `bulk_create` of the given objects, timed and rolled back."""
    from django.db import transaction

    started = time.perf_counter()
    try:
        with transaction.atomic():
            objects = make()
            type(objects[0]).objects.bulk_create(objects, batch_size=1000)
            elapsed = time.perf_counter() - started
            raise _Rollback
    except _Rollback:
        return elapsed


def _xlsx(path: Path, employees) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["personnel_number", "acknowledged_on"])
    for n, employee in enumerate(employees):
        sheet.append([employee.personnel_number, (dt.date(2026, 2, 1) + dt.timedelta(days=n % 250)).isoformat()])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=35000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        from django.utils import timezone

        from senim.awareness import importing, services
        from senim.awareness.models import Acknowledgement, AckRequest
        from senim.core.access import SYSTEM

        company, employees = _people(args.employees)
        version = _code(company)
        campaign = services.campaign_create(
            actor=SYSTEM, version=version, title="Кодекс", deadline=timezone.localdate() + dt.timedelta(days=30)
        )
        deadline = campaign.deadline
        reference_launch = _reference(
            lambda: [
                AckRequest(campaign=campaign, employee=e, company=company, unit_id=e.unit_id, due_date=deadline)
                for e in employees
            ]
        )
        started = time.perf_counter()
        asked = services.campaign_launch(actor=SYSTEM, campaign=campaign)
        launch = time.perf_counter() - started

        path = Path(data_dir) / "acks.xlsx"
        _xlsx(path, employees)
        reference_import = _reference(
            lambda: [
                Acknowledgement(
                    id=uuid.uuid4(),
                    version=version,
                    document_id=version.document_id,
                    employee=e,
                    company=company,
                    unit_id=e.unit_id,
                    acknowledged_on=dt.date(2026, 2, 1),
                    source="import",
                )
                for e in employees
            ]
        )
        started = time.perf_counter()
        plan = importing.plan_file(actor=SYSTEM, kind="acknowledgements", path=path, version=version)
        result = importing.apply(actor=SYSTEM, plan=plan, version=version)
        imported = time.perf_counter() - started
        linked = AckRequest.objects.filter(campaign=campaign, acknowledgement__isnull=False).count()

        print(f"{'operation':<44}{'rows':>8}{'Senim s':>10}{'bulk_create s':>15}{'ratio':>8}{'target':>9}")
        print(
            f"{'launch a campaign (asks everyone)':<44}{asked:>8}{launch:>10.2f}{reference_launch:>15.2f}"
            f"{launch / reference_launch:>8.2f}{'≤ 10 s':>9}"
        )
        print(
            f"{'import acknowledgements (XLSX, validated)':<44}{result.created:>8}{imported:>10.2f}"
            f"{reference_import:>15.2f}{imported / reference_import:>8.2f}{'≤ 30 s':>9}"
        )
        print(f"requests answered by the import: {linked}")


if __name__ == "__main__":
    main()
