"""Indicators, the dashboard tile, the demo lists, query counts on list pages, and imports of
arbitrary text that must never crash."""

import json
import random

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.indicators import compute_values
from senim.demo import screening as demo
from senim.screening import services
from senim.screening.importing import ImportStats, LineRejected, read_entities
from senim.screening.models import Hit, HitStatus, Watchlist, WatchlistKind
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_lists(group, tmp_path):
    sanctions = WatchlistFactory(name="Sanctions", kind=WatchlistKind.SANCTIONS)
    internal = WatchlistFactory(name="Internal", kind=WatchlistKind.INTERNAL)
    import_entities(sanctions, [ftm("s1", "Тоқаев Қасым-Жомарт")], tmp_path)
    import_entities(internal, [ftm("i1", "Kassym-Jomart Tokayev"), ftm("i2", "Нурлан Жумабеков")], tmp_path)
    return sanctions, internal


def test_indicators_count_screenings_hits_and_true_matches_by_kind(group, two_lists):
    officer = user_with_role("officer")
    outcome = services.screen(
        actor=officer, subject_key="k1", schema="Person", names=["Kassym-Jomart Tokayev"], company_id=group.a.pk
    )
    services.screen(actor=officer, subject_key="k2", schema="Person", names=["Somebody Else"], company_id=group.b.pk)
    internal_hit = next(h for h in outcome.hits if h.watchlist.kind == WatchlistKind.INTERNAL)
    services.hit_decide(actor=officer, hit=internal_hit, status=HitStatus.TRUE_MATCH, comment="Same person.")
    year = timezone.localdate().year
    values = {v.code: v.value for v in compute_values(year=year)}
    assert values["screening.subjects"] == 2
    assert values["screening.hits"] == 2
    assert values["screening.true_matches"] == 1
    assert (values["screening.hits.internal"], values["screening.hits.sanctions"]) == (1, 1)
    assert (values["screening.true_matches.internal"], values["screening.true_matches.sanctions"]) == (1, 0)
    by_company = {v.code: v.value for v in compute_values(year=year, company_id=group.b.pk)}
    assert (by_company["screening.subjects"], by_company["screening.hits"]) == (1, 0)


def test_dashboard_tile_counts_open_hits_in_scope(group, two_lists):
    services.screen(actor=SYSTEM, subject_key="k1", schema="Person", names=["Tokayev Kassym"], company_id=group.a.pk)
    services.screen(actor=SYSTEM, subject_key="k2", schema="Person", names=["Kassym-Jomart Tokayev"])
    client = Client()
    client.force_login(user_with_role("officer", company=group.a))
    tiles = {t.label: t.value for t in client.get(reverse("core:dashboard")).context["tiles"]}
    assert tiles["Screening hits to review"] == Hit.objects.filter(subject__company_id=group.a.pk).count() == 2
    client.force_login(user_with_role("auditor"))
    assert "Screening hits to review" not in {t.label for t in client.get(reverse("core:dashboard")).context["tiles"]}


def test_demo_lists_plant_employees_in_another_script(group):
    admin = user_with_role("admin")
    demo.build_screening_demo(random.Random(1), admin)
    assert set(Watchlist.objects.values_list("kind", flat=True)) == {"sanctions", "internal"}
    assert Watchlist.objects.get(kind="sanctions").current_version.entity_count > 250
    planted = {h.subject.key for h in Hit.objects.filter(entity__entity_id__contains="-e")}
    employees = {f"org.employee:{e.pk}" for e in (group.in_root, group.in_branch, group.in_leaf, group.in_b)}
    assert planted == employees


@pytest.mark.parametrize("url_name", ["screening:hit-list", "screening:run-list", "screening:watchlist-list"])
def test_list_pages_have_a_fixed_number_of_queries(group, two_lists, url_name):
    client = Client()
    client.force_login(user_with_role("officer"))
    url = reverse(url_name)
    services.screen(actor=SYSTEM, subject_key="k1", schema="Person", names=["Tokayev Kassym"])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        services.screen(actor=SYSTEM, subject_key=f"more{n}", schema="Person", names=["Kassym-Jomart Tokayev"])
        WatchlistFactory(name=f"Extra {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=40), min_size=1, max_size=4))
def test_any_unicode_in_an_import_line_is_read_or_rejected_never_crashes(tmp_path_factory, names):
    path = tmp_path_factory.mktemp("u") / "list.jsonl"
    lines = [json.dumps(ftm(f"id{i}", name)) for i, name in enumerate(names)]
    lines.append(json.dumps({"id": "x", "schema": "Person", "properties": {"name": names}}))
    path.write_text("\n".join(lines), encoding="utf-8")
    stats = ImportStats()
    entities = list(read_entities(path, fmt="ftm", stats=stats, skip_invalid=True))
    assert all(e.names and e.caption for e in entities)
    assert stats.skipped + len(entities) == len(lines)


def test_a_line_that_is_not_utf8_is_reported_by_number(tmp_path):
    path = tmp_path / "list.jsonl"
    path.write_bytes(json.dumps(ftm("a", "Anna Ivanova")).encode() + b"\n\xff\xfe{}\n")
    with pytest.raises(LineRejected) as error:
        list(read_entities(path, fmt="ftm", stats=ImportStats()))
    assert error.value.line == 2
