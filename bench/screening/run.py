"""Screening benchmark: Senim's engine against nomenklatura logic-v2 on the same queries.

    .venv/bin/python bench/screening/run.py --entities 10000          # small mode, < 1 minute
    .venv/bin/python bench/screening/run.py --entities 1000000
    .venv/bin/python bench/screening/run.py --entities 10000 --split dev --sweep   # tuning view

Steps: generate (seeded) → build Senim's index in a subprocess (time, peak memory, save) → load it
in another subprocess and run every query of the split (quality pass at threshold 0, cold single-
query latency pass, cold batch pass) → score the same query→candidate pairs with logic-v2 in its
own virtualenv (candidates = Senim's blocking candidates, best 25 by name bound, plus the true
entity, so the peer is never penalised for Senim's blocking) → print precision/recall/F1 at
each system's default threshold and at the best threshold found *on this split* (an oracle,
shown for comparison only).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from bench.screening.generate import generate  # noqa: E402

PEER_PYTHON = HERE / ".peer-venv" / "bin" / "python"
PEER_DEFAULT_THRESHOLD = 0.7  # yente's default for logic-v2
QUERIES_PER_SPLIT = (1000, 500, 500)  # true variants, hard negatives, clean names


def _run_json(command: list[str]) -> dict:
    completed = subprocess.run(
        command, check=True, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def metrics(queries: list[dict], scores: dict[str, dict[str, float]], threshold: float) -> dict:
    """Alert-level precision/recall over all (query, record) scores ≥ threshold."""
    tp = fp = positives = clean = clean_alerts = top5 = 0
    for query in queries:
        found = scores.get(query["id"], {})
        truth = query["entity"]
        if truth:
            positives += 1
            if found.get(truth, 0.0) >= threshold:
                tp += 1
            ranked = sorted(found.items(), key=lambda item: -item[1])[:5]
            top5 += any(record == truth and score > 0 for record, score in ranked)
        fp += sum(1 for record, score in found.items() if score >= threshold and record != truth)
        if query["label"] == "clean":
            clean += 1
            clean_alerts += any(score >= threshold for score in found.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "top5": top5 / positives if positives else 0.0,
        "clean_alerts_per_1000": 1000 * clean_alerts / clean if clean else 0.0,
        "tp": tp,
        "fp": fp,
        "positives": positives,
    }


def best_threshold(queries: list[dict], scores: dict[str, dict[str, float]]) -> dict:
    candidates = [metrics(queries, scores, t / 100) for t in range(30, 101)]
    return max(candidates, key=lambda m: (m["f1"], -abs(m["threshold"] - 0.8)))


def breakdown(queries: list[dict], scores: dict[str, dict[str, float]], threshold: float) -> dict:
    """Recall per variation (true variants) and alert rate per kind (negatives)."""
    table: dict[str, list[int]] = {}
    for query in queries:
        found = scores.get(query["id"], {})
        if query["entity"]:
            ok = found.get(query["entity"], 0.0) >= threshold
            for variation in query["variations"]:
                table.setdefault(f"recall/{variation}", [0, 0])
                table[f"recall/{variation}"][0] += ok
                table[f"recall/{variation}"][1] += 1
        else:
            alerted = any(s >= threshold for s in found.values())
            table.setdefault(f"alerted/{query['kind']}", [0, 0])
            table[f"alerted/{query['kind']}"][0] += alerted
            table[f"alerted/{query['kind']}"][1] += 1
    return {k: f"{v[0]}/{v[1]}" for k, v in sorted(table.items())}


def run_peer(
    work: Path, queries: list[dict], blocking: dict[str, list[str]], watchlist: Path
) -> tuple[dict[str, dict[str, float]], dict]:
    pairs = []
    needed: set[str] = set()
    for query in queries:
        candidates = list(blocking.get(query["id"], []))
        if query["entity"] and query["entity"] not in candidates:
            candidates.append(query["entity"])
        for record_id in candidates:
            pairs.append([query["id"], record_id])
            needed.add(record_id)
    records = {}
    with open(watchlist, encoding="utf-8") as handle:
        for line in handle:
            record_id = line[8 : line.index('"', 8)]
            if record_id in needed:
                records[record_id] = json.loads(line)
    payload = {"queries": {q["id"]: q for q in queries}, "records": records, "pairs": pairs}
    (work / "peer-in.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [str(PEER_PYTHON), str(HERE / "peer_score.py"), str(work / "peer-in.json"), str(work / "peer-out.json")],
        check=True,
        cwd=HERE,
    )
    wall = time.perf_counter() - started
    output = json.loads((work / "peer-out.json").read_text())
    scores: dict[str, dict[str, float]] = {}
    for (query_id, record_id), score in zip(pairs, output["scores"], strict=True):
        scores.setdefault(query_id, {})[record_id] = score
    latencies = sorted(1000 * output["per_query_s"].get(q["id"], 0.0) for q in queries)
    timing = {
        "qps": len(queries) / output["seconds"],
        "qps_cpu": len(queries) / output["cpu_seconds"],
        "pairs": len(pairs),
        "p50_ms": latencies[len(latencies) // 2],
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))],
        "wall_s": wall,
    }
    return scores, timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--split", choices=["dev", "eval"], default="eval")
    parser.add_argument("--no-peer", action="store_true", help="skip logic-v2")
    parser.add_argument("--sweep", action="store_true", help="print Senim's threshold sweep")
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()

    work = HERE / "out" / f"{args.entities}-seed{args.seed}"
    watchlist, queries_path = work / "watchlist.jsonl", work / "queries.json"
    if args.regenerate or not queries_path.exists():
        started = time.perf_counter()
        summary = generate(args.entities, args.seed, work, QUERIES_PER_SPLIT)
        print(f"generated {summary} in {time.perf_counter() - started:.1f}s", flush=True)
    queries = json.loads(queries_path.read_text(encoding="utf-8"))[args.split]

    python = sys.executable
    build = _run_json([python, "-m", "bench.screening.engine_worker", "build", str(watchlist), str(work / "index.pkl")])
    print(f"built: {build}", flush=True)
    search = _run_json(
        [
            python,
            "-m",
            "bench.screening.engine_worker",
            "search",
            str(work / "index.pkl"),
            str(queries_path),
            args.split,
            str(work / f"senim-{args.split}.json"),
        ]
    )
    print(f"searched: {search}", flush=True)
    senim_out = json.loads((work / f"senim-{args.split}.json").read_text())
    senim = {qid: dict(hits) for qid, hits in senim_out["results"].items()}
    default = search["threshold"]

    rows = {"senim": {"default": metrics(queries, senim, default), "best": best_threshold(queries, senim)}}
    peer_timing: dict = {}
    if not args.no_peer:
        peer, peer_timing = run_peer(work, queries, senim_out["candidates"], watchlist)
        rows["logic-v2"] = {
            "default": metrics(queries, peer, PEER_DEFAULT_THRESHOLD),
            "best": best_threshold(queries, peer),
        }
    if args.sweep:
        for t in range(60, 96, 2):
            m = metrics(queries, senim, t / 100)
            print(
                f"  t={t / 100:.2f} P={m['precision']:.3f} R={m['recall']:.3f} "
                f"F1={m['f1']:.3f} clean/1000={m['clean_alerts_per_1000']:.1f}"
            )
    print()
    print(
        f"Screening benchmark — {args.entities:,} entities, seed {args.seed}, split "
        f"{args.split}: {sum(1 for q in queries if q['entity'])} true variants, "
        f"{sum(1 for q in queries if q['label'] == 'hard_negative')} hard negatives, "
        f"{sum(1 for q in queries if q['label'] == 'clean')} clean names"
    )
    names = list(rows)
    print(f"{'':38}" + "".join(f"{n:>16}" for n in names))

    def line(label: str, values: list[str]) -> None:
        print(f"{label:38}" + "".join(f"{v:>16}" for v in values))

    line("default threshold", [f"{rows[n]['default']['threshold']:.2f}" for n in names])
    for key in ("precision", "recall", "f1"):
        line(f"{key} @ default", [f"{rows[n]['default'][key]:.3f}" for n in names])
    line("best threshold (oracle, this split)", [f"{rows[n]['best']['threshold']:.2f}" for n in names])
    for key in ("precision", "recall", "f1"):
        line(f"{key} @ best", [f"{rows[n]['best'][key]:.3f}" for n in names])
    line("true entity in top 5", [f"{rows[n]['default']['top5']:.3f}" for n in names])
    line("false alerts / 1,000 clean @ default", [f"{rows[n]['default']['clean_alerts_per_1000']:.1f}" for n in names])
    senim_speed = [f"{search['batch_qps']:.0f}"]
    peer_speed = [f"{peer_timing['qps']:.1f}"] if peer_timing else []
    line("queries/s, one core (wall clock)", senim_speed + peer_speed)
    line(
        "queries/s per CPU-second",
        [f"{search['batch_qps_cpu']:.0f}"] + ([f"{peer_timing['qps_cpu']:.1f}"] if peer_timing else []),
    )
    line("p50 latency ms", [f"{search['p50_ms']:.2f}"] + ([f"{peer_timing['p50_ms']:.2f}"] if peer_timing else []))
    line("p95 latency ms", [f"{search['p95_ms']:.2f}"] + ([f"{peer_timing['p95_ms']:.2f}"] if peer_timing else []))
    if "p95_cpu_ms" in search:
        line(
            "p50 / p95 latency, CPU ms",
            [f"{search['p50_cpu_ms']:.2f} / {search['p95_cpu_ms']:.2f}"] + (["n/a"] if peer_timing else []),
        )
    line("index build s", [f"{build['build_s']:.1f}"] + (["n/a"] if peer_timing else []))
    if "build_cpu_s" in build:
        line("index build, CPU s (all processes)", [f"{build['build_cpu_s']:.1f}"] + (["n/a"] if peer_timing else []))
    line("index load s", [f"{search['load_s']:.2f}"] + (["n/a"] if peer_timing else []))
    peak = build["peak_rss_mb"] + build.get("build_workers", 1) * build.get("worker_peak_rss_mb", 0.0)
    line("peak memory of build MB", [f"{peak:.0f}"] + (["n/a"] if peer_timing else []))
    print(f"load average during search: {search['load_average']}, during build: {build.get('load_average_after')}")
    if peer_timing:
        print(
            f"\nspeed ratio Senim/logic-v2 (queries/s): {search['batch_qps'] / peer_timing['qps']:.1f}x wall, "
            f"{search['batch_qps_cpu'] / peer_timing['qps_cpu']:.1f}x per CPU-second"
            f"  (logic-v2 timed on {peer_timing['pairs']} query→candidate pairs, scoring only)"
        )
    print("\nSenim breakdown @ default:", json.dumps(breakdown(queries, senim, default), indent=None))
    if not args.no_peer:
        print("logic-v2 breakdown @ 0.70:", json.dumps(breakdown(queries, peer, PEER_DEFAULT_THRESHOLD), indent=None))
    (work / f"results-{args.split}.json").write_text(
        json.dumps({"rows": rows, "build": build, "search": search, "peer_timing": peer_timing}, indent=1)
    )


if __name__ == "__main__":
    main()
