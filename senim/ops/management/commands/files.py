"""`senim files backup DIR` / `senim files restore DIR`: copy every file Senim keeps in its storage
(the local disk, or the S3-compatible object store every host shares) to a directory, or back.
`senim files upgrade`: move the files an earlier release kept under SENIM_DATA_DIR into the storage
(`senim.ops.files_upgrade`).

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
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from senim.ops import files_upgrade
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
        parser.add_argument("action", choices=["backup", "restore", "upgrade"])
        parser.add_argument("directory", type=Path, nargs="?")
        parser.add_argument("--prune", action="store_true", help="backup: delete files the storage no longer holds")
        parser.add_argument("--with-indexes", action="store_true", help="also copy the screening indexes")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "upgrade":
            self._upgrade()
            return
        if options["directory"] is None:
            raise CommandError(_("Name the directory."))
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

    def _upgrade(self) -> None:
        with tqdm(unit=_(" files"), file=self.stderr, mininterval=0.5) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            outcome = files_upgrade.files_upgrade(progress=progress)
        for line in outcome.missing:
            self.stderr.write(_("No file where the earlier release kept it: %(row)s") % {"row": line})
        for line in outcome.unreferenced:
            self.stderr.write(_("No record refers to this file; left where it is: %(path)s") % {"path": line})
        for line in outcome.failed:
            self.stderr.write(self.style.ERROR(_("Not moved (kept where it was): %(row)s") % {"row": line}))
        summary = [
            ngettext(
                "%(count)d file moved into the storage (%(sealed)d sealed).",
                "%(count)d files moved into the storage (%(sealed)d sealed).",
                outcome.moved,
            )
            % {"count": outcome.moved, "sealed": outcome.sealed},
            ngettext("%(count)d abandoned upload removed.", "%(count)d abandoned uploads removed.", outcome.abandoned)
            % {"count": outcome.abandoned},
        ]
        if outcome.missing:
            summary.append(
                ngettext(
                    "%(count)d record refers to a file that was already missing.",
                    "%(count)d records refer to files that were already missing.",
                    len(outcome.missing),
                )
                % {"count": len(outcome.missing)}
            )
        if outcome.unreferenced:
            summary.append(
                ngettext(
                    "%(count)d file that no record refers to was left in place.",
                    "%(count)d files that no record refers to were left in place.",
                    len(outcome.unreferenced),
                )
                % {"count": len(outcome.unreferenced)}
            )
        if outcome.failed:
            summary.append(
                ngettext(
                    "%(count)d file could not be moved; run the command again.",
                    "%(count)d files could not be moved; run the command again.",
                    len(outcome.failed),
                )
                % {"count": len(outcome.failed)}
            )
        style = self.style.ERROR if outcome.failed else self.style.SUCCESS
        self.stdout.write(style(" ".join(summary)))
        if outcome.failed:
            raise SystemExit(1)
