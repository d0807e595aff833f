"""Accounts for every employee: create (and audit) 35,000 employee accounts in one run.

    .venv/bin/python bench/history/accounts.py [--employees 35000]

Fresh SQLite (or DATABASE_URL) database in a temporary directory. The reference, measured in the
same run, is the bulk insert of the 35,000 employee records themselves (no audit).
"""

import argparse
import datetime as dt
import time
import uuid

from common import fresh_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=35000)
    args = parser.parse_args()
    with fresh_database():
        from senim.accounts import provisioning
        from senim.accounts.models import RoleAssignment, User
        from senim.core.access import SYSTEM
        from senim.core.bulk import bulk_insert
        from senim.org.models import Company, Employee

        companies = [
            Company.objects.create(name_en=f"Company {n}", registration_number=f"{100000000000 + n}", country="KZ")
            for n in range(3)
        ]
        employees = [
            Employee(
                id=uuid.uuid4(),
                company=companies[n % 3],
                personnel_number=f"E{n:06d}",
                surname=f"Surname{n}",
                given_name="Name",
                email=f"e{n}@example.kz" if n % 2 else "",
                hire_date=dt.date(2015, 1, 1),
                search_text=f"surname{n}",
            )
            for n in range(args.employees)
        ]
        t0 = time.perf_counter()
        bulk_insert(Employee, employees)
        reference = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        result = provisioning.employee_accounts_provision(actor=SYSTEM)
        elapsed, elapsed_cpu = time.perf_counter() - t0, time.process_time() - c0
        assert len(result.created) == args.employees, len(result.created)
        assert User.objects.count() == RoleAssignment.objects.count() == args.employees
        t0 = time.perf_counter()
        again = provisioning.employee_accounts_provision(actor=SYSTEM)
        rerun = time.perf_counter() - t0
        assert not again.created and again.unchanged == args.employees
        print(f"{'step':<58}{'seconds':>10}")
        print(f"{'reference: bulk insert of the employee records':<58}{reference:>10.1f}")
        label = f"create {args.employees:,} accounts + roles + audit events"
        print(f"{label:<58}{elapsed:>10.1f}   (target ≤ 60 s; {elapsed / reference:.1f}× the reference)")
        print(f"{'  the same, CPU seconds of this process':<58}{elapsed_cpu:>10.1f}")
        print(f"{'run again (nothing to do)':<58}{rerun:>10.1f}")


if __name__ == "__main__":
    main()
