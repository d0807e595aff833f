"""No acknowledged submission is lost: the real server (`senim serve`, gunicorn) takes a burst of
reports from several clients, is killed with SIGKILL in the middle of it, and is started again;
every report that got a receipt key is then there and decrypts (read back through the portal).

Runs the server in subprocesses on its own SQLite database in a temporary directory.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
CLIENTS = 4
KILL_AFTER = 24  # receipts given before the server is killed


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SENIM_TESTING", "DATABASE_URL", "DEBUG"}}
    env.update(
        SENIM_DATA_DIR=str(data_dir),
        DEBUG="0",
        SENIM_SPEAKUP_SUBMISSIONS_PER_HOUR="100000",
        SENIM_SPEAKUP_RECEIPT_FAILURES_PER_HOUR="100000",
        SENIM_DEFAULT_LANGUAGE="en",
        PYTHONPATH=str(ROOT),
    )
    return env


def _start(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "senim.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: SIGKILL reaches master and workers at once
    )
    deadline = time.monotonic() + 180  # migrations on a fresh database, on a busy machine
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/speakup/", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGKILL)
    raise AssertionError("the server did not start")


def _tokens(session: requests.Session, url: str) -> dict[str, str]:
    """The CSRF token and, on form pages, the one-time nonce of a fresh page."""
    page = session.get(url, timeout=10).text
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    nonce = re.search(r'name="nonce" value="([^"]+)"', page)
    assert csrf
    return {"csrfmiddlewaretoken": csrf.group(1), "nonce": nonce.group(1) if nonce else ""}


def _burst(base: str, receipts: dict[str, str], lock: threading.Lock, stop: threading.Event) -> None:
    session = requests.Session()
    while not stop.is_set():
        marker = f"Burst report {uuid.uuid4()}"
        try:
            tokens = _tokens(session, f"{base}/speakup/report/")
            response = session.post(
                f"{base}/speakup/report/",
                data={**tokens, "category": "fraud", "what": marker, "identity": "anonymous"},
                timeout=10,
            )
        except requests.RequestException:
            continue  # the server is down: no receipt, nothing promised
        match = re.search(r"data-receipt>([A-Z0-9-]+)<", response.text)
        if response.status_code == 200 and match:
            with lock:
                receipts[match.group(1)] = marker


def test_receipted_submissions_survive_a_sigkill(tmp_path):
    env = _environment(tmp_path)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _start(port, env)
    receipts: dict[str, str] = {}
    lock, stop = threading.Lock(), threading.Event()
    threads = [threading.Thread(target=_burst, args=(base, receipts, lock, stop)) for _ in range(CLIENTS)]
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while len(receipts) < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(server.pid, signal.SIGKILL)  # mid-burst: requests are in flight
        server.wait(timeout=10)
        time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert len(receipts) >= KILL_AFTER
        server = _start(port, env)
        session = requests.Session()
        tokens = _tokens(session, f"{base}/speakup/follow/")
        for receipt, marker in receipts.items():
            page = session.post(f"{base}/speakup/follow/", data={**tokens, "receipt": receipt})
            assert page.status_code == 200 and marker in page.text, receipt
    finally:
        stop.set()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
