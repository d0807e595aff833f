"""Anti-corruption agreements to labour contracts, required by position, and new hires' contracts
carrying anti-corruption obligations."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.awareness import policy
from senim.awareness.models import AgreementObligation, HireRecord
from senim.core import files
from senim.core.access import SYSTEM, Actor, require
from senim.core.audit import PendingEvent, audit_record, audit_record_many
from senim.core.bulk import bulk_insert
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.org.models import Employee

SCAN_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")


def obligations_sync(*, today: dt.date | None = None) -> int:
    """Create the obligation for every active employee whose position requires an agreement and
    who has none for that position: hired into it (the hire date) or moved to it (today, the day
    the move is first seen). The system runs this daily and after HR imports; returns how many."""
    today = today or timezone.localdate()
    known = set(AgreementObligation.objects.values_list("employee_id", "position_id"))
    had_any = set(AgreementObligation.objects.values_list("employee_id", flat=True))
    rows = Employee.objects.filter(dismissal_date__isnull=True, position__requires_ac_agreement=True).values_list(
        "pk", "company_id", "unit_id", "position_id", "hire_date"
    )
    new = []
    for employee_id, company_id, unit_id, position_id, hire_date in rows.iterator(chunk_size=5000):
        if (employee_id, position_id) in known:
            continue
        hired = employee_id not in had_any and hire_date is not None
        new.append(
            AgreementObligation(
                employee_id=employee_id,
                company_id=company_id,
                unit_id=unit_id,
                position_id=position_id,
                reason=AgreementObligation.Reason.HIRE if hired else AgreementObligation.Reason.MOVE,
                arose_on=hire_date if hired and hire_date else today,
            )
        )
    with transaction.atomic():
        bulk_insert(AgreementObligation, new)
        audit_record_many(
            actor=SYSTEM,
            events=[
                PendingEvent(
                    event_type="awareness.agreement.required",
                    object_type="awareness.agreementobligation",
                    object_id=str(o.pk),
                    object_repr=str(o.employee_id),
                    company_id=o.company_id,
                    changes={"arose_on": [None, o.arose_on], "reason": [None, o.reason]},
                )
                for o in new
            ],
        )
    return len(new)


SCAN_AREA = "awareness/agreements"


def _store_scan(scan: Any) -> str:
    name = str(getattr(scan, "name", ""))
    if not name.lower().endswith(SCAN_SUFFIXES) or not getattr(scan, "size", 0):
        raise ValidationError({"scan": _("Attach the scan as PDF, JPEG, PNG or TIFF.")})
    return files.file_save(SCAN_AREA, scan, sealed=True)


def agreement_record(
    *,
    actor: Actor | None,
    obligation: AgreementObligation,
    number: str,
    concluded_on: dt.date,
    scan: Any = None,
    source: str = AgreementObligation.Source.MANUAL,
) -> AgreementObligation:
    """Record the signed agreement (number, date, optional scan) for an obligation."""
    require(actor, policy.MANAGE, company_id=obligation.company_id, unit_id=obligation.unit_id)
    number = str(number or "").replace("\x00", "").strip()[:50]
    errors = {}
    if not number:
        errors["number"] = _("Enter the number of the agreement.")
    if errors:
        raise ValidationError(errors)
    backdated = check_event_dates(
        actor=actor,
        company_id=obligation.company_id,
        founded_on=obligation.company.founded_on,
        dates={"concluded_on": concluded_on},
        labels={"concluded_on": _("Concluded on")},
    )
    with transaction.atomic():
        before = [obligation.number, obligation.concluded_on]
        obligation.number = number
        obligation.concluded_on = concluded_on
        obligation.source = source
        if scan is not None:
            obligation.scan_file = _store_scan(scan)
            obligation.scan_name = str(scan.name)[:200]
        obligation.full_clean()
        obligation.save()
        audit_record(
            actor=actor,
            event_type="awareness.agreement.recorded",
            obj=obligation,
            changes={
                "number": [before[0], number],
                "concluded_on": [before[1], concluded_on],
                **backdated_changes(backdated),
            },
        )
    return obligation


def hire_record_save(
    *,
    actor: Actor | None,
    employee: Employee,
    contract_date: dt.date,
    has_obligations: bool,
    contract_number: str = "",
    source: str = HireRecord.Source.MANUAL,
) -> HireRecord:
    """Record (or correct) whether a new hire's labour contract carries anti-corruption obligations."""
    require(actor, policy.MANAGE, company_id=employee.company_id, unit_id=employee.unit_id)
    record = HireRecord.objects.filter(employee=employee).first() or HireRecord(
        employee=employee, company_id=employee.company_id
    )
    created = record._state.adding
    before = [
        record.contract_number,
        None if created else record.contract_date,
        None if created else record.has_obligations,
    ]
    record.unit_id = employee.unit_id
    record.contract_number = str(contract_number or "").replace("\x00", "").strip()[:50]
    record.contract_date = contract_date
    record.has_obligations = has_obligations
    record.source = source
    with transaction.atomic():
        record.full_clean()
        record.save()
        audit_record(
            actor=actor,
            event_type="awareness.hire_record.saved",
            obj=record,
            changes={
                "contract_number": [before[0], record.contract_number],
                "contract_date": [before[1], contract_date],
                "has_obligations": [before[2], has_obligations],
            },
        )
    return record
