"""One pattern for every approval step in Senim: the approver approves, returns for rework or
refuses, with a comment (required to return or refuse); the decision is kept with the object; the
object's page says who must approve next; and each approver finds what waits for them on the
dashboard.

An app names its steps and offers its queue here (`register_queue`, from its `dashboard.py`); its
services call `decision_record` inside their own transaction, next to their own status change, and
its pages render `components/approval.html` with an `ApprovalPanel`.

A module's adapter is a `Flow` (in `<app>/approvals.py`): it holds the module's rules — who may
decide, which outcomes exist (`Choice`: approve / return / refuse by default, or the module's own,
such as a declaration's "potential conflict"), what a decision does (through the module's service),
who is next and what waits for whom. Views only call `flow.panel(...)` and `flow_post(...)`.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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


@dataclass(frozen=True)
class Choice:
    """One button of the approval box: the value posted, its label, the core decision it is kept as,
    and whether it needs a comment (by default: unless it approves)."""

    value: str
    label: Any
    decision: str = Decision.APPROVE
    needs_comment: bool | None = None

    @property
    def comment_required(self) -> bool:
        return self.decision != Decision.APPROVE if self.needs_comment is None else self.needs_comment

    @property
    def outcome(self) -> str:
        """The module's own outcome kept with the decision (empty when it is just the decision)."""
        return "" if self.value == self.decision else self.value


APPROVE = Choice(Decision.APPROVE, _("Approve"))
RETURN = Choice(Decision.RETURN, _("Return for rework"), Decision.RETURN)
REFUSE = Choice(Decision.REFUSE, pgettext_lazy("approval", "Refuse"), Decision.REFUSE)
DEFAULT_CHOICES: tuple[Choice, ...] = (APPROVE, RETURN, REFUSE)


@dataclass
class ApprovalPanel:
    """What an object's page shows of its approval: who is next, the decisions so far, and the
    form when the reader may decide now."""

    waiting: Waiting | None
    history: Sequence[ApprovalDecision] = ()
    action_url: str = ""
    can_decide: bool = False
    decisions: Sequence[Choice] = DEFAULT_CHOICES
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
    outcome: str = "",
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
        outcome=outcome[:40],
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
            **({"outcome": [None, outcome]} if outcome else {}),
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


class Flow:
    """A module's adapter to the one approval pattern (see the module docstring). Subclasses give
    `step_label`, `waiting`, `may_decide`, `decide` and `queue`; `choices` and `extra_form` when the
    step has outcomes or fields of its own."""

    kind: Any = ""
    step: str = ""
    step_label: Any = ""
    # The decisions that read the step's own fields (the others ignore them: a return needs no
    # decision number).
    extra_for: tuple[str, ...] = (Decision.APPROVE,)

    def choices(self, obj: Any) -> Sequence[Choice]:
        return DEFAULT_CHOICES

    def extra_form(self, obj: Any, data: Any = None) -> Any:
        """A form of the step's own fields (e.g. the day of a paper decision), or None."""
        return None

    def waiting(self, obj: Any) -> Waiting | None:
        raise NotImplementedError

    def may_decide(self, actor: Actor, obj: Any) -> bool:
        raise NotImplementedError

    def decide(self, *, actor: Actor, obj: Any, choice: Choice, comment: str, extra: dict[str, Any]) -> Any:
        """Apply the decision through the module's service (which calls `decision_record`)."""
        raise NotImplementedError

    def queue(self, actor: Actor) -> list[QueueItem]:
        return []

    def choice_of(self, obj: Any, value: str, comment: str) -> Choice:
        """The choice posted, if the step offers it; its comment if it needs one."""
        for choice in self.choices(obj):
            if choice.value == value:
                if choice.comment_required and not (comment or "").strip():
                    raise ValidationError({"comment": _("Say why: a return or a refusal needs a comment.")})
                return choice
        raise ValidationError({"decision": _("Choose one of the decisions offered.")})

    def submit(
        self, *, actor: Actor, obj: Any, decision: str, comment: str = "", extra: dict[str, Any] | None = None
    ) -> Any:
        """Check the choice and decide (the one entry for pages, the API and tests)."""
        choice = self.choice_of(obj, decision, comment)
        return self.decide(actor=actor, obj=obj, choice=choice, comment=(comment or "").strip(), extra=extra or {})

    def history(self, obj: Any) -> list[ApprovalDecision]:
        """The decisions on `obj`, each with the label of its outcome in this flow."""
        labels = {choice.value: choice.label for choice in self.choices(obj)}
        rows = decision_history(obj)
        for row in rows:
            row.label = labels.get(row.outcome) if row.outcome else None  # type: ignore[attr-defined]
        return rows

    def panel(self, actor: Actor, obj: Any, action_url: str) -> ApprovalPanel:
        can = self.may_decide(actor, obj)
        return ApprovalPanel(
            waiting=self.waiting(obj),
            history=self.history(obj),
            action_url=action_url,
            can_decide=can,
            decisions=self.choices(obj),
            extra_form=self.extra_form(obj) if can else None,
        )


def register_flow(flow: Flow) -> Flow:
    """Offer a flow's queue on the dashboard."""
    register_queue(flow.queue)
    return flow


def flow_post(request: HttpRequest, flow: Flow, obj: Any, done_url: str) -> HttpResponse:
    """The view body of a flow's approval form: the step's own fields, the decision and the comment."""
    decision = str(request.POST.get("decision", ""))[:40]
    comment = str(request.POST.get("comment", ""))[:5000]
    chosen = next((c for c in flow.choices(obj) if c.value == decision), None)
    form = flow.extra_form(obj, request.POST) if chosen is not None and chosen.decision in flow.extra_for else None
    if form is not None and not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect(done_url)
    extra = dict(form.cleaned_data) if form is not None else {}
    try:
        flow.submit(actor=request.user, obj=obj, decision=decision, comment=comment, extra=extra)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("You may not decide this step."))
    else:
        choice = flow.choice_of(obj, decision, comment)
        done = DONE_MESSAGES[Decision(choice.decision)] if not choice.outcome else _("The decision was recorded.")
        messages.success(request, done)
    return redirect(done_url)
