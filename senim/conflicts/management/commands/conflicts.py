"""`senim conflicts import declarations|gifts FILE` checks a history file in full and imports it
(see `conflicts.importing`); `senim conflicts detect` runs the cross-match with a progress bar;
`senim conflicts campaign remind` e-mails everyone who has not answered an open campaign and asks
new hires (run it daily); `senim conflicts campaign list` shows the campaigns. The command line acts as the system."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation
from tqdm import tqdm

from senim.conflicts import jobs, selectors, services
from senim.conflicts.importing import IMPORTS
from senim.conflicts.models import DetectionRun
from senim.core.access import SYSTEM
from senim.core.importing.command import add_import_arguments, run_import


class Command(BaseCommand):
    help = "Conflicts of interest: import history; run the detection of undisclosed links; send campaign reminders."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        detect = sub.add_parser("detect", help="Cross-match employees and declarations with counterparties.")
        detect.add_argument("--language", default="en", choices=["en", "ru", "kk", "uz"])
        imp = sub.add_parser("import", help="Check a file of forms A and B or gifts in full, then import it.")
        add_import_arguments(imp, IMPORTS)
        campaign = sub.add_parser("campaign", help="Declaration campaigns.")
        campaign_sub = campaign.add_subparsers(dest="campaign_action", required=True)
        campaign_sub.add_parser("remind", help="Remind everyone who has not answered an open campaign; ask new hires.")
        campaign_sub.add_parser("list", help="Show the campaigns and their progress.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            run_import(self, IMPORTS, options)
        elif options["action"] == "detect":
            with translation.override(options["language"]):
                self._detect(options["language"])
        elif options["campaign_action"] == "remind":
            counts = services.campaign_remind(actor=SYSTEM)
            self.stdout.write(
                self.style.SUCCESS(
                    f"{counts['sent']} reminders sent, {counts['without_address']} employees without an e-mail "
                    f"address, {counts['new_hires']} new hires asked."
                )
            )
        else:
            for campaign in selectors.campaign_list(actor=SYSTEM):
                self.stdout.write(
                    f"{campaign.title}\t{campaign.status}\t{campaign.deadline}\t"
                    f"{campaign.answered}/{campaign.asked} answered"  # type: ignore[attr-defined]
                )

    def _detect(self, language: str) -> None:
        run = jobs.detection_record(actor=SYSTEM, language=language)
        with tqdm(unit=" searches", file=self.stderr, mininterval=0.5) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            run = jobs.detection_run(run=run, progress=progress)
        if run.status == DetectionRun.Status.FAILED:
            self.stderr.write(run.error)
            raise SystemExit(1)
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.processed} searches, {run.links_found} links found, {run.alerts_raised} new alerts."
            )
        )
