"""`senim speakup overdue [--notify]` lists (and e-mails) overdue cases; `senim speakup remind`
sends retaliation-watch reminders; `senim speakup notify [--background]` does both (or queues them
for `senim worker`); `senim speakup stats --year 2026` prints the year's figures. Run
`senim speakup notify` daily from cron. The command line acts as the system: it prints
references, dates and counts, never content."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone, translation

from senim.core.access import SYSTEM
from senim.speakup import notifications, selectors, tasks


class Command(BaseCommand):
    help = "Speak Up: overdue cases and their e-mails, retaliation-watch reminders, yearly statistics."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        overdue = sub.add_parser("overdue", help="List overdue cases; --notify e-mails the officers.")
        overdue.add_argument("--notify", action="store_true")
        sub.add_parser("remind", help="E-mail retaliation-watch reminders that are due.")
        notify = sub.add_parser("notify", help="Send the overdue e-mails and the reminders (daily, from cron).")
        notify.add_argument("--background", action="store_true", help="Queue them for `senim worker` instead.")
        stats = sub.add_parser("stats", help="Counts for a year (cases received in it).")
        stats.add_argument("--year", type=int, default=timezone.localdate().year)
        stats.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("en"):
            getattr(self, f"_{options['action']}")(options)

    def _overdue(self, options: dict[str, Any]) -> None:
        today = timezone.localdate()
        cases = list(selectors.overdue_cases(actor=SYSTEM, today=today))
        for case in cases:
            self.stdout.write(
                f"{case.reference}  {case.get_status_display():<20}  {', '.join(case.overdue_kinds(today))}"
                f"  ack {case.acknowledge_due}  feedback {case.feedback_due}"
            )
        self.stdout.write(f"{len(cases)} overdue case(s).")
        if options["notify"]:
            self.stdout.write(f"{notifications.notify_overdue(today=today)} e-mail(s) sent.")

    def _remind(self, options: dict[str, Any]) -> None:
        self.stdout.write(f"{notifications.remind_watch()} reminder e-mail(s) sent.")

    def _notify(self, options: dict[str, Any]) -> None:
        if options["background"]:
            result = tasks.send_notifications.enqueue()
            self.stdout.write(f"Queued for the worker ({result.id}).")
            return
        sent = tasks.send_notifications.call()
        self.stdout.write(f"{sent['overdue']} overdue e-mail(s), {sent['reminders']} reminder e-mail(s) sent.")

    def _stats(self, options: dict[str, Any]) -> None:
        stats = selectors.case_statistics(cases=selectors.statistics_cases(actor=SYSTEM), year=options["year"])
        if options["format"] == "json":
            self.stdout.write(json.dumps(stats, indent=2, ensure_ascii=False))
            return
        width = max(len(k) for k in stats) + 2
        for key, value in stats.items():
            if isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "—"
            self.stdout.write(f"{key:<{width}}{value if value is not None else '—'}")
