"""Deciding hits: true match, false positive or needs information, always with a comment."""

import uuid
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, require
from senim.core.audit import audit_record, diff
from senim.screening import policy
from senim.screening.models import Hit, HitStatus

DECISIONS = {HitStatus.TRUE_MATCH, HitStatus.FALSE_POSITIVE, HitStatus.NEEDS_INFO}


def hit_decide(*, actor: Actor, hit: Hit, status: str, comment: str) -> Hit:
    """Decide a hit (true match, false positive, needs information) with a comment; audited
    old → new. The reviewer needs screening.review over the subject's company."""
    if actor is None:
        raise PermissionDenied(policy.REVIEW)
    require(actor, policy.REVIEW, company_id=hit.subject.company_id)
    if status not in DECISIONS:
        raise ValidationError({"status": _("Choose true match, false positive or needs information.")})
    comment = comment.replace("\x00", "").strip()
    if not comment:
        raise ValidationError({"comment": _("Explain the decision in a comment.")})
    with transaction.atomic():
        before = {"status": hit.status, "comment": hit.comment}
        hit.status, hit.comment = status, comment[:5000]
        hit.decided_by_id = cast(uuid.UUID, actor.pk)
        hit.decided_at = timezone.now()
        hit.save(update_fields=["status", "comment", "decided_by", "decided_at", "updated_at"])
        audit_record(
            actor=actor,
            event_type="screening.hit.decided",
            obj=hit,
            company_id=hit.subject.company_id,
            changes=diff(before, {"status": hit.status, "comment": hit.comment}),
        )
    return hit
