"""Fixtures shared by every app's tests: a small two-company group and users per role."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from senim.core.access import Role
from senim.org.models import Company, Employee, Unit
from senim.org.tests.factories import CompanyFactory, EmployeeFactory, PositionFactory, UnitFactory

# Property tests assert behaviour, never speed: on a loaded machine (CI runs the SQLite and PostgreSQL
# suites side by side on two cores) Hypothesis's per-example deadline and its "input generation is
# slow" check would fail a correct test, so both are off for the whole suite.
hypothesis_settings.register_profile("senim", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("senim")

# Every role, in the order of `core.access.Role`: the rows of each endpoint's role × scope matrix.
ROLES = [role.value for role in Role]


def token_client(user) -> Client:  # type: ignore[no-untyped-def]
    """A test client that calls the API with a fresh personal token of `user`."""
    from senim.accounts import services as account_services

    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def list_export(user, url: str, **params: str) -> tuple[list[str], list[list[str]]]:  # type: ignore[no-untyped-def]
    """The header and rows of a list's CSV download (core.lists) as `user` gets it with `params`."""
    import csv
    import io

    client = Client()
    client.force_login(user)
    response = client.get(url, {**params, "export": "csv"})
    assert response.status_code == 200, response.status_code
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff"))))
    return rows[0], rows[1:]


def list_page(user, url: str, **params: str):  # type: ignore[no-untyped-def]
    """The list page as `user` gets it with `params` (its context holds `page_obj`, `list_dates`)."""
    client = Client()
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request through the test client leaves its
    language active in the thread (LocaleMiddleware activates it and nothing deactivates it), and
    a test after it would read another language's messages."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


S3_BUCKET = "senim-test"


def s3_storage_settings(endpoint_url: str | None = None) -> dict:
    """The default storage of an S3-compatible object store, as SENIM_S3_* would configure it."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": endpoint_url,
            "access_key": "testing",
            "secret_key": "testing",
            "region_name": "us-east-1",
            "addressing_style": "path",
            "signature_version": "s3v4",
            "default_acl": None,
            "file_overwrite": False,
        },
    }


@pytest.fixture
def s3_storage(settings, monkeypatch):
    """Files go to an S3 API served in this process (moto): no network, an empty bucket per test.
    Yields the boto3 client to look inside the bucket."""
    import boto3
    from moto import mock_aws

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=S3_BUCKET)
        settings.STORAGES = {**settings.STORAGES, "default": s3_storage_settings()}
        yield client


@dataclass
class Group:
    """Two companies; company A has a unit tree root → branch → leaf; one employee per unit."""

    a: Company
    b: Company
    root: Unit
    branch: Unit
    leaf: Unit
    other: Unit
    in_root: Employee
    in_branch: Employee
    in_leaf: Employee
    in_b: Employee


@pytest.fixture
def group(db) -> Group:
    a, b = CompanyFactory(name_en="Alpha Mining JSC"), CompanyFactory(name_en="Beta Gold LLC", country="UZ")
    root = UnitFactory(company=a, code="ROOT")
    branch = UnitFactory(company=a, parent=root, code="BR")
    leaf = UnitFactory(company=a, parent=branch, code="LEAF")
    other = UnitFactory(company=b, code="B1")
    PositionFactory(company=a, unit=branch, code="BR-HEAD", is_corruption_prone=True)
    return Group(
        a=a,
        b=b,
        root=root,
        branch=branch,
        leaf=leaf,
        other=other,
        in_root=EmployeeFactory(company=a, unit=root, surname="Оспанов", surname_latin="Ospanov"),
        in_branch=EmployeeFactory(company=a, unit=branch, surname="Касымова", surname_latin="Kasymova"),
        in_leaf=EmployeeFactory(company=a, unit=leaf, surname="Иванов", surname_latin="Ivanov"),
        in_b=EmployeeFactory(company=b, unit=other, surname="Karimov", surname_latin="Karimov", iin="", pinfl=""),
    )


def _flush_past_the_audit_guard() -> None:
    """Transactional tests end with a flush that deletes every row; lift the audit table's
    append-only triggers for that moment only, then put them back."""
    from django.db import connections
    from django.test.testcases import TransactionTestCase

    from senim.core import audit_guard

    original = TransactionTestCase._fixture_teardown

    def teardown(self):  # type: ignore[no-untyped-def]
        for alias in self._databases_names(include_mirrors=False):
            audit_guard.remove(connections[alias])
        try:
            original(self)
        finally:
            for alias in self._databases_names(include_mirrors=False):
                audit_guard.install(connections[alias])

    TransactionTestCase._fixture_teardown = teardown


_flush_past_the_audit_guard()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FACTORY_PASSWORD = "correct horse battery staple"  # accounts' UserFactory password


@pytest.fixture
def browser_context(monkeypatch, live_server, settings, tmp_path):  # type: ignore[no-untyped-def]
    """Make Chromium browser contexts (Playwright) against the live server:
    `browser_context(locale="ru-RU", javascript=False, viewport=(390, 844))`. Skipped without Debian's
    Chromium unless SENIM_REQUIRE_BROWSER=1 (as CI sets). Playwright's sync API runs an event loop in
    this thread, so the ORM calls the test itself makes are allowed next to it."""
    import os
    from pathlib import Path

    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not Path(CHROMIUM).exists():
        if os.environ.get("SENIM_REQUIRE_BROWSER") == "1":
            pytest.fail(f"SENIM_REQUIRE_BROWSER=1 but {CHROMIUM} is not installed")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        contexts = []

        def new_context(locale: str = "en-GB", javascript: bool = True, viewport: tuple[int, int] = (1280, 900)):  # type: ignore[no-untyped-def]
            context = browser.new_context(
                locale=locale,
                java_script_enabled=javascript,
                viewport={"width": viewport[0], "height": viewport[1]},
                accept_downloads=True,
            )
            context.set_default_timeout(15_000)
            contexts.append(context)
            return context

        try:
            yield new_context
        finally:
            for context in contexts:
                context.close()
            browser.close()


@pytest.fixture
def browser_page(browser_context, live_server):  # type: ignore[no-untyped-def]
    """A Chromium page (Playwright) against the live server, in English on a laptop's screen. Its
    `problems` list collects JavaScript errors and the server's 4xx/5xx answers, for a test to assert
    there were none. New browser tests use this one fixture (or `browser_context` for more pages)."""
    page = browser_context().new_page()
    problems: list[str] = []

    def note_failed_response(response) -> None:  # type: ignore[no-untyped-def]
        if response.status >= 400 and response.url.startswith(live_server.url):
            problems.append(f"{response.status} {response.url}")

    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on("response", note_failed_response)
    page.problems = problems
    return page


@pytest.fixture
def browser_log_in(live_server):  # type: ignore[no-untyped-def]
    """Sign a factory-made user in on a browser page."""

    def log_in(page, user) -> None:  # type: ignore[no-untyped-def]
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", FACTORY_PASSWORD)
        with page.expect_navigation():
            page.click("main button[type=submit]")

    return log_in
