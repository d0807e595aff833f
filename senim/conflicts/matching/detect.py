"""The rules of the cross-match.

Two indexes of the screening engine are built: one of people (owners and managers of
counterparties who are people, and the employees themselves), one of organisations (the
counterparties and their corporate owners). Then:

* each employee is searched among the people: an owner or manager found is a link
  (``employee_counterparty``);
* each declared relative is searched among the people: an owner or manager found is a link
  (``relative_counterparty``); another employee found is a relative working in the group. When the
  two are in one reporting line (one's unit is the other's or above or below it) that is a
  disclosed conflict to settle (``relative_reporting_line``); when the relative has not declared
  the employee in turn, that omission is a link of the relative (``undeclared_relative``);
* each declared company is searched among the organisations: a counterparty found is a disclosed
  interest in a counterparty (``company_counterparty``).

A link to a counterparty is *disclosed* when the employee declared that counterparty (same BIN or
STIR, or a name that scores at least ``COMPANY_THRESHOLD``). A person found without a shared
identifier must match on the whole name (every word, with the same patronymic on both sides)
with at least ``NAME_THRESHOLD``: homonyms with different IINs are
ruled out by the engine itself (conflicting identifiers halve the score). And a name alone is
evidence only when it is distinctive: if another identified person (an employee, a relative or an
owner or manager with an IIN or PINFL other than the two sides') bears the same name, the match
says nothing about who is who, and it is left out (``ambiguous``, counted for the report).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from senim.conflicts.matching.records import (
    ContractApproval,
    DeclaredCompany,
    EmployeeRecord,
    Finding,
    FindingKind,
    PartyRecord,
    RelativeRecord,
)
from senim.screening.engine import Hit, Index, Query, Record, normalise_identifier, parse_name, score_pair
from senim.screening.engine.transliteration import loose_key

NAME_THRESHOLD = 0.90
COMPANY_THRESHOLD = 0.88
SEARCH_LIMIT = 25
PROGRESS_EVERY = 1000

Progress = Callable[[int, int], object]


def same_reporting_line(path_a: str, path_b: str) -> bool:
    """Whether two units (materialised paths "<id>/<id>/") are one, or one is above the other."""
    if not path_a or not path_b:
        return False
    return path_a.startswith(path_b) or path_b.startswith(path_a)


def _identifier(raw: str) -> str:
    found = normalise_identifier(raw)
    return found[1] if found else ""


def _how(hit: Hit) -> str:
    return "identifier" if any(f.outcome == "match" for f in hit.explanation.identifiers) else "name"


def _accept(hit: Hit) -> bool:
    """An identifier match stands; a name alone must be the whole name on both sides: every word
    matched, patronymics included and agreeing (a surname and given name alone match too many)."""
    if _how(hit) == "identifier":
        return True
    name = hit.explanation.name
    if hit.score < NAME_THRESHOLD or name is None:
        return False
    return not (name.unmatched_query or name.unmatched_record) and name.patronymic == "same"


def _name_key(name: str) -> str:
    """The whole name, script-independent: the words' romanised keys and the father's name.

    The father's name is the patronymic's first stem in its loose form without a final glide, so
    that one name written two ways keys alike: "Камолиддин ўғли" = "Kamoliddinovich" (the separate
    word also carries its unreduced spelling), "Артёмовна" = "Артемьевна", "Абылайұлы" = "Абылаевич"."""
    parsed = parse_name(name, "Person")
    father = loose_key(parsed.patronymic[0]) if parsed.patronymic else ""
    if len(father) > 2 and father.endswith("i") and father[-2] in "aeiou":
        father = father[:-1]
    return " ".join(sorted(parsed.primary_keys)) + " ~" + father


class _People:
    """The people index: counterparty people ("p<n>") and employees ("e<n>"), and who among the
    identified people bears each name (to tell a distinctive name from a common one)."""

    def __init__(self, parties: list[PartyRecord], employees: list[EmployeeRecord], workers: int) -> None:
        self.parties = parties
        self.employees = employees
        self.ambiguous = 0
        self.bearers: dict[str, set[str]] = {}
        records: list[Record] = []
        for number, party in enumerate(parties):
            if party.is_person and party.role != "counterparty":
                records.append(Record(f"p{number}", "Person", [party.name], _ids(party.identifier)))
                self._bear(party.name, party.identifier)
        for number, employee in enumerate(employees):
            records.append(Record(f"e{number}", "Person", list(employee.names), _ids(employee.identifier)))
            if employee.names:
                self._bear(employee.names[0], employee.identifier)
            for relative in employee.relatives:
                self._bear(relative.name, relative.identifier)
        self.index = Index.build(records, workers=workers)

    def _bear(self, name: str, identifier: str) -> None:
        value = _identifier(identifier)
        if value and name.strip():
            self.bearers.setdefault(_name_key(name), set()).add(value)

    def _distinctive(self, hit: Hit, names: list[str], identifier: str) -> bool:
        """Whether a name-only hit stands: nobody else identified bears the query's name."""
        if _how(hit) == "identifier":
            return True
        record = self.record_identifier(hit.record_id)
        others = self.bearers.get(_name_key(names[0]), set()) - {_identifier(identifier), record}
        if others:
            self.ambiguous += 1
            return False
        return True

    def record_identifier(self, record_id: str) -> str:
        kind, number = record_id[0], int(record_id[1:])
        raw = self.parties[number].identifier if kind == "p" else self.employees[number].identifier
        return _identifier(raw)

    def search(self, names: Iterable[str], identifier: str) -> list[Hit]:
        names = [n for n in names if n and n.strip()]
        if not names:
            return []
        query = Query(names=names, schema="Person", identifiers=_ids(identifier))
        return [
            h
            for h in self.index.search(query, limit=SEARCH_LIMIT, threshold=0.8)
            if _accept(h) and self._distinctive(h, names, identifier)
        ]


def _ids(raw: str) -> list[str]:
    return [raw] if raw and raw.strip() else []


def _org_index(parties: list[PartyRecord], workers: int) -> Index:
    records = [
        Record(f"o{number}", "Organization", [party.name], _ids(party.identifier))
        for number, party in enumerate(parties)
        if not party.is_person
    ]
    return Index.build(records, workers=workers)


def _declared(company: DeclaredCompany, party_name: str, party_identifier: str) -> bool:
    ours, theirs = _identifier(company.identifier), _identifier(party_identifier)
    if ours and theirs:
        return ours == theirs
    if not company.name.strip() or not party_name.strip():
        return False
    hit = score_pair(Query(names=[company.name], schema="Organization"), Record("x", "Organization", [party_name]))
    return hit.score >= COMPANY_THRESHOLD


def _discloses(employee: EmployeeRecord, party: PartyRecord) -> DeclaredCompany | None:
    for company in employee.companies:
        if _declared(company, party.counterparty_name, party.counterparty_identifier):
            return company
    return None


def _declares_relative(employee: EmployeeRecord, other: EmployeeRecord) -> RelativeRecord | None:
    """The relative of `employee` that is `other`, if `employee` declared them."""
    theirs = _identifier(other.identifier)
    for relative in employee.relatives:
        ours = _identifier(relative.identifier)
        if ours and theirs:
            if ours == theirs:
                return relative
            continue
        record = Record("x", "Person", list(other.names))
        if relative.name.strip() and score_pair(Query(names=[relative.name]), record).score >= NAME_THRESHOLD:
            return relative
    return None


def _party_side(party: PartyRecord) -> dict[str, Any]:
    return {
        "role": party.role,
        "name": party.name,
        "identifier": party.identifier,
        "counterparty": party.counterparty_name,
        "counterparty_identifier": party.counterparty_identifier,
        "share": party.share,
    }


def _employee_side(employee: EmployeeRecord) -> dict[str, Any]:
    return {"role": "employee", "name": employee.names[0] if employee.names else "", "identifier": employee.identifier}


def _relative_side(relative: RelativeRecord) -> dict[str, Any]:
    return {"role": "relative", "name": relative.name, "identifier": relative.identifier, "relation": relative.relation}


def _evidence(hit: Hit, query: dict[str, Any], record: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"how": _how(hit), "query": query, "record": record, "explanation": hit.explanation.as_dict(), **extra}


def _disclosure(company: DeclaredCompany | None) -> dict[str, Any] | None:
    return {"name": company.name, "identifier": company.identifier} if company else None


def cross_match(
    employees: Iterable[EmployeeRecord],
    parties: Iterable[PartyRecord],
    *,
    progress: Progress | None = None,
    workers: int = 1,
    stats: dict[str, int] | None = None,
) -> Iterator[Finding]:
    """Every link between the employees (and what they declared) and the counterparties' people,
    and between declared relatives and other employees. ``progress(done, total)`` is called every
    ``PROGRESS_EVERY`` searches and at the end; ``stats`` (if given) receives ``ambiguous``, the
    name-only matches left out because the name is not distinctive."""
    staff = list(employees)
    party_list = list(parties)
    people = _People(party_list, staff, workers)
    organisations = _org_index(party_list, workers)
    total = sum(1 + len(e.relatives) + len(e.companies) for e in staff)
    done = 0

    def tick(step: int = 1) -> None:
        nonlocal done
        done += step
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)

    if progress is not None and total == 0:
        progress(0, 0)
    for number, employee in enumerate(staff):
        yield from _employee_links(people, number, employee)
        tick()
        for relative in employee.relatives:
            yield from _relative_links(people, number, employee, relative)
            tick()
        for company in employee.companies:
            yield from _company_links(organisations, party_list, employee, company)
            tick()
    if stats is not None:
        stats["ambiguous"] = people.ambiguous


def _employee_links(people: _People, number: int, employee: EmployeeRecord) -> Iterator[Finding]:
    for hit in people.search(employee.names, employee.identifier):
        if not hit.record_id.startswith("p"):
            continue
        party = people.parties[int(hit.record_id[1:])]
        company = _discloses(employee, party)
        yield Finding(
            kind=FindingKind.EMPLOYEE_COUNTERPARTY,
            employee_key=employee.key,
            matched_key=f"{party.counterparty_key}:{party.role}:{party.name}",
            matched_label=party.name,
            counterparty_key=party.counterparty_key,
            score=hit.score,
            disclosed=company is not None,
            evidence=_evidence(hit, _employee_side(employee), _party_side(party), declared=_disclosure(company)),
        )


def _relative_links(
    people: _People, number: int, employee: EmployeeRecord, relative: RelativeRecord
) -> Iterator[Finding]:
    for hit in people.search([relative.name], relative.identifier):
        kind, index = hit.record_id[0], int(hit.record_id[1:])
        if kind == "p":
            party = people.parties[index]
            company = _discloses(employee, party)
            yield Finding(
                kind=FindingKind.RELATIVE_COUNTERPARTY,
                employee_key=employee.key,
                matched_key=f"{party.counterparty_key}:{party.role}:{party.name}",
                matched_label=party.name,
                counterparty_key=party.counterparty_key,
                score=hit.score,
                disclosed=company is not None,
                evidence=_evidence(
                    hit,
                    _relative_side(relative),
                    _party_side(party),
                    declared=_disclosure(company),
                    employee=_employee_side(employee),
                ),
            )
            continue
        if index == number:
            continue
        other = people.employees[index]
        if same_reporting_line(employee.unit_path, other.unit_path):
            yield Finding(
                kind=FindingKind.RELATIVE_REPORTING_LINE,
                employee_key=employee.key,
                matched_key=other.key,
                matched_label=other.names[0] if other.names else "",
                score=hit.score,
                disclosed=True,
                evidence=_evidence(
                    hit, _relative_side(relative), _employee_side(other), employee=_employee_side(employee)
                ),
            )
        if _declares_relative(other, employee) is None:
            yield Finding(
                kind=FindingKind.UNDECLARED_RELATIVE,
                employee_key=other.key,
                matched_key=employee.key,
                matched_label=employee.names[0] if employee.names else "",
                score=hit.score,
                disclosed=False,
                evidence=_evidence(
                    hit,
                    _relative_side(relative),
                    _employee_side(other),
                    employee=_employee_side(employee),
                    declared_by=_employee_side(employee),
                ),
            )


def _company_links(
    organisations: Index, parties: list[PartyRecord], employee: EmployeeRecord, company: DeclaredCompany
) -> Iterator[Finding]:
    if not company.name.strip() and not company.identifier.strip():
        return
    query = Query(
        names=[company.name or company.identifier], schema="Organization", identifiers=_ids(company.identifier)
    )
    seen: set[str] = set()
    for hit in organisations.search(query, limit=SEARCH_LIMIT, threshold=COMPANY_THRESHOLD):
        party = parties[int(hit.record_id[1:])]
        if party.counterparty_key in seen:
            continue
        seen.add(party.counterparty_key)
        yield Finding(
            kind=FindingKind.COMPANY_COUNTERPARTY,
            employee_key=employee.key,
            matched_key=f"{party.counterparty_key}:{party.role}:{party.name}",
            matched_label=party.counterparty_name,
            counterparty_key=party.counterparty_key,
            score=hit.score,
            disclosed=True,
            evidence=_evidence(
                hit,
                {"role": "declared_company", "name": company.name, "identifier": company.identifier},
                _party_side(party),
                employee=_employee_side(employee),
            ),
        )


def approval_links(findings: Iterable[Finding], approvals: Iterable[ContractApproval]) -> Iterator[Finding]:
    """A contract approved by an employee who, or whose relative, is an owner or manager of the
    counterparty: the relative declared by the approver (a relative ↔ owner/manager link) or found
    by the detection (an employee who declared the approver as a relative without the approver
    declaring them, and is an owner or manager of the counterparty). ``findings`` are those of
    ``cross_match``; the approval is disclosed when the link behind it is."""
    person_links: dict[tuple[str, str], list[Finding]] = {}
    found_relatives: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.kind in (FindingKind.EMPLOYEE_COUNTERPARTY, FindingKind.RELATIVE_COUNTERPARTY):
            person_links.setdefault((finding.employee_key, finding.counterparty_key), []).append(finding)
        elif finding.kind == FindingKind.UNDECLARED_RELATIVE:
            found_relatives.setdefault(finding.employee_key, []).append(finding)
    for approval in approvals:
        links: list[tuple[Finding, Finding | None]] = [
            (link, None) for link in person_links.get((approval.approver_key, approval.counterparty_key), [])
        ]
        for found in found_relatives.get(approval.approver_key, []):
            for owned in person_links.get((found.matched_key, approval.counterparty_key), []):
                if owned.kind == FindingKind.EMPLOYEE_COUNTERPARTY:
                    links.append((owned, found))
        for link, relative in links:
            how = "approver" if link.kind == FindingKind.EMPLOYEE_COUNTERPARTY and relative is None else "relative"
            yield Finding(
                kind=FindingKind.APPROVED_CONTRACT,
                employee_key=approval.approver_key,
                matched_key=f"{approval.contract_key}:{link.matched_key}",
                matched_label=link.matched_label,
                counterparty_key=approval.counterparty_key,
                score=link.score,
                disclosed=link.disclosed and relative is None,
                evidence={
                    **link.evidence,
                    "approval": how,
                    "contract": {"id": approval.contract_key, "number": approval.number, "date": approval.date},
                    "link_kind": link.kind,
                    "found_relative": relative.evidence if relative is not None else None,
                },
            )
