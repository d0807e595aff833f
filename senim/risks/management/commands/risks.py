"""`senim risks map --year 2025 [--company REGNO] [--format table|xlsx|docx|svg] [--output FILE]` prints the
Corruption Risk Map of the year's assessment (units × levels, last year beside them) or writes it
as a workbook, a Word document or a chart. `senim risks import-catalogue FILE --year 2026 [--company REGNO]
[--dry-run]` checks a catalogue of functions in full and adds it to the year's assessment, with
progress (the same planner and writer as the page and the API). `senim risks remind [--background]` e-mails the people
responsible for overdue and soon-due plan measures (daily). The command line acts as the system."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from tqdm import tqdm

from senim.core.access import SYSTEM
from senim.core.importing import FileRejected
from senim.org import selectors as org_selectors
from senim.risks import riskmap, selectors, services, tasks
from senim.risks.importing import catalogue
from senim.risks.models import Exercise


class Command(BaseCommand):
    help = "The Corruption Risk Map of a year's assessment."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        m = sub.add_parser("map", help="Print the map, or write it as XLSX, DOCX or SVG.")
        m.add_argument("--year", type=int, required=True)
        m.add_argument("--company", default="", help="Registration number of the company (if several).")
        m.add_argument("--format", choices=["table", "xlsx", "docx", "svg"], default="table")
        m.add_argument("--output", type=Path, default=None, help="File to write (default: risk-map-YEAR.FORMAT).")
        m.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])
        imp = sub.add_parser(
            "import-catalogue",
            help="Check a catalogue of functions (XLSX/CSV: unit, function, positions) in full, then add it to "
            "the year's assessment (nothing is written on errors).",
        )
        imp.add_argument("file", type=Path)
        imp.add_argument("--year", type=int, required=True)
        imp.add_argument("--company", default="", help="Registration number of the company (if several).")
        imp.add_argument("--dry-run", action="store_true", help="Only check the file.")
        imp.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])
        remind = sub.add_parser("remind", help="E-mail the people responsible for overdue and soon-due measures.")
        remind.add_argument("--background", action="store_true", help="Queue them for `senim worker` instead.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "remind":
            self._remind(options)
            return
        exercise = self._exercise(options)
        if options["action"] == "import-catalogue":
            with translation.override(options["language"]):
                self._import(exercise, options)
            return
        rows = selectors.risk_map(exercise=exercise)
        fmt = options["format"]
        with translation.override(options["language"]):
            if fmt == "table":
                self.stdout.write(f"{exercise.company} {exercise.year}: low / medium / high (previous year)")
                for r in rows:
                    before = " / ".join(map(str, r.previous)) if r.previous else "-"
                    self.stdout.write(f"{r.unit[:50]:50} {r.low:5} {r.medium:5} {r.high:5}   ({before})")
                self.stdout.write(
                    f"{'Total':50} {sum(r.low for r in rows):5} {sum(r.medium for r in rows):5} "
                    f"{sum(r.high for r in rows):5}"
                )
                return
            if fmt == "xlsx":
                body = riskmap.map_xlsx(exercise, rows, selectors.risk_matrices(exercise=exercise))
            elif fmt == "docx":
                body = riskmap.map_docx(
                    exercise,
                    rows,
                    selectors.risky_functions(exercise=exercise),
                    selectors.risk_matrices(exercise=exercise),
                )
            else:
                body = riskmap.map_svg(exercise, rows).encode()
        output = options["output"] or Path(f"risk-map-{exercise.year}.{fmt}")
        output.write_bytes(body)
        self.stderr.write(f"Wrote {output}")

    def _exercise(self, options: dict[str, Any]) -> Exercise:
        company_id = None
        if options["company"]:
            company = org_selectors.company_find(actor=SYSTEM, key=options["company"])
            if company is None:
                raise CommandError(f"No company with registration number {options['company']}.")
            company_id = company.pk
        exercise = selectors.exercise_for_year(actor=SYSTEM, year=options["year"], company_id=company_id)
        if exercise is None:
            raise CommandError(f"No risk assessment for {options['year']}.")
        return exercise

    def _import(self, exercise: Exercise, options: dict[str, Any]) -> None:
        """The catalogue through the same planner and writer as the page and the API."""
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            plan = catalogue.plan_file(actor=SYSTEM, exercise=exercise, path=path, max_bytes=0)
        except FileRejected as error:
            raise CommandError(error.message) from error
        for message in plan.file_errors:
            self.stderr.write(message)
        for row_error in plan.errors[:200]:
            self.stderr.write(f"line {row_error.line}, {row_error.column or '-'}: {row_error.message}")
        if len(plan.errors) > 200:
            self.stderr.write(f"… and {len(plan.errors) - 200} more")
        new = sum(1 for _line, row in plan.valid if not row["exists"])
        self.stdout.write(
            f"{exercise.company} {exercise.year}: {plan.total} rows, {len(plan.valid)} valid "
            f"({new} new, {len(plan.valid) - new} already in the assessment), {len(plan.rejected)} rejected."
        )
        if plan.file_errors or plan.rejected:
            raise CommandError("The file has errors; nothing was imported.")
        if options["dry_run"]:
            return
        with tqdm(total=new, unit="function", file=self.stderr, disable=new < 2000) as bar:
            result = catalogue.apply(actor=SYSTEM, exercise=exercise, plan=plan, progress=bar.update)
        self.stdout.write(
            self.style.SUCCESS(f"Functions added: {result.created}; already in the assessment: {result.unchanged}.")
        )

    def _remind(self, options: dict[str, Any]) -> None:
        if options["background"]:
            result = tasks.send_reminders.enqueue()
            self.stdout.write(f"Queued for the worker ({result.id}).")
            return
        counts = services.measures_remind()
        self.stdout.write(
            f"{counts['sent']} reminders sent, {counts['without_address']} people without an e-mail address."
        )
