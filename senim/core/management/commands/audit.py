from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from tqdm import tqdm

from senim.core.audit import audit_verify
from senim.core.models import AuditEvent


class Command(BaseCommand):
    help = "Audit trail tools. `verify` walks the hash chain and names the first broken event."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        total = AuditEvent.objects.count()
        with tqdm(total=total, unit="event", disable=options["quiet"] or total < 10000, file=self.stderr) as bar:
            checked, broken = audit_verify(progress=bar.update)
        if broken is not None:
            reasons = {
                "missing": _("the event is missing (deleted)"),
                "previous_hash": _("it does not follow the event before it"),
                "content": _("its content was changed after it was recorded"),
                "truncated": _("the newest events were removed"),
            }
            raise CommandError(
                _("Audit chain broken at event #%(seq)d: %(reason)s. %(checked)d events before it are intact.")
                % {"seq": broken.seq, "reason": reasons[broken.reason], "checked": checked}
            )
        self.stdout.write(self.style.SUCCESS(_("Audit chain intact: %(count)d events.") % {"count": checked}))
