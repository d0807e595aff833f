"""The interactive API docs load every asset from Senim itself, so they work on a closed network."""

import re
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.test import Client


def test_api_docs_reference_no_external_host(db):
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    references = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    assert any(ref.endswith("swagger-ui-bundle.js") for ref in references)
    assert any(ref.endswith("swagger-ui.css") for ref in references)
    for ref in references:
        parts = urlsplit(ref)
        assert not parts.scheme and not parts.netloc, f"external reference {ref}"
    assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html
    # every referenced static file is there to be served
    for ref in references:
        if ref.startswith("/static/"):
            assert finders.find(ref.removeprefix("/static/")), ref
