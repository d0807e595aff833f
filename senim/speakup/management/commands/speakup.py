"""`senim speakup import cases FILE` checks a file of cases received before Senim and imports it
(see `speakup.importing`); `senim speakup overdue [--notify]` lists (and e-mails) overdue cases; `senim speakup remind`
sends retaliation-watch reminders; `senim speakup notify [--background]` does both (or queues them
for `senim worker`); `senim speakup stats --year 2026` prints the year's figures;
`senim speakup poster --company BIN --base-url https://host --languages ru,kk --output poster.pdf` makes a
poster or card (PDF, PNG or SVG); `senim speakup poster-tags` lists the source tags and their visits. Run
`senim speakup notify` daily from cron. The command line acts as the system: it prints
references, dates and counts, never content."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils import timezone, translation

from senim.core.access import SYSTEM
from senim.core.importing.command import add_import_arguments, run_import
from senim.org import selectors as org_selectors
from senim.speakup import notifications, posters, selectors, tasks
from senim.speakup.importing import IMPORTS
from senim.speakup.models import PosterLayout


class Command(BaseCommand):
    help = "Speak Up: overdue cases and their e-mails, retaliation-watch reminders, yearly statistics."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Check a file of cases received before Senim, then import it.")
        add_import_arguments(imp, IMPORTS)
        overdue = sub.add_parser("overdue", help="List overdue cases; --notify e-mails the officers.")
        overdue.add_argument("--notify", action="store_true")
        sub.add_parser("remind", help="E-mail retaliation-watch reminders that are due.")
        notify = sub.add_parser("notify", help="Send the overdue e-mails and the reminders (daily, from cron).")
        notify.add_argument("--background", action="store_true", help="Queue them for `senim worker` instead.")
        stats = sub.add_parser("stats", help="Counts for a year (cases received in it).")
        stats.add_argument("--year", type=int, default=timezone.localdate().year)
        stats.add_argument("--format", choices=["table", "json"], default="table")
        poster = sub.add_parser("poster", help="A poster or pocket card with the portal's QR code.")
        poster.add_argument("--company", required=True, help="The company's registration number (BIN).")
        poster.add_argument("--base-url", required=True, help="Where Senim is reached, e.g. https://senim.example.kz")
        poster.add_argument("--layout", choices=PosterLayout.values, default=PosterLayout.A4)
        poster.add_argument("--languages", default="ru", help="Comma-separated: ru,kk,en,uz")
        poster.add_argument("--format", choices=posters.FORMATS, default="pdf")
        poster.add_argument("--tag", default="", help="A source tag the QR code carries.")
        poster.add_argument("--output", required=True)
        tags = sub.add_parser("poster_tags", aliases=["poster-tags"], help="Source tags and their visits.")
        tags.add_argument("--year", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            return run_import(self, IMPORTS, options)
        with translation.override("en"):
            getattr(self, f"_{options['action'].replace('-', '_')}")(options)

    def _poster(self, options: dict[str, Any]) -> None:
        company = org_selectors.company_find(actor=SYSTEM, key=options["company"])
        if company is None:
            raise CommandError(f"No company with the code {options['company']!r}.")
        languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
        unknown = [code for code in languages if code not in posters.LANGUAGE_CODES]
        if not languages or unknown:
            raise CommandError(f"Languages are among: {', '.join(posters.LANGUAGE_CODES)}.")
        tags = selectors.poster_tag_list(actor=SYSTEM).filter(company=company)
        if options["tag"] and not tags.filter(code=options["tag"]).exists():
            raise CommandError(f"No tag {options['tag']!r} for this company.")
        base = options["base_url"].rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise CommandError("--base-url starts with http:// or https://.")
        path = reverse("speakup:poster-visit", args=[options["tag"]]) if options["tag"] else reverse("speakup:portal")
        body = posters.render(
            url=base + path,
            company_id=company.pk,
            company_name=str(company),
            layout=options["layout"],
            languages=languages,
            fmt=options["format"],
        )
        Path(options["output"]).write_bytes(body)
        self.stdout.write(f"{options['output']}: {len(body):,} bytes, QR code to {base + path}")

    def _poster_tags(self, options: dict[str, Any]) -> None:
        for tag in selectors.poster_tag_list(actor=SYSTEM, year=options["year"]):
            visits = getattr(tag, "visit_count", 0)
            self.stdout.write(f"{tag.code:<30} {tag.company.registration_number:<14} {visits:>7}  {tag.label}")

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
