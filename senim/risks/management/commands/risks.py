"""`senim risks map --year 2025 [--company REGNO] [--format table|xlsx|docx|svg] [--output FILE]` prints the
Corruption Risk Map of the year's assessment (units × levels, last year beside them) or writes it
as a workbook, a Word document or a chart. `senim risks remind [--background]` e-mails the people
responsible for overdue and soon-due plan measures (daily). The command line acts as the system."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from senim.core.access import SYSTEM
from senim.org import selectors as org_selectors
from senim.risks import riskmap, selectors, services, tasks


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
        remind = sub.add_parser("remind", help="E-mail the people responsible for overdue and soon-due measures.")
        remind.add_argument("--background", action="store_true", help="Queue them for `senim worker` instead.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "remind":
            self._remind(options)
            return
        company_id = None
        if options["company"]:
            company = org_selectors.company_find(actor=SYSTEM, key=options["company"])
            if company is None:
                raise CommandError(f"No company with registration number {options['company']}.")
            company_id = company.pk
        exercise = selectors.exercise_for_year(actor=SYSTEM, year=options["year"], company_id=company_id)
        if exercise is None:
            raise CommandError(f"No risk assessment for {options['year']}.")
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

    def _remind(self, options: dict[str, Any]) -> None:
        if options["background"]:
            result = tasks.send_reminders.enqueue()
            self.stdout.write(f"Queued for the worker ({result.id}).")
            return
        counts = services.measures_remind()
        self.stdout.write(
            f"{counts['sent']} reminders sent, {counts['without_address']} people without an e-mail address."
        )
