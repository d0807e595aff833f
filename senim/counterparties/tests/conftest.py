"""The default red-flag catalogue, due diligence rules and questionnaire come from data migrations;
a transactional test elsewhere in the run flushes them, so put them back (idempotently) first."""

import importlib

import pytest
from django.apps import apps


@pytest.fixture(autouse=True)
def default_catalogue(request):  # type: ignore[no-untyped-def]
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
    for name in ("0005_default_catalogue", "0007_default_questionnaire", "0015_esg_section"):
        importlib.import_module(f"senim.counterparties.migrations.{name}").add(apps, None)
