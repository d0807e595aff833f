"""The detection job: gather employees, what they declared and the counterparties' people as plain
records, run the cross-match (senim.conflicts.matching) and store the links as alerts.

The run row is the job record: its page polls it. `senim conflicts detect` calls `detection_run`
in-process with a progress bar. One run at a time across every worker and host: a run holds the
database lock DETECTION_LOCK (core.locks) while it works; a run that finds it held is skipped
(recorded on the run and logged), since the run holding it covers the same data.
"""

import datetime as dt
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from senim.conflicts import policy, services
from senim.conflicts.matching import (
    ContractApproval,
    DeclaredCompany,
    EmployeeRecord,
    Finding,
    PartyRecord,
    RelativeRecord,
    approval_links,
    cross_match,
)
from senim.conflicts.models import Declaration, DeclarationItem, DetectionRun, Section
from senim.core.access import Actor, PermissionDenied, require
from senim.core.locks import exclusive
from senim.counterparties import selectors as counterparty_selectors
from senim.org.models import Employee

logger = logging.getLogger(__name__)
PROGRESS_SAVE_EVERY = 2000
DETECTION_LOCK = "conflicts.detection"


def employee_records() -> Iterator[EmployeeRecord]:
    """Every active employee with the relatives and companies of their current declarations."""
    relatives: dict[uuid.UUID, list[RelativeRecord]] = defaultdict(list)
    companies: dict[uuid.UUID, list[DeclaredCompany]] = defaultdict(list)
    items = DeclarationItem.objects.exclude(declaration__status=Declaration.Status.SUPERSEDED).values_list(
        "pk",
        "declaration__employee_id",
        "section",
        "person_name",
        "person_identifier",
        "relation",
        "organisation",
        "organisation_identifier",
    )
    for pk, employee_id, section, name, identifier, relation, organisation, org_identifier in items.iterator(
        chunk_size=5000
    ):
        if name and section in {Section.RELATIVES, Section.INTERESTS}:
            relatives[employee_id].append(RelativeRecord(str(pk), name, identifier, relation))
        if section in {Section.INTERESTS, Section.OUTSIDE_JOBS} and (organisation or org_identifier):
            companies[employee_id].append(DeclaredCompany(organisation, org_identifier))
    rows = Employee.objects.filter(dismissal_date__isnull=True).values_list(
        "pk",
        "company_id",
        "surname",
        "given_name",
        "patronymic",
        "surname_latin",
        "given_name_latin",
        "patronymic_latin",
        "iin",
        "pinfl",
        "unit__path",
    )
    for pk, company_id, *names, iin, pinfl, path in rows.iterator(chunk_size=5000):
        native = " ".join(n for n in names[:3] if n)
        latin = " ".join(n for n in names[3:] if n)
        yield EmployeeRecord(
            key=str(pk),
            names=tuple(n for n in (native, latin) if n),
            identifier=iin or pinfl,
            unit_path=path or "",
            company_key=str(company_id),
            relatives=tuple(relatives.get(pk, ())),
            companies=tuple(companies.get(pk, ())),
        )


def party_records() -> Iterator[PartyRecord]:
    """The counterparties of the register and their owners and managers (unscoped: a system job)."""
    identifiers: dict[uuid.UUID, str] = {}
    for party in counterparty_selectors.counterparty_parties_for_matching():
        if party.role == "counterparty":
            identifiers[party.counterparty_id] = party.identifier
        yield PartyRecord(
            counterparty_key=str(party.counterparty_id),
            counterparty_name=party.counterparty_name,
            role=party.role,
            name=party.name,
            identifier=party.identifier,
            is_person=party.is_person,
            share="" if party.share is None else str(party.share),
            counterparty_identifier=identifiers.get(party.counterparty_id, ""),
        )


def contract_approvals() -> Iterator[ContractApproval]:
    """Contracts with an approver, as the cross-match's plain records."""
    for row in counterparty_selectors.contract_approvals_for_matching():
        yield ContractApproval(
            contract_key=str(row.contract_id),
            number=row.number,
            date=row.date.isoformat(),
            approver_key=str(row.approved_by_id),
            counterparty_key=str(row.counterparty_id),
        )


def _with_contracts(findings: list[Finding]) -> list[Finding]:
    """Note in the evidence whether the employee's company has contracts with the counterparty
    (the link then matters most: the employee may take part in those contracts)."""
    contracts = counterparty_selectors.contract_counterparty_ids_by_company()
    companies = dict(
        Employee.objects.filter(pk__in={f.employee_key for f in findings if f.counterparty_key}).values_list(
            "pk", "company_id"
        )
    )
    for finding in findings:
        if finding.counterparty_key:
            company_id = companies.get(uuid.UUID(finding.employee_key))
            linked = uuid.UUID(finding.counterparty_key) in contracts.get(company_id, set()) if company_id else False
            finding.evidence["contracts_with_company"] = linked
    return findings


RETRY_AFTER = dt.timedelta(seconds=60)


def detection_start(*, actor: Actor, language: str) -> DetectionRun:
    """Record a queued run and queue it after commit (group-wide reviewers only: the cross-match
    compares the whole group)."""
    if not require(actor, policy.REVIEW).everything:
        raise PermissionDenied(policy.REVIEW)
    if DetectionRun.objects.filter(status__in=[DetectionRun.Status.QUEUED, DetectionRun.Status.RUNNING]).exists():
        raise ValidationError(_("A detection run is already in progress."))
    with transaction.atomic():
        run = DetectionRun.objects.create(requested_by_id=cast(uuid.UUID, actor.pk), language=language)
        transaction.on_commit(lambda: run_detection.enqueue(run_id=str(run.pk)))
    return run


def detection_run(
    *, run: DetectionRun, progress: Callable[[int, int], object] | None = None, requeue: bool = False
) -> DetectionRun:
    """Run the cross-match and store its alerts; failures are recorded on the run. While another
    run holds the detection lock, a queued run (`requeue`, from the task) waits: it is queued again
    for RETRY_AFTER later and stays "queued", without holding a worker meanwhile. Otherwise (the
    command line, or a task backend that cannot defer) it is skipped and recorded as such."""
    with exclusive(DETECTION_LOCK) as acquired:
        if not acquired and requeue and run_detection.get_backend().supports_defer:
            logger.info("Detection run %s waits: another detection run holds the lock", run.pk)
            run_detection.using(run_after=timezone.now() + RETRY_AFTER).enqueue(run_id=str(run.pk))
            return run
        if not acquired:
            logger.info("Detection run %s skipped: another detection run holds the lock", run.pk)
            DetectionRun.objects.filter(pk=run.pk).update(
                status=DetectionRun.Status.FAILED,
                error=_("Skipped: another detection run was in progress."),
                finished_at=timezone.now(),
            )
            run.refresh_from_db()
            return run
        return _detection_run_locked(run=run, progress=progress)


def _detection_run_locked(*, run: DetectionRun, progress: Callable[[int, int], object] | None) -> DetectionRun:
    DetectionRun.objects.filter(pk=run.pk).update(status=DetectionRun.Status.RUNNING, started_at=timezone.now())
    last_saved = 0

    def report(done: int, total: int) -> None:
        nonlocal last_saved
        if done - last_saved >= PROGRESS_SAVE_EVERY or done == total:
            DetectionRun.objects.filter(pk=run.pk).update(processed=done, total=total)
            last_saved = done
        if progress is not None:
            progress(done, total)

    try:
        findings = list(cross_match(employee_records(), party_records(), progress=report))
        findings += list(approval_links(findings, contract_approvals()))
        findings = _with_contracts(findings)
        found, raised = services.alerts_store(run=run, findings=findings)
    except Exception:  # recorded on the run so the officer sees it; details go to the log
        logger.exception("Detection run %s failed", run.pk)
        DetectionRun.objects.filter(pk=run.pk).update(
            status=DetectionRun.Status.FAILED,
            error=_("The detection failed unexpectedly; no alert was changed."),
            finished_at=timezone.now(),
        )
    else:
        DetectionRun.objects.filter(pk=run.pk).update(
            status=DetectionRun.Status.DONE, links_found=found, alerts_raised=raised, finished_at=timezone.now()
        )
    run.refresh_from_db()
    return run


@task()
def run_detection(*, run_id: str) -> str:
    """The background run (`senim worker` runs it; tests and SENIM_TASKS_INLINE run it inline)."""
    run = DetectionRun.objects.get(pk=run_id)
    if run.is_finished:
        return run.status
    with translation.override(run.language):
        return detection_run(run=run, requeue=True).status
