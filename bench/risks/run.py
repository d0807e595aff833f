"""Plans benchmark: read and save a 200-measure Kazakh roadmap from DOCX (target ≤ 3 s), then time the
plan page of a 2,000-measure roadmap against a plain Django view doing the same query, interleaved,
in CPU and wall time (target p95 ≤ 3×), on a fresh SQLite (or DATABASE_URL) database.

    .venv/bin/python bench/risks/run.py [--measures 200] [--page-measures 2000] [--requests 15]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "risks")]


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


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _risk_map(company, client, user):  # type: ignore[no-untyped-def]
    """The risk map of 20 units: 300 functions (target ≤ 1 s), then 20 × 300 = 6,000 as a stress figure."""
    import datetime as dt
    import random

    from senim.org.models import Unit
    from senim.risks import riskmap, selectors
    from senim.risks.models import Exercise, RiskFunction

    units = [Unit.objects.create(company=company, code=f"U{n:02d}", name_ru=f"Подразделение {n}") for n in range(20)]
    rng = random.Random(3)
    out = []
    for year, per_unit in ((2025, 15), (2026, 300)):
        exercise = Exercise.objects.create(company=company, year=year, status="approved")
        RiskFunction.objects.bulk_create(
            RiskFunction(
                exercise=exercise,
                unit=u,
                name=f"Функция {k}",
                status="accepted",
                level=rng.choices(["low", "medium", "high"], [95, 2, 3])[0],
                assessed_on=dt.date(year, 11, 1),
            )
            for u in units
            for k in range(per_unit)
        )
        started = time.perf_counter()
        rows = selectors.risk_map(exercise=exercise)
        riskmap.map_svg(exercise, rows)
        riskmap.map_xlsx(exercise, rows)
        computed = time.perf_counter() - started
        started = time.perf_counter()
        assert client.get(f"/risks/assessments/{exercise.pk}/").status_code == 200
        page = time.perf_counter() - started
        total = 20 * per_unit
        out.append(("risk map", f"20 units × {total} functions: map, SVG and XLSX", f"{computed:.2f} s", ""))
        out.append(
            (
                "risk map",
                f"20 units × {total} functions: the assessment page",
                f"{page:.2f} s",
                "ok" if page <= 1 or total > 300 else "SLOW",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--page-measures", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        from django.core.management import call_command
        from django.test import Client

        from senim.accounts.models import RoleAssignment, User
        from senim.org.models import Company
        from senim.risks import services
        from senim.risks.importing.reader import read_plan
        from senim.risks.samples import write_roadmap_docx

        call_command("migrate", verbosity=0)
        company = Company.objects.create(
            name_kk="Senim Mining", registration_kind="foreign", registration_number="BENCH-1", country="KZ"
        )
        small = write_roadmap_docx(Path(data_dir) / "roadmap-small.docx", measures=args.measures)
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            understood = read_plan(small)
            read_done = time.perf_counter()
            services.plan_import(actor=None, company=company, understood=understood)
            timings.append((read_done - started, time.perf_counter() - read_done))
        read_s, save_s = min(timings, key=lambda t: t[0] + t[1])
        rows = [
            ("import", f"{args.measures}-measure roadmap DOCX: read", f"{read_s:.2f} s", ""),
            ("import", "save (plan, sections, measures, periods)", f"{save_s:.2f} s", ""),
            ("import", "total (target ≤ 3 s)", f"{read_s + save_s:.2f} s", "ok" if read_s + save_s <= 3 else "SLOW"),
        ]

        big = write_roadmap_docx(Path(data_dir) / "roadmap-big.docx", measures=args.page_measures)
        plan = services.plan_import(actor=None, company=company, understood=read_plan(big))
        user = User.objects.create_user(username="bench", password="bench-password-1")  # noqa: S106  (a throwaway benchmark database)
        RoleAssignment.objects.create(user=user, role="officer", company=company)
        client = Client()
        client.force_login(user)
        pages = {"senim": f"/risks/plans/{plan.pk}/", "plain": f"/bench/bare-plan/{plan.pk}/"}
        wall: dict[str, list[float]] = {k: [] for k in pages}
        cpu: dict[str, list[float]] = {k: [] for k in pages}
        for name, url in pages.items():  # warm up
            assert client.get(url).status_code == 200, name
        for _ in range(args.requests):
            for name, url in pages.items():  # interleaved, so both see the same machine load
                w, c = time.perf_counter(), time.process_time()
                response = client.get(url)
                wall[name].append(time.perf_counter() - w)
                cpu[name].append(time.process_time() - c)
                assert response.status_code == 200
        for metric, samples in (("wall", wall), ("CPU", cpu)):
            senim, plain = _p95(samples["senim"]), _p95(samples["plain"])
            ratio = senim / plain
            rows.append(
                (
                    "plan page",
                    f"{args.page_measures} measures, p95 {metric}: Senim / plain Django",
                    f"{senim * 1000:.0f} / {plain * 1000:.0f} ms",
                    f"{ratio:.2f}× {'ok' if ratio <= 3 else 'SLOW'}",
                )
            )
            rows.append(
                (
                    "plan page",
                    f"median {metric}",
                    f"{statistics.median(samples['senim']) * 1000:.0f} / "
                    f"{statistics.median(samples['plain']) * 1000:.0f} ms",
                    "",
                )
            )
        rows += _risk_map(company, client, user)
        width = max(len(r[1]) for r in rows)
        for subject, what, value, verdict in rows:
            print(f"{subject:10} {what:{width}}  {value:>16}  {verdict}")


if __name__ == "__main__":
    main()
