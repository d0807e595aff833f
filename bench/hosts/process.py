"""One process of bench/hosts/run.py: start Django, open the index (mapped, pickled, or none for the
bare-Django reference), run the queries, print one JSON line, wait for "exit" on standard input.

    process.py {mapped|pickled|django} INDEX QUERIES.json
"""

import json
import os
import pickle
import resource
import statistics
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    mode, index_path, queries_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    import django

    django.setup()
    from senim.screening.engine import Index, Query

    opened = time.perf_counter()
    index = None
    if mode == "mapped":
        index = Index.load(index_path)
    elif mode == "pickled":
        with index_path.open("rb") as handle:
            index = Index(pickle.load(handle)["state"])
    open_wall = time.perf_counter() - opened
    names = json.loads(queries_path.read_text(encoding="utf-8"))
    timings = []
    ready_wall = ready_cpu = 0.0
    for number, name in enumerate(names):
        began = time.perf_counter()
        if index is not None:
            index.search(Query(names=[name]))
        timings.append((time.perf_counter() - began) * 1000)
        if number == 0:
            ready_wall, ready_cpu = time.perf_counter() - STARTED, _cpu()
    report = {
        "ready_wall": ready_wall,
        "ready_cpu": ready_cpu,
        "open_wall": open_wall,
        "query_ms": statistics.median(timings) if timings else 0.0,
    }
    print(json.dumps(report), flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    main()
