"""Risks' adapters to the one approval pattern (senim.core.approvals): compliance reviews each
function's assessment (accept, or return it to the unit with a note), then the head approves the
exercise with the number and the date of the decision. The rules stay the module's services'."""

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.accounts.selectors import users_who_may
from senim.core.access import Actor, scope_of
from senim.core.approvals import APPROVE, RETURN, Choice, Flow, QueueItem, Waiting, names_of, register_flow
from senim.risks import policy, selectors, services
from senim.risks.forms import ApproveForm
from senim.risks.models import Exercise, RiskFunction
from senim.risks.services.assessment import STEP_EXERCISE, STEP_FUNCTION

QUEUE_LIMIT = 50


class FunctionReview(Flow):
    kind = _("Risk assessment of a function")
    step = STEP_FUNCTION
    step_label = _("review of the assessment by compliance")

    def choices(self, obj: RiskFunction) -> list[Choice]:
        return [APPROVE, RETURN]

    def waiting(self, function: RiskFunction) -> Waiting | None:
        if function.status != RiskFunction.Status.SUBMITTED:
            return None
        users = users_who_may(
            permission=policy.REVIEW_ASSESSMENT, company_id=function.exercise.company_id, unit_id=function.unit_id
        )
        return Waiting(step=str(self.step_label), approvers=names_of(users))

    def may_decide(self, actor: Actor, function: RiskFunction) -> bool:
        return function.status == RiskFunction.Status.SUBMITTED and scope_of(actor, policy.REVIEW_ASSESSMENT).covers(
            company_id=function.exercise.company_id, unit_id=function.unit_id
        )

    def decide(self, *, actor: Actor, obj: RiskFunction, choice: Choice, comment: str, extra: dict[str, Any]) -> Any:
        return services.function_review(
            actor=actor, function=obj, accept=choice.decision == APPROVE.decision, note=comment
        )

    def queue(self, actor: Actor) -> list[QueueItem]:
        return [
            QueueItem(
                title=f"{function.exercise.year} · {function.unit} · {function.name[:80]}",
                url=reverse("risks:function-detail", args=[function.pk]),
                step=str(self.step_label),
                since=function.updated_at,
                kind=str(self.kind),
            )
            for function in selectors.functions_awaiting_review(actor=actor)[:QUEUE_LIMIT]
        ]


class ExerciseApproval(Flow):
    kind = _("Corruption risk assessment")
    step = STEP_EXERCISE
    step_label = _("approval of the assessment by the head")

    def choices(self, obj: Exercise) -> list[Choice]:
        return [APPROVE]

    def extra_form(self, obj: Exercise, data: Any = None) -> Any:
        return ApproveForm(data, initial={"approved_on": timezone.localdate()})

    def _ready(self, exercise: Exercise) -> bool:
        if exercise.status != Exercise.Status.OPEN:
            return False
        statuses = set(exercise.functions.values_list("status", flat=True))
        return statuses == {RiskFunction.Status.ACCEPTED}

    def waiting(self, exercise: Exercise) -> Waiting | None:
        if not self._ready(exercise):
            return None
        users = users_who_may(permission=policy.APPROVE_ASSESSMENT, company_id=exercise.company_id)
        return Waiting(step=str(self.step_label), approvers=names_of(users))

    def may_decide(self, actor: Actor, exercise: Exercise) -> bool:
        # The head may try before every function is accepted: the service says what is missing.
        return exercise.status == Exercise.Status.OPEN and scope_of(actor, policy.APPROVE_ASSESSMENT).covers(
            company_id=exercise.company_id
        )

    def decide(self, *, actor: Actor, obj: Exercise, choice: Choice, comment: str, extra: dict[str, Any]) -> Any:
        return services.exercise_approve(actor=actor, exercise=obj, comment=comment, **extra)

    def queue(self, actor: Actor) -> list[QueueItem]:
        return [
            QueueItem(
                title=f"{exercise.company} · {exercise.year}",
                url=reverse("risks:exercise-detail", args=[exercise.pk]),
                step=str(self.step_label),
                since=exercise.updated_at,
                kind=str(self.kind),
            )
            for exercise in selectors.exercises_awaiting_approval(actor=actor)[:QUEUE_LIMIT]
        ]


function_review = register_flow(FunctionReview())
exercise_approval = register_flow(ExerciseApproval())
