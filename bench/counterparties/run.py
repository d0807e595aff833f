"""Counterparties benchmark: import 5,000 counterparties and a year of 10,000 contracts from XLSX
(checked in full, then written), then grow both tables to 50,000 rows and time the register and
contract list pages against bare Django views, all in one run on a fresh SQLite (or DATABASE_URL)
database.

    .venv/bin/python bench/counterparties/run.py [--counterparties 5000] [--contracts 10000]
                                                 [--rows 50000] [--requests 100]
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "counterparties")]


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


WORDS = ["Строй", "Газ", "Транс", "Снаб", "Энерго", "Сервис", "Трейд", "Металл", "Кұрылыс", "Агро", "Тех", "Логистик"]


def _counterparty_rows(count: int, offset: int = 0) -> list[list[object]]:
    from senim.core import identifiers

    rng = random.Random(11 + offset)
    rows = []
    for n in range(offset, offset + count):
        name = f"ТОО «{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {n}»"
        number = identifiers.make_bin(2000 + n % 24, 1 + n % 12, n % 100000)
        rows.append(["legal_entity", name, f"{name} LLP", "KZ", "private", "bin", number, "ТОО"])
    return rows


def _write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _import(kind: str, path: Path) -> tuple[float, float, int]:
    from senim.counterparties import importing

    started = time.perf_counter()
    plan = importing.plan_file(actor=None, kind=kind, path=path, max_bytes=0)
    checked = time.perf_counter()
    result = importing.apply(actor=None, plan=plan)
    done = time.perf_counter()
    assert plan.ok, plan.errors[:3]
    return checked - started, done - checked, result.created


def _grow(target: int) -> None:
    """Fill both tables up to `target` rows directly (the list benchmark's data, not timed)."""
    from senim.core.bulk import bulk_insert
    from senim.counterparties.models import Contract, Counterparty
    from senim.org.models import Company

    have = Counterparty.objects.count()
    extra = []
    for _kind, name_ru, name_en, country, category, ident_kind, number, form in _counterparty_rows(
        target - have, 100000
    ):
        cp = Counterparty(
            kind="legal_entity",
            name_ru=name_ru,
            name_en=name_en,
            country=country,
            category=category,
            identifier_kind=ident_kind,
            identifier=number[:-1] + "x",
            legal_form=form,
        )
        cp.refresh_search_text()
        extra.append(cp)
    bulk_insert(Counterparty, extra)
    ids = list(Counterparty.objects.values_list("id", flat=True))
    companies = list(Company.objects.values_list("id", flat=True))
    rng = random.Random(5)
    have = Contract.objects.count()
    contracts = [
        Contract(
            company_id=rng.choice(companies),
            number=f"G-{n}",
            date=dt.date(2024, 1, 1) + dt.timedelta(days=n % 700),
            counterparty_id=rng.choice(ids),
            procurement_method=rng.choice(["open_tender", "direct", "price_offers"]),
            amount=rng.randrange(1000, 10**8),
            currency="KZT",
            has_clause=rng.random() < 0.97,
        )
        for n in range(target - have)
    ]
    bulk_insert(Contract, contracts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counterparties", type=int, default=5000)
    parser.add_argument("--contracts", type=int, default=10000)
    parser.add_argument("--rows", type=int, default=50000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        from django.core.management import call_command
        from django.test import Client

        from senim.accounts.models import User
        from senim.counterparties.models import Contract, Counterparty
        from senim.demo import builder
        from senim.org.models import Company

        call_command("migrate", verbosity=0)
        builder.build()
        base_counterparties, base_contracts = Counterparty.objects.count(), Contract.objects.count()
        cp_rows = _counterparty_rows(args.counterparties)
        cp_file = Path(data_dir) / "counterparties.xlsx"
        _write_xlsx(
            cp_file,
            ["kind", "name_ru", "name_en", "country", "category", "identifier_kind", "identifier", "legal_form"],
            cp_rows,
        )
        companies = [c.registration_number for c in Company.objects.all()]
        rng = random.Random(3)
        ct_rows = []
        for n in range(args.contracts):
            ct_rows.append(
                [
                    companies[n % len(companies)],
                    f"2025/{n:05d}",
                    (dt.date(2025, 1, 1) + dt.timedelta(days=n % 365)).isoformat(),
                    cp_rows[rng.randrange(len(cp_rows))][6],
                    rng.choice(["open_tender", "price_offers", "direct", "other"]),
                    rng.randrange(10000, 10**9),
                    "KZT",
                    f"Поставка товаров № {n}",
                    "да" if rng.random() < 0.98 else "нет",
                ]
            )
        ct_file = Path(data_dir) / "contracts.xlsx"
        _write_xlsx(
            ct_file,
            [
                "company",
                "number",
                "date",
                "counterparty",
                "procurement_method",
                "amount",
                "currency",
                "subject",
                "has_clause",
            ],
            ct_rows,
        )

        cp_check, cp_write, cp_created = _import("counterparties", cp_file)
        ct_check, ct_write, ct_created = _import("contracts", ct_file)
        assert cp_created == args.counterparties and ct_created == args.contracts
        total = cp_check + cp_write + ct_check + ct_write
        print(f"(demo data before the import: {base_counterparties:,} counterparties, {base_contracts:,} contracts)")
        print(f"{'import (XLSX)':<34}{'rows':>8}{'check s':>9}{'write s':>9}")
        print(f"{'counterparties':<34}{cp_created:>8,}{cp_check:>9.1f}{cp_write:>9.1f}")
        print(f"{'contracts':<34}{ct_created:>8,}{ct_check:>9.1f}{ct_write:>9.1f}")
        print(f"total {total:.1f} s (target ≤ 60 s)\n")

        _grow(args.rows)
        print(f"rows: {Counterparty.objects.count():,} counterparties, {Contract.objects.count():,} contracts\n")
        client = Client()
        client.force_login(User.objects.get(username="officer"))
        pairs = {
            "register, first page": ("/counterparties/list/", "/bench/bare-counterparties/"),
            "register, search": ("/counterparties/list/?q=газ", "/bench/bare-counterparties/?q=газ"),
            "register, page 1000": ("/counterparties/list/?page=1000", "/bench/bare-counterparties/?page=1000"),
            "contracts, first page": ("/counterparties/contracts/", "/bench/bare-contracts/"),
            "contracts, year 2025": ("/counterparties/contracts/?year=2025", "/bench/bare-contracts/?year=2025"),
            "contracts, page 500": ("/counterparties/contracts/?page=500", "/bench/bare-contracts/?page=500"),
        }

        def measure(url: str) -> tuple[float, float]:
            for _ in range(5):
                client.get(url)
            samples = []
            for _ in range(args.requests):
                t0 = time.perf_counter()
                response = client.get(url)
                samples.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            return _percentiles(samples)

        trivial = measure("/bench/bare/")
        print(f"trivial Django view: p50 {trivial[0]:.2f} ms, p95 {trivial[1]:.2f} ms\n")
        print(f"{'page':<26}{'Senim p50':>10}{'p95':>8}{'Django p50':>11}{'p95':>8}{'p95 ratio':>10}  (target ≤ 3)")
        for label, (senim_url, bare_url) in pairs.items():
            (s50, s95), (b50, b95) = measure(senim_url), measure(bare_url)
            print(f"{label:<26}{s50:>10.2f}{s95:>8.2f}{b50:>11.2f}{b95:>8.2f}{s95 / b95:>10.2f}")
        print(f"\nload average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
