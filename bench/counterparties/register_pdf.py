"""The Register of permitted counterparties as PDF (WeasyPrint) against the XLSX export of the same
entries (openpyxl) as the reference, in one run; the entries are built in memory (no database).

    .venv/bin/python bench/counterparties/register_pdf.py [--sizes 100 500] [--language ru]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--language", default="ru")
    args = parser.parse_args()
    os.environ.setdefault("SENIM_DATA_DIR", tempfile.mkdtemp(prefix="senim-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    import django

    django.setup()
    from django.utils import translation

    from senim.counterparties import exports
    from senim.counterparties.models import Application, Counterparty, RegisterEntry, RegulationClause

    clause = RegulationClause(code="4.2.1")
    today = dt.date(2026, 12, 5)

    def entries(n: int) -> list[RegisterEntry]:
        out = []
        for i in range(n):
            cp = Counterparty(
                id=uuid.uuid4(), name_ru=f"ТОО «Қазақ Ғарыш Өнім» {i}", identifier=f"{i:012d}", country="KZ"
            )
            cp.category = "natural_monopoly"
            app = Application(number=f"AP-2026-{i:04d}")
            out.append(
                RegisterEntry(
                    counterparty=cp,
                    clause=clause,
                    application=app,
                    refusal="clause",
                    grounds="Единственный поставщик газа в регионе; Oʻzbekiston: yagona yetkazib beruvchi",
                    start_date=dt.date(2026, 2, 1),
                )
            )
        return out

    print(f"{'entries':>8} {'XLSX s':>8} {'PDF s':>8} {'ratio':>6} {'PDF KiB':>8}")
    with translation.override(args.language):
        for n in args.sizes:
            rows = entries(n)
            t = time.perf_counter()
            exports.register_xlsx(rows, on=today)
            xlsx = time.perf_counter() - t
            t = time.perf_counter()
            pdf = exports.register_pdf(rows, on=today)
            took = time.perf_counter() - t
            print(f"{n:>8} {xlsx:>8.2f} {took:>8.2f} {took / xlsx:>6.1f} {len(pdf) // 1024:>8}")
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
