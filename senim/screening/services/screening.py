"""Screening people and organisations against the lists, with the review rules.

Review rules: a hit decided as false positive (or true match) is not raised again for the same
subject and list entry until the subject's or the entry's data changes; then a new open hit is
raised, linked to the old one, with what changed. An open hit, or one waiting for information, is
refreshed in place. A hit closed because a new list version dropped its entry ("entry removed
from the list") is not a decision: if the entry returns, the next screening raises a new hit,
linked to the closed one.
"""

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import SYSTEM, Actor, require
from senim.core.audit import audit_record, diff
from senim.screening import policy
from senim.screening.engine import DEFAULT_THRESHOLD, Query, parse_name
from senim.screening.engine.names import schema_is_organisation
from senim.screening.engine.similarity import SINGLE_WORD_SCORE
from senim.screening.importing import BatchRow, FileRejected, content_hash, normalise_country, normalise_date
from senim.screening.indexes import index_for
from senim.screening.models import Hit, HitStatus, ScreeningRun, Subject, Watchlist, WatchlistEntity, WatchlistVersion
from senim.screening.signals import send_hits_raised

SUBJECT_FIELDS = ["schema", "names", "identifiers", "birth_dates", "countries", "gender"]
ORGANISATION_SCHEMATA = {"organization", "organisation", "company", "legalentity", "publicbody"}
MAX_NAMES = 20
MAX_HITS_PER_LIST = 20
MAX_BATCH_PROBLEMS = 200


def threshold_default() -> float:
    return float(getattr(settings, "SENIM_SCREENING_THRESHOLD", None) or DEFAULT_THRESHOLD)


@dataclass(frozen=True)
class SearchResult:
    """An ad-hoc search result: the list entry found, its score and why."""

    watchlist: Watchlist
    entity: WatchlistEntity
    score: float
    explanation: dict[str, Any]


@dataclass
class ScreeningOutcome:
    """The subject as screened and the hits that stand for it (new, refreshed or decided)."""

    subject: Subject
    hits: list[Hit] = field(default_factory=list)

    @property
    def raised(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.status == HitStatus.OPEN]


def _schema(value: str | None) -> str:
    text = (value or "").strip()
    if not text or text.casefold() == "any":
        return ""
    if text.casefold() == "person":
        return "Person"
    if text.casefold() in ORGANISATION_SCHEMATA:
        return "Organization"
    raise ValidationError({"schema": _("The type must be Person or Organization.")})


def make_query(
    *,
    names: Iterable[str],
    schema: str | None = "Person",
    identifiers: Iterable[str] = (),
    birth_dates: Iterable[str] = (),
    countries: Iterable[str] = (),
    gender: str | None = None,
    query_id: str | None = None,
) -> Query:
    """A validated engine query; raise ValidationError (translated, by field) for bad input."""
    cleaned = [" ".join(str(n).replace("\x00", "").split())[:300] for n in names]
    cleaned = [n for n in cleaned if n][:MAX_NAMES]
    if not cleaned or max(sum(ch.isalnum() for ch in n) for n in cleaned) < 2:
        raise ValidationError({"names": _("Enter a name of at least two letters.")})
    dates = []
    for raw in birth_dates:
        if str(raw).strip():
            date = normalise_date(str(raw))
            if date is None:
                raise ValidationError(
                    {"birth_dates": _("“%(value)s” is not a date (use YYYY-MM-DD).") % {"value": str(raw)[:30]}}
                )
            dates.append(date)
    codes = []
    for raw in countries:
        if str(raw).strip():
            code = normalise_country(str(raw))
            if not code:
                raise ValidationError({"countries": _("Use two-letter country codes such as KZ or UZ.")})
            codes.append(code)
    gender_value = (gender or "").strip().casefold()
    if gender_value and gender_value not in {"m", "f", "male", "female"}:
        raise ValidationError({"gender": _("The gender must be male or female.")})
    return Query(
        names=cleaned,
        schema=_schema(schema),
        identifiers=[i for i in (" ".join(str(v).split())[:100] for v in identifiers) if i][:MAX_NAMES],
        birth_dates=dates,
        countries=codes,
        gender={"m": "male", "f": "female"}.get(gender_value, gender_value) or None,
        id=query_id,
    )


def enabled_lists(lists: Iterable[Watchlist] | None = None) -> list[Watchlist]:
    """The enabled lists among `lists` (all enabled lists when None), by name."""
    qs = Watchlist.objects.filter(is_enabled=True).select_related("current_version")
    if lists is not None:
        qs = qs.filter(pk__in=[w.pk for w in lists])
    return list(qs.order_by("name"))


def _matches(query: Query, watchlists: Sequence[Watchlist], threshold: float, limit: int) -> list[SearchResult]:
    results: list[SearchResult] = []
    for watchlist in watchlists:
        version = watchlist.current_version
        if version is None or version.status != WatchlistVersion.Status.READY:
            continue
        found = index_for(version.pk).search(query, limit=limit, threshold=threshold)
        if not found:
            continue
        entities = {
            e.entity_id: e
            for e in WatchlistEntity.objects.filter(version=version, entity_id__in=[h.record_id for h in found])
        }
        for engine_hit in found:
            entity = entities.get(engine_hit.record_id)
            if entity is not None:
                results.append(SearchResult(watchlist, entity, engine_hit.score, engine_hit.explanation.as_dict()))
    results.sort(key=lambda r: -r.score)
    return results


def search(
    *, actor: Actor | None, query: Query, lists: Iterable[Watchlist] | None = None, limit: int = 20
) -> list[SearchResult]:
    """Ad-hoc search of the enabled lists; nothing is stored but the audit event (searching for
    people is itself sensitive). None is the system (the command line)."""
    require(actor, policy.SEARCH)
    query = make_query(
        names=query.names,
        schema=query.schema,
        identifiers=query.identifiers,
        birth_dates=query.birth_dates,
        countries=query.countries,
        gender=query.gender,
    )
    watchlists = enabled_lists(lists)
    threshold = threshold_default()
    if _single_word_person(query):
        # A surname alone ("Tokayev") finds the longer names that contain it; they score at most
        # SINGLE_WORD_SCORE, below the alert threshold, so screening never raises them as hits.
        threshold = min(threshold, SINGLE_WORD_SCORE)
    results = _matches(query, watchlists, threshold, limit)[:limit]
    audit_record(
        actor=actor,
        event_type="screening.searched",
        object_type="screening.search",
        object_repr=query.names[0],
        changes={
            "names": [None, query.names],
            "identifiers": [None, query.identifiers],
            "lists": [None, [w.name for w in watchlists]],
            "results": [None, len(results)],
        },
    )
    return results


def _single_word_person(query: Query) -> bool:
    if schema_is_organisation(query.schema):
        return False
    parsed = [parse_name(name, "Person") for name in query.names]
    return all(len(p.keys) <= 1 and not p.patronymic for p in parsed) and any(p.keys for p in parsed)


def _snapshot(item: Subject | WatchlistEntity) -> dict[str, Any]:
    return {name: getattr(item, name) for name in SUBJECT_FIELDS}


def entity_changes(before: WatchlistEntity, after: WatchlistEntity) -> dict[str, list[Any]]:
    """What screening compares that differs between two versions of an entity: {field: [old, new]}."""
    return diff(_snapshot(before), _snapshot(after))


def _subject_save(
    *,
    key: str,
    query: Query,
    label: str,
    company_id: uuid.UUID | None,
    watchlists: Sequence[Watchlist],
    all_lists: bool,
) -> Subject:
    values = {
        "schema": query.schema,
        "names": list(query.names),
        "identifiers": list(query.identifiers),
        "birth_dates": list(query.birth_dates),
        "countries": list(query.countries),
        "gender": query.gender or "",
    }
    values["content_hash"] = content_hash(**values)  # type: ignore[arg-type]
    subject, _created = Subject.objects.update_or_create(
        key=key[:200],
        defaults={
            **values,
            "label": label[:300],
            "company_id": company_id,
            "all_lists": all_lists,
            "last_screened_at": timezone.now(),
        },
    )
    subject.watchlists.set(watchlists)
    return subject


def subject_reference(subject: Subject) -> str:
    """The caller's own id of a subject: a batch row's id (or line), otherwise the subject key."""
    if subject.key.startswith("batch:"):
        return subject.key.split(":", 2)[2]
    return subject.key


def _query_of(subject: Subject) -> Query:
    return Query(
        names=subject.names,
        schema=subject.schema,
        identifiers=subject.identifiers,
        birth_dates=subject.birth_dates,
        countries=subject.countries,
        gender=subject.gender or None,
        id=subject.key,
    )


def _screen_subject(
    subject: Subject, watchlists: Sequence[Watchlist], threshold: float, run: ScreeningRun | None
) -> list[Hit]:
    """Apply the review rules to what the engine finds for `subject`; return the standing hits."""
    results = _matches(_query_of(subject), watchlists, threshold, MAX_HITS_PER_LIST)
    keys = [f"{r.watchlist.pk}:{r.entity.entity_id}" for r in results]
    latest: dict[str, Hit] = {}
    for previous in Hit.objects.filter(subject=subject, entity_key__in=keys).select_related("entity"):
        if previous.entity_key not in latest or previous.created_at >= latest[previous.entity_key].created_at:
            latest[previous.entity_key] = previous
    standing: list[Hit] = []
    snapshot = _snapshot(subject)
    for key, result in zip(keys, results, strict=True):
        prior = latest.get(key)
        values = {
            "entity": result.entity,
            "score": result.score,
            "explanation": result.explanation,
            "subject_hash": subject.content_hash,
            "subject_snapshot": snapshot,
            "entity_hash": result.entity.content_hash,
            "run": run,
        }
        if prior is not None and prior.status in {HitStatus.OPEN, HitStatus.NEEDS_INFO}:
            for name, value in values.items():
                setattr(prior, name, value)
            prior.save(update_fields=[*values, "updated_at"])
            standing.append(prior)
        elif (
            prior is not None
            and prior.status != HitStatus.REMOVED  # closed because the entry left: raised again
            and prior.subject_hash == subject.content_hash
            and (prior.entity_hash == result.entity.content_hash)
        ):
            standing.append(prior)  # decided, and neither side changed: not raised again
        else:
            changes = {}
            if prior is not None:
                changes = {
                    "subject": diff(prior.subject_snapshot, snapshot),
                    "entity": entity_changes(prior.entity, result.entity),
                }
            standing.append(
                Hit.objects.create(
                    subject=subject,
                    watchlist=result.watchlist,
                    entity_key=key,
                    previous=prior,
                    changes=changes,
                    **values,
                )
            )
    if run is not None:
        ScreeningRun.objects.filter(pk=run.pk).update(subject_count=run.subject_count + 1)
        run.subject_count += 1
        fresh = sum(1 for hit in standing if hit.run_id == run.pk)
        if fresh:
            run.hit_count += fresh
            ScreeningRun.objects.filter(pk=run.pk).update(hit_count=run.hit_count)
    return standing


def _require_subject_scope(actor: Actor | None, permission: str, company_id: uuid.UUID | None) -> None:
    """A company's subjects need the permission over that company; subjects of no company need
    it group-wide. None is the system (tasks, the command line)."""
    require(actor, permission, company_id=company_id)


def check_screening_allowed(*, actor: Actor | None, company_id: uuid.UUID | None) -> None:
    """Raise PermissionDenied unless the actor may screen subjects of `company_id` (None: of no
    company, which needs screening.search group-wide)."""
    _require_subject_scope(actor, policy.SEARCH, company_id)


def run_start(
    *,
    actor: Actor | None,
    kind: str,
    watchlists: Sequence[Watchlist],
    threshold: float | None = None,
    **values: Any,
) -> ScreeningRun:
    """Open a run that screenings then join (`screen(run=...)`); close it with `run_finish`."""
    run = ScreeningRun.objects.create(
        kind=kind,
        requested_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
        threshold=threshold if threshold is not None else threshold_default(),
        status=ScreeningRun.Status.RUNNING,
        **values,
    )
    run.lists.set(watchlists)
    return run


def run_finish(*, run: ScreeningRun, status: str = ScreeningRun.Status.DONE, error: str = "") -> ScreeningRun:
    ScreeningRun.objects.filter(pk=run.pk).update(status=status, error=error[:2000], finished_at=timezone.now())
    run.refresh_from_db()
    return run


def screen(
    *,
    actor: Actor | None,
    subject_key: str,
    schema: str,
    names: Iterable[str],
    identifiers: Iterable[str] = (),
    birth_dates: Iterable[str] = (),
    countries: Iterable[str] = (),
    gender: str | None = None,
    label: str = "",
    company_id: uuid.UUID | None = None,
    lists: Iterable[Watchlist] | None = None,
    threshold: float | None = None,
    run: ScreeningRun | None = None,
) -> ScreeningOutcome:
    """Screen one person or organisation against `lists` (default: every enabled list), store
    the subject under `subject_key` (e.g. "org.employee:<uuid>") and raise its hits.

    The actor needs screening.search over `company_id` (group-wide when None); None is the system.
    Raises ValidationError for an empty or one-letter name and other bad input.
    """
    _require_subject_scope(actor, policy.SEARCH, company_id)
    existing = Subject.objects.filter(key=subject_key[:200]).values_list("company_id", flat=True).first()
    if existing is not None and existing != company_id:
        _require_subject_scope(actor, policy.SEARCH, existing)
    query = make_query(
        names=names,
        schema=schema,
        identifiers=identifiers,
        birth_dates=birth_dates,
        countries=countries,
        gender=gender,
        query_id=subject_key,
    )
    threshold = threshold if threshold is not None else threshold_default()
    all_lists = lists is None
    watchlists = enabled_lists(lists)
    with transaction.atomic():
        own_run = run is None
        if run is None:
            run = run_start(actor=actor, kind=ScreeningRun.Kind.SINGLE, watchlists=watchlists, threshold=threshold)
        subject = _subject_save(
            key=subject_key,
            query=query,
            label=label,
            company_id=company_id,
            watchlists=watchlists,
            all_lists=all_lists,
        )
        hits = _screen_subject(subject, watchlists, threshold, run)
        if own_run:
            run_finish(run=run)
        audit_record(
            actor=actor,
            event_type="screening.subject.screened",
            obj=subject,
            company_id=company_id,
            changes={"lists": [None, [w.name for w in watchlists]], "hits": [None, len(hits)]},
        )
    return ScreeningOutcome(subject=subject, hits=sorted(hits, key=lambda h: -h.score))


def screen_batch(
    *,
    actor: Actor | None,
    rows: Iterable[BatchRow],
    lists: Iterable[Watchlist] | None = None,
    threshold: float | None = None,
    company_id: uuid.UUID | None = None,
    run: ScreeningRun | None = None,
    file_name: str = "",
    progress: Callable[[int], object] | None = None,
) -> ScreeningRun:
    """Screen every row as a subject "batch:<run>:<row id>" in one batch run. Rows with bad input
    are skipped and listed with their line numbers; the run records the counts."""
    _require_subject_scope(actor, policy.SEARCH, company_id)
    threshold = threshold if threshold is not None else threshold_default()
    all_lists = lists is None
    watchlists = enabled_lists(lists)
    if run is None:
        run = run_start(
            actor=actor,
            kind=ScreeningRun.Kind.BATCH,
            watchlists=watchlists,
            threshold=threshold,
            file_name=file_name[:200],
        )
    problems: list[str] = []
    skipped = 0
    try:
        for row in rows:
            try:
                query = make_query(
                    names=[row.name],
                    schema=row.schema or "",
                    identifiers=row.identifiers,
                    birth_dates=row.birth_dates,
                    countries=row.countries,
                )
            except ValidationError as error:
                skipped += 1
                if len(problems) < MAX_BATCH_PROBLEMS:
                    message = "; ".join(error.messages)
                    problems.append(_("Line %(line)d: %(message)s") % {"line": row.line, "message": message})
                continue
            with transaction.atomic():
                subject = _subject_save(
                    key=f"batch:{run.pk}:{row.id or row.line}",
                    query=query,
                    label=row.name,
                    company_id=company_id,
                    watchlists=watchlists,
                    all_lists=all_lists,
                )
                _screen_subject(subject, watchlists, threshold, run)
            if progress is not None:
                progress(1)
    except Exception as error:
        # The rows screened so far keep their hits; the run says where it stopped and why.
        reason = error.message if isinstance(error, FileRejected) else _("The screening failed unexpectedly.")
        ScreeningRun.objects.filter(pk=run.pk).update(skipped=skipped, problems=problems)
        run_finish(run=run, status=ScreeningRun.Status.FAILED, error=reason)
        raise
    ScreeningRun.objects.filter(pk=run.pk).update(skipped=skipped, problems=problems)
    run = run_finish(run=run)
    audit_record(
        actor=actor,
        event_type="screening.batch.screened",
        obj=run,
        company_id=company_id,
        changes={
            "file": [None, run.file_name],
            "subjects": [None, run.subject_count],
            "hits": [None, run.hit_count],
            "skipped": [None, skipped],
        },
    )
    return run


def rescreen_watchlist(*, version: WatchlistVersion) -> ScreeningRun:
    """Screen again, against this list, every subject screened against it or against every list
    (after a new version became current), raising the hits the new entries bring."""
    watchlist = Watchlist.objects.select_related("current_version").get(pk=version.watchlist_id)
    threshold = threshold_default()
    run = run_start(
        actor=SYSTEM, kind=ScreeningRun.Kind.RESCREEN, watchlists=[watchlist], threshold=threshold, trigger=version
    )
    raised: set[str] = set()
    if watchlist.is_enabled and watchlist.current_version_id == version.pk:
        subjects = Subject.objects.filter(Q(watchlists=watchlist) | Q(all_lists=True)).distinct()
        for subject in subjects.order_by("created_at").iterator(chunk_size=500):
            with transaction.atomic():
                subject.watchlists.add(watchlist)
                mark = timezone.now()  # hits created from here on are new (refreshed ones are older)
                standing = _screen_subject(subject, [watchlist], threshold, run)
                if any(hit.created_at >= mark and hit.status == HitStatus.OPEN for hit in standing):
                    raised.add(subject.key)
    run = run_finish(run=run)
    send_hits_raised(subject_keys=raised, run_id=run.pk)
    audit_record(
        actor=SYSTEM,
        event_type="screening.rescreen.finished",
        obj=run,
        changes={"list": [None, watchlist.name], "subjects": [None, run.subject_count], "hits": [None, run.hit_count]},
    )
    return run
