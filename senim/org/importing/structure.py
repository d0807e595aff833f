"""Import of the structure: units (a tree, parents may come later in the file) and positions."""

from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, Scope, scope_of
from senim.core.audit import PendingEvent, audit_record_many, diff
from senim.core.importing import Upsert, refuse_unless_clean
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.core.importing.values import limit_text, parse_bool, require_text
from senim.org import policy
from senim.org.models import Company, Position, Unit

NAME_COLUMNS = ["name_ru", "name_kk", "name_en", "name_uz"]
TITLE_COLUMNS = ["title_ru", "title_kk", "title_en", "title_uz"]


def _scope(actor: Actor | None) -> Scope:
    return scope_of(actor, policy.IMPORT)


def _company(check: RowValidator, raw: dict[str, str], companies: dict[str, Company], scope: Scope) -> Company | None:
    number = raw.get("company", "").strip()
    company = companies.get(number)
    if company is None:
        check.fail(
            "company", _("No company with this registration number.") if number else _("This column is required.")
        )
    elif not scope.covers(company_id=company.id):
        check.fail("company", _("You may not import into this company."))
    return company


def _texts(check: RowValidator, raw: dict[str, str], columns: list[str], what: str) -> dict[str, str]:
    values = {c: check.cell(c, lambda c=c: limit_text(raw.get(c, ""), 300)) or "" for c in columns}
    if not any(values.values()):
        check.fail(columns[0], _("Give the %(what)s in at least one language.") % {"what": what})
    return values


def _split(
    result: ImportPlan,
    line: int,
    raw: dict[str, str],
    row: dict[str, Any],
    check: RowValidator,
    seen: dict[tuple[Any, str | None], int],
) -> None:
    key = (row["company"].id if row.get("company") else None, row.get("code"))
    if row.get("company") and row.get("code"):
        if key in seen:
            check.fail("code", _("Repeats line %(line)d.") % {"line": seen[key]})
        else:
            seen[key] = line
    if check.errors:
        result.rejected.append((line, raw, check.errors))
    else:
        result.accept(line, raw, row)


class UnitImport:
    ALIASES = {
        "компания": "company",
        "код": "code",
        "родитель": "parent_code",
        "parent": "parent_code",
        "наименование": "name_ru",
        "название": "name_ru",
        "name": "name_en",
    }
    COLUMNS = ["company", "code", "parent_code", *NAME_COLUMNS]

    def plan(self, *, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]) -> ImportPlan:
        result = ImportPlan(kind="units", columns=[c for c in self.COLUMNS if c in header])
        if "company" not in header or "code" not in header:
            result.file_errors.append(_("Required columns are missing: %(columns)s") % {"columns": "company, code"})
            return result
        scope, companies = _scope(actor), {c.registration_number: c for c in Company.objects.all()}
        existing = {(u.company_id, u.code) for u in Unit.objects.only("company_id", "code")}
        seen: dict[tuple[Any, str | None], int] = {}
        staged: list[tuple[int, dict[str, str], dict[str, Any], RowValidator]] = []
        for line, raw in rows:
            check = RowValidator(line)
            row: dict[str, Any] = {"company": _company(check, raw, companies, scope)}
            row["code"] = check.cell("code", lambda raw=raw: require_text(raw.get("code", ""), 50))
            row["parent_code"] = raw.get("parent_code", "").strip()
            row.update(_texts(check, raw, NAME_COLUMNS, _("name")))
            staged.append((line, raw, row, check))
        in_file = {(row["company"].id, row["code"]) for _l, _r, row, _c in staged if row["company"] and row["code"]}
        for line, raw, row, check in staged:
            if row["company"] and row["parent_code"]:
                parent_key = (row["company"].id, row["parent_code"])
                if parent_key not in in_file and parent_key not in existing:
                    check.fail(
                        "parent_code",
                        _("No such code in this company: “%(code)s”.") % {"code": row["parent_code"][:50]},
                    )
                if row["parent_code"] == row["code"]:
                    check.fail("parent_code", _("A unit cannot be its own parent."))
            _split(result, line, raw, row, check, seen)
        return result

    def apply(
        self, *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, progress: ProgressCallback = None
    ) -> ImportResult:
        """Upsert units by (company, code), then rebuild the paths of every touched company's tree."""
        refuse_unless_clean(plan, valid_only=valid_only)
        created = updated = unchanged = 0
        events: list[PendingEvent] = []
        with transaction.atomic():
            units = {(u.company_id, u.code): u for u in Unit.objects.all()}
            for _line, row in plan.valid:
                key = (row["company"].id, row["code"])
                unit = units.get(key)
                values = {c: row[c] for c in NAME_COLUMNS if c in plan.columns or unit is None}
                if unit is None:
                    unit = Unit(company=row["company"], code=row["code"], path="", **values)
                    unit.save()
                    units[key] = unit
                    created += 1
                    events.append(
                        PendingEvent(
                            "org.unit.imported",
                            "org.unit",
                            str(unit.id),
                            str(unit),
                            unit.company_id,
                            diff({}, {**values, "code": unit.code}),
                        )
                    )
                else:
                    changes = diff({c: getattr(unit, c) for c in NAME_COLUMNS}, values)
                    if changes:
                        for name, value in values.items():
                            setattr(unit, name, value)
                        unit.save()
                        updated += 1
                        events.append(
                            PendingEvent(
                                "org.unit.imported", "org.unit", str(unit.id), str(unit), unit.company_id, changes
                            )
                        )
                    else:
                        unchanged += 1
            for _line, row in plan.valid if "parent_code" in plan.columns else []:
                unit = units[(row["company"].id, row["code"])]
                parent = units.get((unit.company_id, row["parent_code"])) if row["parent_code"] else None
                if (parent.id if parent else None) != unit.parent_id:
                    unit.parent = parent
                    unit.save(update_fields=["parent"])
            rebuild_paths({row["company"].id for _l, row in plan.valid})
            audit_record_many(actor=actor, events=events)
            if progress:
                progress(len(plan.valid))
        return ImportResult(created=created, updated=updated, unchanged=unchanged, skipped=len(plan.rejected))


def rebuild_paths(company_ids: set[Any]) -> None:
    """Recompute the materialised paths of whole trees; refuse cycles."""
    for company_id in company_ids:
        units = list(Unit.objects.filter(company_id=company_id))
        children: dict[Any, list[Unit]] = {}
        for unit in units:
            children.setdefault(unit.parent_id, []).append(unit)
        visited = 0
        stack = [(u, "", 0) for u in children.get(None, [])]
        while stack:
            unit, prefix, depth = stack.pop()
            unit.path, unit.depth = f"{prefix}{unit.id.hex}/", depth
            visited += 1
            stack.extend((child, unit.path, depth + 1) for child in children.get(unit.id, []))
        if visited != len(units):
            raise PermissionDenied("unit tree has a cycle")
        Unit.objects.bulk_update(units, ["path", "depth"], batch_size=500)


class PositionImport:
    ALIASES = {
        "компания": "company",
        "код": "code",
        "подразделение": "unit_code",
        "unit": "unit_code",
        "наименование": "title_ru",
        "должность": "title_ru",
        "title": "title_en",
        "коррупционно_опасная": "corruption_prone",
        "соглашение": "requires_agreement",
    }
    COLUMNS = ["company", "code", "unit_code", *TITLE_COLUMNS, "corruption_prone", "requires_agreement"]
    WRITTEN = ["unit_id", *TITLE_COLUMNS, "is_corruption_prone", "requires_ac_agreement"]
    COLUMN_OF = {name: name for name in TITLE_COLUMNS} | {
        "unit_id": "unit_code",
        "is_corruption_prone": "corruption_prone",
        "requires_ac_agreement": "requires_agreement",
    }

    def plan(self, *, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]) -> ImportPlan:
        result = ImportPlan(kind="positions", columns=[c for c in self.COLUMNS if c in header])
        if "company" not in header or "code" not in header:
            result.file_errors.append(_("Required columns are missing: %(columns)s") % {"columns": "company, code"})
            return result
        scope, companies = _scope(actor), {c.registration_number: c for c in Company.objects.all()}
        units = {(u.company_id, u.code): u.id for u in Unit.objects.only("id", "company_id", "code")}
        seen: dict[tuple[Any, str | None], int] = {}
        for line, raw in rows:
            check = RowValidator(line)
            row: dict[str, Any] = {"company": _company(check, raw, companies, scope)}
            row["code"] = check.cell("code", lambda raw=raw: require_text(raw.get("code", ""), 50))
            row.update(_texts(check, raw, TITLE_COLUMNS, _("title")))
            row["is_corruption_prone"] = check.cell(
                "corruption_prone", lambda raw=raw: parse_bool(raw.get("corruption_prone", ""))
            )
            row["requires_ac_agreement"] = check.cell(
                "requires_agreement", lambda raw=raw: parse_bool(raw.get("requires_agreement", ""))
            )
            unit_code = raw.get("unit_code", "").strip()
            row["unit_id"] = None
            if unit_code and row["company"]:
                row["unit_id"] = units.get((row["company"].id, unit_code))
                if row["unit_id"] is None:
                    check.fail("unit_code", _("No such code in this company: “%(code)s”.") % {"code": unit_code[:50]})
            _split(result, line, raw, row, check, seen)
        return result

    def apply(
        self, *, actor: Actor | None, plan: ImportPlan, valid_only: bool = False, progress: ProgressCallback = None
    ) -> ImportResult:
        refuse_unless_clean(plan, valid_only=valid_only)
        existing = {(p.company_id, p.code): p for p in Position.objects.all()}
        upsert = Upsert(Position, event_type="org.position.imported", update_fields=self.WRITTEN)
        for _line, row in plan.valid:
            values = {name: row[name] for name in self.WRITTEN}
            current = existing.get((row["company"].id, row["code"]))
            if current is None:
                position = Position(company=row["company"], code=row["code"], **values)
                upsert.create(position, values, company_id=position.company_id)
                continue
            # Columns the file leaves out keep their current values.
            values = {name: v for name, v in values.items() if self.COLUMN_OF[name] in plan.columns}
            upsert.update(current, values, company_id=current.company_id)
        return upsert.write(actor=actor, plan=plan, progress=progress)


units = UnitImport()
positions = PositionImport()
