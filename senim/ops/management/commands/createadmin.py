import getpass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from senim.accounts import services
from senim.core.access import SYSTEM, Role


class Command(BaseCommand):
    help = "Create a group-wide administrator."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Omit to be asked (recommended).")

    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"] or getpass.getpass("Password: ")
        try:
            user = services.user_create(
                actor=SYSTEM, username=options["username"], email=options["email"], password=password
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        services.role_assign(actor=SYSTEM, user=user, role=Role.ADMIN)
        self.stdout.write(self.style.SUCCESS(f"Administrator {user.username} created."))
