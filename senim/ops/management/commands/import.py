from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from tqdm import tqdm

from senim.core.access import SYSTEM
from senim.org import importing


class Command(BaseCommand):
    help = "Import employees, units or positions from a CSV or XLSX file (validate first; all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(importing.KINDS))
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--valid-only", action="store_true", help="Import the valid rows even if some are rejected."
        )
        parser.add_argument("--rejected", type=Path, help="Write the rejected rows, with reasons, to this CSV.")
        parser.add_argument("--dry-run", action="store_true", help="Validate only; write nothing.")
        parser.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with translation.override(options["language"]):
            self._run(path, options)

    def _run(self, path: Path, options: dict[str, Any]) -> None:
        try:
            plan = importing.plan_file(actor=SYSTEM, kind=options["kind"], path=path)
        except importing.FileRejected as error:
            raise CommandError(error.message) from error
        for message in plan.file_errors:
            self.stderr.write(message)
        for row_error in plan.errors[:200]:
            self.stderr.write(f"line {row_error.line}, {row_error.column}: {row_error.message}")
        if len(plan.errors) > 200:
            self.stderr.write(f"… and {len(plan.errors) - 200} more")
        if options["rejected"] and plan.rejected:
            options["rejected"].write_text(plan.rejected_csv("error"), encoding="utf-8")
        self.stdout.write(f"{plan.total} rows: {len(plan.valid)} valid, {len(plan.rejected)} rejected.")
        if plan.file_errors or (plan.rejected and not options["valid_only"]):
            raise CommandError("Nothing was imported. Fix the rows above, or use --valid-only.")
        if options["dry_run"]:
            return
        with tqdm(total=len(plan.valid), unit="row", file=self.stderr, disable=len(plan.valid) < 2000) as bar:
            result = importing.KINDS[options["kind"]].apply(
                actor=SYSTEM, plan=plan, valid_only=options["valid_only"], progress=bar.update
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {result.created} added, {result.updated} updated, {result.unchanged} unchanged, "
                f"{result.skipped} rejected."
            )
        )
