"""Conflicts-of-interest benchmark, end to end: the detection job on a database.

    .venv/bin/python bench/conflicts/job.py                     # 35,000 employees, 50,000 counterparties
    .venv/bin/python bench/conflicts/job.py --employees 3500 --counterparties 5000 --planted 30

Writes the data of `run.py` (same generator, same planted links) into a fresh SQLite database (or
DATABASE_URL): a company with its unit tree, the employees, one form A per employee who declared
something, and the counterparty register with owners and managers. Then runs
`senim.conflicts.jobs.detection_run` exactly as the worker does (reading employees, declarations and
the register, the cross-match, storing alerts, progress saved on the run row) and prints its time and
the alerts raised per kind.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "conflicts")]

from run import generate  # noqa: E402


def _setup(data_dir: str) -> None:
    os.environ.setdefault("SENIM_DATA_DIR", data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()


def _load(records, parties) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from senim.conflicts import services
    from senim.conflicts.models import Declaration, DeclarationItem
    from senim.core.identifiers import make_bin
    from senim.counterparties.models import Counterparty, Party
    from senim.org.models import Company, Employee, Unit

    company = Company.objects.create(
        name_ru="АО «Бенчмарк»", registration_kind="bin", registration_number=make_bin(2001, 1, 1), country="KZ"
    )
    units: dict[str, Unit] = {}
    paths = set()
    for record in records:
        parts = record.unit_path.rstrip("/").split("/")
        paths |= {"/".join(parts[: n + 1]) + "/" for n in range(len(parts))}
    for path in sorted(paths, key=lambda p: p.count("/")):
        parts = path.rstrip("/").split("/")
        parent = units.get("/".join(parts[:-1]) + "/") if len(parts) > 1 else None
        unit = Unit(company=company, parent=parent, code=parts[-1], name_ru=parts[-1], depth=len(parts) - 1)
        unit.path = f"{parent.path if parent else ''}{unit.id.hex}/"
        units[path] = unit
    Unit.objects.bulk_create(units.values(), batch_size=1000)
    employees, ids = [], {}
    for number, record in enumerate(records):
        native = record.names[0].split()
        latin = record.names[1].split() if len(record.names) > 1 else ["", "", ""]
        identifier = record.identifier
        employee = Employee(
            company=company,
            personnel_number=f"B{number:06d}",
            surname=native[0],
            given_name=native[1] if len(native) > 1 else "",
            patronymic=" ".join(native[2:]),
            surname_latin=latin[0],
            given_name_latin=latin[1] if len(latin) > 1 else "",
            patronymic_latin=" ".join(latin[2:]),
            iin=identifier if len(identifier) == 12 else "",
            pinfl=identifier if len(identifier) == 14 else "",
            unit=units[record.unit_path],
        )
        employee.refresh_search_text()
        employees.append(employee)
        ids[record.key] = employee.pk
    Employee.objects.bulk_create(employees, batch_size=2000)
    version = services.form_version_current("a")
    now = timezone.now()
    declarations, items = [], []
    for record in records:
        if not record.relatives and not record.companies:
            continue
        declaration = Declaration(
            employee_id=ids[record.key],
            company=company,
            unit=units[record.unit_path],
            form_type="a",
            form_version=version,
            submitted_at=now,
        )
        declarations.append(declaration)
        for relative in record.relatives:
            items.append(
                DeclarationItem(
                    declaration=declaration,
                    section="relatives",
                    person_name=relative.name,
                    person_identifier=relative.identifier,
                    relation="sibling",
                )
            )
        for declared in record.companies:
            items.append(
                DeclarationItem(
                    declaration=declaration,
                    section="interests",
                    holder="self",
                    organisation=declared.name,
                    organisation_identifier=declared.identifier,
                )
            )
    Declaration.objects.bulk_create(declarations, batch_size=2000)
    DeclarationItem.objects.bulk_create(items, batch_size=2000)
    counterparties: dict[str, Counterparty] = {}
    rows = []
    for party in parties:
        if party.role == "counterparty":
            counterparty = Counterparty(
                kind="legal_entity",
                name_ru=party.name,
                country="KZ",
                identifier_kind="bin",
                identifier=party.identifier,
            )
            counterparty.refresh_search_text()
            counterparties[party.counterparty_key] = counterparty
    Counterparty.objects.bulk_create(counterparties.values(), batch_size=2000)
    for party in parties:
        if party.role == "counterparty":
            continue
        rows.append(
            Party(
                counterparty=counterparties[party.counterparty_key],
                role=party.role,
                is_person=party.is_person,
                name=party.name,
                identifier=party.identifier,
                share=Decimal(party.share) if party.share else None,
                country="KZ",
            )
        )
    Party.objects.bulk_create(rows, batch_size=2000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--employees", type=int, default=35000)
    parser.add_argument("--counterparties", type=int, default=50000)
    parser.add_argument("--planted", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        from django.core.management import call_command

        from senim.conflicts import jobs
        from senim.conflicts.models import Alert, DetectionRun

        call_command("migrate", verbosity=0)
        records, parties, _expected, _disclosed = generate(args.employees, args.counterparties, args.planted, args.seed)
        started = time.perf_counter()
        _load(records, parties)
        print(f"database written in {time.perf_counter() - started:.1f} s", flush=True)
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last[0] > 10 or done == total:
                last[0] = now
                print(
                    f"  {done:,}/{total:,} searches ({100 * done / max(total, 1):.0f} %)", file=sys.stderr, flush=True
                )

        started = time.perf_counter()
        run = jobs.detection_run(run=DetectionRun.objects.create(), progress=progress)
        seconds = time.perf_counter() - started
        kinds = Counter(Alert.objects.values_list("kind", "disclosed"))
        print()
        print("| measure | value |")
        print("|---|---|")
        print(f"| detection job (read database, cross-match, store alerts), s | {seconds:.1f} |")
        counts = f"{run.status} / {run.processed:,} / {run.links_found} / {run.alerts_raised}"
        print(f"| status / searches / links / new alerts | {counts} |")
        for (kind, disclosed), count in sorted(kinds.items()):
            print(f"| alerts {kind}{' (disclosed)' if disclosed else ''} | {count} |")
        print(f"| load average (1 min) at the end | {os.getloadavg()[0]:.2f} |")


if __name__ == "__main__":
    main()
