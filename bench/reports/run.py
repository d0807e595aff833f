"""Annual report benchmark: a group of 35,000 employees with two full years of records in every
module, then the report's figures, DOCX and PDF in each language, with the bare indicator
registry (the same figures, no report around them) as the reference measured in the same run.

    .venv/bin/python bench/reports/run.py [--employees 35000] [--contracts 10000] [--rounds 3]

The demo builds every module's records; the employees come in through the XLSX import; the bulk of
each year (forms A for everyone, Code acknowledgements, test attempts, contracts, verifications,
gifts, Speak Up cases) is cloned from the demo's own rows with new dates and people, so every record
is one a module could have written. Targets (issue 18): figures ≤ 5 s, DOCX ≤ 10 s, PDF ≤ 20 s.
"""

import argparse
import copy
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "platform")]

LANGUAGES = ("ru", "kk", "en", "uz")


def _setup(data_dir: str) -> None:
    os.environ.setdefault("SENIM_DATA_DIR", data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()


def _split(people: list[Any], taken: set[Any], rng: random.Random) -> tuple[list[Any], list[Any]]:
    """Two disjoint shares of the people not in `taken` (40 % of the whole each, at most)."""
    free = [p for p in people if p[0] not in taken]
    rng.shuffle(free)
    share = min(len(free) // 2, len(people) * 4 // 10)
    return free[:share], free[share : 2 * share]


def _clone(model: Any, count: int, change: Any, rng: random.Random, source: Any = None) -> int:
    """Bulk-create `count` copies of the model's existing rows (or of `source`'s), each passed
    through change(row, n)."""
    from django.utils import timezone

    templates = list((source if source is not None else model.objects.all())[:200])
    if not templates:
        return 0
    now = timezone.now()
    batch = []
    for n in range(count):
        row = copy.copy(rng.choice(templates))
        row.pk = uuid.uuid4()
        row.id = row.pk
        row.created_at = row.updated_at = now
        change(row, n)
        batch.append(row)
    model.objects.bulk_create(batch, batch_size=2000)
    return count


def _day(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def _moment(rng: random.Random, year: int) -> dt.datetime:
    return dt.datetime.combine(_day(rng, year), dt.time(10, 0), tzinfo=dt.UTC)


def _fill_years(years: tuple[int, int], contracts: int, rng: random.Random) -> dict[str, int]:
    """Two years of records at a 35,000-person group's volume, cloned from the demo's rows."""
    from senim.awareness.models import Acknowledgement
    from senim.conflicts.models import Declaration, FormType, Gift
    from senim.counterparties.models import Contract, VerificationCase
    from senim.learning.models import Attempt
    from senim.org.models import Employee
    from senim.speakup.models import Case

    people = list(Employee.objects.values_list("pk", "company_id"))
    # Acknowledgements and attempts are unique per employee (and version or test): each year takes
    # its own people among those the demo has not given any.
    fresh_readers = _split(people, set(Acknowledgement.objects.values_list("employee_id", flat=True)), rng)
    fresh_takers = _split(people, set(Attempt.objects.values_list("employee_id", flat=True)), rng)
    made: dict[str, int] = {}

    for half, year in enumerate(years):
        staff = iter(rng.sample(people, len(people)))

        def declaration(row: Any, n: int, year: int = year, staff: Any = staff) -> None:
            row.employee_id, row.company_id = next(staff)
            row.form_type, row.submitted_at, row.supersedes_id = FormType.A, _moment(rng, year), None
            row.number = 1

        made["forms A"] = made.get("forms A", 0) + _clone(
            Declaration, len(people) * 9 // 10, declaration, rng, Declaration.objects.filter(form_type=FormType.A)
        )
        readers = iter(fresh_readers[half])

        def acknowledgement(row: Any, n: int, year: int = year, readers: Any = readers) -> None:
            row.employee_id, row.company_id = next(readers)
            row.acknowledged_on = _day(rng, year)

        made["acknowledgements"] = made.get("acknowledgements", 0) + _clone(
            Acknowledgement, len(fresh_readers[half]), acknowledgement, rng
        )
        takers = iter(fresh_takers[half])

        def attempt(row: Any, n: int, year: int = year, takers: Any = takers) -> None:
            row.employee_id, row.company_id = next(takers)
            row.started_at = _moment(rng, year)
            row.finished_at = row.started_at + dt.timedelta(minutes=20)

        made["test attempts"] = made.get("test attempts", 0) + _clone(
            Attempt, len(fresh_takers[half]), attempt, rng, Attempt.objects.exclude(finished_at=None)
        )

        def contract(row: Any, n: int, year: int = year) -> None:
            row.number = f"B-{year}-{n:06d}"
            row.date = _day(rng, year)

        made["contracts"] = made.get("contracts", 0) + _clone(Contract, contracts, contract, rng)

        def verification(row: Any, n: int, year: int = year) -> None:
            row.opened_on = _day(rng, year)

        made["verifications"] = made.get("verifications", 0) + _clone(
            VerificationCase, contracts // 5, verification, rng
        )

        def gift(row: Any, n: int, year: int = year) -> None:
            row.date = _day(rng, year)
            row.source_key = f"bench-{year}-{n}"

        made["gifts"] = made.get("gifts", 0) + _clone(Gift, 1000, gift, rng)

        def case(row: Any, n: int, year: int = year) -> None:
            row.reference = f"B{year % 100}{n:05d}{rng.randrange(1000):03d}"
            row.received_at = _moment(rng, year)
            # Receipt digests are unique: a cloned case gets its own (no reporter can use it).
            row.receipt_digest = uuid.uuid4().hex if row.receipt_digest else row.receipt_digest
            row.pending_receipt_digest = uuid.uuid4().hex if row.pending_receipt_digest else None

        made["Speak Up cases"] = made.get("Speak Up cases", 0) + _clone(Case, 300, case, rng)
    return made


CPU_SECONDS: list[float] = []  # the CPU median of each _timed call, in order (printed at the end)


def _timed(work: Any, rounds: int) -> float:
    """The median wall-clock seconds of `rounds` runs of work(); the median CPU seconds (this
    process's own, which leaves out waiting for a processor on a shared machine) go to CPU_SECONDS."""
    samples, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        samples.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    CPU_SECONDS.append(statistics.median(cpu))
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=35000)
    parser.add_argument("--contracts", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--data-dir",
        help="keep the built group in this directory and reuse it next time (building 35,000 employees takes minutes)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = args.data_dir or scratch
        reuse = bool(args.data_dir) and (Path(data_dir) / "senim.sqlite3").exists()
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        _setup(data_dir)
        from django.core.management import call_command
        from django.utils import timezone
        from run import _write_xlsx  # bench/platform/run.py: the employees workbook

        from senim.core import indicators
        from senim.core.access import SYSTEM
        from senim.demo import builder
        from senim.org import importing
        from senim.org.importing import employees as employee_import
        from senim.reports import content, exports, services
        from senim.reports.models import Report

        call_command("migrate", verbosity=0)
        year = timezone.localdate().year - 1
        if reuse:
            print(f"Data: reused from {data_dir}")
        else:
            started = time.perf_counter()
            builder.build()
            xlsx = Path(data_dir) / "employees.xlsx"
            _write_xlsx(xlsx, args.employees)
            plan = importing.plan_file(actor=SYSTEM, kind="employees", path=xlsx)
            employee_import.apply(actor=SYSTEM, plan=plan)
            made = _fill_years((year - 1, year), args.contracts, random.Random(18))
            print(f"Data: demo + {args.employees:,} employees + two years in {time.perf_counter() - started:.0f} s")
            print("  " + ", ".join(f"{name} {count:,}" for name, count in made.items()))

        from senim.accounts.models import User

        admin = User.objects.get(username="admin")
        report = services.report_create(actor=admin, year=year, company_id=None, languages=list(LANGUAGES))
        report = Report.objects.get(pk=report.pk)
        reference = _timed(lambda: indicators.compute_values(year=year), args.rounds)
        figures = len(indicators.all_indicators())
        print(
            f"\nReference: the bare indicator registry, {figures} figures × 2 years: {reference:.2f} s"
            f" ({CPU_SECONDS[0]:.2f} s CPU)\n"
        )
        print(f"{'language':<10}{'figures':>10}{'÷ ref':>8}{'DOCX':>10}{'÷ ref':>8}{'PDF':>10}{'÷ ref':>8}")
        for language in LANGUAGES:
            single = Report.objects.get(pk=report.pk)
            single.languages = [language]
            built = content.build(single)
            t_figures = _timed(lambda single=single: content.build(single), args.rounds)
            t_docx = _timed(lambda s=single, lang=language: _export(exports, content, s, lang, "docx"), args.rounds)
            t_pdf = _timed(lambda s=single, lang=language: _export(exports, content, s, lang, "pdf"), args.rounds)
            assert built["languages"][language]
            print(
                f"{language:<10}{t_figures:>9.2f}s{t_figures / reference:>8.2f}{t_docx:>9.2f}s"
                f"{t_docx / reference:>8.2f}{t_pdf:>9.2f}s{t_pdf / reference:>8.2f}"
            )
            c_figures, c_docx, c_pdf = CPU_SECONDS[-3:]
            print(
                f"{'  CPU':<10}{c_figures:>9.2f}s{c_figures / CPU_SECONDS[0]:>8.2f}{c_docx:>9.2f}s"
                f"{c_docx / CPU_SECONDS[0]:>8.2f}{c_pdf:>9.2f}s{c_pdf / CPU_SECONDS[0]:>8.2f}"
            )
        t_approve = _timed(lambda: _approve_copy(services, admin, year), 1)
        print(f"\nApproval with every figure's records frozen (four languages): {t_approve:.2f} s")
        print("Targets: figures ≤ 5 s, DOCX ≤ 10 s, PDF ≤ 20 s per language (DOCX and PDF include the figures).")


def _export(exports: Any, content: Any, report: Any, language: str, fmt: str) -> bytes:
    """An export from scratch, as a download does it: the figures, then the file."""
    body: bytes = exports.render(report, content.build(report), language, fmt)
    return body


def _approve_copy(services: Any, admin: Any, year: int) -> None:
    draft = services.report_create(actor=admin, year=year, company_id=None, languages=list(LANGUAGES))
    services.report_approve(actor=admin, report=draft)


if __name__ == "__main__":
    main()
