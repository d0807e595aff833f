"""Files kept by releases before the shared storage (issue 19), moved into it: `senim files upgrade`.

Earlier releases wrote each module's files under folders of SENIM_DATA_DIR and kept in the database
only the file's bare name there (`conflicts/scans/<name>`); the modules now read them through
`core.files` by their name in the storage (`sealed/conflicts/scans/<name>`), so the old files are
not found until they are moved. Each row that still holds an old name has its file copied into the
storage (sealed when the module now seals it), the copy read back and compared with the original
(SHA-256), the row pointed at the copy, and only then the old file deleted. A row whose file cannot
be copied keeps its old name and its old file (nothing points to a missing file); a row whose old
file is already gone is reported and left alone. Re-running moves nothing that has been moved.

Files left in those folders that no row refers to are listed and left alone. Uploads that no row
refers to (previews of import wizards left in a session, which the new release cannot find) are
deleted once they are an hour old: they hold personal data and nothing sweeps them any more.

This is a command rather than data migrations: the old files sit on each host's own disk while the
database is shared, sealing needs the master key, and a list file may be hundreds of megabytes.
A system check (senim.W010) tells the operator to run it while old files remain on the host.
"""

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from senim.awareness.services import agreements, documents
from senim.conflicts.services import declarations
from senim.core import files
from senim.core.access import SYSTEM
from senim.core.audit import audit_record
from senim.counterparties.services import questionnaires, register
from senim.org import jobs as org_jobs
from senim.screening import jobs as screening_jobs

ABANDONED_AFTER_SECONDS = 3600


@dataclass(frozen=True)
class Legacy:
    """Where an earlier release kept a model's files: `folder` under SENIM_DATA_DIR, the row holding
    the path relative to it; now in `area` of the storage, sealed or not."""

    model: str
    field: str
    folder: str
    area: str
    sealed: bool
    # Uploads a worker deletes once it has read them: a finished job's row keeps the old name of a
    # file deleted on purpose, which is not reported as missing.
    transient: bool = False

    @property
    def prefix(self) -> str:
        return f"{files.SEALED}/{self.area}/" if self.sealed else f"{self.area}/"


LEGACY = (
    Legacy("conflicts.Declaration", "scan_file", "conflicts/scans", declarations.SCAN_AREA, True),
    Legacy("awareness.AgreementObligation", "scan_file", "awareness/agreements", agreements.SCAN_AREA, True),
    Legacy("awareness.VersionFile", "stored", "awareness/documents", documents.FILE_AREA, False),
    Legacy("counterparties.Document", "stored_file", "counterparties/documents", register.DOCUMENT_AREA, True),
    Legacy(
        "counterparties.QuestionnaireResponse",
        "scan_file",
        "counterparties/questionnaires",
        questionnaires.FILE_AREA,
        True,
    ),
    Legacy("counterparties.Answer", "stored_file", "counterparties/questionnaires", questionnaires.FILE_AREA, True),
    Legacy("org.ImportJob", "stored_file", "uploads", org_jobs.UPLOAD_AREA, True, transient=True),
    Legacy("screening.WatchlistVersion", "stored_file", "uploads/screening", screening_jobs.LIST_AREA, False, True),
    Legacy("screening.ScreeningRun", "stored_file", "uploads/screening", screening_jobs.BATCH_AREA, True, True),
)
# Folders of uploads awaiting a preview or a worker (no subfolders): HR imports, screening lists and
# batches, the awareness, counterparties and plan import wizards.
UPLOAD_FOLDERS = ("uploads", "uploads/screening", "awareness/imports", "counterparties/uploads", "risks-imports")


@dataclass
class Outcome:
    moved: int = 0
    sealed: int = 0
    missing: list[str] = field(default_factory=list)  # "model pk: old name"
    failed: list[str] = field(default_factory=list)  # "model pk: reason"
    abandoned: int = 0
    unreferenced: list[str] = field(default_factory=list)  # old files no record refers to, left in place

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.abandoned)


def _old_path(spec: Legacy, stored: str) -> Path | None:
    relative = PurePosixPath(stored)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return None
    return Path(settings.DATA_DIR) / spec.folder / relative


def _digest(handle: BinaryIO | Any) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def pending() -> list[tuple[Legacy, Any, str]]:
    """The rows that still hold a name of the old layout: (where, primary key, old name)."""
    rows: list[tuple[Legacy, Any, str]] = []
    for spec in LEGACY:
        model = apps.get_model(spec.model)
        queryset = (
            model.objects.exclude(**{spec.field: ""})
            .exclude(**{f"{spec.field}__startswith": spec.prefix})
            .order_by("pk")
            .values_list("pk", spec.field)
        )
        rows.extend((spec, pk, stored) for pk, stored in queryset)
    return rows


def _copy(spec: Legacy, path: Path, stored: str) -> str:
    """Copy the old file into the storage, read the copy back and compare; return its new name."""
    parent = PurePosixPath(stored).parent
    area = spec.area if str(parent) == "." else f"{spec.area}/{parent}"
    suffix = PurePosixPath(stored).suffix
    with path.open("rb") as handle:
        expected = _digest(handle)
        handle.seek(0)
        content: Any = handle.read() if spec.sealed else File(handle)
        name = files.file_save(area, content, suffix=suffix, sealed=spec.sealed)
    try:
        if spec.sealed:
            actual = hashlib.sha256(files.file_read(name, sealed=True)).hexdigest()
        else:
            with default_storage.open(name, "rb") as copy:
                actual = _digest(copy)
        if actual != expected:
            raise OSError(_("the copy in the storage differs from the original"))
    except BaseException:
        files.file_delete(name)
        raise
    return name


def _move(spec: Legacy, pk: Any, stored: str, outcome: Outcome) -> Path | None:
    """Move one row's file; return the old path when it is still needed (kept after a failure)."""
    label = f"{spec.model} {pk}: {stored}"
    path = _old_path(spec, stored)
    if path is None or not path.is_file():
        if not spec.transient:
            outcome.missing.append(label)
        return None
    try:
        name = _copy(spec, path, stored)
    except Exception as error:  # the storage refused: keep the row and the old file as they are
        outcome.failed.append(f"{label}: {error}")
        return path
    try:
        with transaction.atomic():
            model = apps.get_model(spec.model)
            if not model.objects.filter(pk=pk, **{spec.field: stored}).update(**{spec.field: name}):
                raise LookupError(_("the row changed while its file was moved"))
    except Exception as error:
        files.file_delete(name)
        outcome.failed.append(f"{label}: {error}")
        return path
    path.unlink(missing_ok=True)
    outcome.moved += 1
    outcome.sealed += spec.sealed
    return None


def _abandoned(keep: set[Path]) -> Iterator[Path]:
    cutoff = time.time() - ABANDONED_AFTER_SECONDS
    for folder in UPLOAD_FOLDERS:
        directory = Path(settings.DATA_DIR) / folder
        if not directory.is_dir():
            continue
        for entry in directory.iterdir():
            if entry.is_file() and entry not in keep and entry.stat().st_mtime < cutoff:
                yield entry


def _unreferenced(keep: set[Path]) -> Iterator[Path]:
    """Files left in the old folders of kept files (not uploads) once every record's file has moved:
    no record refers to them, so they are reported and left for the operator."""
    for folder in sorted({spec.folder for spec in LEGACY if not spec.transient}):
        directory = Path(settings.DATA_DIR) / folder
        if directory.is_dir():
            for entry in _files_in(directory, recursive=True):
                if Path(entry.path) not in keep:
                    yield Path(entry.path)


def _prune_empty_folders() -> None:
    folders = {spec.folder for spec in LEGACY} | set(UPLOAD_FOLDERS)
    for folder in sorted(folders, key=len, reverse=True):
        directory = Path(settings.DATA_DIR) / folder
        if not directory.is_dir():
            continue
        for sub in sorted(directory.glob("**/"), key=lambda p: len(p.parts), reverse=True):
            try:
                sub.rmdir()  # only when empty
            except OSError:
                continue


def files_upgrade(*, progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Move every file of the old layout into the storage (see the module's docstring)."""
    outcome = Outcome()
    rows = pending()
    keep: set[Path] = set()
    for done, (spec, pk, stored) in enumerate(rows, start=1):
        kept = _move(spec, pk, stored, outcome)
        if kept is not None:
            keep.add(kept)
        if progress:
            progress(done, len(rows))
    for path in list(_abandoned(keep)):
        path.unlink(missing_ok=True)
        outcome.abandoned += 1
    outcome.unreferenced = sorted(str(path) for path in _unreferenced(keep))
    _prune_empty_folders()
    if outcome.changed:
        audit_record(
            actor=SYSTEM,
            event_type="ops.files.upgraded",
            changes={
                "moved": outcome.moved,
                "sealed": outcome.sealed,
                "abandoned_uploads_removed": outcome.abandoned,
                "missing": len(outcome.missing),
                "failed": len(outcome.failed),
                "unreferenced": len(outcome.unreferenced),
            },
        )
    return outcome


def old_files_left() -> bool:
    """Whether this host's data directory still holds files where an earlier release kept them
    (the file system only: the check runs before the database may be reachable)."""
    folders = {spec.folder for spec in LEGACY} | set(UPLOAD_FOLDERS)
    for folder in folders:
        directory = Path(settings.DATA_DIR) / folder
        recursive = folder not in UPLOAD_FOLDERS
        if directory.is_dir() and any(_files_in(directory, recursive=recursive)):
            return True
    return False


def _files_in(directory: Path, *, recursive: bool) -> Iterator[os.DirEntry[str]]:
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_file():
                yield entry
            elif recursive and entry.is_dir():
                yield from _files_in(Path(entry.path), recursive=True)


@checks.register()
def old_files_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if not old_files_left():
        return []
    return [
        checks.Warning(
            _("Files kept by an earlier release are still in %(folder)s, where this release does not read them.")
            % {"folder": settings.DATA_DIR},
            hint=_(
                "Run “senim files upgrade” on this host once every host runs this release; files it lists "
                "as referred to by no record can be moved elsewhere or deleted (docs/DEPLOYMENT.md, Upgrades)."
            ),
            id="senim.W010",
        )
    ]
