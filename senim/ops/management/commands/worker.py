import signal
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

# django-tasks-db's worker installs its own handlers for these and leaves them behind when it returns.
_WORKER_SIGNALS = [s for s in ("SIGINT", "SIGTERM", "SIGQUIT") if hasattr(signal, s)]


class Command(BaseCommand):
    help = "Run the background task worker (django-tasks-db)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--batch", action="store_true", help="Run the queued tasks, then exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        extra = ["--batch", "--no-startup-delay"] if options["batch"] else []
        # Put the process's own handlers back afterwards: a batch run inside a longer-lived process
        # (a test, a shell) must not leave SIGTERM caught, or processes it forks later ignore terminate().
        saved = {name: signal.getsignal(getattr(signal, name)) for name in _WORKER_SIGNALS}
        try:
            call_command("db_worker", "--queue-name", options["queue_name"], *extra)
        finally:
            for name, handler in saved.items():
                signal.signal(getattr(signal, name), handler)
