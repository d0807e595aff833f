"""Speak Up benchmark, all in one run on a fresh database (SQLite unless DATABASE_URL is set):

1. public pages (portal, report form, question form, receipt-key form, the follow-up page opened
   with a receipt key) timed in-process against plain Django views measured in the same run;
2. sustained submissions per second through the real server (`senim serve`: gunicorn, 2 workers)
   from several concurrent clients, then a check that every submission that got a receipt is in
   the database and decrypts.

    .venv/bin/python bench/speakup/run.py [--requests 300] [--seconds 30] [--clients 4]
"""

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "speakup"), str(ROOT / "bench")]

from harness import Target, measure  # noqa: E402 (the path is set just above)


def _setup(data_dir: str) -> None:
    os.environ["SENIM_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    os.environ["DEBUG"] = "0"
    os.environ["SENIM_SPEAKUP_SUBMISSIONS_PER_HOUR"] = "1000000"
    os.environ["SENIM_SPEAKUP_RECEIPT_FAILURES_PER_HOUR"] = "1000000"
    import django

    django.setup()
    from django.conf import settings

    settings.ROOT_URLCONF = "urls"
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _pages(requests_per_page: int) -> None:
    """Every page, references included, is requested in turn, round after round, so that all of
    them meet the same load on the machine (measuring one page after another lets a burst of
    other work land on one page only). Each request's wall-clock time and CPU time (this thread's:
    the test client runs the view in it) are recorded; the CPU time leaves out the time the
    process waited for the processor, which on a shared machine is most of the p95."""
    from django.test import Client

    from senim.speakup import services

    submission = services.case_submit(
        kind="report", category="fraud", content={"what": "Benchmark report."}, anonymous=True
    )
    client = Client()
    receipt = {"receipt": submission.receipt or ""}
    targets = {
        "trivial": Target("/bench/bare/"),
        # The same trivial view answering a POST of the follow-up page's size: what Django (and
        # the test client, which encodes the form in this thread) spend on a POST before any view.
        "trivial POST": Target("/bench/bare/", "POST", receipt),
        "text": Target("/bench/bare-page/"),
        "form": Target("/bench/bare-form/"),
        "follow-up": Target("/bench/bare-follow/", "POST", {"reference": submission.case.reference}),
        "portal": Target("/speakup/"),
        "anonymity page": Target("/speakup/anonymity/"),
        "receipt-key form": Target("/speakup/follow/"),
        "report form": Target("/speakup/report/"),
        "question form": Target("/speakup/question/"),
        "follow-up page (key checked)": Target("/speakup/follow/", "POST", receipt),
    }
    measured = measure(client, targets, rounds=requests_per_page)
    stats = {name: (m.wall_p50, m.wall_p95, m.cpu_p50, m.cpu_p95) for name, m in measured.items()}
    for name, label in (
        ("trivial", "trivial Django view (HttpResponse, same middleware)"),
        ("trivial POST", "the trivial view answering the follow-up page's POST"),
        ("text", "plain Django text page (paragraphs, language form)"),
        ("form", "plain Django form page (the report form's fields)"),
        ("follow-up", "plain Django follow-up page (lookup + reply form)"),
    ):
        w50, w95, c50, c95 = stats[name]
        print(f"{label:<54} wall p50 {w50:.2f} p95 {w95:.2f} ms; CPU p50 {c50:.2f} p95 {c95:.2f} ms")
    print()
    references = {
        "portal": "text",
        "anonymity page": "text",
        "receipt-key form": "text",
        "report form": "form",
        "question form": "form",
        "follow-up page (key checked)": "follow-up",
    }
    print(
        f"{'public page':<30}{'p50':>7}{'p95':>7}{'ref':>10}{'p95 ÷ ref':>10}{'÷ trivial':>10}"
        f"{'CPU p50':>9}{'CPU p95':>9}{'÷ ref':>7}{'÷ trivial':>10}"
    )
    for label, ref in references.items():
        w50, w95, c50, c95 = stats[label]
        r = stats[ref]
        trivial = stats["trivial POST" if label.startswith("follow-up") else "trivial"]
        print(
            f"{label:<30}{w50:>7.2f}{w95:>7.2f}{ref:>10}{w95 / r[1]:>10.2f}{w95 / trivial[1]:>10.1f}"
            f"{c50:>9.2f}{c95:>9.2f}{c95 / r[3]:>7.2f}{c95 / trivial[3]:>10.1f}"
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(port: int) -> subprocess.Popen[bytes]:
    import requests

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    server = subprocess.Popen(
        [sys.executable, "-m", "senim.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-migrate"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            requests.get(f"http://127.0.0.1:{port}/speakup/", timeout=2)
            return server
        except requests.RequestException:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def _throughput(seconds: float, clients: int) -> None:
    import requests

    from senim.speakup import selectors
    from senim.speakup.models import Case

    before = Case.objects.count()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(port)
    receipts: dict[str, str] = {}
    latencies: list[float] = []
    lock, stop = threading.Lock(), threading.Event()

    def burst() -> None:
        session = requests.Session()
        while not stop.is_set():
            # A reporter opens the form (CSRF token, one-time nonce), then sends it: both timed.
            t0 = time.perf_counter()
            page = session.get(f"{base}/speakup/report/").text
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            nonce = re.search(r'name="nonce" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            marker = f"Benchmark report {uuid.uuid4()}: the warehouse head asks suppliers for cash."
            data = {"csrfmiddlewaretoken": token, "nonce": nonce, "category": "bribery", "what": marker}
            data["identity"] = "anonymous"
            response = session.post(f"{base}/speakup/report/", data=data, timeout=30)
            elapsed = time.perf_counter() - t0
            match = re.search(r"data-receipt>([A-Z0-9-]+)<", response.text)
            if response.status_code == 200 and match:
                with lock:
                    receipts[match.group(1)] = marker
                    latencies.append(elapsed * 1000)

    threads = [threading.Thread(target=burst) for _ in range(clients)]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    try:
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    load_after = os.getloadavg()[0]
    stored = Case.objects.count() - before
    decrypted = 0
    for receipt, marker in receipts.items():
        case = selectors.case_for_receipt(key=receipt)
        assert case is not None, receipt
        assert selectors.case_content(case=case).content["what"] == marker
        assert marker not in case.content_sealed
        decrypted += 1
    p50, p95 = _percentiles(latencies)
    print(
        f"\nSubmissions through gunicorn (2 workers), {clients} concurrent clients for {elapsed:.1f} s:\n"
        f"  receipts given {len(receipts)}, rows stored {stored}, found by receipt and decrypted {decrypted}\n"
        f"  sustained {len(receipts) / elapsed:.1f} submissions/s (target ≥ 20), each a form GET and a POST; "
        f"latency of the pair p50 {p50:.0f} ms, p95 {p95:.0f} ms\n"
        f"  load average 1 min: {load_before:.2f} before, {load_after:.2f} after"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300, help="timed requests per page")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        print(f"Database: {connection.vendor}; load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs\n")
        _pages(args.requests)
        if args.seconds > 0:  # --seconds 0: the pages only
            _throughput(args.seconds, args.clients)


if __name__ == "__main__":
    main()
