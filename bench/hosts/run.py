"""Several hosts: memory of five processes holding one screening index, and time to first query
after a process starts, the mapped index against the pickled one (what every process unpickled
before issue 19) and against a bare Django start-up, all in one run.

    .venv/bin/python bench/hosts/run.py [--entities 200000] [--processes 5] [--queries 200]

Each process (bench/hosts/process.py) imports Django and the engine, opens the index, runs the
queries, reports its times and waits; while all of them are alive this script reads each one's
proportional set size (PSS: a page shared by N processes counts 1/N in each), so the sum is the
memory they take together. "Index memory" is that sum less the same processes without an index.
"""

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "screening")]


def _records(count: int):  # type: ignore[no-untyped-def]
    from generate import generate_entities

    from senim.screening.engine import Record

    for _entity, data in generate_entities(count, seed=19):
        yield Record(
            id=data["id"],
            schema=data["schema"],
            names=data["names"],
            identifiers=data["identifiers"],
            birth_dates=data["birth_dates"],
            countries=data["countries"],
            gender=data["gender"],
        )


def _pss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _run_group(mode: str, path: Path, queries: Path, count: int) -> dict:
    """Start `count` processes in `mode`, wait until each has run its queries, measure, stop them."""
    command = [sys.executable, str(ROOT / "bench" / "hosts" / "process.py"), mode, str(path), str(queries)]
    started = []
    for _ in range(count):
        started.append(
            subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
        )
    reports = [json.loads(process.stdout.readline()) for process in started]  # type: ignore[union-attr]
    pss = [_pss_mb(process.pid) for process in started]
    for process in started:
        process.stdin.write("exit\n")  # type: ignore[union-attr]
        process.stdin.flush()  # type: ignore[union-attr]
        process.wait(timeout=120)
    return {
        "pss_total": sum(pss),
        "pss_each": max(pss),
        "ready_wall": sorted(r["ready_wall"] for r in reports)[len(reports) // 2],
        "ready_cpu": sorted(r["ready_cpu"] for r in reports)[len(reports) // 2],
        "open_wall": sorted(r["open_wall"] for r in reports)[len(reports) // 2],
        "query_ms": sorted(r["query_ms"] for r in reports)[len(reports) // 2],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=200_000)
    parser.add_argument("--processes", type=int, default=5)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    from senim.screening.engine import Index

    folder = Path(tempfile.mkdtemp(prefix="senim-bench-hosts-"))
    os.environ["SENIM_DATA_DIR"] = str(folder / "data")
    names: list[str] = []
    started = time.perf_counter()
    records = []
    for record in _records(args.entities):
        records.append(record)
        if len(names) < args.queries and len(records) % max(1, args.entities // args.queries) == 0:
            names.append(record.names[-1])
    index = Index.build(records, workers=2)
    build_seconds = time.perf_counter() - started
    mapped, pickled, queries = folder / "index.idx", folder / "index.pkl", folder / "queries.json"
    index.save(mapped)
    with pickled.open("wb") as handle:  # the format every process unpickled before
        pickle.dump({"state": index._state}, handle, protocol=pickle.HIGHEST_PROTOCOL)
    queries.write_text(json.dumps(names), encoding="utf-8")
    del index, records

    results = {
        mode: _run_group(mode, mapped if mode == "mapped" else pickled, queries, args.processes)
        for mode in ("django", "mapped", "pickled")
    }
    base = results["django"]["pss_total"]
    one_pickled = (results["pickled"]["pss_total"] - base) / args.processes
    print(f"{args.entities:,} entities, {args.processes} processes, {len(names)} queries each;")
    print(f"index built in {build_seconds:.0f} s; mapped file {mapped.stat().st_size / 2**20:.0f} MB")
    print()
    print(f"{'':26} {'PSS total MB':>12} {'index MB':>9} {'× one copy':>10} {'ready s':>8} {'CPU s':>6}")
    for mode, label in (
        ("django", "bare Django (reference)"),
        ("pickled", "pickled, per process"),
        ("mapped", "mapped, shared"),
    ):
        row = results[mode]
        index_mb = row["pss_total"] - base
        ratio = index_mb / one_pickled if mode != "django" and one_pickled else 0
        print(
            f"{label:26} {row['pss_total']:12.0f} {index_mb:9.0f} {ratio:10.2f} {row['ready_wall']:8.2f} "
            f"{row['ready_cpu']:6.2f}"
        )
    print()
    print(
        f"open the index: mapped {results['mapped']['open_wall']:.3f} s, "
        f"pickled {results['pickled']['open_wall']:.3f} s; median query: "
        f"mapped {results['mapped']['query_ms']:.1f} ms, pickled {results['pickled']['query_ms']:.1f} ms"
    )
    print(
        f"time to first query after start, over bare Django: mapped "
        f"{results['mapped']['ready_wall'] / results['django']['ready_wall']:.2f}×, pickled "
        f"{results['pickled']['ready_wall'] / results['django']['ready_wall']:.2f}×"
    )


if __name__ == "__main__":
    main()
