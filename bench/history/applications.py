"""History import: 10,000 applications for counterparties that refuse, with their contracts and
decisions, over three years; then the same file again (every row matched by its external id).

    .venv/bin/python bench/history/applications.py [--applications 10000]

Fresh SQLite (or DATABASE_URL) database in a temporary directory. First the 10,000 contracts the
applications cite are imported (the contracts import, itself the reference measured in the same
run), then the applications file: checked in full (plan) and written (apply) as the command line
does it, then imported again.
"""

import argparse
import datetime as dt

from common import fresh_database, timed, write_csv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=10000)
    args = parser.parse_args()
    with fresh_database() as folder:
        from senim.core.access import SYSTEM
        from senim.counterparties import importing
        from senim.counterparties.models import Application, Counterparty, RegisterEntry, RegulationClause
        from senim.org.models import Company

        year = dt.date.today().year
        companies = [
            Company.objects.create(
                name_en=f"Company {n}",
                registration_number=f"{100000000000 + n}",
                country="KZ",
                founded_on=dt.date(2000, 1, 1),
            )
            for n in range(3)
        ]
        counterparties = [
            Counterparty.objects.create(name_ru=f"Поставщик {n}", country="KZ", identifier=f"{200000000000 + n}")
            for n in range(500)
        ]
        RegulationClause.objects.create(code="5.3", text_en="Natural monopoly")
        n_total = args.applications
        contract_rows, application_rows = [], []
        for n in range(n_total):
            company = companies[n % 3].registration_number
            counterparty = counterparties[n % len(counterparties)].identifier
            filed = dt.date(year - 3 + n % 3, 1 + n % 12, 1 + n % 28)
            decided = filed + dt.timedelta(days=10)
            if decided.year != filed.year:
                decided = filed
            contract_rows.append([company, f"C-{n}", filed.isoformat(), counterparty, "нет"])
            decision = ["refuse", "5.3", "Refuses to sign", decided.isoformat()] if n % 4 == 0 else ["", "", "", ""]
            if n % 97 == 1:  # a few standing approvals
                decision = ["register", "5.3", "Natural monopoly", decided.isoformat()]
            application_rows.append(
                [company, f"LEG-{n}", counterparty, "clause", filed.isoformat(), f"C-{n}", "1", "Sole", *decision]
            )
        write_csv(folder / "contracts.csv", ["company", "number", "date", "counterparty", "has_clause"], contract_rows)
        header = [
            "company",
            "external_id",
            "counterparty",
            "refusal",
            "filed_on",
            "contracts",
            "contract_count",
            "justification",
            "decision",
            "clause",
            "grounds",
            "decided_on",
        ]
        write_csv(folder / "applications.csv", header, application_rows)

        def run(kind: str, name: str) -> tuple[float, float, object]:
            def call() -> object:
                plan = importing.plan_file(actor=SYSTEM, kind=kind, path=folder / name, max_bytes=0)
                assert plan.ok, plan.errors[:3] or plan.file_errors
                return importing.apply(actor=SYSTEM, plan=plan)

            return timed(call)

        reference, reference_cpu, _ = run("contracts", "contracts.csv")
        elapsed, cpu, result = run("applications", "applications.csv")
        assert result.created == n_total, result  # type: ignore[attr-defined]
        again, again_cpu, second = run("applications", "applications.csv")
        assert second.created == 0 and second.unchanged == n_total, second  # type: ignore[attr-defined]
        assert Application.objects.count() == n_total
        entries = RegisterEntry.objects.count()
        print(f"{'step':<62}{'seconds':>9}{'CPU s':>8}")
        print(f"{f'reference: import {n_total:,} contracts':<62}{reference:>9.1f}{reference_cpu:>8.1f}")
        label = f"import {n_total:,} applications + contracts + decisions"
        print(
            f"{label:<62}{elapsed:>9.1f}{cpu:>8.1f}   (target ≤ 30 s; {elapsed / reference:.1f}× the reference;"
            f" {entries} Register entries)"
        )
        print(f"{'the same file again (all matched by external id, unchanged)':<62}{again:>9.1f}{again_cpu:>8.1f}")


if __name__ == "__main__":
    main()
