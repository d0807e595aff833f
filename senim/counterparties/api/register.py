"""API of the register of counterparties: counterparties, owners and managers, contacts, documents,
screening, and imports of counterparties and contracts."""

import uuid

from ninja import File, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate
from pydantic import Field

from senim.core import endpoints
from senim.core.access import ActorRequest
from senim.core.pagination import Pagination
from senim.counterparties import importing, policy, selectors, services
from senim.counterparties.models import Document
from senim.counterparties.schemas import (
    ContactIn,
    ContactOut,
    ContactPatch,
    CounterpartyDetailOut,
    CounterpartyIn,
    CounterpartyOut,
    CounterpartyPatch,
    DocumentOut,
    MergeIn,
    PartyIn,
    PartyOut,
    SimilarOut,
)

router = Router()


class CounterpartyQuery(Schema):
    q: str = Field("", max_length=200)
    kind: str = Field("", pattern="^(legal_entity|entrepreneur|individual|)$")
    category: str = Field("", max_length=20)
    country: str = Field("", pattern="^([A-Za-z]{2})?$")
    sort: str = Field("name", pattern="^-?(name|identifier|country|created)$")


@router.get("/counterparties", response=list[CounterpartyOut])
@paginate(Pagination, page_size=50)
def counterparty_list(request: ActorRequest, filters: Query[CounterpartyQuery]):  # type: ignore[no-untyped-def]
    return selectors.counterparty_list(
        actor=request.user,
        query=filters.q,
        kind=filters.kind,
        category=filters.category,
        country=filters.country,
        sort=filters.sort,
    )


@router.get("/counterparties/{counterparty_id}", response=CounterpartyDetailOut)
def counterparty_get(request: ActorRequest, counterparty_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """The counterparty with its owners, managers and contacts (merged ones too: see merged_into_id)."""
    return selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)


@router.post("/counterparties", response={201: CounterpartyOut})
def counterparty_create(request: ActorRequest, payload: CounterpartyIn):  # type: ignore[no-untyped-def]
    return Status(201, services.counterparty_create(actor=request.user, **payload.dict()))


@router.patch("/counterparties/{counterparty_id}", response=CounterpartyOut)
def counterparty_update(request: ActorRequest, counterparty_id: uuid.UUID, payload: CounterpartyPatch):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    data = endpoints.patch_data(payload, clearable=["registration_date"])
    return services.counterparty_update(actor=request.user, counterparty=counterparty, **data)


@router.get("/counterparties/{counterparty_id}/similar", response=list[SimilarOut])
def counterparty_similar(request: ActorRequest, counterparty_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """Registered counterparties whose names the screening engine matches: possible duplicates."""
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    names = [n for n in (counterparty.name_ru, counterparty.name_kk, counterparty.name_en, counterparty.name_uz) if n]
    found = selectors.counterparty_similar(
        actor=request.user,
        names=names,
        kind=counterparty.kind,
        country=counterparty.country,
        exclude_id=counterparty.pk,
        identifier_kind=counterparty.identifier_kind,
        identifier=counterparty.identifier,
    )
    return [{"counterparty": cp, "score": score} for cp, score in found]


@router.post("/counterparties/{counterparty_id}/merge", response=CounterpartyOut)
def counterparty_merge(request: ActorRequest, counterparty_id: uuid.UUID, payload: MergeIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE)
    survivor = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    duplicate = selectors.counterparty_get(actor=request.user, counterparty_id=payload.duplicate_id)
    return services.counterparty_merge(actor=request.user, survivor=survivor, duplicate=duplicate)


@router.post("/counterparties/{counterparty_id}/parties", response={201: PartyOut})
def party_add(request: ActorRequest, counterparty_id: uuid.UUID, payload: PartyIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    return Status(201, services.party_add(actor=request.user, counterparty=counterparty, **payload.dict()))


@router.delete("/counterparties/{counterparty_id}/parties/{party_id}", response={204: None})
def party_remove(request: ActorRequest, counterparty_id: uuid.UUID, party_id: uuid.UUID):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    party = selectors.party_list(actor=request.user, counterparty=counterparty).get(id=party_id)
    services.party_remove(actor=request.user, party=party)
    return Status(204, None)


@router.post("/counterparties/{counterparty_id}/screen", response=dict)
def counterparty_screen(request: ActorRequest, counterparty_id: uuid.UUID):  # type: ignore[no-untyped-def]
    """Screen the counterparty and each owner and manager against every enabled list."""
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    outcomes = services.counterparty_screen(actor=request.user, counterparty=counterparty)
    return {
        "subjects": [
            {"key": o.subject.key, "hits": [str(h.pk) for h in o.hits], "open": len(o.raised)} for o in outcomes
        ]
    }


@router.post("/counterparties/{counterparty_id}/contacts", response={201: ContactOut})
def contact_add(request: ActorRequest, counterparty_id: uuid.UUID, payload: ContactIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    return Status(201, services.contact_add(actor=request.user, counterparty=counterparty, **payload.dict()))


@router.patch("/counterparties/{counterparty_id}/contacts/{contact_id}", response=ContactOut)
def contact_update(request: ActorRequest, counterparty_id: uuid.UUID, contact_id: uuid.UUID, payload: ContactPatch):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    contact = counterparty.contacts.get(id=contact_id)
    data = endpoints.patch_data(payload)
    return services.contact_update(actor=request.user, contact=contact, **data)


@router.delete("/counterparties/{counterparty_id}/contacts/{contact_id}", response={204: None})
def contact_remove(request: ActorRequest, counterparty_id: uuid.UUID, contact_id: uuid.UUID):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE)
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    services.contact_remove(actor=request.user, contact=counterparty.contacts.get(id=contact_id))
    return Status(204, None)


@router.get("/counterparties/{counterparty_id}/documents", response=list[DocumentOut])
def document_list(request: ActorRequest, counterparty_id: uuid.UUID):  # type: ignore[no-untyped-def]
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    return list(counterparty.documents.all())


@router.post("/counterparties/{counterparty_id}/documents", response={201: DocumentOut})
def document_add(
    request: ActorRequest,
    counterparty_id: uuid.UUID,
    file: File[UploadedFile],  # type: ignore[no-untyped-def]
    title: str,
    kind: str = "other",
):
    """Multipart `file`; `title` and `kind` (charter, registration, licence, financial, other) as parameters."""
    endpoints.require(request, policy.MANAGE)
    if kind not in Document.Kind.values or not 0 < len(title) <= 300:
        raise HttpError(
            422, "kind must be one of charter, registration, licence, financial, other; title 1-300 characters"
        )
    counterparty = selectors.counterparty_get(actor=request.user, counterparty_id=counterparty_id)
    document = services.document_add(actor=request.user, counterparty=counterparty, title=title, kind=kind, upload=file)
    return Status(201, document)


endpoints.add_import_endpoint(
    router,
    importing.IMPORTS,
    app="counterparties",
    description="""`kind`: counterparties, contracts or applications. With dry_run (the default) only the
    validation report is returned; nothing is written. Once written, `rows` gives the record each
    line created or updated (line, id, action).""",
)
