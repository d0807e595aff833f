"""Platform benchmark: import 35,000 employees from XLSX, then time the dashboard and the employee
list against bare Django views, all in one run on a fresh SQLite (or DATABASE_URL) database.

    .venv/bin/python bench/platform/run.py [--employees 35000] [--requests 200]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "platform")]


def _setup(data_dir: str) -> None:
    os.environ.setdefault("SENIM_DATA_DIR", data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    os.environ["DEBUG"] = "0"
    os.environ["SENIM_2FA_REQUIRED_FOR_COMPLIANCE"] = "0"
    import django

    django.setup()
    from django.conf import settings

    settings.ROOT_URLCONF = "urls"
    settings.ALLOWED_HOSTS = ["testserver"]


def _write_xlsx(path: Path, count: int) -> None:
    import datetime as dt
    import random

    from openpyxl import Workbook

    from senim.demo.builder import COMPANIES, UNITS, employee_row
    from senim.demo.names import PersonGenerator
    from senim.org.importing.employees import COLUMNS

    rng, people = random.Random(7), PersonGenerator(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(COLUMNS)
    codes = [code for code, _parent, _names in UNITS]
    for n in range(count):
        spec = COMPANIES[n % len(COMPANIES)]
        person = people.person(rng.choice(spec.nationalities), country=spec.country)
        unit = rng.choice(codes)
        hired = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        row = employee_row(spec, person, number=f"B{n:06d}", unit=unit, level="SPEC", hired=hired)
        sheet.append([row[c] for c in COLUMNS])
    book.save(path)


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=35000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        from django.core.management import call_command
        from django.test import Client

        from senim.accounts.models import User
        from senim.demo import builder
        from senim.org import importing
        from senim.org.importing import employees as employee_import
        from senim.org.models import Employee

        call_command("migrate", verbosity=0)
        builder.build()
        xlsx = Path(data_dir) / "employees.xlsx"
        _write_xlsx(xlsx, args.employees)
        started = time.perf_counter()
        plan = importing.plan_file(actor=None, kind="employees", path=xlsx)
        validated = time.perf_counter()
        result = employee_import.apply(actor=None, plan=plan)
        imported = time.perf_counter()
        assert plan.ok and result.created == args.employees, (plan.errors[:3], result)
        print(
            f"Import of {args.employees:,} employees from XLSX ({xlsx.stat().st_size / 1e6:.1f} MB): "
            f"read+validate {validated - started:.1f} s, write {imported - validated:.1f} s, "
            f"total {imported - started:.1f} s (target ≤ 30 s)"
        )
        print(f"Employees in the database: {Employee.objects.count():,}\n")

        client = Client()
        client.force_login(User.objects.get(username="officer"))
        # Each Senim page beside plain Django doing the same query (the reference measured in this run).
        pairs = {
            "dashboard": ("/", "/bench/bare-list/"),
            "employee list, first page": ("/org/employees/", "/bench/bare-list/"),
            "employee list, search": ("/org/employees/?q=ахмет", "/bench/bare-list/?q=ахмет"),
            "employee list, sort by hire date": ("/org/employees/?sort=-hired", "/bench/bare-list/?sort=-hired"),
            "employee list, page 500": ("/org/employees/?page=500", "/bench/bare-list/?page=500"),
        }

        def measure(url: str) -> tuple[float, float]:
            for _ in range(10):
                client.get(url)
            samples = []
            for _ in range(args.requests):
                t0 = time.perf_counter()
                response = client.get(url)
                samples.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            return _percentiles(samples)

        trivial = measure("/bench/bare/")
        print(
            f"trivial Django view (HttpResponse, same middleware): p50 {trivial[0]:.2f} ms, p95 {trivial[1]:.2f} ms\n"
        )
        print(f"{'page':<34}{'Senim p50':>10}{'p95':>8}{'Django p50':>11}{'p95':>8}{'p95 ratio':>10}{'÷ trivial':>10}")
        for label, (senim_url, bare_url) in pairs.items():
            (s50, s95), (b50, b95) = measure(senim_url), measure(bare_url)
            print(
                f"{label:<34}{s50:>10.2f}{s95:>8.2f}{b50:>11.2f}{b95:>8.2f}{s95 / b95:>10.2f}{s95 / trivial[1]:>10.1f}"
            )


if __name__ == "__main__":
    main()
