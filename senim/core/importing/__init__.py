"""What every CSV/XLSX import shares; each app's `importing` keeps only its columns and matching.

Two passes. `plan_table` reads a file (refusing one too large, a zip bomb, or more rows than
SENIM_IMPORT_MAX_ROWS) and the app's planner validates every row, reporting each bad cell by line
and column without writing anything (`ImportPlan`). Then the app's apply function checks the plan
with `refuse_unless_clean`, gathers its creates and updates in an `Upsert` (an audit event each,
old → new), and `Upsert.write` saves them all in one transaction: all or nothing.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from senim.core.access import Actor, PermissionDenied, scope_of
from senim.core.audit import PendingEvent, audit_record_many, diff
from senim.core.bulk import bulk_insert, bulk_update_rows
from senim.core.importing.base import (
    SHARED_ALIASES,
    ImportPlan,
    ImportResult,
    ProgressCallback,
    RowError,
    RowOutcome,
    RowValidator,
    company_cell,
    employee_cell,
    external_key,
    plan_rows,
)
from senim.core.importing.reader import FileRejected, read_table
from senim.core.importing.values import CellError
from senim.core.uploads import upload_limit

__all__ = [
    "SHARED_ALIASES",
    "CellError",
    "FileRejected",
    "ImportKind",
    "ImportPlan",
    "ImportResult",
    "Imports",
    "ProgressCallback",
    "RowError",
    "RowOutcome",
    "RowValidator",
    "Upsert",
    "company_cell",
    "employee_cell",
    "external_key",
    "plan_rows",
    "plan_table",
    "refuse_unless_clean",
    "stored_by_external_id",
]

Rows = Iterator[tuple[int, dict[str, str]]]


def plan_table(
    path: Path,
    *,
    aliases: dict[str, str],
    planner: Callable[[list[str], Rows], ImportPlan],
    max_bytes: int | None = None,
) -> ImportPlan:
    """Read `path` and validate it with `planner(header, rows)`. `max_bytes` None: the upload
    limit; 0: no size limit (the command line). Raises FileRejected for a file that cannot be read."""
    limit = upload_limit() if max_bytes is None else max_bytes
    header, rows = read_table(path, max_bytes=limit or 2**62, aliases=aliases)
    return planner(header, rows)


@dataclass(frozen=True)
class ImportKind:
    """One kind of file an app imports: its header aliases, its planner (`plan(actor=, header=,
    rows=)`), its writer (`write(actor, plan, progress)`) and the permission it needs."""

    aliases: dict[str, str]
    plan: Callable[..., ImportPlan]
    write: Callable[[Any, ImportPlan, "ProgressCallback"], ImportResult]
    permission: str
    label: Any = ""


class Imports:
    """An app's imports by kind, with the two passes every interface (page, API, command) calls."""

    def __init__(self, kinds: dict[str, ImportKind]) -> None:
        self.kinds = kinds

    def plan_file(self, *, actor: Actor | None, kind: str, path: Path, max_bytes: int | None = None) -> ImportPlan:
        """Read and validate a file of `kind`; raises FileRejected for an unreadable file.
        `max_bytes` None: the upload limit; 0: no limit (the command line)."""
        spec = self.kinds[kind]
        return plan_table(
            path,
            aliases=spec.aliases,
            max_bytes=max_bytes,
            planner=lambda h, r: spec.plan(actor=actor, header=h, rows=r),
        )

    def apply(
        self, *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, progress: ProgressCallback = None
    ) -> ImportResult:
        """Write a validated plan, all or nothing; the actor needs the kind's permission (over each
        row's company, checked while planning)."""
        spec = self.kinds[plan.kind]
        if scope_of(actor, spec.permission).is_empty:
            raise PermissionDenied(spec.permission)
        refuse_unless_clean(plan, valid_only=valid_only)
        return spec.write(actor, plan, progress)


def stored_by_external_id(model: type[models.Model], plan: ImportPlan, fields: list[str]) -> dict[tuple[Any, str], Any]:
    """The records of `model` a plan's rows name by company and external id, keyed alike (only
    `fields` loaded, with the key; 5,000 ids a query)."""
    company_ids = {row["company"].id for _line, row in plan.valid}
    keys = sorted({row["external_id"] for _line, row in plan.valid if row["external_id"]})
    found: dict[tuple[Any, str], Any] = {}
    for start in range(0, len(keys), 5000):
        qs = model._default_manager.filter(company_id__in=company_ids, external_id__in=keys[start : start + 5000])
        for record in qs.only("id", "company_id", "external_id", *fields):
            found[(record.company_id, record.external_id)] = record  # type: ignore[attr-defined]
    return found


def refuse_unless_clean(plan: ImportPlan, *, valid_only: bool) -> None:
    """A plan with errors is written only when the user chose to import its valid rows alone."""
    if plan.file_errors or (plan.rejected and not valid_only):
        raise PermissionDenied("import has errors")


class Upsert:
    """The records one import creates and changes, each with an audit event (`event_type`), written
    together by `write`. An existing record changes only in the values given; a record whose given
    values are all as stored is counted unchanged and left alone."""

    def __init__(self, model: type[models.Model], *, event_type: str, update_fields: list[str]) -> None:
        self.model = model
        self.event_type = event_type
        self.update_fields = [*update_fields, "updated_at"]
        self.object_type = model._meta.label_lower
        self.to_create: list[Any] = []
        self.to_update: list[Any] = []
        self.events: list[PendingEvent] = []
        self.unchanged = 0
        self.rows: list[RowOutcome] = []

    def create(
        self,
        instance: models.Model,
        values: dict[str, Any],
        *,
        company_id: Any = None,
        line: int | None = None,
        extra: dict[str, Any] | None = None,
        label: str | None = None,
    ) -> None:
        """Add a new record; `values` are what the audit event shows (with `extra` changes, e.g.
        back-dating); `line`: the file's line, for the per-row answer; `label`: how the audit names
        the record when `str()` of it would read related rows."""
        self.to_create.append(instance)
        self._event(instance, company_id, {**diff({}, values), **(extra or {})}, label)
        if line is not None:
            self.rows.append(RowOutcome(line, str(instance.pk), "created"))

    def update(
        self,
        current: models.Model,
        values: dict[str, Any],
        *,
        company_id: Any = None,
        refresh: Callable[[], object] | None = None,
        line: int | None = None,
        extra: dict[str, Any] | None = None,
        changed: bool = False,
        label: str | None = None,
    ) -> bool:
        """Apply `values` to `current` if any differs from it (then `refresh()` derived fields);
        return whether it changed. `extra`: more audit changes when it did (e.g. back-dating);
        `changed`: the caller changed `current` beyond `values` (a sealed text, which the audit
        names in `extra` without showing it), so it is written in any case."""
        stored = {name: getattr(current, name) for name in values}
        # Equal values may print differently (the same instant read back in UTC, given in local time).
        changes = {name: change for name, change in diff(stored, values).items() if stored[name] != values[name]}
        if line is not None:
            self.rows.append(RowOutcome(line, str(current.pk), "updated" if changes or changed else "unchanged"))
        if not changes and not changed:
            self.unchanged += 1
            return False
        for name, value in values.items():
            setattr(current, name, value)
        if refresh is not None:
            refresh()
        current.updated_at = timezone.now()  # type: ignore[attr-defined]
        self.to_update.append(current)
        self._event(current, company_id, {**changes, **(extra or {})}, label)
        return True

    def _event(self, instance: models.Model, company_id: Any, changes: dict[str, Any], label: str | None) -> None:
        name = (label if label is not None else str(instance))[:300]
        self.events.append(PendingEvent(self.event_type, self.object_type, str(instance.pk), name, company_id, changes))

    def write(self, *, actor: Any, plan: ImportPlan, progress: ProgressCallback = None) -> ImportResult:
        """Insert, update and audit everything in one transaction; report the counts."""
        with transaction.atomic():
            for start in range(0, len(self.to_create), 5000):
                batch = self.to_create[start : start + 5000]
                bulk_insert(self.model, batch)
                if progress:
                    progress(len(batch))
            for start in range(0, len(self.to_update), 5000):
                batch = self.to_update[start : start + 5000]
                bulk_update_rows(self.model, batch, self.update_fields)
                if progress:
                    progress(len(batch))
            audit_record_many(actor=actor, events=self.events)
        return ImportResult(
            created=len(self.to_create),
            updated=len(self.to_update),
            unchanged=self.unchanged,
            skipped=len(plan.rejected),
            rows=sorted(self.rows, key=lambda row: row.line),
        )
