"""Conflicts' adapters to the one approval pattern (senim.core.approvals): the review of a
declaration by an officer, and the decision on a gift over the threshold. The rules stay the
module's: who may decide (the scoped permission, never on one's own declaration or gift), which
outcomes exist (no / potential / actual conflict; approve or refuse a gift) and what a decision does
(the services `declaration_review` and `gift_decide`)."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from senim.accounts.selectors import users_who_may
from senim.conflicts import policy, selectors, services
from senim.conflicts.forms import GiftDecidedOnForm
from senim.conflicts.models import Declaration, Gift, Outcome
from senim.conflicts.services.declarations import STEP_REVIEW
from senim.conflicts.services.gifts import STEP_GIFT
from senim.core.access import Actor, scope_of
from senim.core.approvals import APPROVE, REFUSE, Choice, Flow, QueueItem, Waiting, names_of, register_flow

QUEUE_LIMIT = 50


def _approvers(permission: str, obj: Any) -> list[str]:
    users = users_who_may(permission=permission, company_id=obj.company_id, unit_id=obj.unit_id)
    return names_of(u for u in users if u.employee_id is None or u.employee_id != obj.employee_id)


def _may(actor: Actor, permission: str, obj: Any) -> bool:
    if obj.employee_id is not None and obj.employee_id == getattr(actor, "employee_id", None):
        return False
    return scope_of(actor, permission).covers(company_id=obj.company_id, unit_id=obj.unit_id)


class DeclarationReview(Flow):
    """An officer assesses a submitted declaration: no conflict closes it; a potential or actual
    conflict (explained in the comment) awaits its settlement measures."""

    kind = _("Declaration")
    step = STEP_REVIEW
    step_label = _("review of the declaration by a compliance officer")

    def choices(self, obj: Declaration) -> list[Choice]:
        # The service asks for the comment a conflict needs, in its own words.
        return [
            Choice(Outcome.NONE, Outcome.NONE.label, needs_comment=False),
            Choice(Outcome.POTENTIAL, Outcome.POTENTIAL.label, needs_comment=False),
            Choice(Outcome.ACTUAL, Outcome.ACTUAL.label, needs_comment=False),
        ]

    def _waits(self, declaration: Declaration) -> bool:
        return declaration.status == Declaration.Status.SUBMITTED and not declaration.is_reviewed

    def waiting(self, declaration: Declaration) -> Waiting | None:
        if not self._waits(declaration):
            return None
        return Waiting(step=str(self.step_label), approvers=_approvers(policy.REVIEW, declaration))

    def may_decide(self, actor: Actor, declaration: Declaration) -> bool:
        return self._waits(declaration) and _may(actor, policy.REVIEW, declaration)

    def decide(self, *, actor: Actor, obj: Declaration, choice: Choice, comment: str, extra: dict[str, Any]) -> Any:
        return services.declaration_review(actor=actor, declaration=obj, outcome=choice.value, comment=comment)

    def queue(self, actor: Actor) -> list[QueueItem]:
        return [
            QueueItem(
                title=f"{declaration.employee.full_name} · {declaration.get_form_type_display()}",
                url=reverse("conflicts:declaration-detail", args=[declaration.pk]),
                step=str(self.step_label),
                since=declaration.submitted_at or declaration.created_at,
                kind=str(self.kind),
            )
            for declaration in selectors.declarations_awaiting_review(actor=actor)[:QUEUE_LIMIT]
        ]


class GiftDecision(Flow):
    """A gift over the threshold is approved or refused (with the reason) by whoever may approve
    gifts in its company or unit; a decision taken on paper may carry its day."""

    kind = _("Gift or hospitality")
    step = STEP_GIFT
    extra_for = (APPROVE.decision, REFUSE.decision)
    step_label = _("decision on a gift over the threshold")

    def choices(self, obj: Gift) -> list[Choice]:
        return [APPROVE, REFUSE]

    def extra_form(self, obj: Gift, data: Any = None) -> Any:
        return GiftDecidedOnForm(data)

    def waiting(self, gift: Gift) -> Waiting | None:
        if gift.status != Gift.Status.PENDING:
            return None
        return Waiting(step=str(self.step_label), approvers=_approvers(policy.APPROVE_GIFTS, gift))

    def may_decide(self, actor: Actor, gift: Gift) -> bool:
        return gift.status == Gift.Status.PENDING and _may(actor, policy.APPROVE_GIFTS, gift)

    def decide(self, *, actor: Actor, obj: Gift, choice: Choice, comment: str, extra: dict[str, Any]) -> Any:
        return services.gift_decide(
            actor=actor,
            gift=obj,
            approve=choice.decision == APPROVE.decision,
            comment=comment,
            decided_on=extra.get("decided_on"),
        )

    def queue(self, actor: Actor) -> list[QueueItem]:
        return [
            QueueItem(
                title=f"{gift.employee.full_name} · {gift.value:.2f} {gift.currency}",
                url=reverse("conflicts:gift-detail", args=[gift.pk]),
                step=str(self.step_label),
                since=gift.created_at,
                kind=str(self.kind),
            )
            for gift in selectors.gifts_awaiting_decision(actor=actor)[:QUEUE_LIMIT]
        ]


declaration_review = register_flow(DeclarationReview())
gift_decision = register_flow(GiftDecision())
