"""Outreach events: recorded by officers in their companies (audited), counted by the day they were
held against the previous year, traced to their records, listed and exported, through the pages,
the API and the command line; the rating's outreach item is suggested from them."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.awareness import selectors, services
from senim.awareness.models import OutreachEvent
from senim.core.access import SYSTEM, PermissionDenied
from senim.core.indicators import compute_values, get_indicator
from senim.core.models import AuditEvent
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.reports.rating import suggest

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = TODAY.year


def _event(company, *, held_on=None, reach=40, audience="staff", actor=SYSTEM, **kwargs):
    data = {
        "actor": actor,
        "company_id": company.pk,
        "title": "Антикоррупционный семинар",
        "kind": "seminar",
        "audience": audience,
        "held_on": held_on or TODAY.replace(month=1, day=15),
        "reach": reach,
    }
    return services.outreach_create(**{**data, **kwargs})


def _values(company_id=None, year=YEAR):
    return {v.code: (v.value, v.previous) for v in compute_values(year=year, company_id=company_id)}


def test_events_are_counted_by_the_day_held_against_the_year_before_and_traced(group):
    last_year = dt.date(YEAR - 1, 11, 3)
    _event(group.a, reach=40)
    _event(group.a, reach=25, audience="counterparties", counterparty_id=CounterpartyFactory().pk, kind="meeting")
    _event(group.b, reach=1200, audience="public", kind="media", format="printed")
    _event(group.a, reach=30, held_on=last_year)
    values = _values()
    assert values["awareness.outreach_events"] == (3, 1)
    assert values["awareness.outreach_events_outside"] == (2, 0)
    assert values["awareness.outreach_reach"] == (1265, 30)
    assert _values(group.a.pk)["awareness.outreach_reach"] == (65, 30)
    # the figure and the records it is traced to agree
    records = get_indicator("awareness.outreach_events").records
    assert records is not None and records(YEAR, group.a.pk).count() == 2
    assert AuditEvent.objects.filter(event_type="awareness.outreach.created").count() == 4


def test_the_rating_suggests_outreach_from_the_reach_against_the_year_before(group):
    assert suggest("outreach", year=YEAR, company_id=group.a.pk)[0] == "none"
    _event(group.a, reach=100, held_on=dt.date(YEAR - 1, 5, 5))
    _event(group.a, reach=80)
    grade, reason = suggest("outreach", year=YEAR, company_id=group.a.pk)
    assert grade == "mostly" and "100" in reason
    _event(group.a, reach=20)
    assert suggest("outreach", year=YEAR, company_id=group.a.pk)[0] == "full"


def test_bad_input_is_refused_and_nothing_is_written(group):
    officer = user_with_role("officer", company=group.a)
    cases = [
        ({"held_on": TODAY + dt.timedelta(days=1)}, "held_on"),
        ({"title": "  "}, "title"),
        ({"audience": "counterparties"}, "counterparty"),
        ({"kind": "picnic"}, "kind"),
        ({"link": "javascript:alert(1)"}, "link"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as error:
            _event(group.a, actor=officer, **changes)
        assert field in error.value.message_dict
    with pytest.raises(PermissionDenied):
        _event(group.b, actor=officer)
    with pytest.raises(PermissionDenied):
        _event(group.a, actor=user_with_role("auditor"))
    assert not OutreachEvent.objects.exists()


def test_an_officer_sees_only_the_events_of_their_company(group):
    mine, theirs = _event(group.a), _event(group.b)
    officer = user_with_role("officer", company=group.a)
    assert list(selectors.outreach_list(actor=officer)) == [mine]
    client = Client()
    client.force_login(officer)
    assert client.get(reverse("awareness:outreach-detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("awareness:outreach-detail", args=[mine.pk])).status_code == 200
    employee = Client()
    employee.force_login(user_with_role("employee"))
    assert employee.get(reverse("awareness:outreach")).status_code in (302, 403)


def test_an_officer_records_an_event_attaches_slides_edits_and_exports_the_list(group):
    officer = user_with_role("officer", company=group.a)
    client = Client()
    client.force_login(officer)
    form = {
        "company": str(group.a.pk),
        "title": "Круглый стол с подрядчиками",
        "kind": "round_table",
        "format": "hybrid",
        "audience": "mixed",
        "held_on": TODAY.isoformat(),
        "reach": "57",
        "place": "Актобе",
    }
    assert client.post(reverse("awareness:outreach-create"), {**form, "reach": "-1"}).status_code == 400
    response = client.post(reverse("awareness:outreach-create"), form)
    event = OutreachEvent.objects.get()
    assert response.status_code == 302 and event.reach == 57 and event.recorded_by == officer
    url = reverse("awareness:outreach-detail", args=[event.pk])
    slides = SimpleUploadedFile("slides.pdf", b"%PDF-1.4 slides", content_type="application/pdf")
    assert client.post(url, {"action": "material", "file": slides}).status_code == 302
    bad = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    assert client.post(url, {"action": "material", "file": bad}).status_code == 400
    material = event.materials.get()
    download = client.get(reverse("awareness:outreach-material", args=[event.pk, material.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 slides"
    assert client.post(url, {**form, "action": "save", "reach": "60"}).status_code == 302
    event.refresh_from_db()
    assert event.reach == 60
    changed = AuditEvent.objects.get(event_type="awareness.outreach.updated")
    assert changed.changes["reach"] == [57, 60]
    page = client.get(reverse("awareness:outreach"), {"year": YEAR})
    assert "Круглый стол с подрядчиками" in page.content.decode()
    export = client.get(reverse("awareness:outreach"), {"export": "csv"})
    assert "Круглый стол с подрядчиками" in b"".join(export.streaming_content).decode()
    assert client.post(url, {"action": "delete"}).status_code == 302
    assert not OutreachEvent.objects.exists()
    assert AuditEvent.objects.filter(event_type="awareness.outreach.deleted").count() == 1


def test_the_api_records_changes_lists_and_refuses_unknown_fields(group):
    officer = user_with_role("officer", company=group.a)
    api = token_client(officer)
    body = {
        "company_id": str(group.a.pk),
        "title": "Interview on regional TV",
        "kind": "media",
        "format": "printed",
        "audience": "public",
        "held_on": TODAY.isoformat(),
        "reach": 5000,
    }
    assert (
        api.post("/api/v1/awareness/outreach", {**body, "cost": 1}, content_type="application/json").status_code == 422
    )
    assert (
        api.post("/api/v1/awareness/outreach", {**body, "company_id": str(group.b.pk)}, content_type="application/json")
    ).status_code == 403
    created = api.post("/api/v1/awareness/outreach", body, content_type="application/json")
    assert created.status_code == 201, created.content
    event_id = created.json()["id"]
    patched = api.patch(f"/api/v1/awareness/outreach/{event_id}", {"reach": 6500}, content_type="application/json")
    assert patched.status_code == 200 and patched.json()["reach"] == 6500
    future = (TODAY + dt.timedelta(days=3)).isoformat()
    bad = api.patch(f"/api/v1/awareness/outreach/{event_id}", {"held_on": future}, content_type="application/json")
    assert bad.status_code == 422
    listed = api.get("/api/v1/awareness/outreach", {"year": YEAR}).json()
    assert [e["reach"] for e in listed["items"]] == [6500]
    by_kind = api.get("/api/v1/awareness/outreach/by-kind", {"year": YEAR}).json()
    assert by_kind == [
        {
            "kind": "media",
            "label": "Media appearance",
            "events": 1,
            "previous_events": 0,
            "reach": 6500,
            "previous_reach": 0,
        }
    ]
    auditor = token_client(user_with_role("auditor"))
    assert auditor.get(f"/api/v1/awareness/outreach/{event_id}").status_code == 200
    assert auditor.delete(f"/api/v1/awareness/outreach/{event_id}").status_code == 403
    assert api.delete(f"/api/v1/awareness/outreach/{event_id}").status_code == 204


def test_the_command_line_lists_a_years_events_with_last_years_beside_them(group):
    _event(group.a, reach=40)
    _event(group.a, reach=10, held_on=dt.date(YEAR - 1, 3, 1))
    out, err = io.StringIO(), io.StringIO()
    call_command("awareness", "outreach", "list", "--year", str(YEAR), stdout=out, stderr=err)
    assert "Антикоррупционный семинар" in out.getvalue() and out.getvalue().count("\n") == 1
    assert "seminar: 1 (1) events, 40 (10) people reached" in err.getvalue()
