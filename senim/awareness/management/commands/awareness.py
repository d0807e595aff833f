"""`senim awareness …`: the command line acts as the system.

senim awareness import acknowledgements FILE --version ID [--valid-only]   paper sheets
senim awareness import agreements FILE [--valid-only]                      agreements from HR
senim awareness import hires FILE [--valid-only]                           new hires' contracts
senim awareness campaign launch ID                                         ask a draft campaign's audience
senim awareness campaign remind [--background]                             remind everyone, ask new hires (daily)
senim awareness campaign list                                              campaigns and progress
senim awareness overdue                                                    unanswered past their due date
senim awareness agreements sync                                            obligations from positions (daily)
senim awareness candidates purge                                           delete checks past the retention (daily)
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count, Q

from senim.awareness import importing, selectors, services, tasks
from senim.awareness.models import AckCampaign, DocumentVersion
from senim.core.access import SYSTEM


class Command(BaseCommand):
    help = "Awareness: imports, acknowledgement campaigns, overdue list, agreements and candidate data."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import a CSV or XLSX file (all rows valid, or --valid-only).")
        imp.add_argument("kind", choices=sorted(importing.KINDS))
        imp.add_argument("file", type=Path)
        imp.add_argument("--version", default="", help="The document version acknowledged (acknowledgements).")
        imp.add_argument("--valid-only", action="store_true", help="Import the valid rows and leave out the rest.")
        campaign = sub.add_parser("campaign", help="Acknowledgement campaigns.")
        campaign_sub = campaign.add_subparsers(dest="campaign_action", required=True)
        launch = campaign_sub.add_parser("launch", help="Launch a draft campaign.")
        launch.add_argument("campaign_id")
        remind = campaign_sub.add_parser("remind", help="Remind everyone who has not read; ask new hires.")
        remind.add_argument(
            "--background", action="store_true", help="Queue the reminders (and obligations) for `senim worker`."
        )
        campaign_sub.add_parser("list", help="Show the campaigns and their progress.")
        sub.add_parser("overdue", help="Unanswered requests past their due date.")
        agreements = sub.add_parser("agreements", help="Anti-corruption agreements.")
        agreements.add_argument("agreements_action", choices=["sync"])
        candidates = sub.add_parser("candidates", help="Candidate checks.")
        candidates.add_argument("candidates_action", choices=["purge"])

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "import":
            self._import(options)
        elif action == "campaign":
            self._campaign(options)
        elif action == "overdue":
            self._overdue()
        elif action == "agreements":
            self.stdout.write(self.style.SUCCESS(f"{services.obligations_sync()} new obligations."))
        else:
            self.stdout.write(self.style.SUCCESS(f"{services.candidates_purge()} checks deleted."))

    def _import(self, options: dict[str, Any]) -> None:
        version = None
        if options["kind"] == "acknowledgements":
            version = DocumentVersion.objects.filter(pk=options["version"]).first() if options["version"] else None
            if version is None:
                raise CommandError("Give the acknowledged version with --version ID.")
        try:
            plan = importing.plan_file(actor=SYSTEM, kind=options["kind"], path=options["file"], version=version)
        except importing.FileRejected as error:
            raise CommandError(error.message) from error
        for message in plan.file_errors:
            self.stderr.write(message)
        for row_error in plan.errors[:200]:
            self.stderr.write(f"line {row_error.line}, {row_error.column}: {row_error.message}")
        if plan.file_errors or (plan.rejected and not options["valid_only"]):
            raise CommandError(f"{len(plan.rejected)} rows rejected; nothing was imported (see --valid-only).")
        result = importing.apply(actor=SYSTEM, plan=plan, valid_only=options["valid_only"], version=version)
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} added, {result.updated} updated, {result.unchanged} already recorded, "
                f"{result.skipped} rejected."
            )
        )

    def _campaign(self, options: dict[str, Any]) -> None:
        if options["campaign_action"] == "launch":
            campaign = AckCampaign.objects.filter(pk=options["campaign_id"]).first()
            if campaign is None:
                raise CommandError("No such campaign.")
            try:
                asked = services.campaign_launch(actor=SYSTEM, campaign=campaign)
            except Exception as error:  # a ValidationError: say why, exit non-zero
                raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from error
            self.stdout.write(self.style.SUCCESS(f"{asked} employees asked."))
        elif options["campaign_action"] == "remind" and options["background"]:
            result = tasks.send_reminders.enqueue()
            self.stdout.write(f"Queued for the worker ({result.id}).")
        elif options["campaign_action"] == "remind":
            counts = services.campaign_remind(actor=SYSTEM)
            self.stdout.write(
                self.style.SUCCESS(
                    f"{counts['sent']} reminders sent, {counts['without_address']} employees without an e-mail "
                    f"address, {counts['new_hires']} new hires asked."
                )
            )
        else:
            rows = AckCampaign.objects.annotate(
                asked=Count("requests"), answered=Count("requests", filter=Q(requests__acknowledgement__isnull=False))
            ).order_by("-created_at")
            for campaign in rows:
                self.stdout.write(
                    f"{campaign.pk}\t{campaign.title}\t{campaign.status}\t{campaign.deadline}\t"
                    f"{campaign.answered}/{campaign.asked} acknowledged"
                )

    def _overdue(self) -> None:
        rows = selectors.overdue_all()
        count = 0
        for request in rows.iterator(chunk_size=2000):
            count += 1
            self.stdout.write(
                f"{request.employee.personnel_number}\t{request.employee.full_name}\t"
                f"{request.campaign.version.document.code}\t{request.due_date}"
            )
        self.stderr.write(f"{count} overdue.")
