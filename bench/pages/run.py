"""Page benchmark on the demo data: every list and detail page an officer opens, and the dashboard,
requested round-robin (bench/harness.py) through Django's test client on a fresh database (SQLite
unless DATABASE_URL is set), with wall-clock and CPU p50/p95, SQL queries per page, and ratios to a
trivial view and (for the dashboard) to a plain view doing the dashboard's own queries. Then the
Register PDF, the first one of the process and warm ones. Target: every page p95 ≤ 300 ms, the
Register PDF ≤ 1 s.

    .venv/bin/python bench/pages/run.py [--rounds 50]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "pages"), str(ROOT / "bench")]

from harness import Target, measure, percentiles, print_table  # noqa: E402 (the path is set just above)


def _setup(data_dir: str) -> None:
    os.environ.setdefault("SENIM_DATA_DIR", data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    os.environ["DEBUG"] = "0"
    os.environ["SENIM_2FA_REQUIRED_FOR_COMPLIANCE"] = "0"
    import django

    django.setup()
    from django.conf import settings

    settings.ROOT_URLCONF = "urls"
    settings.ALLOWED_HOSTS = ["testserver"]


def _first(model: type, **filters: object) -> object:
    return model.objects.filter(**filters).order_by("created_at").first()  # type: ignore[attr-defined]


def _targets() -> dict[str, Target]:
    """The officer's lists and the first object of each for its detail page."""
    from django.urls import reverse

    from senim.conflicts.models import Alert, Declaration, Gift
    from senim.counterparties.models import Application, Contract, Counterparty, VerificationCase
    from senim.screening.models import Hit
    from senim.speakup.models import Case

    pages = {
        "trivial": Target("/bench/bare/"),
        "plain dashboard (same queries)": Target("/bench/bare-dashboard/"),
        "dashboard": Target(reverse("core:dashboard")),
    }
    lists = {
        "counterparties": "counterparties:counterparty-list",
        "contracts": "counterparties:contract-list",
        "verifications": "counterparties:case-list",
        "applications": "counterparties:application-list",
        "Speak Up cases": "speakup:case-list",
        "screening hits": "screening:hit-list",
        "declarations": "conflicts:declaration-list",
        "alerts": "conflicts:alert-list",
        "gifts": "conflicts:gift-list",
    }
    pages |= {name: Target(reverse(url)) for name, url in lists.items()}
    pages["counterparties, by risk"] = Target(reverse("counterparties:counterparty-list") + "?sort=-risk")
    details = {
        "counterparty card": ("counterparties:counterparty-detail", Counterparty),
        "contract": ("counterparties:contract-detail", Contract),
        "verification": ("counterparties:case-detail", VerificationCase),
        "application": ("counterparties:application-detail", Application),
        "Speak Up case": ("speakup:case-detail", Case),
        "screening hit": ("screening:hit-detail", Hit),
        "declaration": ("conflicts:declaration-detail", Declaration),
        "alert": ("conflicts:alert-detail", Alert),
        "gift": ("conflicts:gift-detail", Gift),
    }
    for name, (url, model) in details.items():
        item = _first(model)
        if item is not None:
            pages[name] = Target(reverse(url, args=[item.pk]))  # type: ignore[attr-defined]
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--pdfs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(data_dir)
        from django.core.management import call_command
        from django.test import Client
        from django.urls import reverse

        from senim.accounts.models import User
        from senim.demo import builder

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        builder.build()
        print(f"demo data built in {time.perf_counter() - started:.0f} s")
        client = Client()
        client.force_login(User.objects.get(username="officer"))
        targets = _targets()
        for name, target in list(targets.items()):  # pages this officer may not open are left out
            if client.get(target.url).status_code != 200:
                print(f"left out (not 200 for the officer): {name} {target.url}")
                targets.pop(name)
        load = os.getloadavg()[0]
        stats = measure(client, targets, rounds=args.rounds)
        print(f"\n{args.rounds} rounds of {len(targets)} pages, load average {load:.1f} → {os.getloadavg()[0]:.1f}\n")
        references = {name: "trivial" for name in targets if name not in {"trivial"}}
        references["dashboard"] = "plain dashboard (same queries)"
        print_table(stats, references, target_ms=300)

        url = reverse("counterparties:register-export-pdf")
        times, cpu_times = [], []
        for number in range(args.pdfs):
            if number == 1:
                # A served worker has loaded Pango and the fonts at start (senim/wsgi.py); the first
                # PDF above shows what that saves, the next ones what a user waits for.
                from senim.core.pdf import warm_up

                warm_up()
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(time.perf_counter() - t0)
            cpu_times.append(time.process_time() - c0)
            assert response.status_code == 200 and response.content.startswith(b"%PDF")
        warm = percentiles(times[1:]) if len(times) > 1 else (0.0, 0.0)
        warm_cpu = percentiles(cpu_times[1:]) if len(cpu_times) > 1 else (0.0, 0.0)
        print(
            f"\nRegister PDF: first {times[0]:.2f} s ({cpu_times[0]:.2f} s CPU) with no warm-up; after the"
            f" worker's warm-up median {warm[0]:.2f} s, p95 {warm[1]:.2f} s over {len(times) - 1}"
            f" (CPU median {warm_cpu[0]:.2f} s, p95 {warm_cpu[1]:.2f} s); target ≤ 1 s"
        )


if __name__ == "__main__":
    main()
