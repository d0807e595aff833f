"""`senim watchlist import FILE --name LIST` imports a list version; `senim watchlist list` shows
the lists. The command line acts as the system: no user, audited as "system"."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from tqdm import tqdm

from senim.core.access import SYSTEM
from senim.screening import indexes, jobs, selectors, services
from senim.screening.importing import FIELDS, normalise_header
from senim.screening.models import ImportFormat, WatchlistKind, WatchlistVersion


def _format_of(path: Path, chosen: str | None) -> str:
    if chosen:
        return chosen
    name = path.name.lower()
    return "xlsx" if name.endswith(".xlsx") else "csv" if name.endswith((".csv", ".txt")) else "ftm"


def _mapping(pairs: list[str]) -> dict[str, Any] | None:
    if not pairs:
        return None
    mapping: dict[str, Any] = {"identifier": [], "default_schema": "Person"}
    for pair in pairs:
        field, _sep, column = pair.partition("=")
        field = field.strip()
        if field not in {*FIELDS, "default_schema"} or not column.strip():
            raise CommandError(f"--map takes field=column with a field among {', '.join(FIELDS)}, default_schema.")
        if field == "identifier":
            mapping["identifier"].append(normalise_header(column))
        elif field == "default_schema":
            mapping[field] = column.strip()
        else:
            mapping[field] = normalise_header(column)
    return mapping


class Command(BaseCommand):
    help = "Import a watchlist version from a FollowTheMoney JSON-lines, CSV or XLSX file; list the watchlists."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import FILE as a new version of the list (created if new).")
        imp.add_argument("file", type=Path)
        imp.add_argument("--name", required=True, help="The list's name.")
        imp.add_argument("--kind", choices=WatchlistKind.values, default=WatchlistKind.SANCTIONS)
        imp.add_argument("--source", default="", help="Where the list comes from (for a new list).")
        imp.add_argument("--format", choices=ImportFormat.values, help="Default: from the file's extension.")
        imp.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=COLUMN",
            help="CSV/XLSX column of a field (repeatable; identifier may repeat). Default: guessed from the header.",
        )
        imp.add_argument("--skip-invalid", action="store_true", help="Skip malformed lines instead of stopping.")
        imp.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])
        sub.add_parser("list", help="Show the lists and their current versions.")
        sub.add_parser("index", help="Build the missing indexes of the lists' current versions (after an upgrade).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            return self._list()
        if options["action"] == "index":
            return self._index()
        with translation.override(options["language"]):
            self._import(options)

    def _list(self) -> None:
        for watchlist in selectors.watchlist_list(actor=SYSTEM):
            version = watchlist.current_version
            state = "enabled" if watchlist.is_enabled else "disabled"
            current = f"v{version.number}, {version.entity_count} entities" if version else "not imported"
            self.stdout.write(f"{watchlist.name}\t{watchlist.kind}\t{state}\t{current}")

    def _index(self) -> None:
        for watchlist in selectors.watchlist_list(actor=SYSTEM):
            version = watchlist.current_version
            if version is None or version.status != WatchlistVersion.Status.READY:
                continue
            index = indexes.index_for(version.pk)  # fetched, or built here when the storage has none
            self.stdout.write(f"{watchlist.name} v{version.number}: index of {len(index)} entities ready.")

    def _import(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        found = selectors.watchlists_named(names=[options["name"]])
        watchlist = found[0] if found else None
        if watchlist is None:
            watchlist = services.watchlist_create(
                actor=SYSTEM, name=options["name"], kind=options["kind"], source=options["source"]
            )
            self.stdout.write(f"Created the list {watchlist.name!r}.")
        version = services.version_create(
            actor=SYSTEM,
            watchlist=watchlist,
            file_name=path.name,
            fmt=_format_of(path, options["format"]),
            mapping=_mapping(options["map"]),
            skip_invalid=options["skip_invalid"],
        )
        with tqdm(unit=" entities", file=self.stderr, mininterval=0.5) as bar:
            version = jobs.version_import_run(version=version, path=path, max_bytes=None, progress=bar.update)
        for problem in version.problems[:50]:
            self.stderr.write(problem)
        if version.status != WatchlistVersion.Status.READY:
            raise CommandError(f"Nothing was imported: {version.error}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{watchlist.name} v{version.number}: {version.entity_count} entities "
                f"({version.added} added, {version.removed} removed, {version.changed} changed; "
                f"{version.skipped} invalid lines skipped, {version.ignored} other records left out)."
            )
        )
