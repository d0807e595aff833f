"""Conflicts-of-interest benchmark: the full cross-match of the detection job on synthetic data.

    .venv/bin/python bench/conflicts/run.py                       # 35,000 employees, 50,000 counterparties
    .venv/bin/python bench/conflicts/run.py --employees 3500 --counterparties 5000   # small, < 1 minute

Generates (seeded, through the demo's name generator) employees with IINs or PINFLs in a unit tree,
their declared relatives (0–3 each, most with an identifier), and counterparties each with one or
two owners and a manager (people, some without identifier) and sometimes a corporate owner. Then
plants links the detection must find:

* employees who own a counterparty (same IIN; the register spells the name in Latin);
* declared relatives who manage a counterparty (no identifier on the register: name only, written
  in the other script);
* declared relatives who are employees in the same reporting line and have not declared back;
* half of the first kind also declare the counterparty (the link is then *disclosed*).

The data is otherwise clean: every person has a patronymic and no two people share a full name, even
once romanised, so a finding that was not planted is a false link.

Runs `senim.conflicts.matching.cross_match` (plain Python, as the job does) with progress, and prints
the time, the recall of each planted kind and every finding that was not planted (by how it
matched). The reference measured in the same run is an exact join on identifiers only (a dict
lookup per person, no names): what the cross-match costs beyond the cheapest possible check.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from senim.conflicts.matching import (  # noqa: E402
    DeclaredCompany,
    EmployeeRecord,
    FindingKind,
    PartyRecord,
    RelativeRecord,
    cross_match,
)
from senim.conflicts.matching.detect import _name_key as name_key  # noqa: E402
from senim.core.identifiers import make_bin  # noqa: E402
from senim.demo.names import PersonGenerator  # noqa: E402

BUDGET_SECONDS = 600
ORG_WORDS = (  # noqa: SIM905  (a readable word list)
    "Алтын Сарыарқа Жолдас Строй Мұнай Транс Сервис Инвест Логистик Энерго Тау Дала Кен Темір Болат "
    "Нұр Ақ Жұлдыз Самрук Самал Бірлік Береке Астана Алатау Каспий Ертіс Орда Тұран Сапа Өркен Шапағат "
    "Zarafshon Oltin Navoiy Mis Qurilish Savdo Servis Texnika Yulduz Barakа Sharq Orient Trade Group"
).split()


def _unit_paths(rnd: random.Random, count: int = 400) -> list[str]:
    paths = ["c0/"]
    for number in range(1, count):
        parent = rnd.choice(paths[: max(1, number // 2)])
        paths.append(f"{parent}u{number}/")
    return paths


def _org_name(rnd: random.Random, number: int) -> str:
    return f"ТОО «{rnd.choice(ORG_WORDS)} {rnd.choice(ORG_WORDS)} {number}»"


def generate(employees: int, counterparties: int, planted: int, seed: int):  # type: ignore[no-untyped-def]
    rnd = random.Random(seed)
    generator = PersonGenerator(seed)
    used: set[str] = set()
    paths = _unit_paths(rnd)

    class _Unique:
        """Clean data: no two different people share a full name, even once romanised ("Әлиев"
        and "Алиев" are one name written two ways; the demo generator's name pools are small
        enough that several per cent of 200,000 people would), so that every finding that was
        not planted is a matching error, not a true homonym."""

        @staticmethod
        def person(nationality=None):  # type: ignore[no-untyped-def]
            while True:
                person = generator.person(nationality)
                key = name_key(person.full_name)
                if person.patronymic and key not in used:
                    used.add(key)
                    return person

    people = _Unique()

    def identifier(person) -> str:  # type: ignore[no-untyped-def]
        return person.iin or person.pinfl or ""

    staff = []
    for number in range(employees):
        person = people.person()
        relatives = []
        for r in range(rnd.choice((0, 1, 1, 2, 2, 3))):
            relative = people.person(person.nationality)
            known = rnd.random() < 0.7
            relatives.append(
                RelativeRecord(f"r{number}-{r}", relative.full_name, identifier(relative) if known else "", "sibling")
            )
        staff.append(
            [
                f"e{number}",
                (person.full_name, person.full_name_latin),
                identifier(person),
                rnd.choice(paths),
                relatives,
                [],
            ]
        )

    parties: list[PartyRecord] = []
    registered: dict[int, tuple[str, str]] = {}
    for number in range(counterparties):
        key, name, bin_ = f"cp{number}", _org_name(rnd, number), make_bin(2000 + number % 24, 1 + number % 12, number)
        registered[number] = (name, bin_)
        parties.append(PartyRecord(key, name, "counterparty", name, bin_, False, counterparty_identifier=bin_))
        for _ in range(rnd.choice((1, 1, 2))):
            owner = people.person()
            ident = identifier(owner) if rnd.random() < 0.8 else ""
            parties.append(PartyRecord(key, name, "owner", owner.full_name, ident, True, "50", bin_))
        manager = people.person()
        ident = identifier(manager) if rnd.random() < 0.5 else ""
        parties.append(PartyRecord(key, name, "manager", manager.full_name_latin, ident, True, "", bin_))
        if rnd.random() < 0.1:
            other = _org_name(rnd, counterparties + number)
            parties.append(PartyRecord(key, name, "owner", other, "", False, "100", bin_))

    expected: dict[str, set[tuple[str, str]]] = {
        FindingKind.EMPLOYEE_COUNTERPARTY: set(),
        FindingKind.RELATIVE_COUNTERPARTY: set(),
        FindingKind.UNDECLARED_RELATIVE: set(),
    }
    disclosed: set[str] = set()
    chosen = rnd.sample(range(employees), planted * 3)
    targets = rnd.sample(range(counterparties), planted * 2)
    for i in range(planted):
        # An employee owns a counterparty: same identifier, Latin spelling on the register.
        row = staff[chosen[i]]
        cp = targets[i]
        cp_name, bin_ = registered[cp]
        parties.append(PartyRecord(f"cp{cp}", cp_name, "owner", row[1][1], row[2], True, "30", bin_))
        expected[FindingKind.EMPLOYEE_COUNTERPARTY].add((row[0], f"cp{cp}"))
        if i % 2 == 0:
            row[5].append(DeclaredCompany(cp_name, bin_))
            disclosed.add(row[0])
        # A declared relative manages a counterparty: name only, other script.
        row = staff[chosen[planted + i]]
        relative = people.person()
        row[4].append(RelativeRecord(f"pr{i}", relative.full_name, "", "spouse"))
        cp = targets[planted + i]
        cp_name, bin_ = registered[cp]
        parties.append(PartyRecord(f"cp{cp}", cp_name, "manager", relative.full_name_latin, "", True, "", bin_))
        expected[FindingKind.RELATIVE_COUNTERPARTY].add((row[0], f"cp{cp}"))
        # A declared relative is another employee in the same reporting line, who did not declare back.
        row, other = staff[chosen[2 * planted + i]], staff[chosen[(2 * planted + i + 1) % len(chosen)]]
        other[3] = row[3] + f"p{i}/"
        row[4].append(RelativeRecord(f"pe{i}", other[1][0], other[2], "child"))
        expected[FindingKind.UNDECLARED_RELATIVE].add((other[0], row[0]))

    records = [
        EmployeeRecord(key, names, ident, path, "c0", tuple(relatives), tuple(companies))
        for key, names, ident, path, relatives, companies in staff
    ]
    return records, parties, expected, disclosed


def _reference(records: list[EmployeeRecord], parties: list[PartyRecord]) -> tuple[float, int]:
    """Exact identifier join only: the cheapest possible check, for scale."""
    started = time.perf_counter()
    by_identifier: dict[str, list[PartyRecord]] = {}
    for party in parties:
        if party.identifier:
            by_identifier.setdefault(party.identifier, []).append(party)
    found = 0
    for employee in records:
        found += len(by_identifier.get(employee.identifier, ()))
        for relative in employee.relatives:
            found += len(by_identifier.get(relative.identifier, ())) if relative.identifier else 0
    return time.perf_counter() - started, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--employees", type=int, default=35000)
    parser.add_argument("--counterparties", type=int, default=50000)
    parser.add_argument("--planted", type=int, default=100, help="links of each kind to plant")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=1, help="processes that parse names while indexing")
    args = parser.parse_args()

    started = time.perf_counter()
    records, parties, expected, disclosed = generate(args.employees, args.counterparties, args.planted, args.seed)
    generated = time.perf_counter() - started
    relatives = sum(len(r.relatives) for r in records)
    print(
        f"generated {len(records):,} employees, {relatives:,} declared relatives, "
        f"{sum(1 for p in parties if p.role == 'counterparty'):,} counterparties, "
        f"{sum(1 for p in parties if p.role != 'counterparty'):,} owners and managers in {generated:.1f} s",
        flush=True,
    )
    reference_seconds, reference_found = _reference(records, parties)

    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 10 or done == total:
            last[0] = now
            print(f"  {done:,}/{total:,} searches ({100 * done / max(total, 1):.0f} %)", file=sys.stderr, flush=True)

    started = time.perf_counter()
    findings = list(cross_match(records, parties, progress=progress, workers=args.workers))
    seconds = time.perf_counter() - started

    found = {kind: set() for kind in expected}
    planted_owners = {key for key, _cp in expected[FindingKind.EMPLOYEE_COUNTERPARTY]}
    owner_ids = {r.identifier for r in records if r.key in planted_owners}
    derived = 0
    unplanted: Counter[tuple[str, str]] = Counter()
    disclosed_ok = 0
    for finding in findings:
        if finding.kind in (FindingKind.EMPLOYEE_COUNTERPARTY, FindingKind.RELATIVE_COUNTERPARTY):
            pair = (finding.employee_key, finding.counterparty_key)
        else:
            pair = (finding.employee_key, finding.matched_key)
        if finding.kind in expected and pair in expected[finding.kind]:
            found[finding.kind].add(pair)
            if finding.kind == FindingKind.EMPLOYEE_COUNTERPARTY and finding.disclosed == (pair[0] in disclosed):
                disclosed_ok += 1
        elif finding.kind == FindingKind.RELATIVE_REPORTING_LINE:
            continue  # the disclosed side of the planted relatives; counted below
        elif finding.kind == FindingKind.COMPANY_COUNTERPARTY and finding.employee_key in disclosed:
            continue
        elif finding.evidence.get("how") == "identifier" and finding.evidence["query"]["identifier"] in owner_ids:
            derived += 1  # a planted relative who is also a planted owner: a true link
        else:
            how = finding.evidence.get("how", "")
            if how == "name":
                same = finding.evidence["explanation"]["name_score"] >= 0.99
                how = "name: two names the engine scores as one (1.00)" if same else "name: a close spelling"
            unplanted[(finding.kind, how)] += 1

    load = os.getloadavg()[0]
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| employees / declared relatives | {len(records):,} / {relatives:,} |")
    print(
        f"| counterparties / owners and managers | {args.counterparties:,} / {len(parties) - args.counterparties:,} |"
    )
    print(f"| full cross-match (index build + every search), s | {seconds:.1f} |")
    print(f"| budget (10 min) used | {100 * seconds / BUDGET_SECONDS:.0f} % |")
    print(f"| reference: identifier-only join, s | {reference_seconds:.2f} ({reference_found:,} identifier hits) |")
    print(f"| ratio cross-match / reference | {seconds / max(reference_seconds, 1e-9):.0f}× |")
    for kind, pairs in expected.items():
        print(f"| planted {kind} found | {len(found[kind])} / {len(pairs)} |")
    owners = len(expected[FindingKind.EMPLOYEE_COUNTERPARTY])
    print(f"| planted owner links marked disclosed correctly | {disclosed_ok} / {owners} |")
    print(f"| true links that follow from two planted ones | {derived} |")
    print(f"| findings not planted (false links) | {sum(unplanted.values())} |")
    for (kind, how), count in sorted(unplanted.items()):
        print(f"|   {kind} by {how} | {count} |")
    print(f"| load average (1 min) at the end | {load:.2f} |")


if __name__ == "__main__":
    main()
