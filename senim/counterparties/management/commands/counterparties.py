"""`senim counterparties import counterparties|contracts FILE` checks a file in full and imports it;
`list` prints the register, `register OUT.xlsx|OUT.pdf` writes the Register of permitted counterparties,
`coverage` prints the clause coverage, `recheck` marks verifications to re-verify, `significant
[--screen]` lists (and first marks) the significant suppliers with the verifications due. The command
line acts as the system: no user, no size limit, audited as "system"."""

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone, translation

from senim.core.access import SYSTEM
from senim.core.importing.command import add_import_arguments, run_import
from senim.counterparties import exports, importing, selectors, services


class Command(BaseCommand):
    help = "Import counterparties or contracts from CSV/XLSX; list the register of counterparties."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Check FILE in full, then import it (nothing is written on errors).")
        add_import_arguments(imp, importing.IMPORTS)
        lst = sub.add_parser("list", help="Print the register, one counterparty a line (tab-separated).")
        lst.add_argument("--query", default="", help="Words of the name or the number.")
        lst.add_argument("--category", default="")
        lst.add_argument("--limit", type=int, default=0, help="At most this many lines (0: all).")
        reg = sub.add_parser(
            "register", help="Write the Register of permitted counterparties as XLSX or PDF (by the suffix of OUTPUT)."
        )
        reg.add_argument("output", type=Path)
        reg.add_argument("--all", action="store_true", help="Include expired and revoked entries.")
        reg.add_argument("--language", default="ru", choices=["en", "ru", "kk", "uz"])
        cov = sub.add_parser("coverage", help="Print the clause coverage by year, company and procurement method.")
        cov.add_argument("--year", type=int, default=None)
        sig = sub.add_parser(
            "significant",
            help="List the significant suppliers (spend, last verification, due); with --screen, mark them first.",
        )
        sig.add_argument("--screen", action="store_true", help="Mark the suppliers above the spend or critical.")
        sub.add_parser(
            "recheck",
            help="Mark approved verifications with new screening hits for re-verification; "
            "list those lapsing within 30 days.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            return self._list(options)
        if options["action"] == "recheck":
            return self._recheck()
        if options["action"] == "significant":
            return self._significant(screen=options["screen"])
        if options["action"] == "coverage":
            return self._coverage(options["year"])
        if options["action"] == "register":
            with translation.override(options["language"]):
                return self._register(options["output"], everything=options["all"])
        run_import(self, importing.IMPORTS, options)

    def _list(self, options: dict[str, Any]) -> None:
        qs = selectors.counterparty_list(actor=SYSTEM, query=options["query"], category=options["category"])
        if options["limit"] > 0:
            qs = qs[: options["limit"]]
        for cp in qs.iterator(chunk_size=2000):
            self.stdout.write("\t".join([str(cp.pk), cp.identifier or "-", cp.country, cp.category, cp.display_name]))

    def _register(self, output: Path, *, everything: bool) -> None:
        today = timezone.localdate()
        entries = selectors.register_entry_list(actor=SYSTEM, active_on=None if everything else today)
        render = exports.register_pdf if output.suffix.lower() == ".pdf" else exports.register_xlsx
        output.write_bytes(render(entries.iterator(chunk_size=1000), on=today))
        self.stdout.write(f"{entries.count()} entries written to {output}")

    def _coverage(self, year: int | None) -> None:
        self.stdout.write("year\tcompany\tmethod\tcontracts\twith_clause\tshare_%")
        for row in selectors.contract_clause_coverage(actor=SYSTEM, year=year):
            self.stdout.write(
                f"{row.year}\t{row.company_number}\t{row.procurement_method}\t{row.total}\t"
                f"{row.with_clause}\t{100 * row.share:.1f}"
            )

    def _significant(self, *, screen: bool) -> None:
        if screen:
            counts = services.significant_suppliers_mark(actor=SYSTEM)
            self.stdout.write(
                f"significant: {counts['significant']}, newly marked: {counts['marked']}, cleared: {counts['cleared']}"
            )
        for s in selectors.significant_supplier_list(actor=SYSTEM):
            self.stdout.write(
                "\t".join(
                    [
                        "DUE" if s.due else "ok",
                        str(s.last_verified_on or "-"),
                        f"{s.spend:.0f}",
                        s.counterparty.identifier or "-",
                        s.counterparty.display_name,
                        s.counterparty.significant_reason,
                    ]
                )
            )

    def _recheck(self) -> None:
        marked = services.cases_recheck(actor=SYSTEM)
        self.stdout.write(f"marked for re-verification: {marked}")
        lapsing = selectors.case_list(actor=SYSTEM, lapsing_by=timezone.localdate() + dt.timedelta(days=30))
        for case in lapsing.order_by("valid_until"):
            self.stdout.write(
                f"lapsing\t{case.valid_until}\t{case.company}\t{case.counterparty.display_name}\t{case.pk}"
            )
