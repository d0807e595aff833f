"""Deciding hits: true match, false positive or needs information, always with a comment; and
closing, as the system, the undecided hits whose list entry a new version no longer has."""

import datetime as dt
import uuid
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import SYSTEM, Actor, PermissionDenied, require
from senim.core.audit import PendingEvent, audit_record, audit_record_many, describe, diff
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.screening import policy
from senim.screening.models import Hit, HitStatus, WatchlistEntity, WatchlistVersion

DECISIONS = {HitStatus.TRUE_MATCH, HitStatus.FALSE_POSITIVE, HitStatus.NEEDS_INFO}
UNDECIDED = (HitStatus.OPEN, HitStatus.NEEDS_INFO)
CHUNK = 500


def hit_decide(*, actor: Actor, hit: Hit, status: str, comment: str, decided_on: dt.date | None = None) -> Hit:
    """Decide a hit (true match, false positive, needs information) with a comment; audited
    old → new. The reviewer needs screening.review over the subject's company. A hit closed as
    "entry removed from the list" may be decided as true match or false positive only.
    `decided_on`: the day of the decision (today by default); an earlier day enters a decision
    taken on paper, for those who may back-date, never before the hit was raised."""
    if actor is None:
        raise PermissionDenied(policy.REVIEW)
    require(actor, policy.REVIEW, company_id=hit.subject.company_id)
    backdated = check_event_dates(
        actor=actor,
        company_id=hit.subject.company_id,
        dates={"decided_on": decided_on},
        labels={"decided_on": _("Decided on"), "raised_on": _("Raised on")},
        order=[("raised_on", "decided_on")],
        recorded={"raised_on": hit.created_at},
    )
    if status not in DECISIONS:
        raise ValidationError({"status": _("Choose true match, false positive or needs information.")})
    if hit.status == HitStatus.REMOVED and status == HitStatus.NEEDS_INFO:
        # Closed because its entry left the list: an officer may still record whether it was a
        # true match, but not put it back in the queue of hits waiting for information.
        raise ValidationError(
            {"status": _("This hit was closed because its entry left the list: choose true match or false positive.")}
        )
    comment = comment.replace("\x00", "").strip()
    if not comment:
        raise ValidationError({"comment": _("Explain the decision in a comment.")})
    with transaction.atomic():
        before = {"status": hit.status, "comment": hit.comment, "decided_on": hit.decided_on}
        hit.status, hit.comment = status, comment[:5000]
        hit.decided_by_id = cast(uuid.UUID, actor.pk)
        hit.decided_at = timezone.now()
        hit.decided_on = decided_on or timezone.localdate()
        hit.save(update_fields=["status", "comment", "decided_by", "decided_at", "decided_on", "updated_at"])
        audit_record(
            actor=actor,
            event_type="screening.hit.decided",
            obj=hit,
            company_id=hit.subject.company_id,
            changes={
                **diff(before, {"status": hit.status, "comment": hit.comment, "decided_on": hit.decided_on}),
                **backdated_changes(backdated),
            },
        )
    return hit


MAX_BULK = 500


def hits_decide(
    *, actor: Actor, hits: list[Hit], status: str, comment: str, decided_on: dt.date | None = None
) -> list[Hit]:
    """Decide many hits the same way with the same reason (the queue of a large screening): each
    through `hit_decide`, so each is checked and audited on its own, all in one transaction. One
    refused hit (out of scope, a closed hit sent back to waiting) leaves every hit as it was."""
    if not hits:
        raise ValidationError({"hits": _("Choose at least one hit.")})
    if len(hits) > MAX_BULK:
        raise ValidationError({"hits": _("Decide at most %(max)d hits at a time.") % {"max": MAX_BULK}})
    with transaction.atomic():
        return [hit_decide(actor=actor, hit=hit, status=status, comment=comment, decided_on=decided_on) for hit in hits]


def hits_close_removed(*, version: WatchlistVersion) -> int:
    """Close, as the system, every undecided hit (open or waiting for information) of the list
    whose entry `version` no longer has; return how many. Decided hits keep their decision.

    Called inside the transaction that makes `version` current, so an import that fails closes
    nothing. Each closed hit gets its own audit event. If the entry comes back in a later version,
    the next screening raises a new hit (see the review rules in `services.screening`).
    """
    undecided = list(
        Hit.objects.filter(watchlist_id=version.watchlist_id, status__in=UNDECIDED)
        .select_related("subject", "entity")
        .order_by("created_at")
    )
    if not undecided:
        return 0
    wanted = sorted({hit.entity.entity_id for hit in undecided})
    present: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        present.update(
            WatchlistEntity.objects.filter(version=version, entity_id__in=wanted[start : start + CHUNK]).values_list(
                "entity_id", flat=True
            )
        )
    closing = [hit for hit in undecided if hit.entity.entity_id not in present]
    if not closing:
        return 0
    now = timezone.now()
    for start in range(0, len(closing), CHUNK):
        Hit.objects.filter(pk__in=[hit.pk for hit in closing[start : start + CHUNK]]).update(
            status=HitStatus.REMOVED,
            decided_by=None,
            decided_at=now,
            decided_on=timezone.localdate(),
            closed_by_version=version,
            updated_at=now,
        )
    events = []
    for hit in closing:
        object_type, object_id, object_repr = describe(hit)
        events.append(
            PendingEvent(
                event_type="screening.hit.closed",
                object_type=object_type,
                object_id=object_id,
                object_repr=object_repr,
                company_id=hit.subject.company_id,
                changes={
                    "status": [hit.status, HitStatus.REMOVED.value],
                    "closed_by_version": [None, version.number],
                },
            )
        )
    audit_record_many(actor=SYSTEM, events=events)
    return len(closing)
