"""The catalogue of functions, tasks and processes of an assessment, imported from a workbook or CSV:
one row per function with its unit (code or name) and, optionally, the positions performing it
(codes separated by semicolons). Every row is checked first; the file is written all or nothing.
A function the unit already has in the assessment is counted unchanged."""

import uuid
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, scope_of
from senim.core.importing import (
    ImportPlan,
    ImportResult,
    ProgressCallback,
    RowValidator,
    Upsert,
    plan_table,
    refuse_unless_clean,
)
from senim.core.importing.values import CellError, require_text
from senim.org.models import Position, Unit
from senim.risks import policy
from senim.risks.models import Exercise, RiskFunction

KIND = "catalogue"
COLUMNS = ["unit", "function", "positions"]
ALIASES = {
    "подразделение": "unit",
    "структурное_подразделение": "unit",
    "бөлімше": "unit",
    "құрылымдық_бөлімше": "unit",
    "bo_linma": "unit",
    "функция": "function",
    "функция_процесс": "function",
    "функция_или_процесс": "function",
    "процесс": "function",
    "name": "function",
    "должности": "positions",
    "лауазымдар": "positions",
    "lavozimlar": "positions",
}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def plan(*, actor: Actor | None, exercise: Exercise, header: list[str], rows: Any) -> ImportPlan:
    """Validate every row; writes nothing."""
    result = ImportPlan(kind=KIND, columns=[c for c in COLUMNS if c in header])
    missing = [c for c in ("unit", "function") if c not in header]
    if missing:
        result.file_errors.append(_("Required columns are missing: %(columns)s") % {"columns": ", ".join(missing)})
        return result
    if exercise.status == Exercise.Status.APPROVED:
        result.file_errors.append(_("The assessment is approved: it can no longer change."))
        return result
    units: dict[str, Unit] = {}
    for unit in Unit.objects.filter(company_id=exercise.company_id):
        units.setdefault(_key(unit.code), unit)
        for name in (unit.name_ru, unit.name_kk, unit.name_en, unit.name_uz):
            if name:
                units.setdefault(_key(name), unit)
    positions = {_key(p.code): p.pk for p in Position.objects.filter(company_id=exercise.company_id) if p.code}
    existing = set(RiskFunction.objects.filter(exercise=exercise).values_list("unit_id", "name"))
    scope = scope_of(actor, policy.ASSESS) if actor is not None else None
    seen: dict[tuple[uuid.UUID, str], int] = {}
    for line, raw in rows:
        check = RowValidator(line)
        unit = check.cell("unit", lambda r=raw: _unit(units, r.get("unit", "")))
        name = check.cell("function", lambda r=raw: " ".join(require_text(r.get("function", ""), 1000).split()))
        codes = [c for c in (_key(c) for c in raw.get("positions", "").split(";")) if c]
        unknown = [c for c in codes if c not in positions]
        if unknown:
            check.fail("positions", _("No position with the code: %(codes)s") % {"codes": ", ".join(unknown)})
        if unit is not None and scope is not None and not scope.covers(company_id=exercise.company_id, unit_id=unit.pk):
            check.fail("unit", _("You may not add functions to this unit."))
        if unit is not None and name:
            key = (unit.pk, name.casefold())
            if key in seen:
                check.fail("function", _("Repeats line %(line)d.") % {"line": seen[key]})
            seen.setdefault(key, line)
        if check.errors:
            result.rejected.append((line, raw, check.errors))
        else:
            assert unit is not None
            row = {"unit_id": unit.pk, "name": name, "positions": [positions[c] for c in codes]}
            row["exists"] = (unit.pk, name) in existing
            result.accept(line, raw, row)
    return result


def _unit(units: dict[str, Unit], text: str) -> Unit:
    unit = units.get(_key(require_text(text, 300)))
    if unit is None:
        raise CellError(_("No unit of the company with this code or name."))
    return unit


def plan_file(*, actor: Actor | None, exercise: Exercise, path: Path, max_bytes: int | None = None) -> ImportPlan:
    """Read and validate a file; raises FileRejected for a file that cannot be read."""
    return plan_table(
        path,
        aliases=ALIASES,
        planner=lambda header, rows: plan(actor=actor, exercise=exercise, header=header, rows=rows),
        max_bytes=max_bytes,
    )


def apply(
    *, actor: Actor | None, exercise: Exercise, plan: ImportPlan, progress: ProgressCallback = None
) -> ImportResult:
    """Write a clean plan: the new functions with their positions, one audit event each; all or nothing."""
    if actor is not None and scope_of(actor, policy.ASSESS).is_empty:
        raise PermissionDenied(policy.ASSESS)
    try:
        refuse_unless_clean(plan, valid_only=False)
    except PermissionDenied as error:
        raise ValidationError(_("The file has errors; nothing was imported.")) from error
    upsert = Upsert(RiskFunction, event_type="risks.function_added", update_fields=[])
    links = []
    for _line, row in plan.valid:
        if row["exists"]:
            upsert.unchanged += 1
            continue
        function = RiskFunction(pk=uuid.uuid4(), exercise=exercise, unit_id=row["unit_id"], name=row["name"])
        upsert.create(function, {"name": row["name"]}, company_id=exercise.company_id)
        links += [RiskFunction.positions.through(riskfunction_id=function.pk, position_id=p) for p in row["positions"]]
    with transaction.atomic():
        result = upsert.write(actor=actor, plan=plan, progress=progress)
        RiskFunction.positions.through.objects.bulk_create(links)
    return result
