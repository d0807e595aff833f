"""One pattern for every approval step in Senim: the approver approves, returns for rework or
refuses, with a comment (required to return or refuse); the decision is kept with the object; the
object's page says who must approve next; and each approver finds what waits for them on the
dashboard.

An app names its steps and offers its queue here (`register_queue`, from its `dashboard.py`); its
services call `decision_record` inside their own transaction, next to their own status change, and
its pages render `components/approval.html` with an `ApprovalPanel`.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.core.access import Actor, PermissionDenied
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes
from senim.core.models import ApprovalDecision

Decision = ApprovalDecision.Decision


@dataclass(frozen=True)
class QueueItem:
    """Something waiting for the actor's decision: shown on their dashboard, oldest first."""

    title: str
    url: str
    step: str
    since: datetime
    kind: str = ""


@dataclass(frozen=True)
class Waiting:
    """The step an object waits at and the people who may decide it (names; empty: nobody yet)."""

    step: str
    approvers: Sequence[str] = ()
    hint: str = ""


@dataclass
class ApprovalPanel:
    """What an object's page shows of its approval: who is next, the decisions so far, and the
    form when the reader may decide now."""

    waiting: Waiting | None
    history: Sequence[ApprovalDecision] = ()
    action_url: str = ""
    can_decide: bool = False
    decisions: Sequence[tuple[str, Any]] = field(default_factory=lambda: list(Decision.choices))
    # Fields of the step's own (a form), shown above the comment: e.g. the day of a paper decision.
    extra_form: Any = None


QueueSource = Callable[[Actor], list[QueueItem]]
_QUEUES: list[QueueSource] = []


def register_queue(source: QueueSource) -> QueueSource:
    """Offer the items of one kind that wait for an actor's approval (scoped by the app)."""
    if source not in _QUEUES:
        _QUEUES.append(source)
    return source


def queue_for(actor: Actor) -> list[QueueItem]:
    """Everything waiting for the actor's decision, across the modules, oldest first."""
    items = [item for source in _QUEUES for item in source(actor)]
    return sorted(items, key=lambda item: item.since)


def _object_type(obj: models.Model) -> str:
    return obj._meta.label_lower


def check_decision(decision: str, comment: str) -> str:
    """The decision if it is one of approve/return/refuse; returning or refusing needs a comment."""
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose approve, return for rework or refuse.")})
    if decision != Decision.APPROVE and not (comment or "").strip():
        raise ValidationError({"comment": _("Say why: a return or a refusal needs a comment.")})
    return decision


def decision_record(
    *,
    actor: Actor | None,
    obj: models.Model,
    step: str,
    decision: str,
    comment: str = "",
    decided_on: date | None = None,
    backdated: bool = False,
) -> ApprovalDecision:
    """Keep one approver's decision on `obj` at `step` (inside the caller's transaction), audited.
    `decided_on`: the day it was taken (today by default); the caller checks an earlier day through
    `core.eventdates.check_event_dates` and passes whether the entry is back-dated."""
    check_decision(decision, comment)
    decided_on = decided_on or timezone.localdate()
    record = ApprovalDecision.objects.create(
        object_type=_object_type(obj),
        object_id=obj.pk,
        step=step[:40],
        decision=decision,
        comment=(comment or "").strip()[:5000],
        decided_by=actor if getattr(actor, "is_authenticated", False) else None,  # type: ignore[misc]
        decided_on=decided_on,
    )
    audit_record(
        actor=actor,
        event_type="core.approval.decided",
        obj=obj,
        company_id=getattr(obj, "company_id", None),
        changes={
            "step": [None, step],
            "decision": [None, decision],
            "comment": [None, record.comment],
            "decided_on": [None, decided_on.isoformat()],
            **backdated_changes(backdated),
        },
    )
    return record


def decision_history(obj: models.Model) -> list[ApprovalDecision]:
    """The decisions taken on `obj`, oldest first (read by whoever may read `obj`)."""
    return list(
        ApprovalDecision.objects.filter(object_type=_object_type(obj), object_id=obj.pk).select_related("decided_by")
    )


def names_of(users: Iterable[Any]) -> list[str]:
    """Display names of users, for "who must approve next"."""
    return [str(getattr(u, "display_name", "") or u.get_username()) for u in users]


DONE_MESSAGES = {
    Decision.APPROVE: _("Approved."),
    Decision.RETURN: _("Returned for rework."),
    Decision.REFUSE: _("Refused."),
}


def decision_post(request: HttpRequest, decide: Callable[[str, str], object], done_url: str) -> HttpResponse:
    """The one view body for every approval form (`components/approval.html`): read the decision and
    the comment, call the app's `decide(decision, comment)`, say what happened, go back to the page."""
    decision = str(request.POST.get("decision", ""))[:10]
    comment = str(request.POST.get("comment", ""))[:5000]
    try:
        decide(decision, comment)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("You may not decide this step."))
    else:
        messages.success(request, DONE_MESSAGES[Decision(decision)])
    return redirect(done_url)
