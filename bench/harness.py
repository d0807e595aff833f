"""What the page benchmarks share: pages requested round-robin (every page in turn, round after
round, so a burst of other work on this shared machine lands on all of them alike rather than on the
one page measured at that moment), each request's wall-clock and CPU time (this thread's: the test
client runs the view in it, so CPU time leaves out the time spent waiting for the processor), the
number of SQL queries, and tables of ratios to references measured in the same run.

    from harness import Target, measure, print_table

    stats = measure(client, {"trivial": Target("/bench/bare/"), "list": Target("/org/employees/")}, rounds=100)
    print_table(stats, {"list": "trivial"})
"""

import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Target:
    url: str
    method: str = "GET"
    data: dict[str, str] | None = None
    status: int = 200


@dataclass
class Stats:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    queries: int = 0

    @property
    def wall_p50(self) -> float:
        return percentiles(self.wall)[0]

    @property
    def wall_p95(self) -> float:
        return percentiles(self.wall)[1]

    @property
    def cpu_p50(self) -> float:
        return percentiles(self.cpu)[0]

    @property
    def cpu_p95(self) -> float:
        return percentiles(self.cpu)[1]


def percentiles(samples: list[float]) -> tuple[float, float]:
    """Median and 95th percentile (nearest rank)."""
    if not samples:
        return 0.0, 0.0
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _count_queries(call: Callable[[], Any]) -> tuple[Any, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        result = call()
    return result, len(captured.captured_queries)


def measure(client: Any, targets: Mapping[str, Target], *, rounds: int, warmup: int = 10) -> dict[str, Stats]:
    """Request every target in turn, `warmup + rounds` times; time the last `rounds`. The first
    warm-up request of each target also counts its SQL queries."""
    stats = {name: Stats() for name in targets}
    for round_ in range(warmup + rounds):
        for name, target in targets.items():
            call = client.get if target.method == "GET" else client.post

            def request(target: Target = target, call: Callable[..., Any] = call) -> Any:
                return call(target.url, target.data) if target.data is not None else call(target.url)

            if round_ == 0:
                response, stats[name].queries = _count_queries(request)
            else:
                t0, c0 = time.perf_counter(), time.thread_time()
                response = request()
                t1, c1 = time.perf_counter(), time.thread_time()
                if round_ >= warmup:
                    stats[name].wall.append((t1 - t0) * 1000)
                    stats[name].cpu.append((c1 - c0) * 1000)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            assert response.status_code == target.status, (target.url, response.status_code)
    return stats


def print_table(
    stats: Mapping[str, Stats], references: Mapping[str, str], *, title: str = "page", target_ms: float | None = None
) -> None:
    """One line per page: wall p50/p95, CPU p50/p95, queries, and the p95 ratios (wall and CPU) to
    its reference; with `target_ms`, whether the wall p95 is within it."""
    head = f"{title:<40}{'p50':>8}{'p95':>8}{'CPU p50':>9}{'CPU p95':>9}{'SQL':>5}{'ref':>14}{'÷ref':>7}{'CPU ÷ref':>9}"
    print(head + ("   target" if target_ms else ""))
    for name, reference in references.items():
        s, r = stats[name], stats[reference]
        line = (
            f"{name[:39]:<40}{s.wall_p50:>8.1f}{s.wall_p95:>8.1f}{s.cpu_p50:>9.1f}{s.cpu_p95:>9.1f}{s.queries:>5}"
            f"{reference[:13]:>14}{s.wall_p95 / r.wall_p95:>7.2f}{s.cpu_p95 / r.cpu_p95:>9.2f}"
        )
        if target_ms:
            line += "   ok" if s.wall_p95 <= target_ms else f"   OVER {target_ms:.0f} ms"
        print(line)
