"""Two Senim hosts behind one address: two application servers (gunicorn, `senim serve`) on two
ports, each with its own data directory, sharing PostgreSQL, Redis and an S3-compatible object
store served on the loopback address by this test (moto). A Speak Up report sent through one is
followed through the other; a session opened on one is valid on the other; a rate limit counts
attempts on both; an HR import uploaded to one is confirmed on the other and run by a worker of the
other host; both answer a screening search from the index one build wrote to the object store.

It needs PostgreSQL (SQLite is a file on one host) and Redis on 127.0.0.1:6379, as CI has."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import connection

from conftest import S3_BUCKET, s3_storage_settings
from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.org.models import Employee, ImportJob
from senim.screening import indexes
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

REDIS_DB = 14
PASSWORD = "correct horse battery staple"


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="two hosts share one database: PostgreSQL only (SQLite is a file on one host)",
    ),
    pytest.mark.skipif(not _redis_up(), reason="two hosts share rate limits in Redis: none on 127.0.0.1:6379"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}")
        try:
            if requests.get(f"{url}/healthz", timeout=60).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)  # a server starting: polled, bounded
    raise RuntimeError(f"{url} did not answer in {seconds} s")


@pytest.fixture
def object_store() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    import boto3

    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ).create_bucket(Bucket=S3_BUCKET)
    yield endpoint
    server.stop()


@pytest.fixture
def cluster(settings, tmp_path, object_store, monkeypatch) -> Iterator[dict]:
    """Two hosts' environments and their running servers: {"a": url, "b": url, "env_b": …}."""
    import redis

    redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).flushdb()
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    shared = {
        "SECRET_KEY": settings.SECRET_KEY,
        "SENIM_MASTER_KEY": Fernet.generate_key().decode(),
        "SENIM_AUDIT_KEY": secrets.token_urlsafe(32),
        "SENIM_SPEAKUP_RECEIPT_PEPPER": secrets.token_urlsafe(32),
    }
    # This process writes to the same store, under the same keys.
    for name, value in shared.items():
        if name != "SECRET_KEY":
            setattr(settings, name, value)
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage_settings(object_store)}
    settings.DATA_DIR = tmp_path / "test-process"
    settings.DATA_DIR.mkdir()
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SENIM_", "PYTEST", "DJANGO_"))}
    base.update(
        shared,
        DJANGO_SETTINGS_MODULE="senim.settings",
        SENIM_ENV="development",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="0",
        REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
        SENIM_S3_BUCKET=S3_BUCKET,
        SENIM_S3_ENDPOINT_URL=object_store,
        SENIM_S3_ACCESS_KEY="testing",
        SENIM_S3_SECRET_KEY="testing",
        SENIM_S3_REGION="us-east-1",
        SENIM_DEFAULT_LANGUAGE="en",
        SENIM_2FA_REQUIRED_FOR_COMPLIANCE="0",
        SENIM_CONFLICTS_AUTODETECT="0",
        SENIM_PDF_WARM_UP="0",
        SENIM_SPEAKUP_RECEIPT_FAILURES_PER_HOUR="2",
    )
    hosts: dict = {}
    processes = []
    try:
        for host in ("a", "b"):
            env = {**base, "SENIM_DATA_DIR": str(tmp_path / f"host-{host}")}
            port = _free_port()
            command = [sys.executable, "-m", "senim.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
            process = subprocess.Popen([*command, "--no-migrate"], env=env, stdout=subprocess.DEVNULL)
            processes.append(process)
            hosts[host], hosts[f"env_{host}"] = f"http://127.0.0.1:{port}", env
        for host, process in zip(("a", "b"), processes, strict=True):
            _wait_until_up(hosts[host], process)
        yield hosts
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def _form(session: requests.Session, url: str) -> dict[str, str]:
    page = session.get(url, timeout=30)
    assert page.status_code == 200, (url, page.status_code)
    hidden = dict(re.findall(r'name="(csrfmiddlewaretoken|nonce)" value="([^"]+)"', page.text))
    return hidden


@pytest.mark.django_db(transaction=True)
def test_two_hosts_agree_on_reports_sessions_limits_uploads_and_the_screening_index(cluster, group, tmp_path):
    a, b = cluster["a"], cluster["b"]

    # Speak Up: reported through A, followed with the receipt key through B.
    reporter = requests.Session()
    fields = _form(reporter, f"{a}/speakup/report/")
    sent = reporter.post(
        f"{a}/speakup/report/",
        data={**fields, "category": "bribery", "what": "Cash for contracts at warehouse 3.", "identity": "anonymous"},
        headers={"Referer": f"{a}/speakup/report/"},
        timeout=30,
    )
    receipt = re.search(r"data-receipt>([A-Z0-9-]+)<", sent.text)
    assert receipt, sent.text[:500]
    fields = _form(reporter, f"{b}/speakup/follow/")
    followed = reporter.post(f"{b}/speakup/follow/", data={**fields, "receipt": receipt.group(1)}, timeout=30)
    assert "Cash for contracts at warehouse 3." in followed.text

    # The wrong-key limit (2 an hour here) counts attempts on both hosts.
    for host in (a, b):
        fields = _form(reporter, f"{host}/speakup/follow/")
        reporter.post(
            f"{host}/speakup/follow/", data={**fields, "receipt": "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE"}, timeout=30
        )
    fields = _form(reporter, f"{a}/speakup/follow/")
    blocked = reporter.post(f"{a}/speakup/follow/", data={**fields, "receipt": receipt.group(1)}, timeout=30)
    assert "Cash for contracts" not in blocked.text

    # A session opened on A is valid on B.
    officer = user_with_role("officer")
    officer.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())  # a hasher the servers know
    officer.save(update_fields=["password"])
    staff = requests.Session()
    fields = _form(staff, f"{a}/accounts/login/")
    signed_in = staff.post(
        f"{a}/accounts/login/",
        data={**fields, "username": officer.username, "password": PASSWORD},
        allow_redirects=False,
        timeout=30,
    )
    assert signed_in.status_code == 302, signed_in.text[:500]
    assert staff.get(f"{b}/", allow_redirects=False, timeout=30).status_code == 200

    # An HR import uploaded to A, confirmed on B, run by a worker of B.
    fields = _form(staff, f"{a}/org/import/")
    csv = f"company,personnel_number,surname,given_name\n{group.a.registration_number},H-2,Abenov,Erzhan\n"
    uploaded = staff.post(
        f"{a}/org/import/",
        data={"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "kind": "employees"},
        files={"file": ("staff.csv", csv.encode(), "text/csv")},
        allow_redirects=False,
        timeout=30,
    )
    assert uploaded.status_code == 302, uploaded.text[:500]
    preview = uploaded.headers["Location"]
    fields = _form(staff, f"{b}{preview}")
    confirmed = staff.post(f"{b}{preview}confirm/", data=fields, allow_redirects=False, timeout=30)
    assert confirmed.status_code == 302
    assert ImportJob.objects.get().status == ImportJob.Status.QUEUED
    worker = [sys.executable, "-m", "senim.cli", "worker", "--batch"]
    subprocess.run(worker, env=cluster["env_b"], check=True, timeout=120, stdout=subprocess.DEVNULL)
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    assert Employee.objects.filter(personnel_number="H-2").exists()

    # One index build (here) in the object store; both hosts map it and answer alike.
    version = import_entities(WatchlistFactory(name="Sanctions"), [ftm("e1", "Ivan Petrov")], tmp_path, actor=SYSTEM)
    _record, token = account_services.api_token_create(actor=officer, name="two hosts")
    answers = [
        requests.post(
            f"{host}/api/v1/screening/search",
            json={"names": ["Ivan Petrov"]},
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        ).json()
        for host in (a, b)
    ]
    assert [[r["entity"]["entity_id"] for r in answer] for answer in answers] == [["e1"], ["e1"]], answers
    for host in ("a", "b"):
        local = (
            Path(cluster[f"env_{host}"]["SENIM_DATA_DIR"]) / "screening" / Path(indexes.storage_name(version.pk)).name
        )
        assert local.is_file()
