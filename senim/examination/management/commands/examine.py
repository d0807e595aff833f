"""`senim examine FILE.docx [--format json|table]` examines one draft; `senim examine --provisions IN.csv
--output OUT.csv` examines provisions in bulk (columns id,text[,language] → id,factors, codes joined by
";" and empty when clean) for evaluation. Nothing is stored: the engine runs on the file as given."""

import contextlib
import csv
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from senim.examination.engine import InputError, examine_file, examine_provision
from senim.examination.messages import input_error_message, note_message

MAX_FILE_BYTES = 200 * 1024 * 1024


class Command(BaseCommand):
    help = "Examine a draft (DOCX, PDF, ODT, TXT) for corruptogenic factors, or a CSV of provisions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="A draft to examine.")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--kind", choices=["contract", "internal_act", "order"], default=None)
        parser.add_argument("--provisions", help="CSV with columns id,text[,language].")
        parser.add_argument("--output", help="Where to write id,factors (with --provisions); default stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("en"):
            if options["provisions"]:
                self._provisions(options)
            elif options["file"]:
                self._file(options)
            else:
                raise CommandError("Give a FILE to examine or --provisions FILE.csv.")

    def _provisions(self, options: dict[str, Any]) -> None:
        path = Path(options["provisions"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with path.open(newline="", encoding="utf-8-sig") as source:
            reader = csv.DictReader(source)
            if not reader.fieldnames or not {"id", "text"} <= set(reader.fieldnames):
                raise CommandError("The CSV needs the columns id and text (and optionally language).")
            rows = [(row["id"], row["text"] or "", (row.get("language") or "").strip() or None) for row in reader]
        with contextlib.ExitStack() as stack:
            out = (
                stack.enter_context(Path(options["output"]).open("w", newline="", encoding="utf-8"))
                if options["output"]
                else self.stdout
            )
            writer = csv.writer(out)
            writer.writerow(["id", "factors"])
            for row_id, text, language in rows:
                writer.writerow([row_id, ";".join(examine_provision(text, language).codes)])
        if options["output"]:
            self.stderr.write(f"{len(rows)} provision(s) examined → {options['output']}")

    def _file(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError("The file is larger than 200 MB.")
        try:
            report = examine_file(path.read_bytes(), path.name, kind=options["kind"])
        except InputError as error:
            raise CommandError(str(input_error_message(error.code))) from error
        if options["format"] == "json":
            self.stdout.write(json.dumps(_as_json(report), ensure_ascii=False, indent=2))
            return
        for note in report.notes:
            self.stdout.write(f"! {note_message(note)}")
        flagged = 0
        for p in report.provisions:
            for f in p.findings:
                flagged += 1
                triggers = "; ".join(f.triggers)
                self.stdout.write(f"{p.provision.number:<12} {f.code:<24} {f.confidence:.2f}  «{triggers}»")
        for d in report.document_findings:
            where = ", ".join(d.provisions) or "—"
            self.stdout.write(f"{'document':<12} {d.code:<24} {d.kind} ({where}) {d.detail}")
        self.stdout.write(
            f"{len(report.provisions)} provision(s), language {report.language or 'unsupported'}, "
            f"{flagged} finding(s) in provisions, {len(report.document_findings)} in the document."
        )


def _as_json(report) -> dict[str, Any]:
    return {
        "language": report.language,
        "is_contract": report.is_contract,
        "notes": report.notes,
        "provisions": [
            {
                "number": p.provision.number,
                "text": p.provision.text,
                "language": p.language,
                "findings": [
                    {"code": f.code, "triggers": f.triggers, "confidence": f.confidence, "why": f.why, "bound": f.bound}
                    for f in p.findings
                ],
            }
            for p in report.provisions
        ],
        "document_findings": [
            {"code": d.code, "kind": d.kind, "provisions": d.provisions, "detail": d.detail}
            for d in report.document_findings
        ],
    }
