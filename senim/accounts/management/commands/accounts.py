"""`senim accounts provision [--company BIN]`: an account for every employee (as the system)."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from senim.accounts import provisioning
from senim.core.access import SYSTEM
from senim.org import selectors as org_selectors


class Command(BaseCommand):
    help = (
        "Create or link the account of every employee still employed (employee role, own record), "
        "and deactivate the accounts of dismissed employees. Audited as the system."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        provision = sub.add_parser("provision", help="Accounts for every employee (of one company).")
        provision.add_argument("--company", help="Registration number (default: the whole group).")
        provision.add_argument("--format", choices=["summary", "json"], default="summary")

    def handle(self, *args: Any, **options: Any) -> None:
        company_id = None
        if options["company"]:
            company = org_selectors.company_find(actor=SYSTEM, key=options["company"])
            if company is None:
                raise CommandError(f"No company {options['company']!r}.")
            company_id = company.id
        result = provisioning.employee_accounts_provision(actor=SYSTEM, company_id=company_id)
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Accounts: {len(result.created)} created, {len(result.linked)} linked, "
                f"{len(result.deactivated)} deactivated, {result.unchanged} unchanged."
            )
        )
