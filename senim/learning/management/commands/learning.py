"""`senim learning …`: import question banks (GIFT, Moodle XML, XLSX), LMS completions and event
attendees from files, export a bank, and send the reminders of assigned tests (run daily).

The command line acts as the system, like every other command: it reads through the same
selectors and writes through the same services as the pages, and the audit trail records `system`."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from senim.core.access import SYSTEM
from senim.learning import banks, selectors, services, tasks, workbooks
from senim.learning.models import TrainingEvent
from senim.learning.services import CompletionRow, RowError


class Command(BaseCommand):
    help = "Knowledge and training: imports, exports and the daily reminders of assigned tests."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        questions = sub.add_parser("import-questions", help="Import a question bank (.gift/.txt, .xml, .xlsx).")
        questions.add_argument("file", type=Path)
        questions.add_argument("--bank", required=True, help="Title of the bank (created if missing).")
        questions.add_argument("--language", default="ru", choices=["ru", "kk", "en", "uz"])
        export = sub.add_parser("export-questions", help="Export a bank as GIFT, Moodle XML or XLSX.")
        export.add_argument("bank")
        export.add_argument("file", type=Path, help="Output file; the format follows its suffix.")
        export.add_argument("--language", default="ru", choices=["ru", "kk", "en", "uz"])
        results = sub.add_parser("import-results", help="Import completions from an external LMS (.xlsx, .csv).")
        results.add_argument("file", type=Path)
        attendees = sub.add_parser("import-attendees", help="Import the attendees of a training event.")
        attendees.add_argument("event_id")
        attendees.add_argument("file", type=Path)
        remind = sub.add_parser("remind", help="Ask new hires, renew yearly assignments and e-mail reminders.")
        remind.add_argument("--background", action="store_true", help="Queue them for `senim worker` instead.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "remind" and options["background"]:
            result = tasks.send_reminders.enqueue()
            self.stdout.write(f"Queued for the worker ({result.id}).")
            return
        if action == "remind":
            counts = services.assignment_remind()
            self.stdout.write(
                self.style.SUCCESS(
                    f"{counts['added']} employees newly asked, {counts['sent']} reminders sent, "
                    f"{counts['without_address']} employees without an e-mail address."
                )
            )
            return
        try:
            getattr(self, "_" + action.replace("-", "_"))(SYSTEM, options)
        except RowError as error:
            raise CommandError("Nothing was imported:\n" + "\n".join(error.messages)) from error
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error

    def _read(self, path: Path) -> bytes:
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        return path.read_bytes()

    def _import_questions(self, actor: Any, options: dict[str, Any]) -> None:
        parsed = banks.read_bank(options["file"].name, self._read(options["file"]))
        bank = selectors.bank_list(actor=actor).filter(title=options["bank"]).first()
        bank = bank or services.bank_create(actor=actor, title=options["bank"])
        added = services.bank_import(actor=actor, bank=bank, parsed=parsed, language=options["language"])
        for problem in parsed.problems:
            self.stderr.write(f"question {problem.number} {problem.name!r}: {problem.kind}: {problem.message}")
        self.stdout.write(self.style.SUCCESS(f"{added} questions imported, {len(parsed.problems)} left out."))

    def _export_questions(self, actor: Any, options: dict[str, Any]) -> None:
        bank = selectors.bank_list(actor=actor).filter(title=options["bank"]).first()
        if bank is None:
            raise CommandError(f"No question bank {options['bank']!r}.")
        questions = selectors.bank_questions(bank=bank, language=options["language"])
        path: Path = options["file"]
        suffix = path.suffix.lower()
        if suffix == ".xml":
            data = banks.write_moodle_xml(questions)
        elif suffix == ".xlsx":
            data = banks.write_workbook(questions)
        else:
            data = banks.write_gift(questions).encode()
        path.write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"{len(questions)} questions written to {path}."))

    def _import_results(self, actor: Any, options: dict[str, Any]) -> None:
        try:
            rows = workbooks.rows(options["file"].name, self._read(options["file"]))
        except workbooks.UnreadableFile as error:
            raise CommandError(f"Not a workbook or CSV file: {error}") from error
        added = services.completions_import(
            actor=actor, rows=[CompletionRow(*(list(row) + [None] * 6)[:6]) for row in rows]
        )
        self.stdout.write(self.style.SUCCESS(f"{added} completions recorded."))

    def _import_attendees(self, actor: Any, options: dict[str, Any]) -> None:
        try:
            event = selectors.event_get(actor=actor, event_id=options["event_id"])
        except (ValueError, ValidationError, TrainingEvent.DoesNotExist) as error:
            raise CommandError(f"No training event {options['event_id']}.") from error
        try:
            rows = workbooks.rows(options["file"].name, self._read(options["file"]))
        except workbooks.UnreadableFile as error:
            raise CommandError(f"Not a workbook or CSV file: {error}") from error
        numbers = [str(row[0] if row[0] is not None else "") for row in rows]
        added = services.attendees_add(actor=actor, event=event, personnel_numbers=numbers)
        self.stdout.write(self.style.SUCCESS(f"{added} attendees added."))
