"""`senim plans import FILE.docx|FILE.xlsx [--dry-run] [--format json]` prints what was understood of a
plan (aspect, topic, number, text, deadline as written and as read, completion form, executive, units)
and, without --dry-run, saves it; `senim plans list` prints the plans. The command line acts as the
system, audited as "system"."""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.utils import translation

from senim.core.access import SYSTEM
from senim.org import selectors as org_selectors
from senim.org.models import Company
from senim.risks import selectors, services
from senim.risks.importing.reader import FileRejected, Row, Understood, read_plan
from senim.risks.models import PlanKind


class Command(BaseCommand):
    help = "Import a plan or roadmap from the Word document or workbook it was approved as; list plans."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Print what was understood of FILE and, without --dry-run, save it.")
        imp.add_argument("file", type=Path)
        imp.add_argument("--dry-run", action="store_true", help="Only print what was understood.")
        imp.add_argument("--format", choices=["text", "json"], default="text")
        imp.add_argument("--company", default="", help="Registration number of the company (if several).")
        imp.add_argument("--kind", choices=PlanKind.values, default=PlanKind.ROADMAP)
        imp.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])
        sub.add_parser("list", help="Print the plans, one a line (tab-separated).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for plan in selectors.plan_list(actor=SYSTEM):
                count = getattr(plan, "measure_count", 0)
                self.stdout.write(
                    "\t".join([str(plan.pk), str(plan.first_year), str(plan.last_year), str(count), plan.title])
                )
            return
        with translation.override(options["language"]):
            self._import(options)

    def _import(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            understood = read_plan(path)
        except FileRejected as error:
            raise CommandError(error.message) from error
        if options["format"] == "json":
            self.stdout.write(json.dumps(understood.as_dict(), ensure_ascii=False, indent=1))
        else:
            self._print(understood)
        if not understood.ok:
            raise CommandError("The plan cannot be saved: see the problems above. Nothing was written.")
        if options["dry_run"]:
            return
        company = self._company(options["company"])
        try:
            plan = services.plan_import(actor=SYSTEM, company=company, understood=understood, kind=options["kind"])
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        to_set = len(understood.deadlines_to_set)
        self.stderr.write(f"Saved plan {plan.pk}: {len(understood.rows)} measures, {to_set} deadlines to set.")

    def _company(self, number: str) -> Company:
        companies = org_selectors.company_list(actor=SYSTEM).filter(is_active=True)
        if number:
            companies = companies.filter(Q(registration_number=number))
        found = list(companies[:2])
        if len(found) != 1:
            raise CommandError("Name the company with --company REGISTRATION_NUMBER.")
        return found[0]

    def _print(self, understood: Understood) -> None:
        out = self.stdout
        out.write(f"{understood.source}: {understood.title}")
        if understood.approval:
            out.write(f"  {understood.approval}")
        out.write(
            f"  years {understood.first_year}–{understood.last_year}, language {understood.language}, "
            f"{len(understood.rows)} measures, {len(understood.deadlines_to_set)} deadlines to set"
        )
        for message in understood.file_errors:
            out.write(f"  ERROR {message}")
        aspect = topic = None
        for row in understood.rows:
            if row.aspect != aspect:
                aspect = row.aspect
                out.write(f"[{aspect}]")
            if row.topic != topic:
                topic = row.topic
                out.write(f"  ({topic})")
            out.write(self._row(row))
            for error in row.errors:
                out.write(f"      ERROR {error}")
            for warning in row.warnings:
                out.write(f"      NOTE {warning}")

    def _row(self, row: Row) -> str:
        d = row.deadline
        read = d.due.isoformat() if d.due else (d.recurrence or d.kind).value
        if d.start_year or d.end_year:
            read += f" [{d.start_year or ''}–{d.end_year or ''}]"
        text = row.text.replace("\n", " / ")
        return (
            f"    {row.line:>4} {row.number:>5}. {text[:90]} | {d.text!r} → {read} | {row.completion_form} | "
            f"{row.executives} | {row.units}"
        )
