"""Senim engine side of the benchmark, run as a subprocess so memory and time are its own.

python -m bench.screening.engine_worker build WATCHLIST.jsonl INDEX.pkl   → JSON on stdout
python -m bench.screening.engine_worker search INDEX.pkl QUERIES.json SPLIT OUT.json
"""

from __future__ import annotations

import gc
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from senim.screening.engine import DEFAULT_THRESHOLD, Index, Query, Record, names, similarity, transliteration
from senim.screening.engine import index as index_module
from senim.screening.engine.scoring import profile_of

BUILD_WORKERS = os.cpu_count() or 1  # names are parsed in forked workers; see Index.build
PEER_CANDIDATES = 25  # yente-like: the peer scores a short candidate list per query


def _records(path: Path) -> Iterator[Record]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            data = json.loads(line)
            yield Record(
                id=data["id"],
                schema=data["schema"],
                names=data["names"],
                identifiers=data["identifiers"],
                birth_dates=data["birth_dates"],
                countries=data["countries"],
                gender=data["gender"],
            )


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(watchlist: Path, index_path: Path) -> dict:
    load_before = os.getloadavg()
    started = time.perf_counter()
    cpu_started = _cpu_seconds()
    index = Index.build(_records(watchlist), workers=BUILD_WORKERS)
    built = time.perf_counter() - started
    built_cpu = _cpu_seconds() - cpu_started
    started = time.perf_counter()
    index.save(index_path)
    saved = time.perf_counter() - started
    return {
        "build_s": built,
        # CPU seconds of this process and its parser processes: the build's cost on an idle machine
        # is about this divided by the cores it keeps busy.
        "build_cpu_s": built_cpu,
        "build_workers": BUILD_WORKERS,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "save_s": saved,
        "peak_rss_mb": _peak_rss_mb(),
        # Forked parser processes: the largest one's peak (they run side by side).
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "index_mb": index_path.stat().st_size / 1e6,
        "entities": len(index),
    }


def _query(data: dict) -> Query:
    return Query(
        names=data["names"],
        schema=data["schema"],
        identifiers=data["identifiers"],
        birth_dates=data["birth_dates"],
        countries=data["countries"],
        id=data["id"],
    )


def _clear_caches(index: Index) -> None:
    index.clear_caches()
    similarity.key_similarity.cache_clear()
    similarity._align.cache_clear()
    transliteration.word_keys.cache_clear()
    transliteration.loose_key.cache_clear()
    names.parse_name.cache_clear()
    index_module._forms_of.cache_clear()


def search(index_path: Path, queries_path: Path, split: str, out_path: Path) -> dict:
    gc.collect()
    rss_before = _peak_rss_mb()
    started = time.perf_counter()
    index = Index.load(index_path)
    load_s = time.perf_counter() - started
    queries = [_query(q) for q in json.loads(queries_path.read_text(encoding="utf-8"))[split]]

    # 1. Quality: every candidate's score (threshold 0), and the blocking candidates (best name
    #    bound first, at most PEER_CANDIDATES) for the peer to score.
    results = {}
    candidates = {}
    for query in queries:
        hits = index.search(query, limit=10, threshold=0.0)
        results[query.id] = [[h.record_id, h.score] for h in hits]
        bounds = index.candidates(profile_of(query))
        ranked = sorted(bounds.items(), key=lambda item: (-item[1], item[0]))[:PEER_CANDIDATES]
        candidates[query.id] = [index.record_ids[number] for number, _ in ranked]

    # 2. Single-query latency at the default threshold, caches cleared first (cold start).
    _clear_caches(index)
    latencies = []
    cpu_latencies = []  # the same calls in CPU time: what a query costs when the machine is shared
    for query in queries:
        started, cpu = time.perf_counter(), time.thread_time()
        index.search(query, limit=10)
        latencies.append((time.perf_counter() - started) * 1000)
        cpu_latencies.append((time.thread_time() - cpu) * 1000)

    # 3. Batch throughput on one core, caches cleared again.
    _clear_caches(index)
    started = time.perf_counter()
    cpu_started = time.process_time()
    index.search_many(queries, limit=10)
    batch_s = time.perf_counter() - started
    batch_cpu_s = time.process_time() - cpu_started

    latencies.sort()
    cpu_latencies.sort()
    summary = {
        "load_s": load_s,
        "threshold": DEFAULT_THRESHOLD,
        "p50_ms": statistics.median(latencies),
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))],
        "p50_cpu_ms": statistics.median(cpu_latencies),
        "p95_cpu_ms": cpu_latencies[int(0.95 * (len(cpu_latencies) - 1))],
        "batch_qps": len(queries) / batch_s,
        # Per CPU-second of this process: what one core delivers when the machine is shared.
        "batch_qps_cpu": len(queries) / batch_cpu_s,
        "load_average": os.getloadavg(),
        "queries": len(queries),
        "search_peak_rss_mb": _peak_rss_mb(),
        "rss_before_load_mb": rss_before,
    }
    out_path.write_text(
        json.dumps({"summary": summary, "results": results, "candidates": candidates}), encoding="utf-8"
    )
    return summary


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "build":
        print(json.dumps(build(Path(sys.argv[2]), Path(sys.argv[3]))))
    elif command == "search":
        print(json.dumps(search(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], Path(sys.argv[5]))))
    else:
        raise SystemExit(f"unknown command {command!r}")
