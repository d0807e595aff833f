import logging.handlers
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from tqdm import tqdm

from senim.core.access import SYSTEM
from senim.core.audit import anchor_line, audit_anchor, audit_verify, audit_verify_anchors, parse_anchors
from senim.core.selectors import audit_event_count


class Command(BaseCommand):
    help = (
        "Audit trail tools. `verify` walks the keyed hash chain, names the first broken event and "
        "checks every anchor; `anchor` writes the signed head of the chain outside the database "
        "(a file, syslog, e-mail)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "anchor"])
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--file",
            action="append",
            default=[],
            help="anchor: append the anchor to this file; verify: check the anchors in this file (a syslog "
            "extract or a saved e-mail will do). Default: SENIM_AUDIT_ANCHOR_FILE.",
        )
        parser.add_argument("--syslog", action="store_true", help="anchor: also send it to the local syslog.")
        parser.add_argument("--email", action="append", default=[], help="anchor: also e-mail it to this address.")

    def handle(self, *args: Any, **options: Any) -> None:
        files = [Path(f) for f in options["file"]] or [Path(settings.SENIM_AUDIT_ANCHOR_FILE)]
        if options["action"] == "anchor":
            self._anchor(files, syslog=options["syslog"], emails=options["email"])
        else:
            self._verify(files, quiet=options["quiet"], explicit=bool(options["file"]))

    def _anchor(self, files: list[Path], *, syslog: bool, emails: list[str]) -> None:
        line = anchor_line(audit_anchor())
        for path in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
        if syslog:
            handler = logging.handlers.SysLogHandler(address="/dev/log")
            handler.emit(logging.LogRecord("senim.audit", logging.INFO, __file__, 0, line, None, None))
            handler.close()
        if emails:
            send_mail(_("Senim audit trail anchor"), line + "\n", None, emails)
        self.stdout.write(line)

    def _verify(self, files: list[Path], *, quiet: bool, explicit: bool) -> None:
        total = audit_event_count(actor=SYSTEM)
        with tqdm(total=total, unit="event", disable=quiet or total < 10000, file=self.stderr) as bar:
            checked, broken = audit_verify(progress=bar.update)
        if broken is not None:
            reasons = {
                "missing": _("the event is missing (deleted)"),
                "previous_hash": _("it does not follow the event before it"),
                "content": _("its content was changed after it was recorded"),
                "truncated": _("the newest events were removed"),
                "marker": _("the record of where keying began is missing or forged"),
            }
            raise CommandError(
                _("Audit chain broken at event #%(seq)d: %(reason)s. %(checked)d events before it are intact.")
                % {"seq": broken.seq, "reason": reasons[broken.reason], "checked": checked}
            )
        anchors: list[dict[str, Any]] = []
        for path in files:
            if not path.exists():
                if explicit:
                    raise CommandError(_("No anchor file at %(path)s.") % {"path": path})
                continue
            anchors.extend(parse_anchors(path.read_text(encoding="utf-8", errors="replace")))
        problems = audit_verify_anchors(anchors)
        if problems:
            reasons = {
                "signature": _("it is not signed under a configured audit key"),
                "missing": _("the event it names is no longer in the chain"),
                "mismatch": _("the event it names has changed since"),
            }
            lines = [
                _("Anchor of event #%(seq)s taken %(at)s: %(reason)s.")
                % {"seq": p.anchor.get("seq", "?"), "at": p.anchor.get("at", "?"), "reason": reasons[p.reason]}
                for p in problems
            ]
            raise CommandError("\n".join(lines))
        self.stdout.write(
            self.style.SUCCESS(
                _("Audit chain intact: %(count)d events, %(anchors)d anchors match.")
                % {"count": checked, "anchors": len(anchors)}
            )
        )
