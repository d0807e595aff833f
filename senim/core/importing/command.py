"""The command line of every import (`senim <app> import KIND FILE`): check the file in full, print
its errors by line and column, and unless `--dry-run` write it (nothing on errors, unless
`--valid-only`). The command line acts as the system: no user, no size limit."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from tqdm import tqdm

from senim.core.access import SYSTEM
from senim.core.importing import FileRejected, Imports

MAX_PRINTED_ERRORS = 200


def add_import_arguments(parser: ArgumentParser, imports: Imports) -> None:
    """The arguments of an `import` subcommand: KIND FILE [--valid-only] [--dry-run] [--rejected CSV]."""
    parser.add_argument("kind", choices=sorted(imports.kinds))
    parser.add_argument("file", type=Path)
    parser.add_argument("--valid-only", action="store_true", help="Import the valid rows and leave the rest out.")
    parser.add_argument("--dry-run", action="store_true", help="Only check the file; write nothing.")
    parser.add_argument("--rejected", type=Path, help="Write the rejected rows, with reasons, to this CSV.")
    parser.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])


def run_import(command: BaseCommand, imports: Imports, options: dict[str, Any]) -> None:
    """Check and (unless --dry-run) import `options["file"]` of `options["kind"]` as the system."""
    path: Path = options["file"]
    if not path.is_file():
        raise CommandError(f"No such file: {path}")
    with translation.override(options.get("language") or "en"):
        try:
            plan = imports.plan_file(actor=SYSTEM, kind=options["kind"], path=path, max_bytes=0)
        except FileRejected as error:
            raise CommandError(error.message) from error
        for message in plan.file_errors:
            command.stderr.write(message)
        for row_error in plan.errors[:MAX_PRINTED_ERRORS]:
            command.stderr.write(f"line {row_error.line}, {row_error.column or '-'}: {row_error.message}")
        if len(plan.errors) > MAX_PRINTED_ERRORS:
            command.stderr.write(f"… and {len(plan.errors) - MAX_PRINTED_ERRORS} more errors")
        if options.get("rejected") and plan.rejected:
            options["rejected"].write_text(plan.rejected_csv("error"), encoding="utf-8")
    command.stdout.write(f"rows: {plan.total}, valid: {len(plan.valid)}, rejected: {len(plan.rejected)}")
    if options["dry_run"]:
        return
    if plan.file_errors or (plan.rejected and not options["valid_only"]):
        raise CommandError("The file has errors; nothing was imported (use --valid-only to import the valid rows).")
    with tqdm(total=len(plan.valid), unit="row", file=command.stderr, disable=len(plan.valid) < 2000) as bar:
        result = imports.apply(actor=SYSTEM, plan=plan, valid_only=options["valid_only"], progress=bar.update)
    command.stdout.write(
        f"added: {result.created}, updated: {result.updated}, unchanged: {result.unchanged}, rejected: {result.skipped}"
    )
