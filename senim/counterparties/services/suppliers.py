"""Significant suppliers: the screening step that marks the suppliers above the configured spend
over the last 12 months (SENIM_SIGNIFICANT_SUPPLIER_SPEND in SENIM_SIGNIFICANT_SUPPLIER_CURRENCY) or
of high criticality, so that they are verified on a schedule (selectors.significant_supplier_list)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from senim.core.access import Actor, require
from senim.core.audit import PendingEvent, audit_record_many
from senim.counterparties import policy
from senim.counterparties.models import Counterparty, Criticality
from senim.counterparties.selectors import supplier_spend


def significance_reason(counterparty: Counterparty, spend: Decimal) -> str:
    """Why a supplier is significant, as stored (codes and figures, shown translated): '' if it is not."""
    reasons = []
    if counterparty.criticality == Criticality.HIGH:
        reasons.append("criticality:high")
    if spend >= settings.SENIM_SIGNIFICANT_SUPPLIER_SPEND:
        reasons.append(f"spend:{spend:.0f} {settings.SENIM_SIGNIFICANT_SUPPLIER_CURRENCY}")
    return "; ".join(reasons)


def significant_suppliers_mark(*, actor: Actor | None, today: dt.date | None = None) -> dict[str, int]:
    """Mark the suppliers that are significant today and clear those no longer so, each change
    audited (old → new, with the reason); returns how many were marked, cleared and are significant."""
    require(actor, policy.MANAGE)
    today = today or timezone.localdate()
    spend = supplier_spend(today=today)
    candidates = Counterparty.objects.filter(
        Q(pk__in=set(spend)) | Q(criticality=Criticality.HIGH) | Q(is_significant=True)
    )
    events: list[PendingEvent] = []
    changed: list[Counterparty] = []
    counts = {"marked": 0, "cleared": 0, "significant": 0}
    for counterparty in candidates:
        reason = significance_reason(counterparty, spend.get(counterparty.pk, Decimal(0)))
        if counterparty.merged_into_id:
            reason = ""
        significant = bool(reason)
        counts["significant"] += significant
        if (counterparty.is_significant, counterparty.significant_reason) == (significant, reason):
            continue
        if significant != counterparty.is_significant:
            counts["marked" if significant else "cleared"] += 1
        changes: dict[str, Any] = {
            "is_significant": [counterparty.is_significant, significant],
            "significant_reason": [counterparty.significant_reason, reason],
        }
        counterparty.is_significant, counterparty.significant_reason = significant, reason
        counterparty.updated_at = timezone.now()
        changed.append(counterparty)
        events.append(
            PendingEvent(
                "counterparties.counterparty.significance_set",
                "counterparties.counterparty",
                str(counterparty.pk),
                str(counterparty)[:300],
                None,
                changes,
            )
        )
    with transaction.atomic():
        Counterparty.objects.bulk_update(changed, ["is_significant", "significant_reason", "updated_at"])
        audit_record_many(actor=actor, events=events)
    return counts
