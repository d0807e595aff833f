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
import datetime as dt

from common import fresh_database, timed, write_csv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=35000)
    args = parser.parse_args()
    with fresh_database() as folder:
        from senim.conflicts.importing import IMPORTS
        from senim.conflicts.models import Declaration
        from senim.core.access import SYSTEM
        from senim.org import importing as org_importing
        from senim.org.models import Company

        year = dt.date.today().year
        company = Company.objects.create(
            name_en="Big Group JSC", registration_number="100000000001", country="KZ", founded_on=dt.date(2000, 1, 1)
        )
        total = args.employees
        number = company.registration_number
        write_csv(
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
            write_csv(folder / f"forms-{filed}.csv", header, rows)

        def run(name: str) -> tuple[float, float, object]:
            def call() -> object:
                plan = IMPORTS.plan_file(actor=SYSTEM, kind="declarations", path=folder / name, max_bytes=0)
                assert plan.ok, plan.errors[:3] or plan.file_errors
                return IMPORTS.apply(actor=SYSTEM, plan=plan)

            return timed(call)

        def import_employees() -> object:
            plan = org_importing.plan_file(actor=SYSTEM, kind="employees", path=folder / "employees.csv")
            assert plan.ok, plan.errors[:3] or plan.file_errors
            return org_importing.KINDS["employees"].apply(actor=SYSTEM, plan=plan)

        reference, reference_cpu, staff = timed(import_employees)
        assert staff.created == total, staff  # type: ignore[attr-defined]
        first = f"forms-{year - 2}.csv"
        elapsed, cpu, result = run(first)
        assert result.created == total, result  # type: ignore[attr-defined]
        again, again_cpu, second = run(first)
        assert second.unchanged == total, second  # type: ignore[attr-defined]
        following, following_cpu, third = run(f"forms-{year - 1}.csv")
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
