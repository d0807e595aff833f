"""History import: 35,000 forms A, one per employee of a 35,000-employee company (issue 12: ≤ 60 s);
then the same file again (every row matched by its external id), then the next year's 35,000 forms A
(each a new version replacing the employee's form of the year before).

    .venv/bin/python bench/history/forms.py [--employees 35000]

Fresh SQLite (or DATABASE_URL) database in a temporary directory. The reference, measured in the
same run, is the import of the same 35,000 employees from the HR file (the organisation import, the
same engine: read, check every row, write all or nothing with an audit event per record). Each
file is checked in full (plan) and written (apply) as the command line does it.
"""

import argparse
import csv
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=35000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ.setdefault("SENIM_DATA_DIR", data_dir)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
        import django

        django.setup()
        from django.core.management import call_command

        from senim.conflicts.importing import IMPORTS
        from senim.conflicts.models import Declaration
        from senim.core.access import SYSTEM
        from senim.org import importing as org_importing
        from senim.org.models import Company

        call_command("migrate", verbosity=0)
        year = dt.date.today().year
        company = Company.objects.create(
            name_en="Big Group JSC", registration_number="100000000001", country="KZ", founded_on=dt.date(2000, 1, 1)
        )
        total, folder = args.employees, Path(data_dir)
        number = company.registration_number
        _write(
            folder / "employees.csv",
            ["company", "personnel_number", "surname", "given_name", "hire_date"],
            [[number, f"P{n:06d}", f"Фамилия{n}", "Имя", "2015-01-01"] for n in range(total)],
        )
        header = ["company", "external_id", "personnel_number", "form", "submitted_on", "nothing_to_declare"]
        header += ["circumstances", "outcome", "reviewed_on", "review_comment"]
        for offset in (2, 1):
            filed = year - offset
            rows = []
            for n in range(total):
                submitted = dt.date(filed, 1 + n % 12, 1 + n % 28)
                reviewed = ["none", (submitted + dt.timedelta(days=2)).isoformat(), ""]
                if n % 50 == 0:  # a few declare something, found a potential conflict
                    answer, reviewed = ["no", "Brother at a supplier"], ["potential", reviewed[1], "Recusal"]
                else:
                    answer = ["yes", ""]
                if reviewed[1][:4] != str(filed):
                    reviewed[1] = submitted.isoformat()
                rows.append([number, f"A{filed}-{n}", f"P{n:06d}", "a", submitted.isoformat(), *answer, *reviewed])
            _write(folder / f"forms-{filed}.csv", header, rows)

        def run(imports: object, kind: str, name: str) -> tuple[float, float, object]:
            t0, c0 = time.perf_counter(), time.process_time()
            plan = imports.plan_file(actor=SYSTEM, kind=kind, path=folder / name, max_bytes=0)  # type: ignore[attr-defined]
            assert plan.ok, plan.errors[:3] or plan.file_errors
            result = imports.apply(actor=SYSTEM, plan=plan)  # type: ignore[attr-defined]
            return time.perf_counter() - t0, time.process_time() - c0, result

        class _Org:  # the organisation import, shaped like an app's Imports
            plan_file = staticmethod(org_importing.plan_file)

            @staticmethod
            def apply(*, actor: object, plan: object) -> object:
                return org_importing.KINDS["employees"].apply(actor=actor, plan=plan)  # type: ignore[arg-type]

        def org_plan(*, actor: object, kind: str, path: Path, max_bytes: int) -> object:
            return org_importing.plan_file(actor=actor, kind=kind, path=path)  # type: ignore[arg-type]

        _Org.plan_file = staticmethod(org_plan)  # type: ignore[assignment]
        reference, reference_cpu, staff = run(_Org, "employees", "employees.csv")
        assert staff.created == total, staff  # type: ignore[attr-defined]
        first = f"forms-{year - 2}.csv"
        elapsed, cpu, result = run(IMPORTS, "declarations", first)
        assert result.created == total, result  # type: ignore[attr-defined]
        again, again_cpu, second = run(IMPORTS, "declarations", first)
        assert second.unchanged == total, second  # type: ignore[attr-defined]
        following, following_cpu, third = run(IMPORTS, "declarations", f"forms-{year - 1}.csv")
        assert third.created == total, third  # type: ignore[attr-defined]
        assert Declaration.objects.filter(status="superseded").count() == total
        print(f"{'step':<64}{'seconds':>9}{'CPU s':>8}")
        print(f"{f'reference: import {total:,} employees (HR file)':<64}{reference:>9.1f}{reference_cpu:>8.1f}")
        label = f"import {total:,} forms A with their review ({year - 2})"
        print(
            f"{label:<64}{elapsed:>9.1f}{cpu:>8.1f}   (target ≤ 60 s; {elapsed / reference:.2f}× the reference,"
            f" CPU {cpu / reference_cpu:.2f}×)"
        )
        print(f"{'the same file again (all matched by external id, unchanged)':<64}{again:>9.1f}{again_cpu:>8.1f}")
        label = f"the next year's {total:,} forms A (each replaces the one before)"
        print(f"{label:<64}{following:>9.1f}{following_cpu:>8.1f}")


if __name__ == "__main__":
    main()
