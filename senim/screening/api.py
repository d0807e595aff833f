"""API: lists and their versions, search, screening, hits and their decisions, runs (the same
services and selectors as the pages)."""

import hashlib
import json
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate
from pydantic import Field

from senim.core import endpoints
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.pagination import Pagination
from senim.screening import jobs, policy, selectors, services
from senim.screening.importing import FIELDS
from senim.screening.models import HitStatus, ImportFormat, ScreeningRun, Watchlist, WatchlistKind
from senim.screening.schemas import (
    DecisionIn,
    EntityOut,
    HitOut,
    OutcomeOut,
    QueryIn,
    RunOut,
    ScreenIn,
    SearchIn,
    SearchResultOut,
    VersionOut,
    WatchlistIn,
    WatchlistOut,
    WatchlistPatch,
)

router = Router(tags=["screening"])


def _require(request: ActorRequest, permission: str, *, group_wide: bool = False) -> None:
    """Refuse callers without the permission before ids are resolved, so they get 403, not 404."""
    scope = request.user.scope_for(permission)
    if scope.is_empty or (group_wide and not scope.everything):
        raise PermissionDenied(permission)


def _lists(request: ActorRequest, ids: list[uuid.UUID] | None) -> list[Watchlist] | None:
    if ids is None:
        return None
    found = list(selectors.watchlist_list(actor=request.user).filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise ValidationError({"lists": _("Unknown list.")})
    return found


def _query(payload: QueryIn) -> dict[str, Any]:
    return {
        "names": payload.names,
        "schema": payload.schema_,
        "identifiers": payload.identifiers,
        "birth_dates": payload.birth_dates,
        "countries": payload.countries,
        "gender": payload.gender,
    }


# ---------------------------------------------------------------------------- lists


@router.get("/lists", response=list[WatchlistOut])
def watchlist_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.watchlist_list(actor=request.user))


@router.post("/lists", response={201: WatchlistOut})
def watchlist_create(request: ActorRequest, payload: WatchlistIn):  # type: ignore[no-untyped-def]
    watchlist = services.watchlist_create(actor=request.user, owner=request.user, **payload.dict())
    return Status(201, watchlist)


@router.get("/lists/{watchlist_id}", response=WatchlistOut)
def watchlist_get(request: ActorRequest, watchlist_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.watchlist_get(actor=request.user, watchlist_id=watchlist_id)


@router.patch("/lists/{watchlist_id}", response=WatchlistOut, summary="Rename, describe, enable or disable a list")
def watchlist_update(request: ActorRequest, watchlist_id: uuid.UUID, payload: WatchlistPatch):  # type: ignore[no-untyped-def]
    data = endpoints.patch_data(payload)
    _require(request, policy.ENABLE_LISTS if set(data) == {"is_enabled"} else policy.MANAGE_LISTS, group_wide=True)
    watchlist = selectors.watchlist_get(actor=request.user, watchlist_id=watchlist_id)
    return services.watchlist_update(actor=request.user, watchlist=watchlist, **data)


class UploadOptions(Schema):
    format: str = Field("ftm", pattern="^(" + "|".join(ImportFormat.values) + ")$")
    mapping: str = Field(
        "",
        max_length=5000,
        description="CSV/XLSX only: JSON object from field (" + ", ".join(FIELDS) + ", default_schema) to column "
        "name; identifier takes a list. Empty: guessed from the header.",
    )
    skip_invalid: bool = False


def _mapping(text: str) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        mapping = json.loads(text)
    except ValueError as error:
        raise ValidationError({"mapping": _("The mapping is not valid JSON.")}) from error
    if not isinstance(mapping, dict) or not all(
        isinstance(k, str) and k in {*FIELDS, "default_schema"} for k in mapping
    ):
        raise ValidationError({"mapping": _("The mapping names unknown fields.")})
    identifiers = mapping.get("identifier", [])
    mapping["identifier"] = [identifiers] if isinstance(identifiers, str) else list(identifiers or [])
    for key, value in mapping.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in values):
            raise ValidationError({"mapping": _("Map each field to a column name.")})
        if key != "identifier" and isinstance(value, list):
            raise ValidationError({"mapping": _("Map each field to a column name.")})
    return mapping


@router.post(
    "/lists/{watchlist_id}/versions",
    response={202: VersionOut},
    summary="Upload a new version of a list; it is imported in the background",
)
def version_upload(
    request: ActorRequest,
    watchlist_id: uuid.UUID,
    file: File[UploadedFile],
    options: Form[UploadOptions],
):  # type: ignore[no-untyped-def]
    """Poll `GET /versions/{id}` until `status` is `ready` or `failed`."""
    _require(request, policy.MANAGE_LISTS, group_wide=True)
    watchlist = selectors.watchlist_get(actor=request.user, watchlist_id=watchlist_id)
    endpoints.refuse_large_upload(file)
    mapping = _mapping(options.mapping)
    suffix = {"ftm": ".jsonl", "csv": ".csv", "xlsx": ".xlsx"}[options.format]
    stored = jobs.store_upload(file, suffix)
    version = jobs.version_import_start(
        actor=request.user,
        watchlist=watchlist,
        stored_file=stored,
        file_name=file.name or stored,
        fmt=options.format,
        mapping=mapping,
        skip_invalid=options.skip_invalid,
        language=get_language() or "en",
    )
    version.refresh_from_db()
    return Status(202, version)


@router.get("/versions/{version_id}", response=VersionOut)
def version_get(request: ActorRequest, version_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.version_get(actor=request.user, version_id=version_id)


class EntityQuery(Schema):
    q: str = Field("", max_length=200)
    change: str = Field(
        "",
        pattern="^(added|removed|changed|)$",
        description="Only the entities added, removed or changed against the previous version.",
    )


@router.get("/versions/{version_id}/entities", response=list[EntityOut], by_alias=True)
@paginate(Pagination, page_size=100)
def version_entities(request: ActorRequest, version_id: uuid.UUID, filters: Query[EntityQuery]):  # type: ignore[no-untyped-def]
    version = selectors.version_get(actor=request.user, version_id=version_id)
    if filters.change:
        entities: QuerySet = selectors.version_diff(version=version, base=version.base)[filters.change]
        return entities.order_by("caption", "id")
    return selectors.entity_list(actor=request.user, version_id=version.pk, query=filters.q)


# ---------------------------------------------------------------------------- search and screening


@router.post("/search", response=list[SearchResultOut], by_alias=True, summary="Ad-hoc search (nothing stored)")
def search(request: ActorRequest, payload: SearchIn):  # type: ignore[no-untyped-def]
    _require(request, policy.SEARCH)
    query = services.make_query(**_query(payload))
    results = services.search(
        actor=request.user, query=query, lists=_lists(request, payload.lists), limit=payload.limit
    )
    return [
        {
            "watchlist_id": r.watchlist.pk,
            "watchlist": r.watchlist.name,
            "entity": r.entity,
            "score": r.score,
            "explanation": r.explanation,
        }
        for r in results
    ]


@router.post("/screen", response=OutcomeOut, by_alias=True, summary="Screen one person or organisation; hits are kept")
def screen(request: ActorRequest, payload: ScreenIn):  # type: ignore[no-untyped-def]
    _require(request, policy.SEARCH)
    query = _query(payload)
    key = (
        payload.subject_key
        or "adhoc:"
        + hashlib.sha256(
            json.dumps([query, str(payload.company_id)], ensure_ascii=False, sort_keys=True).encode()
        ).hexdigest()[:40]
    )
    return services.screen(
        actor=request.user,
        subject_key=key,
        label=payload.label,
        company_id=payload.company_id,
        lists=_lists(request, payload.lists),
        **query,
    )


# ---------------------------------------------------------------------------- hits and runs


class HitQuery(Schema):
    status: str = Field("", pattern="^(" + "|".join(HitStatus.values) + "|)$")
    kind: str = Field("", pattern="^(" + "|".join(WatchlistKind.values) + "|)$")
    list: uuid.UUID | None = None
    run: uuid.UUID | None = None
    q: str = Field("", max_length=200)


@router.get("/hits", response=list[HitOut], by_alias=True)
@paginate(Pagination, page_size=50)
def hit_list(request: ActorRequest, filters: Query[HitQuery]):  # type: ignore[no-untyped-def]
    return selectors.hit_list(
        actor=request.user,
        status=filters.status,
        kind=filters.kind,
        watchlist_id=filters.list,
        run_id=filters.run,
        query=filters.q,
    )


@router.get("/hits/{hit_id}", response=HitOut, by_alias=True)
def hit_get(request: ActorRequest, hit_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.hit_get(actor=request.user, hit_id=hit_id)


@router.post("/hits/{hit_id}/decision", response=HitOut, by_alias=True)
def hit_decide(request: ActorRequest, hit_id: uuid.UUID, payload: DecisionIn):  # type: ignore[no-untyped-def]
    _require(request, policy.REVIEW)
    hit = selectors.hit_get(actor=request.user, hit_id=hit_id)
    return services.hit_decide(
        actor=request.user, hit=hit, status=payload.status, comment=payload.comment, decided_on=payload.decided_on
    )


class RunQuery(Schema):
    kind: str = Field("", pattern="^(" + "|".join(ScreeningRun.Kind.values) + "|)$")


@router.get("/runs", response=list[RunOut])
@paginate(Pagination, page_size=50)
def run_list(request: ActorRequest, filters: Query[RunQuery]):  # type: ignore[no-untyped-def]
    return selectors.run_list(actor=request.user, kind=filters.kind)


@router.get("/runs/{run_id}", response=RunOut)
def run_get(request: ActorRequest, run_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.run_get(actor=request.user, run_id=run_id)
