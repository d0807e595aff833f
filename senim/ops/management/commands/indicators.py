import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation

from senim.core.access import SYSTEM
from senim.core.indicators import compute_values
from senim.org import selectors as org_selectors


class Command(BaseCommand):
    help = "Print indicator values for a year, with the previous year's value."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--company", help="Company registration number or id (default: the whole group).")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])

    def handle(self, *args: Any, **options: Any) -> None:
        company_id = None
        if options["company"]:
            companies = org_selectors.company_list(actor=SYSTEM)
            match = companies.filter(registration_number=options["company"]).first()
            if match is None:
                try:
                    match = companies.filter(id=options["company"]).first()
                except Exception:  # not a UUID
                    match = None
            if match is None:
                raise CommandError(f"No company {options['company']!r}.")
            company_id = match.id
        with translation.override(options["language"]):
            values = compute_values(year=options["year"], company_id=company_id)
            if options["format"] == "json":
                self.stdout.write(json.dumps([v.as_dict() for v in values], ensure_ascii=False, indent=2, default=str))
                return
            width = max((len(v.title) for v in values), default=10)
            for v in values:
                value = f"{v.value}*" if v.value_entered else f"{v.value}"
                previous = f"{v.previous}*" if v.previous_entered else f"{v.previous}"
                self.stdout.write(f"{v.code:<20} {v.title:<{width}}  {value} ({previous}) {v.value_unit}")
            notes = [(options["year"], v.code, v.value_source) for v in values if v.value_entered]
            notes += [(options["year"] - 1, v.code, v.previous_source) for v in values if v.previous_entered]
            for year, code, source in notes:
                self.stdout.write(f"* {code} {year}: entered, not computed ({source})")
