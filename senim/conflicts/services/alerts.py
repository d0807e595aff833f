"""Alerts of the detection: stored (one per link, found again across runs) and decided."""

import uuid
from collections.abc import Iterable
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.conflicts import policy
from senim.conflicts.matching import Finding
from senim.conflicts.models import Alert, DetectionRun
from senim.core.access import SYSTEM, Actor, PermissionDenied, require
from senim.core.audit import PendingEvent, audit_record, audit_record_many
from senim.org.models import Employee

DECISIONS = {Alert.Status.CONFIRMED, Alert.Status.DISMISSED}


def alerts_store(*, run: DetectionRun, findings: Iterable[Finding]) -> tuple[int, int]:
    """Create an alert for each new link and refresh the evidence of links found again (unless
    already decided). Returns (links found, new alerts). Runs as the system."""
    findings = list({f.key: f for f in findings}.values())
    if not findings:
        return 0, 0
    now = timezone.now()
    employee_ids = {uuid.UUID(f.employee_key) for f in findings}
    employees = {e.pk: e for e in Employee.objects.filter(pk__in=employee_ids).only("pk", "company_id", "unit_id")}
    existing = {a.key: a for a in Alert.objects.filter(key__in=[f.key for f in findings])}
    new: list[Alert] = []
    refreshed: list[Alert] = []
    for finding in findings:
        employee = employees.get(uuid.UUID(finding.employee_key))
        if employee is None:
            continue
        alert = existing.get(finding.key)
        if alert is not None:
            alert.last_seen_at = now
            if alert.status == Alert.Status.OPEN:
                alert.evidence, alert.score, alert.disclosed = finding.evidence, finding.score, finding.disclosed
            refreshed.append(alert)
            continue
        new.append(
            Alert(
                key=finding.key,
                kind=finding.kind,
                employee_id=employee.pk,
                company_id=employee.company_id,
                unit_id=employee.unit_id,
                disclosed=finding.disclosed,
                score=round(finding.score, 4),
                matched_with=finding.matched_label[:300],
                counterparty_id=uuid.UUID(finding.counterparty_key) if _is_uuid(finding.counterparty_key) else None,
                evidence=finding.evidence,
                first_run=run,
                last_seen_at=now,
            )
        )
    with transaction.atomic():
        Alert.objects.bulk_create(new, batch_size=500)
        Alert.objects.bulk_update(refreshed, ["last_seen_at", "evidence", "score", "disclosed"], batch_size=500)
        audit_record_many(
            actor=SYSTEM,
            events=[
                PendingEvent(
                    event_type="conflicts.alert.raised",
                    object_type="conflicts.alert",
                    object_id=str(alert.pk),
                    object_repr=str(alert.get_kind_display())[:300],
                    company_id=alert.company_id,
                    changes={"kind": [None, alert.kind], "disclosed": [None, alert.disclosed]},
                )
                for alert in new
            ],
        )
    return len(findings), len(new)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, TypeError):
        return False
    return True


def alert_decide(*, actor: Actor, alert: Alert, status: str, comment: str) -> Alert:
    """Confirm (the link exists and matters) or dismiss an alert, with a comment."""
    require(actor, policy.REVIEW, company_id=alert.company_id, unit_id=alert.unit_id)
    if alert.employee_id == getattr(actor, "employee_id", None):
        raise PermissionDenied(policy.REVIEW)
    if status not in DECISIONS:
        raise ValidationError({"status": _("Choose confirmed or dismissed.")})
    comment = str(comment or "").replace("\x00", "").strip()[:5000]
    if not comment:
        raise ValidationError({"comment": _("Explain the decision in a comment.")})
    with transaction.atomic():
        before = alert.status
        alert.status, alert.comment = status, comment
        alert.decided_by_id = cast(uuid.UUID, actor.pk)
        alert.decided_at = timezone.now()
        alert.save()
        audit_record(
            actor=actor,
            event_type="conflicts.alert.decided",
            obj=alert,
            changes={"status": [before, status], "comment": [None, comment]},
        )
    return alert
