"""Plans benchmark: read and save a 200-measure Kazakh roadmap from DOCX (target ≤ 3 s), then time the
plan page of a 2,000-measure roadmap against a plain Django view doing the same query, interleaved,
in CPU and wall time (target p95 ≤ 3×), on a fresh SQLite (or DATABASE_URL) database.

    .venv/bin/python bench/risks/run.py [--measures 200] [--page-measures 2000] [--requests 15] [--map-only]

Then the Corruption Risk Map: 20 units × 300 functions (target ≤ 1 s), and 6,000 functions rated by
likelihood × impact — the assessment page against a plain Django view (the map's query and table) and
the DOCX against python-docx writing the same tables unstyled, interleaved, wall and CPU time.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "risks"), str(ROOT / "bench")]


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


def _functions(company, units, *, year: int, per_unit: int, matrix: bool):  # type: ignore[no-untyped-def]
    """An approved exercise of `per_unit` functions in each unit (about 95 % low); in the matrix
    method each rated on the standard 5 × 5 scales, inherent and residual."""
    import datetime as dt
    import random

    from senim.risks.models import Exercise, RiskFunction

    rng = random.Random(year)
    exercise = Exercise.objects.create(
        company=company, year=year, status="approved", decision_number="1", method="matrix" if matrix else "levels"
    )
    functions = []
    for u in units:
        for k in range(per_unit):
            f = RiskFunction(
                exercise=exercise,
                unit=u,
                name=f"Функция {k}",
                status="accepted",
                risk="Сговор с поставщиком",
                recommendation="Ротация и двойной контроль",
                assessed_on=dt.date(year, 11, 1),
            )
            if matrix:
                f.likelihood, f.impact = rng.choices([(1, 1), (2, 2), (2, 3), (3, 4), (4, 4)], [80, 15, 2, 2, 1])[0]
                f.residual_likelihood, f.residual_impact = max(1, f.likelihood - 1), f.impact
                f.inherent_level = exercise.band(f.likelihood, f.impact)
                f.level = exercise.band(f.residual_likelihood, f.residual_impact)
            else:
                f.level = rng.choices(["low", "medium", "high"], [95, 2, 3])[0]
            functions.append(f)
    RiskFunction.objects.bulk_create(functions, batch_size=2000)
    return exercise


def _plain_docx(rows, risky) -> bytes:  # type: ignore[no-untyped-def]
    """The reference: python-docx writing the same two tables as plain text (no shading, no grid)."""
    import io

    import docx

    document = docx.Document()
    document.add_heading("Map", level=1)
    table = document.add_table(rows=1, cols=6)
    for r in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, [r.unit, r.low, r.medium, r.high, r.total, "-"], strict=True):
            cell.text = str(value)
    table = document.add_table(rows=1, cols=5)
    for f in risky:
        cells = table.add_row().cells
        for cell, value in zip(cells, [str(f.unit), f.name, f.risk, f.level, f.recommendation], strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _timed(call) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    w, c = time.perf_counter(), time.thread_time()
    call()
    return time.perf_counter() - w, time.thread_time() - c


def _risk_map(company, client, rounds: int):  # type: ignore[no-untyped-def]
    """The risk map of 20 units × 300 functions (target ≤ 1 s), then of 20 × 300 = 6,000 rated by
    likelihood × impact: the assessment page against a plain Django view doing the map's query and
    rendering its table, and the DOCX against python-docx writing the same tables unstyled, interleaved."""
    from harness import Target, measure, print_table

    from senim.org.models import Unit
    from senim.risks import riskmap, selectors

    units = [Unit.objects.create(company=company, code=f"U{n:02d}", name_ru=f"Подразделение {n}") for n in range(20)]
    out = []
    _functions(company, units, year=2024, per_unit=15, matrix=False)
    small = _functions(company, units, year=2025, per_unit=15, matrix=False)
    big = _functions(company, units, year=2026, per_unit=300, matrix=True)
    assert client.get(f"/risks/assessments/{small.pk}/").status_code == 200
    wall, _cpu = _timed(lambda: client.get(f"/risks/assessments/{small.pk}/"))
    out.append(
        ("risk map", "20 units × 300 functions: the assessment page", f"{wall:.2f} s", "ok" if wall <= 1 else "SLOW")
    )

    pages = {
        "assessment page, 6,000 functions": Target(f"/risks/assessments/{big.pk}/"),
        "plain Django: map query + table": Target(f"/bench/bare-map/{big.pk}/"),
    }
    stats = measure(client, pages, rounds=rounds, warmup=2)
    print_table(stats, {"assessment page, 6,000 functions": "plain Django: map query + table"}, title="page (ms)")

    def senim_docx() -> None:
        rows = selectors.risk_map(exercise=big)
        riskmap.map_docx(big, rows, selectors.risky_functions(exercise=big), selectors.risk_matrices(exercise=big))

    def plain_docx() -> None:
        _plain_docx(selectors.risk_map(exercise=big), list(selectors.risky_functions(exercise=big)))

    timings: dict[str, list[tuple[float, float]]] = {"senim": [], "plain": []}
    for _ in range(max(3, rounds // 2)):
        timings["senim"].append(_timed(senim_docx))
        timings["plain"].append(_timed(plain_docx))
    risky = selectors.risky_functions(exercise=big).count()
    for i, metric in enumerate(("wall", "CPU")):
        s = statistics.median(t[i] for t in timings["senim"])
        p = statistics.median(t[i] for t in timings["plain"])
        out.append(
            (
                "risk map",
                f"DOCX, 6,000 functions ({risky} medium/high), median {metric}: Senim / plain python-docx",
                f"{s * 1000:.0f} / {p * 1000:.0f} ms",
                f"{s / p:.2f}×",
            )
        )
    for name, st in stats.items():
        out.append(
            ("risk map", f"{name}: p50 / p95 wall ({st.queries} SQL)", f"{st.wall_p50:.0f} / {st.wall_p95:.0f} ms", "")
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--page-measures", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--map-only", action="store_true", help="Only the risk-map part.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        from django.core.management import call_command
        from django.test import Client

        from senim.accounts.models import RoleAssignment, User
        from senim.org.models import Company

        call_command("migrate", verbosity=0)
        company = Company.objects.create(
            name_kk="Senim Mining", registration_kind="foreign", registration_number="BENCH-1", country="KZ"
        )
        user = User.objects.create_user(username="bench", password="bench-password-1")  # noqa: S106  (a throwaway benchmark database)
        RoleAssignment.objects.create(user=user, role="officer", company=company)
        client = Client()
        client.force_login(user)
        rows = [] if args.map_only else _plans(args, company, client, data_dir)
        rows += _risk_map(company, client, args.requests)
        width = max(len(r[1]) for r in rows)
        for subject, what, value, verdict in rows:
            print(f"{subject:10} {what:{width}}  {value:>16}  {verdict}")


def _plans(args, company, client, data_dir):  # type: ignore[no-untyped-def]
    """The 200-measure roadmap import and the 2,000-measure plan page against plain Django."""
    from senim.risks import services
    from senim.risks.importing.reader import read_plan
    from senim.risks.samples import write_roadmap_docx

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
    return rows


if __name__ == "__main__":
    main()
