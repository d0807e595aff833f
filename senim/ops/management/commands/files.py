"""`senim files backup DIR` / `senim files restore DIR`: copy every file Senim keeps in its storage
(the local disk, or the S3-compatible object store every host shares) to a directory, or back.

Files are copied as stored: sealed files (under `sealed/`) stay encrypted under the master key,
so the backup needs the master key to be read, like the database dump. A backup into a directory
that already holds an earlier one copies only files that are new or changed in size; `--prune`
also deletes from the directory the files the storage no longer holds. Screening indexes are left
out (`--with-indexes` keeps them): any worker rebuilds them from the database.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser

from senim.screening.indexes import STORAGE_AREA as INDEX_AREA


def _stored(folder: str = "") -> Iterator[str]:
    try:
        folders, names = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder}/" if folder else ""
    for name in names:
        yield f"{prefix}{name}"
    for sub in folders:
        yield from _stored(f"{prefix}{sub}")


class Command(BaseCommand):
    help = "Back up the files Senim keeps in its storage (disk or object store) to a directory, or restore them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["backup", "restore"])
        parser.add_argument("directory", type=Path)
        parser.add_argument("--prune", action="store_true", help="backup: delete files the storage no longer holds")
        parser.add_argument("--with-indexes", action="store_true", help="also copy the screening indexes")

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["directory"].resolve()
        if options["action"] == "backup":
            self._backup(directory, prune=options["prune"], with_indexes=options["with_indexes"])
        else:
            self._restore(directory)

    def _backup(self, directory: Path, *, prune: bool, with_indexes: bool) -> None:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        copied = kept = 0
        names = set()
        for name in _stored():
            if not with_indexes and name.startswith(f"{INDEX_AREA}/"):
                continue
            names.add(name)
            target = directory / name
            if target.is_file() and target.stat().st_size == default_storage.size(name):
                kept += 1
                continue
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            partial = target.with_name(target.name + ".part")
            with default_storage.open(name, "rb") as source, partial.open("wb") as handle:
                for chunk in iter(lambda: source.read(1 << 20), b""):
                    handle.write(chunk)
            partial.replace(target)
            copied += 1
        pruned = 0
        if prune:
            for path in directory.rglob("*"):
                if path.is_file() and path.relative_to(directory).as_posix() not in names:
                    path.unlink()
                    pruned += 1
        self.stdout.write(f"Backed up {copied} files to {directory} ({kept} unchanged, {pruned} pruned).")

    def _restore(self, directory: Path) -> None:
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory.")
        restored = 0
        for path in sorted(directory.rglob("*")):
            if not path.is_file() or path.name.endswith(".part"):
                continue
            name = path.relative_to(directory).as_posix()
            if default_storage.exists(name):
                default_storage.delete(name)
            with path.open("rb") as handle:
                saved = default_storage.save(name, File(handle))
            if saved != name:
                raise CommandError(f"The storage kept {name} as {saved}; restore into an empty storage.")
            restored += 1
        self.stdout.write(f"Restored {restored} files from {directory}.")
