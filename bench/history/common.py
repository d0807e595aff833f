"""What the history benchmarks share: a fresh, migrated database in a temporary folder (SQLite
there, or DATABASE_URL), CSV files to import, and a timer of wall-clock and CPU time."""

import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@contextmanager
def fresh_database() -> Iterator[Path]:
    """Set Django up on a new data folder and migrate; yield the folder (for the files to import)."""
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ.setdefault("SENIM_DATA_DIR", data_dir)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        yield Path(data_dir)


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def timed(call: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, result) of `call()`."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = call()
    return time.perf_counter() - t0, time.process_time() - c0, result
