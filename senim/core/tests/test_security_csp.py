"""Threat: an injected script runs in a compliance officer's browser. A Content-Security-Policy
allows scripts only from Senim's own static files, and no template carries an inline script or
an event-handler attribute that such a policy would have to allow."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def test_pages_carry_a_policy_without_inline_script(group):
    client = Client()
    client.force_login(user_with_role("officer"))
    for response in (client.get(reverse("core:dashboard")), Client().get(reverse("speakup:report"))):
        policy = _policy(response)
        assert policy["script-src"] == "script-src 'self'"
        assert "unsafe-inline" not in policy["style-src"] and "unsafe-eval" not in response["Content-Security-Policy"]
        assert policy["frame-ancestors"] == "frame-ancestors 'none'"


def test_no_template_has_an_inline_script_or_handler():
    root = Path(settings.BASE_DIR)
    offenders = []
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>", text):
            # A JSON data block (type="application/json") is never executed, so CSP has nothing to allow.
            if "src=" not in match.group(1) and 'type="application/json"' not in match.group(1):
                offenders.append(f"{path}: inline <script>")
        if re.search(r"\son[a-z]+\s*=\s*[\"']", text) or "javascript:" in text:
            offenders.append(f"{path}: event handler or javascript: URL")
    assert offenders == []
