"""The command line: `senim watchlist import`, `senim screen "name"` and `senim screen --batch`."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from senim.core.models import AuditEvent
from senim.screening.models import ScreeningRun, Watchlist
from senim.screening.tests.factories import ftm, write_jsonl

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def imported(tmp_path):
    path = write_jsonl(
        tmp_path / "sanctions.jsonl",
        [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы", birthDate="1953-05-17"), ftm("co", "ТОО «Альфа»", "Company")],
    )
    return _run("watchlist", "import", str(path), "--name", "UN", "--kind", "sanctions")


def test_watchlist_import_creates_the_list_and_reports_counts(imported):
    out, _err = imported
    assert "Created the list 'UN'" in out and "2 entities (2 added" in out
    watchlist = Watchlist.objects.get(name="UN")
    assert watchlist.current_version.entity_count == 2
    assert AuditEvent.objects.filter(event_type="screening.version.imported", actor_label="system").exists()


def test_watchlist_import_stops_at_a_malformed_line(imported, tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", [ftm("a", "Anna Ivanova"), "{oops"])
    with pytest.raises(CommandError, match="Line 2"):
        _run("watchlist", "import", str(path), "--name", "UN")
    out, err = _run("watchlist", "import", str(path), "--name", "UN", "--skip-invalid")
    assert "1 invalid lines skipped" in out
    assert "Line 2" in err


def test_watchlist_import_of_a_csv_with_a_mapping(tmp_path):
    path = tmp_path / "internal.csv"
    path.write_text("Number;Full Name;TIN\n1;Иванов Иван;123\n", encoding="utf-8")
    _run(
        "watchlist", "import", str(path), "--name", "Internal", "--kind", "internal",
        "--map", "id=Number", "--map", "name=Full Name", "--map", "identifier=TIN",
    )  # fmt: skip
    entity = Watchlist.objects.get(name="Internal").current_version.entities.get()
    assert (entity.entity_id, entity.caption, entity.identifiers) == ("1", "Иванов Иван", ["123"])
    assert _run("watchlist", "list")[0].startswith("Internal\tinternal\tenabled\tv1, 1 entities")


def test_screen_prints_ranked_hits_with_the_explanation(imported):
    out, _err = _run("screen", "Kassym-Jomart Tokayev")
    assert out.startswith("1. 1.00  Тоқаев Қасым-Жомарт Кемелұлы  [UN: kz-1]")
    assert "same word in another script" in out


def test_screen_as_json(imported):
    rows = json.loads(_run("screen", "Kasym-Zhomart Tokaev", "--format", "json", "--birth-date", "1953")[0])
    assert rows[0]["entity_id"] == "kz-1" and rows[0]["explanation"]


@pytest.mark.parametrize("name", ["", "x", "  "])
def test_screen_refuses_empty_and_one_letter_names(imported, name):
    with pytest.raises(CommandError, match="at least two letters"):
        _run("screen", name)


def test_screen_batch_writes_one_row_per_hit(imported, tmp_path):
    source = tmp_path / "people.csv"
    source.write_text(
        "id,name,schema\nq1,Kassym-Jomart Tokayev,Person\nq2,Alfa LLP,Organization\nq3,Nobody Atall,\nq4,y,\n",
        encoding="utf-8",
    )
    output = tmp_path / "hits.csv"
    out, err = _run("screen", "--batch", str(source), "--output", str(output))
    rows = list(csv.reader(output.open(encoding="utf-8")))
    assert rows[0] == ["query_id", "query_name", "list", "entity_id", "entity_name", "score"]
    assert {(r[0], r[3]) for r in rows[1:]} == {("q1", "kz-1"), ("q2", "co")}
    assert "3 screened, 2 hits, 1 rows skipped" in out and "Line 5" in err
    assert ScreeningRun.objects.get(kind=ScreeningRun.Kind.BATCH).status == ScreeningRun.Status.DONE


def test_screen_batch_needs_a_name_column(imported, tmp_path):
    source = tmp_path / "people.csv"
    source.write_text("id,who\n1,Someone\n", encoding="utf-8")
    with pytest.raises(CommandError, match="name"):
        _run("screen", "--batch", str(source), "--output", str(tmp_path / "out.csv"))


def test_screen_unknown_list_is_an_error(imported):
    with pytest.raises(CommandError, match="No such list"):
        _run("screen", "Tokayev", "--list", "Nope")


def test_batch_output_cells_never_start_a_formula(tmp_path):
    path = write_jsonl(tmp_path / "l.jsonl", [ftm("=cmd|' /C calc'!A0", "=HYPERLINK Evil Corp", "Company")])
    _run("watchlist", "import", str(path), "--name", "L")
    source = tmp_path / "people.csv"
    source.write_text("id,name,schema\n=1+1,=HYPERLINK Evil Corp,Organization\n", encoding="utf-8")
    output = tmp_path / "hits.csv"
    _run("screen", "--batch", str(source), "--output", str(output))
    row = list(csv.reader(output.open(encoding="utf-8")))[1]
    assert row[:2] == ["'=1+1", "'=HYPERLINK Evil Corp"] and row[3].startswith("'=")


def test_watchlist_index_builds_the_missing_index_of_a_current_version(imported):
    """After an upgrade (a new index format) the indexes are rebuilt before anyone searches."""
    from senim.screening import indexes

    version = Watchlist.objects.get(name="UN").current_version
    indexes.index_discard(version.pk)
    out, _err = _run("watchlist", "index")
    assert "UN v1: index of 2 entities ready." in out
    assert indexes.index_path(version.pk).is_file()
