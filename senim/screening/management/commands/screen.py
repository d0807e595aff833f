"""`senim screen "name"` searches the lists ad hoc and prints ranked hits with their explanation;
`senim screen --batch FILE --output OUT.csv` screens every row of a CSV/XLSX file in one run and
writes one row per hit. The command line acts as the system (audited as "system")."""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from tqdm import tqdm

from senim.core.access import SYSTEM
from senim.core.exports import csv_write
from senim.screening import selectors, services
from senim.screening.exports import hit_rows
from senim.screening.importing import FileRejected, read_batch_rows
from senim.screening.models import Watchlist

CSV_HEADER = ["query_id", "query_name", "list", "entity_id", "entity_name", "score"]


class Command(BaseCommand):
    help = "Screen a name against the watchlists, or every row of a CSV/XLSX file (--batch)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", help="The name to look for (ad hoc; nothing stored).")
        parser.add_argument("--schema", default="Person", help="Person, Organization or any.")
        parser.add_argument("--identifier", action="append", default=[], help="BIN, IIN, INN, passport… (repeatable)")
        parser.add_argument("--birth-date", action="append", default=[], dest="birth_dates")
        parser.add_argument("--country", action="append", default=[], dest="countries")
        parser.add_argument("--list", action="append", default=[], dest="lists", help="A list's name (repeatable).")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--batch", type=Path, help="CSV/XLSX with a name column; optional id, schema, …")
        parser.add_argument("--output", type=Path, help="With --batch: the CSV of hits to write.")
        parser.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"]):
            lists = self._lists(options["lists"])
            if options["batch"]:
                return self._batch(options, lists)
            if options["name"] is None:
                raise CommandError("Give a name to screen, or --batch FILE --output OUT.csv.")
            self._search(options, lists)

    def _lists(self, names: list[str]) -> list[Watchlist] | None:
        if not names:
            return None
        found = selectors.watchlists_named(names=names)
        missing = set(names) - {w.name for w in found}
        if missing:
            raise CommandError(f"No such list: {', '.join(sorted(missing))}")
        return found

    def _search(self, options: dict[str, Any], lists: list[Watchlist] | None) -> None:
        try:
            query = services.make_query(
                names=[options["name"]],
                schema=options["schema"],
                identifiers=options["identifier"],
                birth_dates=options["birth_dates"],
                countries=options["countries"],
            )
            results = services.search(actor=SYSTEM, query=query, lists=lists, limit=options["limit"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["format"] == "json":
            rows = [
                {
                    "list": r.watchlist.name,
                    "entity_id": r.entity.entity_id,
                    "name": r.entity.caption,
                    "schema": r.entity.schema,
                    "score": round(r.score, 4),
                    "explanation": r.explanation["lines"],
                }
                for r in results
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not results:
            self.stdout.write("No list entry scores above the threshold.")
        for rank, result in enumerate(results, start=1):
            where = f"{result.watchlist.name}: {result.entity.entity_id}"
            self.stdout.write(f"{rank}. {result.score:.2f}  {result.entity.caption}  [{where}]")
            for line in result.explanation["lines"]:
                self.stdout.write(f"     {line}")

    def _batch(self, options: dict[str, Any], lists: list[Watchlist] | None) -> None:
        path: Path = options["batch"]
        if options["output"] is None:
            raise CommandError("--batch needs --output OUT.csv.")
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with tqdm(unit=" rows", file=self.stderr, mininterval=0.5) as bar:
                run = services.screen_batch(
                    actor=SYSTEM, rows=read_batch_rows(path), lists=lists, file_name=path.name, progress=bar.update
                )
        except FileRejected as error:
            raise CommandError(error.message) from error
        for problem in run.problems[:50]:
            self.stderr.write(problem)
        with options["output"].open("w", newline="", encoding="utf-8") as handle:
            csv_write(handle, CSV_HEADER, hit_rows(selectors.run_hits(run=run).iterator(chunk_size=2000)))
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.subject_count} screened, {run.hit_count} hits, {run.skipped} rows skipped → {options['output']}"
            )
        )
