"""Checks of candidates before hiring, and of employees before a move into a corruption-prone
position (ISO 37001 7.2.2.2): the enabled screening lists, relatives in the group from the
declarations, the identifier's validity and a recorded previous dismissal for a breach; then a
conclusion approved by compliance. Candidates' data are deleted after the configured retention."""

import datetime as dt
import uuid
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.awareness import policy
from senim.awareness.models import CandidateCheck
from senim.conflicts import selectors as conflicts_selectors
from senim.core import identifiers
from senim.core.access import SYSTEM, Actor, require
from senim.core.audit import audit_record
from senim.org.models import Company, Employee, Position, Unit
from senim.screening import services as screening_services


def _identifier_check(value: str, country: str) -> tuple[bool | None, str]:
    if not value:
        return None, ""
    digits = identifiers.normalise_identifier(value)
    if len(digits) == 14:
        return identifiers.is_valid_pinfl(digits), "PINFL"
    if len(digits) == 12:
        return identifiers.is_valid_iin(digits), "IIN"
    return False, "UZ" if country == "UZ" else "KZ"


def _screen(
    actor: Actor | None, names: list[str], identifier: str, birth_date: dt.date | None
) -> tuple[list[dict], list[str]]:
    lists = screening_services.enabled_lists()
    query = screening_services.make_query(
        names=names,
        schema="Person",
        identifiers=[identifier] if identifier else [],
        birth_dates=[birth_date.isoformat()] if birth_date else [],
    )
    results = screening_services.search(actor=actor, query=query, lists=lists, limit=10)
    hits = [
        {
            "list": r.watchlist.name,
            "name": r.entity.caption,
            "score": round(r.score, 3),
            "entity_id": r.entity.entity_id,
        }
        for r in results
    ]
    return hits, [w.name for w in lists]


def candidate_check_run(
    *,
    actor: Actor | None,
    company: Company,
    full_name: str,
    full_name_latin: str = "",
    identifier: str = "",
    birth_date: dt.date | None = None,
    unit: Unit | None = None,
    position: Position | None = None,
    employee: Employee | None = None,
    dismissed_for_breach: bool = False,
    dismissal_note: str = "",
) -> CandidateCheck:
    """Run the checks for a candidate (or, with `employee`, before an appointment) and store them."""
    require(actor, policy.CHECK_CANDIDATES, company_id=company.pk, unit_id=unit.pk if unit else None)
    full_name = " ".join(str(full_name or "").replace("\x00", "").split())[:300]
    full_name_latin = " ".join(str(full_name_latin or "").replace("\x00", "").split())[:300]
    identifier = identifiers.normalise_identifier(str(identifier or "").replace("\x00", ""))[:20]
    errors = {}
    if sum(ch.isalpha() for ch in full_name) < 2:
        errors["full_name"] = _("Enter the candidate's full name.")
    if unit is not None and unit.company_id != company.pk:
        errors["unit"] = _("The unit must belong to the chosen company.")
    if employee is not None and employee.company_id != company.pk:
        errors["employee"] = _("The employee must belong to the chosen company.")
    if errors:
        raise ValidationError(errors)
    valid, kind = _identifier_check(identifier, company.country)
    names = [n for n in (full_name, full_name_latin) if n]
    hits, lists = _screen(actor, names, identifier, birth_date)
    relatives = [
        {
            "employee": r.employee_name,
            "employee_id": str(r.employee_id),
            "relation": r.relation_label,
            "matched_on": r.matched_on,
        }
        for r in conflicts_selectors.declared_relatives_of(identifier=identifier, names=names)
        if employee is None or r.employee_id != employee.pk
    ]
    check = CandidateCheck(
        purpose=CandidateCheck.Purpose.APPOINTMENT if employee else CandidateCheck.Purpose.HIRE,
        company=company,
        unit=unit,
        position=position,
        employee=employee,
        full_name=full_name,
        full_name_latin=full_name_latin,
        identifier=identifier,
        birth_date=birth_date,
        dismissed_for_breach=dismissed_for_breach,
        dismissal_note=str(dismissal_note or "").replace("\x00", "").strip()[:500],
        identifier_valid=valid,
        identifier_note=kind,
        screening_hits=hits,
        lists_checked=lists,
        relatives=relatives,
        checked_on=timezone.localdate(),
        requested_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
    )
    with transaction.atomic():
        check.full_clean()
        check.save(force_insert=True)
        audit_record(
            actor=actor,
            event_type="awareness.candidate.checked",
            obj=check,
            changes={
                "purpose": [None, check.purpose],
                "screening_hits": [None, len(hits)],
                "relatives": [None, len(relatives)],
                "identifier_valid": [None, valid],
                "dismissed_for_breach": [None, dismissed_for_breach],
            },
        )
    return check


def candidate_check_conclude(
    *, actor: Actor | None, check: CandidateCheck, conclusion: str, reasons: str = ""
) -> CandidateCheck:
    """Compliance's approved conclusion; an objection or measures need reasons."""
    require(actor, policy.CHECK_CANDIDATES, company_id=check.company_id, unit_id=check.unit_id)
    if check.status == CandidateCheck.Status.CONCLUDED:
        raise ValidationError(_("The check is already concluded."))
    if conclusion not in CandidateCheck.Conclusion.values:
        raise ValidationError({"conclusion": _("Choose the conclusion.")})
    reasons = str(reasons or "").replace("\x00", "").strip()[:5000]
    if conclusion != CandidateCheck.Conclusion.NO_OBJECTION and not reasons:
        raise ValidationError({"reasons": _("Give the reasons for the conclusion.")})
    with transaction.atomic():
        check.status = CandidateCheck.Status.CONCLUDED
        check.conclusion = conclusion
        check.conclusion_text = reasons
        check.concluded_on = timezone.localdate()
        check.concluded_by_id = cast(uuid.UUID, actor.pk) if actor is not None else None
        check.full_clean()
        check.save()
        audit_record(
            actor=actor,
            event_type="awareness.candidate.concluded",
            obj=check,
            changes={"conclusion": [None, conclusion], "status": [CandidateCheck.Status.CHECKED, check.status]},
        )
    return check


def candidates_purge(*, today: dt.date | None = None) -> int:
    """Delete candidate checks older than SENIM_CANDIDATE_RETENTION_DAYS (the system's daily run);
    the audit trail keeps that they existed, not who they were about. Returns how many."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=settings.SENIM_CANDIDATE_RETENTION_DAYS)
    old = CandidateCheck.objects.filter(checked_on__lt=cutoff)
    with transaction.atomic():
        count, _deleted = old.delete()
        if count:
            audit_record(
                actor=SYSTEM,
                event_type="awareness.candidate.purged",
                object_type="awareness.candidatecheck",
                object_repr="checks past the retention",
                changes={"deleted": [None, count], "before": [None, cutoff]},
            )
    return count
