import atexit
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from gunicorn.app.wsgiapp import WSGIApplication


class Command(BaseCommand):
    help = "Apply migrations and serve Senim (gunicorn; Django's server with --dev)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--dev", action="store_true", help="Django's auto-reloading development server.")
        parser.add_argument("--no-migrate", action="store_true")
        parser.add_argument(
            "--with-worker",
            action="store_true",
            help="Also run a background-task worker (one host, e.g. the demo; production runs `senim worker`).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        if options["with_worker"]:
            self._start_worker()
        if options["dev"]:
            call_command("runserver", options["bind"])
            return
        sys.argv = [
            "gunicorn",
            "senim.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-" if settings.DEBUG else "/dev/null",
            "--logger-class",
            "senim.core.access_log.PrivateAccessLogger",
        ]
        WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()

    def _start_worker(self) -> None:
        """A `senim worker` child process that ends when the server does."""
        worker = subprocess.Popen([sys.executable, "-m", "senim.cli", "worker"])
        atexit.register(worker.terminate)
        self.stdout.write(f"Background worker started (pid {worker.pid}).")
