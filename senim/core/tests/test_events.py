"""Every audit event type the apps record has a label, in every language."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.audit import audit_record
from senim.core.events import declared_event_types, event_label

SOURCES = Path(__file__).resolve().parents[2]
APPS = "accounts|org|screening|counterparties|speakup|conflicts|examination|awareness|learning|risks|reports|ops|core"
# A dotted literal passed as an event type, or any three-part dotted literal of an app (the event
# types recorded through helpers such as PendingEvent or a service's own `_changed`).
LITERALS = re.compile(rf'event_type="((?:{APPS})\.[a-z_.]+)"|"((?:{APPS})\.[a-z_]+\.[a-z_]+)"')


def _recorded_types() -> set[str]:
    found = set()
    for path in SOURCES.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for match in LITERALS.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return found


def test_every_event_type_in_the_code_is_declared():
    recorded = _recorded_types()
    assert len(recorded) > 100
    assert recorded - set(declared_event_types()) == set()


@pytest.mark.parametrize("language", ["ru", "kk", "uz"])
def test_every_label_is_translated(language):
    for code in declared_event_types():
        with translation.override("en"):
            english = event_label(code)
        with translation.override(language):
            assert event_label(code) != english, code


def test_an_undeclared_type_shows_its_code():
    assert event_label("nobody.declared.this") == "nobody.declared.this"


def test_the_audit_page_names_events_in_the_reader_s_language(db, client):
    audit_record(actor=SYSTEM, event_type="counterparties.counterparty.created", obj=user_with_role("officer"))
    client.force_login(user_with_role("auditor"))
    with translation.override("ru"):
        page = client.get(reverse("core:audit"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Контрагент создан" in page
