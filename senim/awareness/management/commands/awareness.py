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
senim awareness outsiders invite --version ID --company BIN --kind board --name "…" --base-url URL
                                                                           a personal link (printed once)
senim awareness outsiders import FILE --version ID --company BIN --counterparty ID --base-url URL
                                                                           a contractor's list: a link each (CSV out)
senim awareness outsiders list [--kind K] [--open]                         people asked, links and acknowledgements
senim awareness outsiders revoke ID                                        withdraw an unused link
senim awareness outreach list [--year Y]                                   outreach events, by kind against last year
"""

import csv
import uuid
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils import timezone

from senim.awareness import importing, selectors, services, tasks
from senim.awareness.models import AckCampaign, DocumentVersion, OutsiderAck, OutsiderKind
from senim.core.access import SYSTEM
from senim.org import selectors as org_selectors


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
        self._outsider_arguments(sub)
        outreach = sub.add_parser("outreach", help="Outreach events.")
        outreach_sub = outreach.add_subparsers(dest="outreach_action", required=True)
        outreach_list = outreach_sub.add_parser("list", help="Events of a year and the figures by kind.")
        outreach_list.add_argument("--year", type=int, default=None, help="Default: this year.")

    def _outsider_arguments(self, sub: Any) -> None:
        outsiders = sub.add_parser("outsiders", help="Acknowledgement by people without an account.")
        outsiders_sub = outsiders.add_subparsers(dest="outsiders_action", required=True)
        for name, helptext in (
            ("invite", "Make a personal link for one person (printed once, never stored)."),
            ("import", "A contractor's list of people (CSV: full_name, role, email): a link each."),
        ):
            command = outsiders_sub.add_parser(name, help=helptext)
            if name == "import":
                command.add_argument("file", type=Path)
            command.add_argument("--version", required=True, help="The document version in force (its id).")
            command.add_argument("--company", required=True, help="The company's BIN, STIR or id.")
            command.add_argument("--counterparty", default="", help="The counterparty's id (contractors, agents).")
            command.add_argument("--days", type=int, default=14, help="How long the link works (1-90 days).")
            command.add_argument(
                "--base-url", required=True, help="Where Senim is reached, e.g. https://senim.example.kz"
            )
            if name == "invite":
                command.add_argument("--kind", required=True, choices=OutsiderKind.values)
                command.add_argument("--name", required=True, help="The person's full name.")
                command.add_argument("--role", default="")
                command.add_argument("--email", default="")
        listing = outsiders_sub.add_parser("list", help="People asked, their links and acknowledgements.")
        listing.add_argument("--kind", default="", choices=["", *OutsiderKind.values])
        listing.add_argument("--open", action="store_true", help="Only links not used, revoked or expired.")
        revoke = outsiders_sub.add_parser("revoke", help="Withdraw an unused personal link.")
        revoke.add_argument("record_id")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "import":
            self._import(options)
        elif action == "campaign":
            self._campaign(options)
        elif action == "overdue":
            self._overdue()
        elif action == "outsiders":
            getattr(self, f"_outsiders_{options['outsiders_action']}")(options)
        elif action == "outreach":
            self._outreach(options)
        elif action == "agreements":
            self.stdout.write(self.style.SUCCESS(f"{services.obligations_sync()} new obligations."))
        else:
            self.stdout.write(self.style.SUCCESS(f"{services.candidates_purge()} checks deleted."))

    def _import(self, options: dict[str, Any]) -> None:
        version = None
        if options["kind"] == "acknowledgements":
            try:
                version = (
                    selectors.version_get(actor=SYSTEM, version_id=options["version"]) if options["version"] else None
                )
            except (DocumentVersion.DoesNotExist, ValidationError):
                version = None
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
            try:
                campaign = selectors.campaign_get(actor=SYSTEM, campaign_id=options["campaign_id"])
            except (AckCampaign.DoesNotExist, ValidationError) as error:
                raise CommandError("No such campaign.") from error
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
            rows = selectors.campaign_list(actor=SYSTEM)
            for campaign in rows:
                self.stdout.write(
                    f"{campaign.pk}\t{campaign.title}\t{campaign.status}\t{campaign.deadline}\t"
                    f"{campaign.answered}/{campaign.asked} acknowledged"  # type: ignore[attr-defined]
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

    # ------------------------------------------------------------------ people without an account

    def _link_target(self, options: dict[str, Any]) -> dict[str, Any]:
        """The version, company and counterparty an invitation names, and the site's address."""
        base = options["base_url"].rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise CommandError("--base-url starts with http:// or https://.")
        try:
            version = selectors.version_get(actor=SYSTEM, version_id=options["version"])
        except (DocumentVersion.DoesNotExist, ValidationError) as error:
            raise CommandError("No such document version.") from error
        company = org_selectors.company_find(actor=SYSTEM, key=options["company"])
        if company is None:
            raise CommandError(f"No company with the code {options['company']!r}.")
        try:
            counterparty_id = uuid.UUID(options["counterparty"]) if options["counterparty"] else None
        except ValueError as error:
            raise CommandError("--counterparty takes the counterparty's id.") from error
        return {"base": base, "version": version, "company_id": company.pk, "counterparty_id": counterparty_id}

    @staticmethod
    def _failed(error: ValidationError) -> CommandError:
        return CommandError(" ".join(error.messages))

    def _outsiders_invite(self, options: dict[str, Any]) -> None:
        target = self._link_target(options)
        base = target.pop("base")
        person = services.Person(options["name"], options["role"], options["email"])
        try:
            record, token = services.outsider_invite(
                actor=SYSTEM, kind=options["kind"], person=person, days=options["days"], **target
            )
        except ValidationError as error:
            raise self._failed(error) from error
        self.stdout.write(base + reverse("awareness:outsider-public", args=[token]))
        self.stderr.write(f"Link for {record.full_name} (record {record.pk}), valid until {record.expires_on}.")

    def _outsiders_import(self, options: dict[str, Any]) -> None:
        target = self._link_target(options)
        base = target.pop("base")
        if target["counterparty_id"] is None:
            raise CommandError("Name the contractor with --counterparty ID.")
        try:
            data = options["file"].read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}") from error
        try:
            created = services.outsiders_import(actor=SYSTEM, data=data, days=options["days"], **target)
        except ValidationError as error:
            raise self._failed(error) from error
        writer = csv.writer(self.stdout)
        writer.writerow(["full_name", "email", "link", "valid_until"])
        for record, token in created:
            link = base + reverse("awareness:outsider-public", args=[token])
            writer.writerow([record.full_name, record.email, link, record.expires_on])
        self.stderr.write(f"{len(created)} links made.")

    def _outsiders_list(self, options: dict[str, Any]) -> None:
        rows = selectors.outsider_list(actor=SYSTEM, kind=options["kind"])
        if options["open"]:
            rows = rows.filter(
                source=OutsiderAck.Source.LINK,
                acknowledged_on=None,
                revoked_on=None,
                expires_on__gte=timezone.localdate(),
            )
        for record in rows:
            state = (
                f"acknowledged {record.acknowledged_on} ({record.language or record.source})"
                if record.acknowledged_on
                else f"revoked {record.revoked_on}"
                if record.revoked_on
                else f"link valid until {record.expires_on}"
            )
            self.stdout.write(
                f"{record.pk}\t{record.full_name}\t{record.kind}\t{record.counterparty or ''}\t"
                f"{record.version.document.code} v{record.version.number}\t{state}"
            )

    def _outsiders_revoke(self, options: dict[str, Any]) -> None:
        try:
            record = selectors.outsider_get(actor=SYSTEM, record_id=options["record_id"])
        except (OutsiderAck.DoesNotExist, ValidationError, ValueError) as error:
            raise CommandError("No such record.") from error
        try:
            services.outsider_revoke(actor=SYSTEM, record=record)
        except ValidationError as error:
            raise self._failed(error) from error
        self.stdout.write(self.style.SUCCESS(f"Link for {record.full_name} revoked."))

    # ------------------------------------------------------------------ outreach events

    def _outreach(self, options: dict[str, Any]) -> None:
        year = options["year"] or timezone.localdate().year
        for event in selectors.outreach_list(actor=SYSTEM, year=year):
            self.stdout.write(
                f"{event.held_on}\t{event.kind}\t{event.audience}\t{event.reach}\t"
                f"{event.company.registration_number}\t{event.title}"
            )
        for row in selectors.outreach_by_kind(actor=SYSTEM, year=year):
            self.stderr.write(
                f"{row['kind']}: {row['events']} ({row['previous_events']}) events, "
                f"{row['reach']} ({row['previous_reach']}) people reached"
            )
