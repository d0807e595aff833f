"""`senim baseline set|list|delete`: indicator figures for years before Senim held records."""

import json
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from senim.core import baselines
from senim.core.access import SYSTEM
from senim.org import selectors as org_selectors


def _company_id(value: str | None) -> uuid.UUID | None:
    if not value:
        return None
    match = org_selectors.company_find(actor=SYSTEM, key=value)
    if match is None:
        raise CommandError(f"No company {value!r}.")
    return match.id


class Command(BaseCommand):
    help = "Enter, list or remove baseline figures (indicator values for years before Senim). Audited as the system."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        enter = sub.add_parser("set", help="Enter or replace a figure.")
        enter.add_argument("code", help="The indicator's code (see `senim indicators`).")
        enter.add_argument("--year", type=int, required=True)
        enter.add_argument("--value", required=True)
        enter.add_argument("--source", required=True, help="e.g. 'annual report 2024, p. 57'")
        enter.add_argument("--company", help="Registration number or id (default: the whole group).")
        listing = sub.add_parser("list", help="List the figures.")
        listing.add_argument("--year", type=int)
        listing.add_argument("--format", choices=["table", "json"], default="table")
        remove = sub.add_parser("delete", help="Remove a figure.")
        remove.add_argument("code")
        remove.add_argument("--year", type=int, required=True)
        remove.add_argument("--company")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "set":
            try:
                figure, created = baselines.baseline_set(
                    actor=SYSTEM,
                    code=options["code"],
                    year=options["year"],
                    value=options["value"],
                    source=options["source"],
                    company_id=_company_id(options["company"]),
                )
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
            verb = "entered" if created else "replaced"
            self.stdout.write(self.style.SUCCESS(f"{figure.code} {figure.year}: {figure.value.normalize()} {verb}."))
        elif action == "list":
            figures = baselines.baseline_list(actor=SYSTEM, year=options["year"] or None).order_by("-year", "code")
            names = {c.id: c.name for c in org_selectors.company_list(actor=SYSTEM)}
            rows = [
                {
                    "code": f.code,
                    "year": f.year,
                    "company": names.get(f.company_id) if f.company_id else None,
                    "company_id": str(f.company_id) if f.company_id else None,
                    "value": str(f.value.normalize()),
                    "source": f.source,
                }
                for f in figures
            ]
            if options["format"] == "json":
                self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
                return
            for row in rows:
                company = row["company"] or "whole group"
                self.stdout.write(f"{row['year']} {row['code']:<24} {company:<30} {row['value']:>12}  {row['source']}")
        else:
            found = (
                baselines.baseline_list(actor=SYSTEM)
                .filter(code=options["code"], year=options["year"], company_id=_company_id(options["company"]))
                .first()
            )
            if found is None:
                raise CommandError("No such figure.")
            baselines.baseline_delete(actor=SYSTEM, figure=found)
            self.stdout.write(self.style.SUCCESS("Removed."))
