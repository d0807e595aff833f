import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from senim.demo import builder


class Command(BaseCommand):
    help = "Build the demo group (once) on the configured database, print the log-ins, and serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Build the demo database and exit.")
        parser.add_argument("--bind", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        started = time.monotonic()
        built = builder.build(progress=lambda step: self.stdout.write(f"  … {step}"))
        if built:
            self.stdout.write(self.style.SUCCESS(f"Demo group built in {time.monotonic() - started:.1f} s."))
        else:
            self.stdout.write("The demo group is already there; left as it is.")
        host = options["bind"]
        self.stdout.write(f"\nSenim: http://{host}/\n")
        self.stdout.write(f"{'user':<14}{'password':<18}role")
        for username, password, role in builder.credentials():
            self.stdout.write(f"{username:<14}{password:<18}{role}")
        self.stdout.write("")
        if not options["no_serve"]:
            call_command("serve", bind=host, no_migrate=True, with_worker=True)
