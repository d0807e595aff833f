"""Reads of the conflicts module, limited to what the actor may see.

Declarations, alerts, campaign requests and gifts are scoped through the employee's company and
unit; employees reach only their own (Reach.OWN). Measures are also visible to the user who owns
them, and to that user only the measure (never the declaration's content).
"""

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from senim.accounts.models import User
from senim.conflicts import policy
from senim.conflicts.models import (
    Alert,
    Campaign,
    CampaignRequest,
    Declaration,
    DeclarationItem,
    DetectionRun,
    FormType,
    FormVersion,
    Gift,
    GiftThreshold,
    Measure,
    Outcome,
    Population,
    Relation,
    Section,
)
from senim.core.access import Actor, scope_of
from senim.core.i18n import fallback_order
from senim.core.selectors import within
from senim.org.models import Employee, Unit

REPEAT_WINDOW_DAYS = 365
REPEAT_COUNT = 3


def _scoped(actor: Actor | None, permission: str) -> Q:
    return scope_of(actor, permission).q(company="company", unit="unit", employee="employee")


def _own_or_scoped(actor: Actor | None, permission: str) -> Q:
    """The actor's own records, or those in their scope for `permission`. (An empty Q() in an OR
    would be dropped by Django, so the group-wide case is handled first.)"""
    scope = scope_of(actor, permission)
    if scope.everything:
        return Q()
    condition = Q(employee_id__in=scope_of(actor, policy.DECLARE).own_employee_ids)
    if not scope.is_empty:
        condition |= _scoped(actor, permission)
    return condition


# ---------------------------------------------------------------------------- declarations


def declaration_list(
    *,
    actor: Actor | None,
    status: str = "",
    form_type: str = "",
    campaign_id: uuid.UUID | None = None,
    query: str = "",
    current_only: bool = True,
    nothing_to_declare: bool | None = None,
    submitted_from: dt.date | None = None,
    submitted_to: dt.date | None = None,
    external_id: str = "",
) -> QuerySet[Declaration]:
    """Declarations of the employees the actor may review or read (officers, auditors); `current_only`:
    without the versions newer ones replaced (an `external_id` finds its declaration in any case)."""
    scope = scope_of(actor, policy.VIEW)
    if scope.is_empty:
        return Declaration.objects.none()
    qs = Declaration.objects.filter(_scoped(actor, policy.VIEW)).select_related("employee", "company", "unit")
    if external_id:
        qs = qs.filter(external_id=external_id)
    elif current_only:
        qs = qs.exclude(status=Declaration.Status.SUPERSEDED)
    qs = within(qs, "submitted_at__date", submitted_from, submitted_to)
    if status:
        qs = qs.filter(status=status)
    if form_type:
        qs = qs.filter(form_type=form_type)
    if campaign_id:
        qs = qs.filter(campaign_id=campaign_id)
    if nothing_to_declare is not None:
        qs = qs.filter(nothing_to_declare=nothing_to_declare)
    for term in query.casefold().split()[:5]:
        qs = qs.filter(employee__search_text__contains=term)
    return qs.order_by("-submitted_at")


def declarations_to_close(*, actor: Actor | None, ids: list[str]) -> list[Declaration]:
    """The declarations named by `ids` that the actor may review (any other id is left out, so the
    caller sees the counts differ)."""
    scope = scope_of(actor, policy.REVIEW)
    if scope.is_empty:
        return []
    qs = Declaration.objects.filter(_scoped(actor, policy.REVIEW)).select_related("employee", "company", "unit")
    return list(qs.filter(pk__in=ids))


def own_declarations(*, actor: Actor | None) -> QuerySet[Declaration]:
    """The actor's own declarations (every version), newest first."""
    scope = scope_of(actor, policy.DECLARE)
    if not scope.own_employee_ids:
        return Declaration.objects.none()
    return (
        Declaration.objects.filter(employee_id__in=scope.own_employee_ids)
        .select_related("employee", "form_version")
        .order_by("-submitted_at")
    )


def declaration_get(*, actor: Actor | None, declaration_id: uuid.UUID | str) -> Declaration:
    """A declaration the actor may read: their own, or one in their view scope."""
    condition = _own_or_scoped(actor, policy.VIEW)
    return (
        Declaration.objects.filter(condition)
        .select_related("employee", "company", "unit", "form_version", "reviewed_by", "supersedes")
        .prefetch_related("items", "form_version__questions")
        .get(pk=declaration_id)
    )


def measure_list(*, declaration: Declaration) -> QuerySet[Measure]:
    return declaration.measures.select_related("owner", "done_by").order_by("deadline", "created_at")


def audit_visible_measures(*, actor: Actor | None) -> QuerySet[Measure]:
    """Measures of the declarations the actor may read (for the audit trail's visibility rule)."""
    return Measure.objects.filter(declaration__in=declaration_list(actor=actor, current_only=False).values("pk"))


def my_measures(*, actor: Actor | None, open_only: bool = False) -> QuerySet[Measure]:
    """Measures the actor is responsible for (e.g. a manager changing a reporting line)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return Measure.objects.none()
    qs = (
        Measure.objects.filter(owner_id=cast(uuid.UUID, actor.pk))
        .exclude(declaration__status=Declaration.Status.SUPERSEDED)
        .select_related("declaration__employee")
    )
    if open_only:
        qs = qs.filter(done_at__isnull=True)
    return qs.order_by("done_at", "deadline")


def measure_get(*, actor: Actor | None, measure_id: uuid.UUID | str) -> Measure:
    """A measure its owner, or a reviewer of the declaration, may act on."""
    scope = scope_of(actor, policy.REVIEW)
    condition = Q(owner_id=getattr(actor, "pk", None))
    if scope.everything:
        condition = Q()
    elif not scope.is_empty:
        condition |= scope.q(company="declaration__company", unit="declaration__unit")
    return (
        Measure.objects.filter(condition)
        .select_related("declaration", "declaration__employee", "owner")
        .get(pk=measure_id)
    )


def measure_owners(*, actor: Actor) -> QuerySet[User]:
    """Active users a reviewer may make responsible for a measure: nobody for those who do not
    review declarations; for the others, the users whose employee record, or whose roles, lie in
    the part of the group they review (everyone for group-wide reviewers)."""
    scope = scope_of(actor, policy.REVIEW)
    users = User.objects.filter(is_active=True)
    if scope.is_empty:
        return users.none()
    if not scope.everything:
        companies = scope.company_ids | companies_of_units(scope.unit_ids)
        users = users.filter(
            Q(employee__company_id__in=companies)
            | Q(assignments__company_id__in=companies)
            | Q(assignments__unit__company_id__in=companies)
        ).distinct()
    return users.order_by("last_name", "first_name", "username")


def employee_by_number(*, actor: Actor | None, company_id: uuid.UUID | str, number: str) -> Employee | None:
    """The active employee with this personnel number, if in the actor's review scope."""
    scope = scope_of(actor, policy.REVIEW)
    if scope.is_empty:
        return None
    return (
        Employee.objects.filter(scope.q(company="company_id", unit="unit_id"))
        .filter(company_id=company_id, personnel_number=number.strip(), dismissal_date__isnull=True)
        .select_related("company")
        .first()
    )


def form_versions(*, form_type: str) -> QuerySet[FormVersion]:
    return FormVersion.objects.filter(form_type=form_type).prefetch_related("questions").order_by("-number")


# ---------------------------------------------------------------------------- campaigns


def campaign_list(*, actor: Actor | None) -> QuerySet[Campaign]:
    """Campaigns over the whole group, and those of the companies in the actor's view scope."""
    scope = scope_of(actor, policy.VIEW)
    if scope.is_empty:
        return Campaign.objects.none()
    qs = Campaign.objects.select_related("company")
    if not scope.everything:
        # Group-wide campaigns too: their progress and pending lists are narrowed to the scope.
        companies = scope.company_ids | companies_of_units(scope.unit_ids)
        qs = qs.filter(Q(company__isnull=True) | Q(company_id__in=companies))
    return qs.annotate(
        asked=Count("requests", distinct=True),
        answered=Count("requests", filter=Q(requests__declaration__isnull=False), distinct=True),
    ).order_by("-created_at")


def companies_of_units(unit_ids: frozenset[uuid.UUID]) -> frozenset[uuid.UUID]:
    if not unit_ids:
        return frozenset()
    return frozenset(Unit.objects.filter(pk__in=unit_ids).values_list("company_id", flat=True))


def campaign_get(*, actor: Actor | None, campaign_id: uuid.UUID | str) -> Campaign:
    return campaign_list(actor=actor).get(pk=campaign_id)


@dataclass(frozen=True)
class UnitProgress:
    unit_id: uuid.UUID | None
    unit_name: str
    asked: int
    answered: int
    late: int

    @property
    def percent(self) -> int:
        return int(100 * self.answered / self.asked) if self.asked else 0


def campaign_progress(*, actor: Actor | None, campaign: Campaign) -> list[UnitProgress]:
    """Requests asked and answered per unit, within the actor's scope, largest units first."""
    requests = CampaignRequest.objects.filter(campaign=campaign).filter(_scoped(actor, policy.VIEW))
    rows = (
        requests.values("unit_id", "unit__name_ru", "unit__name_kk", "unit__name_en", "unit__name_uz", "unit__code")
        .annotate(
            asked=Count("pk"),
            answered=Count("pk", filter=Q(declaration__isnull=False)),
            late=Count("pk", filter=Q(declaration__is_late=True)),
        )
        .order_by("-asked")
    )
    order = fallback_order()
    result = []
    for row in rows:
        values: dict[str, Any] = dict(row)
        name = next((values[f"unit__name_{code}"] for code in order if values.get(f"unit__name_{code}")), "")
        result.append(
            UnitProgress(row["unit_id"], name or row["unit__code"] or "", row["asked"], row["answered"], row["late"])
        )
    return result


def answered_by_a_form_a() -> Q:
    """Requests the employee has in fact answered though no declaration is linked to them: a form A
    submitted since the campaign was launched or, in a new-hires campaign, since they were hired
    (a new hire who declared on joining, before the campaign asked them)."""
    since_launch = Declaration.objects.filter(
        employee_id=OuterRef("employee_id"), form_type=FormType.A, submitted_at__gte=OuterRef("campaign__launched_at")
    )
    since_hire = Declaration.objects.filter(
        employee_id=OuterRef("employee_id"),
        form_type=FormType.A,
        submitted_at__date__gte=OuterRef("employee__hire_date"),
    )
    return Q(Exists(since_launch)) | (Q(campaign__population=Population.NEW_HIRES) & Q(Exists(since_hire)))


def open_requests(*, actor: Actor | None) -> QuerySet[CampaignRequest]:
    """The actor's own campaign requests still waiting for a declaration (not one already answered
    by a form A submitted outside the request)."""
    scope = scope_of(actor, policy.DECLARE)
    if not scope.own_employee_ids:
        return CampaignRequest.objects.none()
    return (
        CampaignRequest.objects.filter(
            employee_id__in=scope.own_employee_ids, declaration__isnull=True, campaign__status=Campaign.Status.OPEN
        )
        .exclude(answered_by_a_form_a())
        .select_related("campaign")
        .order_by("due_date")
    )


def pending_requests(*, actor: Actor | None, campaign: Campaign) -> QuerySet[CampaignRequest]:
    return (
        CampaignRequest.objects.filter(campaign=campaign, declaration__isnull=True)
        .filter(_scoped(actor, policy.VIEW))
        .select_related("employee", "unit")
        .order_by("employee__surname", "employee__given_name")
    )


# ---------------------------------------------------------------------------- alerts


def alert_list(
    *, actor: Actor | None, status: str = "", kind: str = "", disclosed: bool | None = None
) -> QuerySet[Alert]:
    if scope_of(actor, policy.VIEW).is_empty:
        return Alert.objects.none()
    qs = Alert.objects.filter(_scoped(actor, policy.VIEW)).select_related("employee", "company")
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if disclosed is not None:
        qs = qs.filter(disclosed=disclosed)
    return qs.order_by("-created_at")


def alert_get(*, actor: Actor | None, alert_id: uuid.UUID | str) -> Alert:
    return alert_list(actor=actor).select_related("decided_by", "unit").get(pk=alert_id)


def run_list(*, actor: Actor | None) -> QuerySet[DetectionRun]:
    if scope_of(actor, policy.VIEW).is_empty:
        return DetectionRun.objects.none()
    return DetectionRun.objects.select_related("requested_by").order_by("-created_at")


def run_get(*, actor: Actor | None, run_id: uuid.UUID | str) -> DetectionRun:
    return run_list(actor=actor).get(pk=run_id)


def changes_since_last_run(*, run: DetectionRun | None) -> int:
    """Declarations submitted and employee records changed since the run started (a hint that
    the detection should run again); 0 without a run."""
    if run is None or run.started_at is None:
        return 0
    declarations = Declaration.objects.filter(submitted_at__gt=run.started_at).count()
    return declarations + Employee.objects.filter(updated_at__gt=run.started_at).count()


def open_alert_count(*, actor: Actor | None) -> int:
    return alert_list(actor=actor, status=Alert.Status.OPEN).count()


# ---------------------------------------------------------------------------- gifts


def own_gifts(*, actor: Actor | None) -> QuerySet[Gift]:
    scope = scope_of(actor, policy.DECLARE)
    if not scope.own_employee_ids:
        return Gift.objects.none()
    return Gift.objects.filter(employee_id__in=scope.own_employee_ids).order_by("-date", "-created_at")


def gift_list(
    *,
    actor: Actor | None,
    status: str = "",
    year: int | None = None,
    handed_over: bool | None = None,
    query: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    external_id: str = "",
) -> QuerySet[Gift]:
    if scope_of(actor, policy.VIEW_GIFTS).is_empty:
        return Gift.objects.none()
    qs = Gift.objects.filter(_scoped(actor, policy.VIEW_GIFTS)).select_related("employee", "company")
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(date__year=year)
    if handed_over is not None:
        qs = qs.filter(handed_over_at__isnull=not handed_over)
    if external_id:
        qs = qs.filter(external_id=external_id)
    qs = within(qs, "date", date_from, date_to)
    for term in query.casefold().split()[:5]:
        qs = qs.filter(
            Q(employee__search_text__contains=term)
            | Q(party_name__icontains=term)
            | Q(party_organisation__icontains=term)
            | Q(source_key__contains=term)
        )
    return qs.order_by("-date", "-created_at")


def gift_get(*, actor: Actor | None, gift_id: uuid.UUID | str) -> Gift:
    condition = _own_or_scoped(actor, policy.VIEW_GIFTS)
    return Gift.objects.filter(condition).select_related("employee", "company", "decided_by").get(pk=gift_id)


def repeated_sources(*, gifts: QuerySet[Gift], today: dt.date | None = None) -> set[str]:
    """Sources (giver or receiver, by normalised name) of at least REPEAT_COUNT gifts to or from
    the same employee within the last REPEAT_WINDOW_DAYS."""
    since = (today or timezone.localdate()) - dt.timedelta(days=REPEAT_WINDOW_DAYS)
    rows = (
        gifts.filter(date__gte=since)
        .exclude(kind="declined")
        .order_by()  # the list's ordering would split the groups
        .values("employee_id", "source_key")
        .annotate(n=Count("pk"))
        .filter(n__gte=REPEAT_COUNT)
    )
    return {row["source_key"] for row in rows}


def gift_is_repeated(*, gift: Gift) -> bool:
    """Whether the gift's source gave or received REPEAT_COUNT gifts of this employee in a year."""
    return gift.source_key in repeated_sources(gifts=Gift.objects.filter(employee_id=gift.employee_id))


@dataclass(frozen=True)
class GiftTotal:
    label: str
    currency: str
    count: int
    value: Decimal


def gift_totals(*, actor: Actor | None, year: int, by: str) -> list[GiftTotal]:
    """Totals of a year's gifts (not declined) per employee or per source, per currency: amounts in
    different currencies are never added up or ranked together (Senim keeps no exchange rates), so
    rows come currency by currency, the largest total first within each."""
    gifts = gift_list(actor=actor, year=year).exclude(kind="declined")
    fields = ("employee__surname", "employee__given_name") if by == "employee" else ("party_organisation", "party_name")
    rows = (
        gifts.values(*fields, "currency")
        .annotate(count=Count("pk"), value=Sum("value"))
        .order_by("currency", "-value")[:200]
    )
    totals = []
    for values in rows:
        row: dict[str, Any] = dict(values)
        if by == "employee":
            label = f"{row['employee__surname']} {row['employee__given_name']}"
        else:
            label = row["party_organisation"] or row["party_name"]
        totals.append(GiftTotal(label, row["currency"], row["count"], row["value"] or Decimal(0)))
    return totals


def pending_gift_count(*, actor: Actor | None) -> int:
    if scope_of(actor, policy.APPROVE_GIFTS).is_empty:
        return 0
    return (
        Gift.objects.filter(status=Gift.Status.PENDING)
        .filter(scope_of(actor, policy.APPROVE_GIFTS).q(company="company", unit="unit"))
        .count()
    )


def threshold_list() -> QuerySet[GiftThreshold]:
    return GiftThreshold.objects.order_by("-year", "country")


def status_counts(*, actor: Actor | None) -> Counter[str]:
    return Counter(
        dict(declaration_list(actor=actor).values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    )


@dataclass(frozen=True)
class DeclaredRelative:
    """An employee who declared a person as a relative (for checks of candidates)."""

    employee_id: uuid.UUID
    employee_name: str
    company_id: uuid.UUID
    relation: str
    relation_label: str
    matched_on: str


def declared_relatives_of(*, identifier: str = "", names: list[str] | None = None) -> list[DeclaredRelative]:
    """Active employees whose current declarations name this person as a relative, matched by
    IIN/PINFL or by the full name (case-insensitive, either script as written). Unscoped: the
    caller (a candidate check) has already checked its own permission."""
    wanted = {" ".join(n.split()).casefold() for n in (names or []) if n and n.strip()}
    condition = Q(pk__in=[])
    if identifier:
        condition |= Q(person_identifier=identifier)
    for name in wanted:
        condition |= Q(person_name__iexact=name) | Q(person_name__in=[name.title(), name.upper()])
    items = (
        DeclarationItem.objects.filter(condition, section=Section.RELATIVES, declaration__employee__dismissal_date=None)
        .exclude(declaration__status=Declaration.Status.SUPERSEDED)
        .select_related("declaration__employee")
    )
    labels = dict(Relation.choices)
    found: dict[tuple[uuid.UUID, str], DeclaredRelative] = {}
    for item in items[:200]:
        by_id = bool(identifier) and item.person_identifier == identifier
        if not by_id and " ".join(item.person_name.split()).casefold() not in wanted:
            continue
        employee = item.declaration.employee
        found[(employee.pk, item.relation)] = DeclaredRelative(
            employee_id=employee.pk,
            employee_name=employee.full_name,
            company_id=employee.company_id,
            relation=item.relation,
            relation_label=str(labels.get(item.relation, item.relation)),
            matched_on="identifier" if by_id else "name",
        )
    return list(found.values())


def unit_signal_counts(
    *, unit_ids: Iterable[uuid.UUID], since: dt.date, until: dt.date
) -> dict[uuid.UUID, tuple[int, int]]:
    """For the risk assessment's signals: per unit, the gifts its staff declared in [since, until] and
    the current declarations submitted then that disclosed a potential or actual conflict."""
    ids = list(unit_ids)
    gifts = dict(
        Gift.objects.filter(unit_id__in=ids, date__gte=since, date__lte=until)
        .values("unit_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "n")
    )
    conflicts = dict(
        Declaration.objects.filter(
            unit_id__in=ids,
            submitted_at__date__gte=since,
            submitted_at__date__lte=until,
            outcome__in=[Outcome.POTENTIAL, Outcome.ACTUAL],
        )
        .exclude(status=Declaration.Status.SUPERSEDED)
        .values("unit_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "n")
    )
    return {uid: (gifts.get(uid, 0), conflicts.get(uid, 0)) for uid in set(gifts) | set(conflicts)}


def declarations_awaiting_review(*, actor: Actor | None) -> QuerySet[Declaration]:
    """Current declarations submitted and not yet reviewed that the actor may review (not their own),
    oldest first: the actor's approval queue."""
    if scope_of(actor, policy.REVIEW).is_empty:
        return Declaration.objects.none()
    qs = Declaration.objects.filter(_scoped(actor, policy.REVIEW), status=Declaration.Status.SUBMITTED, outcome="")
    own = getattr(actor, "employee_id", None)
    if own is not None:
        qs = qs.exclude(employee_id=own)
    return qs.select_related("employee").order_by("submitted_at")


def gifts_awaiting_decision(*, actor: Actor | None) -> QuerySet[Gift]:
    """Gifts awaiting approval that the actor may decide (not their own), oldest first."""
    if scope_of(actor, policy.APPROVE_GIFTS).is_empty:
        return Gift.objects.none()
    qs = Gift.objects.filter(
        scope_of(actor, policy.APPROVE_GIFTS).q(company="company", unit="unit"), status=Gift.Status.PENDING
    )
    own = getattr(actor, "employee_id", None)
    if own is not None:
        qs = qs.exclude(employee_id=own)
    return qs.select_related("employee").order_by("created_at")
