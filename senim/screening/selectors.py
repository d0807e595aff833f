"""Reads of screening, limited to what the actor may see.

Lists, their versions and entities are group-wide reference data: anyone holding screening.view
or screening.search reads them. Hits and subjects are scoped through the subject's company
(subjects of no company only group-wide); runs through their hits, or to their requester.
"""

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import cast

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from senim.core.access import Actor, scope_of
from senim.screening import policy
from senim.screening.models import Hit, HitStatus, ScreeningRun, Subject, Watchlist, WatchlistEntity, WatchlistVersion


def _may_read_lists(actor: Actor | None) -> bool:
    return not (scope_of(actor, policy.VIEW).is_empty and scope_of(actor, policy.SEARCH).is_empty)


def watchlist_list(*, actor: Actor | None, enabled: bool | None = None) -> QuerySet[Watchlist]:
    if not _may_read_lists(actor):
        return Watchlist.objects.none()
    qs = Watchlist.objects.select_related("current_version", "owner")
    if enabled is not None:
        qs = qs.filter(is_enabled=enabled)
    return qs.order_by("name")


def watchlist_get(*, actor: Actor | None, watchlist_id: uuid.UUID | str) -> Watchlist:
    """The list if the actor may read lists; raises Watchlist.DoesNotExist otherwise."""
    return watchlist_list(actor=actor).get(pk=watchlist_id)


def version_list(*, actor: Actor | None, watchlist_id: uuid.UUID | None = None) -> QuerySet[WatchlistVersion]:
    if not _may_read_lists(actor):
        return WatchlistVersion.objects.none()
    qs = WatchlistVersion.objects.select_related("watchlist", "imported_by", "base")
    if watchlist_id:
        qs = qs.filter(watchlist_id=watchlist_id)
    return qs.order_by("watchlist__name", "-number")


def version_get(*, actor: Actor | None, version_id: uuid.UUID | str) -> WatchlistVersion:
    return version_list(actor=actor).get(pk=version_id)


def entity_list(*, actor: Actor | None, version_id: uuid.UUID, query: str = "") -> QuerySet[WatchlistEntity]:
    """The entities of one version, searched by caption or entity id (the engine's index is for
    screening; this is for browsing)."""
    if not _may_read_lists(actor):
        return WatchlistEntity.objects.none()
    qs = WatchlistEntity.objects.filter(version_id=version_id)
    for term in query.split()[:6]:
        qs = qs.filter(Q(caption__icontains=term) | Q(entity_id__icontains=term))
    return qs.order_by("caption", "id")


def entity_get(*, actor: Actor | None, entity_pk: int) -> WatchlistEntity:
    if not _may_read_lists(actor):
        raise WatchlistEntity.DoesNotExist
    return WatchlistEntity.objects.select_related("version__watchlist").get(pk=entity_pk)


def version_diff(*, version: WatchlistVersion, base: WatchlistVersion | None) -> dict[str, QuerySet[WatchlistEntity]]:
    """Entities added by `version` over `base`, removed from it, and changed (same id, other content).

    Not scoped: callers pass a version they read through `version_get` (or are the import itself).
    """
    new = WatchlistEntity.objects.filter(version=version)
    if base is None:
        none = WatchlistEntity.objects.none()
        return {"added": new, "removed": none, "changed": none}
    old = WatchlistEntity.objects.filter(version=base)
    changed_in_base = old.filter(entity_id=OuterRef("entity_id")).exclude(content_hash=OuterRef("content_hash"))
    return {
        "added": new.exclude(entity_id__in=old.values("entity_id")),
        "removed": old.exclude(entity_id__in=new.values("entity_id")),
        "changed": new.filter(Exists(changed_in_base)),
    }


def entities_in_version(*, version: WatchlistVersion, entity_ids: list[str]) -> dict[str, WatchlistEntity]:
    """The entities of `version` with these ids (e.g. the earlier side of changed entities)."""
    return {e.entity_id: e for e in WatchlistEntity.objects.filter(version=version, entity_id__in=entity_ids)}


def hit_list(
    *,
    actor: Actor | None,
    status: str = "",
    kind: str = "",
    watchlist_id: uuid.UUID | None = None,
    run_id: uuid.UUID | None = None,
    query: str = "",
    permission: str = policy.VIEW,
) -> QuerySet[Hit]:
    """Hits of subjects in the actor's scope, newest first, filtered by status, list kind, list,
    run, and words of the subject's label or the entity's name."""
    scope = scope_of(actor, permission)
    qs = Hit.objects.filter(scope.q(company="subject__company_id"))
    if status in HitStatus.values:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(watchlist__kind=kind)
    if watchlist_id:
        qs = qs.filter(watchlist_id=watchlist_id)
    if run_id:
        qs = qs.filter(run_id=run_id)
    for term in query.split()[:6]:
        qs = qs.filter(Q(subject__label__icontains=term) | Q(entity__caption__icontains=term))
    return qs.select_related("subject", "watchlist", "entity", "decided_by", "run").order_by("-created_at", "-score")


def hit_get(*, actor: Actor | None, hit_id: uuid.UUID | str) -> Hit:
    """The hit if the actor may see it; raises Hit.DoesNotExist otherwise."""
    return (
        hit_list(actor=actor).select_related("entity__version", "previous__entity", "closed_by_version").get(pk=hit_id)
    )


def subject_hits(
    *, actor: Actor, subject_keys: Iterable[str], confirmed_or_open: bool = False, open_since: dt.datetime | None = None
) -> QuerySet[Hit]:
    """Hits of the subjects with these keys that the actor may see (another module's subjects, such
    as a counterparty and its owners): all, those not ruled false positives, or those still open
    and raised since a moment."""
    qs = hit_list(actor=actor).filter(subject__key__in=list(subject_keys))
    if confirmed_or_open:
        qs = qs.exclude(status=HitStatus.FALSE_POSITIVE)
    if open_since is not None:
        qs = qs.filter(status=HitStatus.OPEN, created_at__gte=open_since)
    return qs


def subject_list(*, actor: Actor | None) -> QuerySet[Subject]:
    scope = scope_of(actor, policy.VIEW)
    return Subject.objects.filter(scope.q(company="company_id")).order_by("label", "key")


def run_list(*, actor: Actor | None, kind: str = "") -> QuerySet[ScreeningRun]:
    """Runs the actor may see: every run group-wide; otherwise the runs they requested and runs
    that raised hits in their scope."""
    scope = scope_of(actor, policy.VIEW)
    qs = ScreeningRun.objects.select_related("requested_by", "trigger__watchlist")
    if scope.is_empty:
        return qs.none()
    if not scope.everything:
        in_scope = Hit.objects.filter(run_id=OuterRef("pk")).filter(scope.q(company="subject__company_id"))
        mine = Q(requested_by_id=cast(uuid.UUID, actor.pk)) if actor is not None else Q(pk__in=[])
        qs = qs.filter(mine | Q(Exists(in_scope)))
    if kind in ScreeningRun.Kind.values:
        qs = qs.filter(kind=kind)
    return qs.order_by("-created_at")


def run_get(*, actor: Actor | None, run_id: uuid.UUID | str) -> ScreeningRun:
    return run_list(actor=actor).get(pk=run_id)


def open_hit_count(*, actor: Actor | None) -> int:
    return (
        hit_list(actor=actor, permission=policy.REVIEW)
        .filter(status__in=[HitStatus.OPEN, HitStatus.NEEDS_INFO])
        .count()
    )


def hit_counts_by_status(*, actor: Actor | None) -> dict[str, int]:
    rows = hit_list(actor=actor).order_by().values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


# ---------------------------------------------------------------------------- the command line
# The command line acts as the system (no user), like the org import command: these reads are
# not scoped and must not be used by views or the API.


def watchlists_named(*, names: list[str]) -> list[Watchlist]:
    return list(Watchlist.objects.filter(name__in=names).order_by("name"))


def run_hits(*, run: ScreeningRun) -> QuerySet[Hit]:
    return (
        Hit.objects.filter(run=run).select_related("subject", "watchlist", "entity").order_by("subject__key", "-score")
    )


def subjects_last_screened(*, subject_keys: Iterable[str]) -> dict[str, dt.datetime | None]:
    """When each subject with these keys was last screened (another module's subjects, e.g. a
    counterparty): key -> moment; a key never screened is absent. No actor: a date says nothing
    of the hits."""
    keys = list(subject_keys)
    found: dict[str, dt.datetime | None] = {}
    for start in range(0, len(keys), 500):
        rows = Subject.objects.filter(key__in=keys[start : start + 500]).values_list("key", "last_screened_at")
        found.update(dict(rows))
    return found
