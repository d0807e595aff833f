"""Watchlist imports: JSON lines and tables, malformed lines, versions and their differences."""

import pytest

from senim.core.models import AuditEvent
from senim.screening import selectors
from senim.screening.models import WatchlistEntity, WatchlistVersion
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db

TOKAYEV = ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы", birthDate="1953-05-17", country="kz")


def test_jsonl_import_keeps_screened_schemata_and_counts_the_others(tmp_path):
    """Person and Company entities are stored; Sanction records are counted, not stored."""
    watchlist = WatchlistFactory()
    version = import_entities(
        watchlist,
        [
            TOKAYEV,
            ftm("co-1", "ТОО «Альфа Плюс»", schema="Company", registrationNumber="123456789012"),
            {"id": "s-1", "schema": "Sanction", "properties": {"entity": ["kz-1"]}},
        ],
        tmp_path,
    )
    assert version.status == WatchlistVersion.Status.READY
    assert (version.entity_count, version.ignored, version.added) == (2, 1, 2)
    watchlist.refresh_from_db()
    assert watchlist.current_version == version
    company = WatchlistEntity.objects.get(version=version, entity_id="co-1")
    assert company.identifiers == ["123456789012"]
    person = WatchlistEntity.objects.get(version=version, entity_id="kz-1")
    assert (person.birth_dates, person.countries) == (["1953-05-17"], ["kz"])


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('{"schema": "Person", "properties": {"name": ["X Y"]}}', "no id"),
        ('{"id": "x", "properties": {"name": ["X Y"]}}', "no schema"),
        ('{"id": "x", "schema": "Person", "properties": {}}', "no name"),
    ],
)
def test_a_malformed_line_stops_the_import_with_its_number(tmp_path, bad_line, reason):
    watchlist = WatchlistFactory()
    version = import_entities(watchlist, [TOKAYEV, bad_line, ftm("b", "Bob Smith")], tmp_path)
    assert version.status == WatchlistVersion.Status.FAILED
    assert "Line 2" in version.error and reason in version.error
    assert not WatchlistEntity.objects.filter(version=version).exists()
    watchlist.refresh_from_db()
    assert watchlist.current_version is None
    assert AuditEvent.objects.filter(event_type="screening.version.failed").count() == 1


def test_malformed_lines_are_skipped_and_listed_when_chosen(tmp_path):
    version = import_entities(
        WatchlistFactory(),
        [TOKAYEV, "{not json", ftm("b", "Bob Smith"), ftm("b", "Bob Twice")],
        tmp_path,
        skip_invalid=True,
    )
    assert version.status == WatchlistVersion.Status.READY
    assert (version.entity_count, version.skipped) == (2, 2)
    assert version.problems[0].startswith("Line 2")
    assert "appears twice" in version.problems[1]


def test_reimport_records_added_removed_changed_and_keeps_the_previous_version(tmp_path):
    watchlist = WatchlistFactory()
    first = import_entities(watchlist, [TOKAYEV, ftm("a", "Anna Ivanova"), ftm("b", "Bob Smith")], tmp_path)
    second = import_entities(
        watchlist,
        [TOKAYEV, ftm("a", "Anna Petrova"), ftm("c", "Carl Jensen"), ftm("d", "Dana White")],
        tmp_path,
    )
    assert (second.added, second.removed, second.changed, second.base) == (2, 1, 1, first)
    watchlist.refresh_from_db()
    assert watchlist.current_version == second
    diff = selectors.version_diff(version=second, base=first)
    assert {e.entity_id for e in diff["added"]} == {"c", "d"}
    assert {e.entity_id for e in diff["removed"]} == {"b"}
    assert {e.entity_id for e in diff["changed"]} == {"a"}
    assert WatchlistEntity.objects.get(version=first, entity_id="a").caption == "Anna Ivanova"


def test_a_failed_reimport_leaves_the_previous_version_current(tmp_path):
    watchlist = WatchlistFactory()
    first = import_entities(watchlist, [TOKAYEV], tmp_path)
    failed = import_entities(watchlist, [TOKAYEV, "[1, 2]"], tmp_path)
    assert failed.status == WatchlistVersion.Status.FAILED
    watchlist.refresh_from_db()
    assert watchlist.current_version == first
    assert failed.number == 2 and first.entity_count == 1


def test_a_failure_after_the_entities_were_written_removes_them(tmp_path, monkeypatch):
    """All or nothing even though entities are written in batches: an error after they were written
    deletes the new version's entities and keeps the previous version current."""
    watchlist = WatchlistFactory()
    first = import_entities(watchlist, [TOKAYEV], tmp_path)

    def broken(**kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr("senim.screening.services.lists.version_diff", broken)
    failed = import_entities(watchlist, [TOKAYEV, ftm("b", "Bob Smith")], tmp_path)
    assert failed.status == WatchlistVersion.Status.FAILED
    assert "unexpectedly" in failed.error
    assert not WatchlistEntity.objects.filter(version=failed).exists()
    watchlist.refresh_from_db()
    assert watchlist.current_version == first
