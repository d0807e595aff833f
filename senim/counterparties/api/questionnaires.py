"""API of questionnaires sent to counterparties and their responses."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Router, Status
from ninja.files import UploadedFile
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


PAPER_FIELDS = {"company_id", "submitted_on", "scan"}


@router.post(
    "/counterparties/{counterparty_id}/questionnaires/paper",
    response={201: ResponseDetailOut},
    summary="Enter a questionnaire filled on paper (multipart: company_id, submitted_on, q_<code> answers, scan)",
)
def questionnaire_paper(request: ActorRequest, counterparty_id: uuid.UUID, scan: File[UploadedFile]):  # type: ignore[no-untyped-def]
    """The same as the page's *Enter a paper copy*: `company_id`, the answers as `q_<code>` fields
    (files for file questions), the scan, and `submitted_on` (the day the counterparty signed it;
    an earlier day than today is back-dating, for those who may). Unknown fields are a 422."""
    endpoints.require(request, policy.SEND_QUESTIONNAIRE)
    unknown = sorted(k for k in {*request.POST, *request.FILES} if k not in PAPER_FIELDS and not k.startswith("q_"))
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown[:10])})
    try:
        company_id = uuid.UUID(str(request.POST.get("company_id", "")))
        raw_day = str(request.POST.get("submitted_on", "")).strip()
        submitted_on = dt.date.fromisoformat(raw_day) if raw_day else None
    except ValueError as error:
        raise ValidationError(_("Give company_id as an id and submitted_on as a date (YYYY-MM-DD).")) from error
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    company = org_selectors.company_get(actor=request.user, company_id=company_id)
    response = services.response_enter_on_paper(
        actor=request.user,
        counterparty=counterparty,
        company=company,
        data={k: str(request.POST[k]) for k in request.POST if k.startswith("q_")},
        files={k: f for k in request.FILES if k.startswith("q_") and (f := request.FILES.get(k)) is not None},
        scan=scan,
        submitted_on=submitted_on,
    )
    return Status(201, response)


@router.get("/questionnaire-responses", response=list[ResponseOut])
@paginate(Pagination, page_size=50)
def response_list(request: ActorRequest, counterparty: uuid.UUID | None = None):  # type: ignore[no-untyped-def]
    return selectors.response_list(actor=request.user, counterparty_id=counterparty)


@router.get("/questionnaire-responses/{response_id}", response=ResponseDetailOut)
def response_get(request: ActorRequest, response_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.response_get(actor=request.user, response_id=response_id)
