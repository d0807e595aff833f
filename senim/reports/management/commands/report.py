"""`senim report build --year 2025 [--company BIN] --language kk --format docx [--output FILE]`.

Builds the report from the records as they stand, without saving a draft; `--report ID` exports a
saved report instead (an approved one from its frozen snapshot)."""

import sys
import uuid
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from senim.core.access import SYSTEM
from senim.org import selectors as org_selectors
from senim.reports import content, exports, selectors, services
from senim.reports.models import Report


class Command(BaseCommand):
    help = "Build the anti-corruption report for a year and write it as html, pdf, docx or xlsx."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        build = sub.add_parser("build", help="Compute the report from the records and export it.")
        build.add_argument("--year", type=int, help="Calendar year (required unless --report is given).")
        build.add_argument("--company", help="Company registration number or id (default: the whole group).")
        build.add_argument("--report", help="Export this saved report instead of computing a new one.")
        build.add_argument("--language", default="ru", choices=list(services.LANGUAGES))
        build.add_argument("--format", default="docx", choices=list(exports.FORMATS))
        build.add_argument("--output", help="File to write (default: a name in the current directory; - for stdout).")

    def handle(self, *args: Any, **options: Any) -> None:
        report = self._saved(options["report"]) if options["report"] else self._fresh(options)
        language = options["language"]
        if language not in report.languages:
            raise CommandError(f"The report is not written in {language!r} (it has {', '.join(report.languages)}).")
        body = exports.render(report, content.build(report), language, options["format"])
        target = options["output"] or exports.filename(report, language, options["format"])
        if target == "-":
            sys.stdout.buffer.write(body)
            return
        Path(target).write_bytes(body)
        self.stdout.write(f"{target}: {len(body)} bytes")

    def _saved(self, key: str) -> Report:
        try:
            return selectors.report_get(actor=SYSTEM, report_id=uuid.UUID(key))
        except (ValueError, Report.DoesNotExist) as error:
            raise CommandError(f"No report {key!r}.") from error

    def _fresh(self, options: dict[str, Any]) -> Report:
        year = options["year"]
        if year is None or not 2000 <= year <= 2100:
            raise CommandError("Give --year (2000–2100) or --report.")
        company = None
        if options["company"]:
            companies = org_selectors.company_list(actor=SYSTEM)
            company = companies.filter(registration_number=options["company"]).first()
            if company is None:
                try:
                    company = companies.filter(id=uuid.UUID(options["company"])).first()
                except ValueError:
                    company = None
            if company is None:
                raise CommandError(f"No company {options['company']!r}.")
        # Not saved: the command prints the records as they stand and leaves no draft behind.
        return Report(series=uuid.uuid4(), company=company, year=year, languages=[options["language"]])
