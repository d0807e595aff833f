"""API of questionnaires sent to counterparties and their responses."""

import uuid

from django.urls import reverse
from ninja import Router, Status
from ninja.pagination import paginate

from senim.core import endpoints
from senim.core.access import ActorRequest
from senim.core.pagination import Pagination
from senim.counterparties import policy, selectors, services
from senim.counterparties.schemas import (
    QuestionnaireLinkOut,
    QuestionnaireSendIn,
    ResponseDetailOut,
    ResponseOut,
)
from senim.org import selectors as org_selectors

router = Router()


@router.post("/counterparties/{counterparty_id}/questionnaires", response={201: QuestionnaireLinkOut})
def questionnaire_send(request: ActorRequest, counterparty_id: uuid.UUID, payload: QuestionnaireSendIn):  # type: ignore[no-untyped-def]
    """Create a personal link; the link is in this answer only (Senim keeps its hash)."""
    endpoints.require(request, policy.SEND_QUESTIONNAIRE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    company = org_selectors.company_get(actor=request.user, company_id=payload.company_id)
    response, token = services.questionnaire_send(
        actor=request.user,
        counterparty=counterparty,
        company=company,
        valid_days=payload.valid_days,
        include_esg=payload.include_esg,
    )
    link = request.build_absolute_uri(reverse("counterparties:questionnaire-public", args=[token]))
    return Status(201, {"id": response.pk, "link": link, "expires_on": response.expires_on})


@router.get("/questionnaire-responses", response=list[ResponseOut])
@paginate(Pagination, page_size=50)
def response_list(request: ActorRequest, counterparty: uuid.UUID | None = None):  # type: ignore[no-untyped-def]
    return selectors.response_list(actor=request.user, counterparty_id=counterparty)


@router.get("/questionnaire-responses/{response_id}", response=ResponseDetailOut)
def response_get(request: ActorRequest, response_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.response_get(actor=request.user, response_id=response_id)
