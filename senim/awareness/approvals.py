"""Awareness' adapter to the one approval pattern (senim.core.approvals): a version submitted to its
approving body (the board, the head) waits for that body's decision, which whoever manages the
document records: adopted (with the decision's number and dates) or returned for rework. The body
decides outside Senim, so there is no refusal: a rejected draft is returned or left to be revised."""

from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from senim.accounts.selectors import users_who_may
from senim.awareness import policy, selectors, services
from senim.awareness.forms import AdoptForm
from senim.awareness.models import DocumentVersion, VersionStatus
from senim.awareness.services.documents import STEP_ADOPTION
from senim.core.access import Actor, scope_of
from senim.core.approvals import APPROVE, RETURN, Choice, Flow, QueueItem, Waiting, names_of, register_flow

QUEUE_LIMIT = 50
ADOPT = Choice(APPROVE.value, _("Record the adoption"))


class VersionAdoption(Flow):
    kind = _("Document")
    step = STEP_ADOPTION
    step_label = _("the approving body's decision, recorded by the compliance service")

    def choices(self, obj: DocumentVersion) -> list[Choice]:
        return [ADOPT, RETURN]

    def extra_form(self, obj: DocumentVersion, data: Any = None) -> Any:
        return AdoptForm(data)

    def waiting(self, version: DocumentVersion) -> Waiting | None:
        if version.status != VersionStatus.SUBMITTED:
            return None
        document = version.document
        users = users_who_may(
            permission=policy.MANAGE_DOCUMENTS, company_id=document.company_id, unit_id=document.owner_unit_id
        )
        hint = _("Submitted to: %(body)s, on %(date)s.") % {
            "body": version.get_approving_body_display(),
            "date": date_format(version.submitted_on, "SHORT_DATE_FORMAT") if version.submitted_on else "—",
        }
        return Waiting(step=str(self.step_label), approvers=names_of(users), hint=hint)

    def may_decide(self, actor: Actor, version: DocumentVersion) -> bool:
        document = version.document
        return version.status == VersionStatus.SUBMITTED and scope_of(actor, policy.MANAGE_DOCUMENTS).covers(
            company_id=document.company_id, unit_id=document.owner_unit_id
        )

    def decide(self, *, actor: Actor, obj: DocumentVersion, choice: Choice, comment: str, extra: dict[str, Any]) -> Any:
        if choice.decision == RETURN.decision:
            return services.version_return(actor=actor, version=obj, note=comment)
        return services.version_adopt(actor=actor, version=obj, comment=comment, **extra)

    def queue(self, actor: Actor) -> list[QueueItem]:
        return [
            QueueItem(
                title=f"{version.document} · {version.number}",
                url=reverse("awareness:document-detail", args=[version.document_id]),
                step=str(self.step_label),
                since=version.updated_at,
                kind=str(self.kind),
            )
            for version in selectors.versions_awaiting_adoption(actor=actor)[:QUEUE_LIMIT]
        ]


version_adoption = register_flow(VersionAdoption())
