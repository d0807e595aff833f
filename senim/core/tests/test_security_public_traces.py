"""Threat: a visit to the public Speak Up portal leaves a trace tying the reporter to it: a CSRF
cookie living a year on their device, or a log line with their address and the portal's path.
"""

import logging
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from gunicorn.config import Config

from senim.core.access_log import PrivateAccessLogger, scrub

pytestmark = pytest.mark.django_db


def test_the_portals_csrf_cookie_is_a_session_cookie(group):
    response = Client().get(reverse("speakup:report"))
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def _logger() -> tuple[PrivateAccessLogger, _Capture]:
    cfg = Config()
    cfg.set("accesslog", "-")
    log = PrivateAccessLogger(cfg)
    capture = _Capture()
    log.error_log.addHandler(capture)
    log.access_log.addHandler(capture)
    return log, capture


class _Request:
    def __init__(self, path: str) -> None:
        self.path = self.uri = path
        self.method = "POST"
        self.version = (1, 1)
        self.headers: list[tuple[str, str]] = []


class _Response:
    status = "400 Bad Request"
    headers: list[tuple[str, str]] = []
    sent = 0
    response_length = 0


def test_no_access_line_for_the_portal_even_for_an_error():
    log, capture = _logger()
    environ = {
        "PATH_INFO": "/speakup/report/",
        "RAW_URI": "/speakup/report/",
        "REMOTE_ADDR": "203.0.113.7",
        "REQUEST_METHOD": "POST",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "QUERY_STRING": "",
    }
    import datetime as dt

    log.access(_Response(), _Request("/speakup/report/"), environ, dt.timedelta(seconds=1))
    assert not capture.lines
    environ["PATH_INFO"] = environ["RAW_URI"] = "/accounts/login/"
    log.access(_Response(), _Request("/accounts/login/"), environ, dt.timedelta(seconds=1))
    assert capture.lines  # other paths are logged as usual


def test_the_error_log_masks_addresses_and_portal_paths():
    log, capture = _logger()
    log.warning("Invalid request from ip=203.0.113.7: Invalid HTTP Version 'GET /speakup/follow/?k=1 HTTP/9'")
    try:
        raise ValueError("bad line POST /speakup/report/ from 2001:db8::7")
    except ValueError:
        log.exception("Error handling request %s %s", "POST", "/speakup/report/")
    text = "\n".join(capture.lines)
    for secret in ("203.0.113.7", "2001:db8::7", "/speakup/report", "/speakup/follow"):
        assert secret not in text
    assert "/speakup/" in text  # the module is named, the page is not


def test_scrub_leaves_ordinary_text_alone():
    assert scrub("Booting worker with pid: 12") == "Booting worker with pid: 12"


def test_the_nginx_example_keeps_no_access_log_for_speak_up_and_takes_its_body_size():
    from senim.speakup import conf

    text = (Path(settings.BASE_DIR).parent / "docs" / "DEPLOYMENT.md").read_text(encoding="utf-8")
    block = text.split("location /speakup/ {", 1)[1].split("}", 1)[0]
    assert "access_log off;" in block
    size = int(block.split("client_max_body_size", 1)[1].split("m;", 1)[0])
    assert size * 1024 * 1024 >= conf.max_files() * conf.max_file_mb() * 1024 * 1024 + 1024 * 1024
