"""`senim token create USERNAME [--name …] [--expires …] [--read-only]`: a token for automation."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from senim.accounts import selectors, services
from senim.core.access import SYSTEM


def _expiry(value: str | None) -> dt.datetime | None:
    """An ISO date (valid to the end of that day) or date-time, or a number of days like `90d`."""
    if not value:
        return None
    if value.endswith("d") and value[:-1].isdigit():
        return timezone.now() + dt.timedelta(days=int(value[:-1]))
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(
                f"--expires: {value!r} is neither a date (2027-06-30), a date-time nor a count of days (90d)."
            )
        moment = dt.datetime.combine(day, dt.time(23, 59, 59))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = "Create an API token for a user (for automation); prints the secret once. Audited as the system."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token and print it.")
        create.add_argument("username")
        create.add_argument("--name", default="automation", help="What the token is for (default: automation).")
        create.add_argument("--expires", help="2027-06-30, 2027-06-30T18:00 or 90d (default: never).")
        create.add_argument("--read-only", action="store_true", help="The token may only read (GET).")

    def handle(self, *args: Any, **options: Any) -> None:
        user = selectors.user_by_username(options["username"])
        if user is None or not user.is_active:
            raise CommandError(f"No active user {options['username']!r}.")
        try:
            record, secret = services.api_token_create(
                actor=SYSTEM,
                owner=user,
                name=options["name"],
                expires_at=_expiry(options["expires"]),
                read_only=options["read_only"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(secret)
        details = [f"token {record.name!r} ({record.prefix}…) for {user.username}"]
        details.append("read-only" if record.read_only else "read-write")
        details.append(f"expires {record.expires_at:%Y-%m-%d %H:%M %Z}" if record.expires_at else "never expires")
        self.stderr.write(", ".join(details))
