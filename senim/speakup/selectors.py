"""Every read of Speak Up data, scoped by the actor (`core.access.SYSTEM` for commands and jobs).

`visible_cases` is the one place that decides who sees a case: officers over the case's company
(or over a unit subtree holding a unit linked to the case), investigators with such a reach and
assigned to the case; never anyone named in it (as a linked
employee or user account) nor anyone who declared a conflict. A case that names no company is
seen only by group-wide roles.

The reporter is an actor too (`Reporter`): one who holds the receipt key of one case and may read
only what the follow-up page shows of it. The key itself is the credential, so `case_for_receipt`
is the one read that takes a key rather than an actor; `public_companies` lists what the public
forms show everyone.
"""

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from senim.accounts import selectors as account_selectors
from senim.accounts.models import RoleAssignment
from senim.core.access import SYSTEM, Actor, Role, Scope, grants, is_system, scope_of
from senim.core.selectors import within
from senim.counterparties import selectors as counterparty_selectors
from senim.org import selectors as org_selectors
from senim.org.models import Company, Employee, Unit
from senim.speakup import indicators, policy
from senim.speakup.crypto import CaseCipher, receipt_digest, receipt_is_well_formed, receipt_legacy_digest
from senim.speakup.models import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    Attachment,
    Case,
    CaseLink,
    Exclusion,
    LinkRole,
    Outcome,
    PosterTag,
    PosterText,
    Status,
    Task,
)


def _kept_out(actor: Any) -> Q:
    """Cases the actor is named in or stepped aside from."""
    named = Q(user_id=str(actor.pk))
    employee_id = getattr(actor, "employee_id", None)
    if employee_id:
        named |= Q(employee_id=employee_id)
    links = CaseLink.objects.filter(named, role__in=[LinkRole.NAMED, LinkRole.WITNESS]).values("case_id")
    excluded = Exclusion.objects.filter(user_id=str(actor.pk)).values("case_id")
    return Q(pk__in=links) | Q(pk__in=excluded)


def scope_reach(scope: Scope) -> Q:
    """The cases a scope reaches: those of its companies (a case that names no company only
    group-wide), and, for a role granted over a unit subtree, those linked to a unit of it."""
    if scope.everything:
        return Q(pk__isnull=False)
    condition = scope.q(company="company_id")
    if scope.unit_ids:
        linked = CaseLink.objects.filter(role=LinkRole.UNIT, unit_id__in=scope.unit_ids).values("case_id")
        condition |= Q(pk__in=linked)
    return condition


def scope_covers_case(scope: Scope, case: Case) -> bool:
    """Whether the scope reaches this case (see scope_reach)."""
    if scope.everything:
        return True
    if case.company_id and scope.covers(company_id=case.company_id):
        return True
    return bool(scope.unit_ids) and case.links.filter(role=LinkRole.UNIT, unit_id__in=scope.unit_ids).exists()


def visible_cases(*, actor: Actor) -> QuerySet[Case]:
    if is_system(actor):
        return Case.objects.all()
    if isinstance(actor, Reporter):
        return Case.objects.filter(pk=actor.case.pk)
    all_scope = scope_of(actor, policy.VIEW_ALL)
    assigned_scope = scope_of(actor, policy.VIEW_ASSIGNED)
    if all_scope.is_empty and assigned_scope.is_empty:
        return Case.objects.none()
    # An empty Q() means "everything" in a filter but vanishes when OR-ed, so group-wide
    # reaches are spelled out.
    condition = Q(pk__in=[])
    if not all_scope.is_empty:
        condition |= scope_reach(all_scope)
    if not assigned_scope.is_empty:
        mine = Q(pk__in=Case.assignees.through.objects.filter(user_id=str(actor.pk)).values("case_id"))
        condition |= scope_reach(assigned_scope) & mine
    return Case.objects.filter(condition).exclude(_kept_out(actor))


def can_see_cases(*, actor: Actor) -> bool:
    return actor.can(policy.VIEW_ALL) or actor.can(policy.VIEW_ASSIGNED)


def case_in_reach(*, actor: Actor, case: Case, permission: str) -> bool:
    """Whether the actor holds `permission` over the case (scope_covers_case)."""
    return scope_covers_case(scope_of(actor, permission), case)


def kept_out(*, actor: Actor, case: Case) -> bool:
    """Whether the actor is named in the case or stepped aside from it (then the actor may not
    see it, whatever the role)."""
    if is_system(actor) or isinstance(actor, Reporter):
        return False
    return Case.objects.filter(pk=case.pk).filter(_kept_out(actor)).exists()


@dataclass(frozen=True)
class Reporter:
    """The person who holds a case's receipt key, as an actor: no role, no scope; reads only the
    part of that one case the follow-up page shows (case_content, attachment_get)."""

    case: Case
    pk: None = None
    is_authenticated: bool = False

    def scope_for(self, permission: str) -> Scope:
        return Scope()

    def can(self, permission: str) -> bool:
        return False

    def roles(self) -> Iterable[Role]:
        return ()


def _may_read(actor: Actor, case: Case) -> None:
    """Raise Case.DoesNotExist unless the actor may read this case (a 404, never a 403)."""
    if isinstance(actor, Reporter):
        if actor.case.pk != case.pk:
            raise Case.DoesNotExist
    elif not is_system(actor) and not visible_cases(actor=actor).filter(pk=case.pk).exists():
        raise Case.DoesNotExist


@dataclass(frozen=True)
class CaseFilter:
    status: str = ""
    kind: str = ""
    channel: str = ""
    category: str = ""
    company_id: uuid.UUID | None = None
    overdue: bool = False
    mine: bool = False
    watched: bool = False
    query: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    external_id: str = ""


def overdue_q(today: dt.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(status__in=OPEN_STATUSES) & (
        Q(acknowledged_at__isnull=True, acknowledge_due__lt=today) | Q(feedback_at__isnull=True, feedback_due__lt=today)
    )


def case_list(*, actor: Actor, filters: CaseFilter | None = None) -> QuerySet[Case]:
    f = filters or CaseFilter()
    qs = visible_cases(actor=actor)
    for name in ("status", "kind", "channel", "category"):
        if getattr(f, name):
            qs = qs.filter(**{name: getattr(f, name)})
    if f.company_id:
        qs = qs.filter(company_id=f.company_id)
    if f.overdue:
        qs = qs.filter(overdue_q())
    if f.watched:
        qs = qs.filter(anonymous=False, status=Status.CLOSED, watch_until__gte=timezone.localdate())
    if f.mine:
        qs = qs.filter(pk__in=Case.assignees.through.objects.filter(user_id=str(actor.pk)).values("case_id"))
    if f.query:
        qs = qs.filter(reference__icontains=f.query.strip()[:20])
    if f.external_id:
        qs = qs.filter(external_id=f.external_id)
    qs = within(qs, "received_at__date", f.received_from, f.received_to)
    return qs.select_related("company").prefetch_related("assignees").order_by("-received_at", "-id")


def case_get(*, actor: Actor, case_id: uuid.UUID | str) -> Case:
    """The case if the actor may open it; raises Case.DoesNotExist otherwise (a 404, never a 403,
    so that a named person does not learn the case exists)."""
    return visible_cases(actor=actor).select_related("company", "registered_by").get(pk=case_id)


def case_for_receipt(*, key: str) -> Case | None:
    """The case a receipt key opens, or None. Ill-formed keys are refused without hashing.

    A key stored before the switch to HMAC (crypto's note) is found by its PBKDF2 hash, and that
    hash is replaced by the HMAC then, so each old key costs the slow hash once. Only a wrong key
    pays it every time, and wrong keys are rate-limited."""
    if not receipt_is_well_formed(key):
        return None
    digest = receipt_digest(key)
    # receipt_digest is unique: a slice, not .first(), which would add an ORDER BY to compile.
    case = next(iter(Case.objects.filter(receipt_digest=digest)[:1]), None)
    if case is None:
        # A key staff re-issued: its first use retires the earlier key.
        case = next(iter(Case.objects.filter(pending_receipt_digest=digest)[:1]), None)
        if case is not None:
            Case.objects.filter(pk=case.pk).update(receipt_digest=digest, pending_receipt_digest=None)
            case.receipt_digest, case.pending_receipt_digest = digest, None
            return case
        case = next(iter(Case.objects.filter(receipt_digest=receipt_legacy_digest(key))[:1]), None)
        if case is not None:
            Case.objects.filter(pk=case.pk).update(receipt_digest=digest)
            case.receipt_digest = digest
    return case


@dataclass
class Entry:
    """One decrypted message, note or task line for display."""

    id: uuid.UUID
    created_at: dt.datetime
    text: str
    author: str = ""
    direction: str = ""
    attachments: list[dict[str, Any]] = field(default_factory=list)
    due: dt.date | None = None
    done_at: dt.datetime | None = None
    assignee: str = ""


@dataclass
class CaseContent:
    """What people wrote about a case, decrypted for one page."""

    content: dict[str, str]
    reporter: dict[str, str]
    closure: str
    answer: str
    messages: list[Entry]
    files: list[dict[str, Any]]


def _file_entry(cipher: CaseCipher, item: Attachment) -> dict[str, Any]:
    return {
        "id": item.pk,
        "name": cipher.open(item.name_sealed),
        "size": item.size,
        "kind": item.kind,
        "from_reporter": item.from_reporter,
        "stripped": item.metadata_stripped,
        "created_at": item.created_at,
    }


def case_content(*, actor: Actor, case: Case) -> CaseContent:
    """Decrypt a case for display to the actor, who must be able to see it (Case.DoesNotExist
    otherwise). For the reporter (a `Reporter` actor) only what the follow-up page shows is
    decrypted: not the reporter's identity, the closure or the answer text (the answer reaches
    the reporter as a message), nor the message authors."""
    _may_read(actor, case)
    for_reporter = isinstance(actor, Reporter)
    cipher = CaseCipher.unwrap(case.wrapped_key)
    files = list(Attachment.objects.filter(case=case).defer("data_sealed"))
    by_message: dict[Any, list[dict[str, Any]]] = {}
    for item in files:
        by_message.setdefault(item.message_id, []).append(_file_entry(cipher, item))
    messages = [
        Entry(
            id=m.pk,
            created_at=m.created_at,
            text=cipher.open(m.body_sealed),
            author="" if for_reporter or m.author is None else m.author.display_name,
            direction=m.direction,
            attachments=by_message.get(m.pk, []),
        )
        for m in (case.messages.all() if for_reporter else case.messages.select_related("author"))
    ]
    return CaseContent(
        content=cipher.open_json(case.content_sealed),
        reporter={} if for_reporter else cipher.open_json(case.reporter_sealed),
        closure="" if for_reporter else cipher.open(case.closure_sealed),
        answer="" if for_reporter else cipher.open(case.answer_sealed),
        messages=messages,
        files=by_message.get(None, []),
    )


def case_internals(*, actor: Actor, case: Case) -> dict[str, Any]:
    """Notes, tasks, links, exclusions and rewards of a case (staff who see it), decrypted."""
    if isinstance(actor, Reporter):
        raise Case.DoesNotExist
    _may_read(actor, case)
    cipher = CaseCipher.unwrap(case.wrapped_key)
    notes = [
        Entry(id=n.pk, created_at=n.created_at, text=cipher.open(n.body_sealed), author=n.author.display_name)
        for n in case.notes.select_related("author")
    ]
    tasks = [
        Entry(
            id=t.pk,
            created_at=t.created_at,
            text=cipher.open(t.title_sealed),
            due=t.due,
            done_at=t.done_at,
            assignee=t.assignee.display_name if t.assignee else "",
        )
        for t in case.tasks.select_related("assignee")
    ]
    rewards = [
        {"decided_on": r.decided_on, "amount": r.amount, "currency": r.currency, "basis": cipher.open(r.basis_sealed)}
        for r in case.rewards.all()
    ]
    links = list(
        case.links.select_related("unit", "unit__company", "employee", "user", "counterparty").order_by("created_at")
    )
    return {"notes": notes, "tasks": tasks, "rewards": rewards, "links": links}


def attachment_get(*, actor: Actor, case: Case, attachment_id: uuid.UUID | str) -> tuple[str, str, bytes]:
    """(file name, kind, content) of one of the case's files, decrypted, for an actor who may read
    the case (Case.DoesNotExist otherwise; Attachment.DoesNotExist for a file not of the case)."""
    _may_read(actor, case)
    item = Attachment.objects.get(case=case, pk=attachment_id)
    cipher = CaseCipher.unwrap(case.wrapped_key)
    return cipher.open(item.name_sealed), item.kind, cipher.open_bytes(bytes(item.data_sealed))


def task_get(*, actor: Actor, case: Case, task_id: uuid.UUID | str) -> Task:
    """One task of a case the actor sees (Task.DoesNotExist otherwise)."""
    _may_read(actor, case)
    return Task.objects.get(case=case, pk=task_id)


def link_get(*, actor: Actor, case: Case, link_id: uuid.UUID | str) -> CaseLink:
    """One link of a case the actor sees (CaseLink.DoesNotExist otherwise)."""
    _may_read(actor, case)
    return CaseLink.objects.select_related("case").get(case=case, pk=link_id)


def link_list(*, actor: Actor, case: Case) -> QuerySet[CaseLink]:
    """The links of a case the actor sees, oldest first."""
    _may_read(actor, case)
    return CaseLink.objects.filter(case=case).select_related("counterparty").order_by("created_at")


def eligible_investigators(*, actor: Actor, case: Case) -> list[Any]:
    """Active users who could work on the case: officers or investigators over its company (or the
    whole group, or a unit subtree holding a unit linked to the case), and not named in it nor
    stepped aside. Only for an actor who sees the case (an empty list otherwise)."""
    try:
        _may_read(actor, case)
    except Case.DoesNotExist:
        return []
    roles = [role for role, _reach in grants(policy.WORK).items()]
    reach = Q(company__isnull=True, unit__isnull=True)
    if case.company_id:
        reach |= Q(company_id=case.company_id, unit__isnull=True)
    linked = case.links.filter(role=LinkRole.UNIT).values_list("unit_id", "unit__path")
    above = {str(unit_id) for unit_id, _path in linked}
    above |= {part for _unit_id, path in linked for part in (path or "").split("/") if part}
    if above:
        reach |= Q(unit_id__in=list(above))
    assignments = RoleAssignment.objects.filter(Q(role__in=roles) & reach)
    users = get_user_model().objects.filter(is_active=True, pk__in=assignments.values("user_id"))
    return [u for u in users.order_by("username") if not kept_out(actor=u, case=case)]


def officers_for(*, actor: Actor, case: Case) -> list[Any]:
    """Active officers over the case's company who are not kept out of it (notification targets),
    for an actor who sees the case (an empty list otherwise)."""
    try:
        _may_read(actor, case)
    except Case.DoesNotExist:
        return []
    assignments = RoleAssignment.objects.filter(role=Role.OFFICER, unit__isnull=True)
    if case.company_id:
        assignments = assignments.filter(Q(company__isnull=True) | Q(company_id=case.company_id))
    else:
        assignments = assignments.filter(company__isnull=True)
    users = get_user_model().objects.filter(is_active=True, pk__in=assignments.values("user_id"))
    return [u for u in users.order_by("username") if not kept_out(actor=u, case=case)]


def overdue_cases(*, actor: Actor, today: dt.date | None = None) -> QuerySet[Case]:
    """The overdue open cases the actor sees (every one for the notification command, which runs
    as the system)."""
    return visible_cases(actor=actor).filter(overdue_q(today)).select_related("company").order_by("acknowledge_due")


def watch_due(*, actor: Actor, today: dt.date | None = None, every_days: int = 90) -> QuerySet[Case]:
    """Closed cases of named reporters under retaliation watch whose reminder is due, of those the
    actor sees."""
    today = today or timezone.localdate()
    last = today - dt.timedelta(days=every_days)
    return (
        visible_cases(actor=actor)
        .filter(anonymous=False, status=Status.CLOSED, watch_until__gte=today)
        .filter(Q(watch_reminded_on__isnull=True) | Q(watch_reminded_on__lte=last))
        .order_by("closed_at")
    )


# ---------------------------------------------------------------------------- statistics


def statistics_cases(*, actor: Actor) -> QuerySet[Case]:
    """Cases counted in the actor's statistics (no content is read from them)."""
    scope = scope_of(actor, policy.VIEW_STATS)
    if scope.is_empty:
        return Case.objects.none()
    return Case.objects.filter(scope.q(company="company_id"))


def statistics_companies(*, actor: Actor) -> list[tuple[uuid.UUID, str]]:
    """The companies whose statistics the actor may read, by name."""
    scope = scope_of(actor, policy.VIEW_STATS)
    if scope.is_empty:
        return []
    companies = org_selectors.company_list(actor=SYSTEM)
    if not scope.everything:
        companies = companies.filter(id__in=scope.company_ids)
    return sorted(((c.pk, str(c)) for c in companies), key=lambda pair: pair[1].casefold())


def case_statistics(*, cases: QuerySet[Case], year: int) -> dict[str, Any]:
    """Counts and durations for cases received in `year`: by channel, category, status; closed
    reports (and their outcomes and measures) are those closed in `year`, as the indicators count them
    (speakup.indicators holds the definitions, so the figures agree everywhere)."""
    qs = cases.filter(received_at__year=year)
    total = qs.count()
    reports = qs.filter(kind="report")
    closed = indicators.closed_reports(cases, year)
    substantiated = closed.filter(outcome__in=["substantiated", "partly"]).count()
    return {
        "year": year,
        "total": total,
        "reports": reports.count(),
        "questions": qs.filter(kind="question").count(),
        "anonymous": qs.filter(anonymous=True).count(),
        "by_channel": _counts(qs, "channel"),
        "by_category": _counts(qs, "category"),
        "by_status": _counts(qs, "status"),
        "by_outcome": _counts(closed, "outcome"),
        "closed": closed.count(),
        "substantiated": substantiated,
        "answered": qs.filter(kind="question", status=Status.ANSWERED).count(),
        "open": qs.exclude(status__in=FINAL_STATUSES).count(),
        "overdue": qs.filter(overdue_q()).count(),
        "median_days_to_acknowledge": indicators.median_days_to_acknowledge_of(cases, year),
        "median_days_to_close": indicators.median_days_to_close_of(cases, year),
        "measures": dict(Counter(m for ms in closed.values_list("measures", flat=True) for m in ms)),
    }


def _counts(qs: QuerySet[Case], name: str) -> dict[str, int]:
    return {row[name]: row["n"] for row in qs.order_by().values(name).annotate(n=Count("id"))}


PUBLIC_COMPANIES_KEY = "speakup:public-companies:"


def public_companies() -> list[tuple[uuid.UUID, str]]:
    """The group's companies, by name, for the public forms (their names are public anyway). The
    same for every visitor, so kept in the shared cache per language; saving or deleting a company
    clears it (forget_public_companies, connected in apps.py)."""
    key = PUBLIC_COMPANIES_KEY + (get_language() or "")
    companies = cache.get(key)
    if companies is None:
        # Read as the system: the list is the same for everyone, signed in or not.
        everyone = org_selectors.company_list(actor=SYSTEM)
        companies = sorted(((c.pk, str(c)) for c in everyone), key=lambda pair: pair[1].casefold())
        cache.set(key, companies, 300)  # bulk writes send no signal: at most five minutes stale
    return list(companies)


def forget_public_companies(**_kwargs: Any) -> None:
    cache.delete_many([PUBLIC_COMPANIES_KEY + code for code, _name in settings.LANGUAGES] + [PUBLIC_COMPANIES_KEY])


def register_counterparty(*, actor: Actor, counterparty_id: Any) -> Any:
    """A counterparty of the register (not merged into another) that the actor may see, or None.
    Speak Up reads the register only through its selectors."""
    try:
        return counterparty_selectors.counterparty_list(actor=actor).get(pk=counterparty_id)
    except (ObjectDoesNotExist, ValueError, ValidationError):
        return None


def register_counterparties_by_number(*, actor: Actor, number: str) -> list[Any]:
    """The registered counterparties the actor may see with this BIN, TIN or registration number."""
    number = number.strip()
    if not number:
        return []
    return list(counterparty_selectors.counterparty_list(actor=actor).filter(identifier=number)[:5])


def company_units(*, actor: Actor, case: Case) -> QuerySet[Unit]:
    """The units of a case's company the actor sees, for linking the units concerned."""
    if not case.company_id:
        return Unit.objects.none()
    return org_selectors.unit_list(actor=actor, company_id=case.company_id).order_by("path")


def link_target(
    *,
    actor: Actor,
    case: Case,
    unit_id: Any = None,
    employee_id: Any = None,
    personnel_number: str = "",
    user_id: Any = None,
    username: str = "",
    counterparty_id: Any = None,
    counterparty_number: str = "",
) -> dict[str, Any]:
    """What an officer names to link to a case, found through org's, accounts' and the register's
    selectors as the actor sees them: `{"unit": …}`, `{"employee": …}`, `{"user": …}` and/or
    `{"counterparty": …}` (link_add refuses more than one and checks the company). Something the
    actor cannot see is a ValidationError on its field, like something that does not exist."""
    target: dict[str, Any] = {}
    if unit_id:
        try:
            target["unit"] = company_units(actor=actor, case=case).get(pk=unit_id)
        except (Unit.DoesNotExist, ValueError, ValidationError):
            raise ValidationError({"unit": [_("Choose a unit of the company the case concerns.")]}) from None
    if employee_id:
        try:
            target["employee"] = org_selectors.employee_get(actor=actor, employee_id=employee_id)
        except (Employee.DoesNotExist, ValueError, ValidationError):
            raise ValidationError({"employee": [_("No employee you can see has this id.")]}) from None
    if personnel_number.strip():
        employee = (
            org_selectors.employee_list(actor=actor, company_id=case.company_id)
            .filter(personnel_number=personnel_number.strip())
            .first()
            if case.company_id
            else None
        )
        if employee is None:
            raise ValidationError({"personnel_number": [_("No employee of this company has this personnel number.")]})
        target["employee"] = employee
    if user_id or username.strip():
        user = account_selectors.person_account(actor=actor, user_id=user_id, username=username.strip())
        if user is None:
            name = "user" if user_id else "username"
            raise ValidationError({name: [_("There is no user with this name.")]})
        target["user"] = user
    if counterparty_id:
        counterparty = register_counterparty(actor=actor, counterparty_id=counterparty_id)
        if counterparty is None:
            raise ValidationError({"counterparty_id": [_("This counterparty is not in the register you can see.")]})
        target["counterparty"] = counterparty
    if counterparty_number.strip():
        found = register_counterparties_by_number(actor=actor, number=counterparty_number)
        if not found:
            raise ValidationError(
                {"counterparty_number": [_("No counterparty of the register you can see has this number.")]}
            )
        if len(found) > 1:
            raise ValidationError(
                {
                    "counterparty_number": [
                        _("Several counterparties have this number; link it through the API by its id.")
                    ]
                }
            )
        target["counterparty"] = found[0]
    return target


def unit_case_counts(
    *, actor: Actor, unit_ids: Iterable[uuid.UUID], since: dt.date, until: dt.date
) -> dict[uuid.UUID, tuple[int, int]]:
    """For the risk assessment's signals: per unit, the cases in the actor's statistics
    (statistics_cases) received in [since, until] that name it (as the unit concerned or through
    an employee of it), and how many were substantiated in full or in part. Counts only; nothing
    of a case's content leaves Speak Up."""
    ids = list(unit_ids)
    links = CaseLink.objects.filter(
        Q(unit_id__in=ids) | Q(employee__unit_id__in=ids),
        case__in=statistics_cases(actor=actor),
        case__received_at__date__gte=since,
        case__received_at__date__lte=until,
    ).values_list("case_id", "unit_id", "employee__unit_id", "case__outcome")
    seen: dict[uuid.UUID, dict[uuid.UUID, str]] = {}
    for case_id, unit_id, employee_unit_id, outcome in links:
        for uid in {unit_id, employee_unit_id} & set(ids):
            seen.setdefault(uid, {})[case_id] = outcome
    substantiated = {Outcome.SUBSTANTIATED, Outcome.PARTLY}
    return {uid: (len(cases), sum(1 for o in cases.values() if o in substantiated)) for uid, cases in seen.items()}


def poster_companies(*, actor: Actor) -> QuerySet[Company]:
    """The companies the actor may make posters for."""
    return Company.objects.filter(scope_of(actor, policy.POSTERS).q(company="pk")).order_by("name_en")


def poster_tag_list(*, actor: Actor, year: int | None = None) -> QuerySet[PosterTag]:
    """The actor's companies' tags with their visits (in `year`, else in all)."""
    scope = scope_of(actor, policy.POSTERS)
    visits = Q(visits__month__year=year) if year else Q()
    return (
        PosterTag.objects.filter(scope.q())
        .select_related("company")
        .annotate(visit_count=Coalesce(Sum("visits__count", filter=visits), 0))
        .order_by("company__name_en", "code")
    )


def poster_tag_get(*, actor: Actor, tag_id: uuid.UUID | str) -> PosterTag:
    return poster_tag_list(actor=actor).get(pk=tag_id)


def poster_text_get(*, company_id: Any, language: str) -> PosterText | None:
    return PosterText.objects.filter(company_id=company_id, language=language).first()


def poster_company_get(*, actor: Actor, company_id: uuid.UUID | str) -> Company:
    return poster_companies(actor=actor).get(pk=company_id)


@dataclass
class TimelineEntry:
    at: dt.datetime
    what: str
    who: str = ""
    detail: str = ""


# Events that make no step of a case (a look at it, a reminder) stay in the access log only.
_TIMELINE_SKIP = {"speakup.case.viewed", "speakup.case.watch_reminded", "speakup.case.overdue_notified"}


def case_timeline(*, case: Case, data: Any, internals: dict[str, Any]) -> list[TimelineEntry]:
    """The case's steps in the order they happened: received, the workflow's events (status,
    assignment, answer, closure) from the audit trail, messages with the reporter, notes and
    tasks. `data` and `internals` are what case_content and case_internals decrypted for the page.
    Who submitted a report is never named here: its author is the reporter."""
    from senim.core.models import AuditEvent
    from senim.core.templatetags.senim_ui import event_label

    entries = [TimelineEntry(case.received_at, str(_("Received")))]
    events = (
        AuditEvent.objects.filter(object_id=str(case.pk), event_type__startswith="speakup.")
        .exclude(event_type__in=_TIMELINE_SKIP)
        .order_by("seq")
        .only("occurred_at", "event_type", "actor_label")
    )
    for event in events:
        if event.event_type in {"speakup.case.submitted"}:
            continue  # "Received" above; its actor would be the reporter
        entries.append(TimelineEntry(event.occurred_at, event_label(event.event_type), event.actor_label))
    for message in data.messages:
        what = _("Message from the reporter") if message.direction == "from_reporter" else _("Message to the reporter")
        entries.append(TimelineEntry(message.created_at, str(what), message.author))
    for note in internals["notes"]:
        entries.append(TimelineEntry(note.created_at, str(_("Note")), note.author))
    for task in internals["tasks"]:
        entries.append(TimelineEntry(task.created_at, str(_("Task set")), task.assignee, task.text))
        if task.done_at:
            entries.append(TimelineEntry(task.done_at, str(_("Task done")), task.assignee, task.text))
    return sorted(entries, key=lambda entry: entry.at)
