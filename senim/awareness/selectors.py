"""Reads of the awareness module, limited to what the actor may see.

Documents are scoped through the companies they apply to and the owner unit; campaigns through
their company; acknowledgements, requests, agreements and candidate checks through the
employee's company and unit; employees reach only their own requests (Reach.OWN).
"""

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from senim.awareness import policy
from senim.awareness.models import (
    AckCampaign,
    Acknowledgement,
    AckRequest,
    AgreementObligation,
    CandidateCheck,
    Document,
    DocumentVersion,
    HireRecord,
    OutreachEvent,
    OutreachKind,
    OutsiderAck,
    OutsiderKind,
    VersionStatus,
)
from senim.core.access import Actor, scope_of
from senim.org.models import Employee, Unit


def document_list(
    *,
    actor: Actor | None,
    kind: str = "",
    status: str = "",
    query: str = "",
    in_force_on: dt.date | None = None,
    submitted_from: dt.date | None = None,
    submitted_to: dt.date | None = None,
) -> QuerySet[Document]:
    """Documents in scope; `in_force_on` keeps those with a version in force on that day, and
    `submitted_from`/`submitted_to` those with a version submitted for approval in that period."""
    scope = scope_of(actor, policy.VIEW_DOCUMENTS)
    if scope.is_empty:
        return Document.objects.none()
    visible = Document.objects.filter(scope.q(company="companies", unit="owner_unit")).values("pk")
    qs = Document.objects.filter(pk__in=visible).select_related("current_version", "company", "owner_unit")
    if kind:
        qs = qs.filter(kind=kind)
    if status == "in_force":
        qs = qs.filter(current_version__isnull=False, is_repealed=False)
    elif status == "repealed":
        qs = qs.filter(is_repealed=True)
    elif status == "draft":
        qs = qs.filter(current_version__isnull=True)
    if query:
        qs = qs.filter(
            Q(code__icontains=query)
            | Q(title_ru__icontains=query)
            | Q(title_kk__icontains=query)
            | Q(title_en__icontains=query)
            | Q(title_uz__icontains=query)
        )
    if in_force_on is not None:
        qs = qs.filter(pk__in=versions_in_force(in_force_on).values("document_id"))
    if submitted_from or submitted_to:
        submitted = DocumentVersion.objects.filter(submitted_on__isnull=False)
        if submitted_from:
            submitted = submitted.filter(submitted_on__gte=submitted_from)
        if submitted_to:
            submitted = submitted.filter(submitted_on__lte=submitted_to)
        qs = qs.filter(pk__in=submitted.values("document_id"))
    return qs.order_by("code")


def document_get(*, actor: Actor | None, document_id: uuid.UUID | str) -> Document:
    return document_list(actor=actor).get(pk=document_id)


def version_get(*, actor: Actor | None, version_id: uuid.UUID | str) -> DocumentVersion:
    """A version of a document the actor may see (raises DocumentVersion.DoesNotExist otherwise)."""
    visible = document_list(actor=actor).values("pk")
    return DocumentVersion.objects.select_related("document").get(pk=version_id, document_id__in=visible)


def versions_in_force(day: dt.date) -> QuerySet[DocumentVersion]:
    """Versions in force on `day` (unscoped; for figures)."""
    return DocumentVersion.objects.filter(
        status__in=[VersionStatus.ADOPTED, VersionStatus.SUPERSEDED, VersionStatus.REPEALED],
        effective_date__lte=day,
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))


def version_for_reference(*, version_id: uuid.UUID | str) -> DocumentVersion | None:
    """A version by id for other modules (examination, acknowledgement by personal link), unscoped:
    the caller decides who may see it."""
    return DocumentVersion.objects.select_related("document").filter(pk=version_id).first()


def version_list(*, document: Document) -> QuerySet[DocumentVersion]:
    return document.versions.order_by("-number").prefetch_related("files")


def campaign_list(*, actor: Actor | None) -> QuerySet[AckCampaign]:
    scope = scope_of(actor, policy.VIEW)
    if scope.is_empty:
        return AckCampaign.objects.none()
    qs = AckCampaign.objects.select_related("version__document", "company")
    if not scope.everything:
        qs = qs.filter(company_id__in=scope.company_ids | _companies_of_units(scope.unit_ids))
    return qs.annotate(
        asked=Count("requests"), answered=Count("requests", filter=Q(requests__acknowledgement__isnull=False))
    ).order_by("-created_at")


def _companies_of_units(unit_ids: frozenset[uuid.UUID]) -> frozenset[uuid.UUID]:
    return frozenset(Unit.objects.filter(pk__in=unit_ids).values_list("company_id", flat=True))


def campaign_get(*, actor: Actor | None, campaign_id: uuid.UUID | str) -> AckCampaign:
    return campaign_list(actor=actor).get(pk=campaign_id)


@dataclass(frozen=True)
class UnitProgress:
    unit_id: uuid.UUID | None
    unit_name: str
    asked: int
    answered: int
    overdue: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.asked) if self.asked else 0


def campaign_progress(
    *, actor: Actor | None, campaign: AckCampaign, today: dt.date | None = None
) -> list[UnitProgress]:
    """Asked, acknowledged and overdue employees per unit, within the actor's scope."""
    today = today or timezone.localdate()
    rows = (
        _requests(actor, campaign)
        .values("unit_id")
        .annotate(
            asked=Count("pk"),
            answered=Count("pk", filter=Q(acknowledgement__isnull=False)),
            overdue=Count("pk", filter=Q(acknowledgement__isnull=True, due_date__lt=today)),
        )
    )
    units = {u.pk: str(u) for u in Unit.objects.filter(pk__in=[r["unit_id"] for r in rows if r["unit_id"]])}
    result = [
        UnitProgress(r["unit_id"], units.get(r["unit_id"], "—"), r["asked"], r["answered"], r["overdue"]) for r in rows
    ]
    return sorted(result, key=lambda p: p.unit_name)


def _requests(actor: Actor | None, campaign: AckCampaign) -> QuerySet[AckRequest]:
    scope = scope_of(actor, policy.VIEW)
    return AckRequest.objects.filter(campaign=campaign).filter(
        scope.q(company="company_id", unit="unit_id") if not scope.is_empty else Q(pk__in=[])
    )


def overdue_all(*, campaign: AckCampaign | None = None, today: dt.date | None = None) -> QuerySet[AckRequest]:
    """Every unanswered request past its due date in open campaigns (unscoped: for the system)."""
    qs = AckRequest.objects.filter(
        acknowledgement__isnull=True,
        due_date__lt=today or timezone.localdate(),
        campaign__status=AckCampaign.Status.OPEN,
        employee__dismissal_date__isnull=True,
    )
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    return qs.select_related("employee", "unit", "campaign__version__document").order_by(
        "due_date", "employee__surname"
    )


def overdue_requests(
    *, actor: Actor | None, campaign: AckCampaign | None = None, today: dt.date | None = None
) -> QuerySet[AckRequest]:
    """Unanswered requests past their due date of open campaigns (one or all), in scope."""
    scope = scope_of(actor, policy.VIEW)
    if scope.is_empty:
        return AckRequest.objects.none()
    return overdue_all(campaign=campaign, today=today).filter(scope.q(company="company_id", unit="unit_id"))


def my_requests(*, actor: Actor | None) -> QuerySet[AckRequest]:
    """The actor's own open requests: documents they are asked to read."""
    scope = scope_of(actor, policy.ACKNOWLEDGE)
    if not scope.own_employee_ids:
        return AckRequest.objects.none()
    return (
        AckRequest.objects.filter(
            employee_id__in=scope.own_employee_ids,
            acknowledgement__isnull=True,
            campaign__status=AckCampaign.Status.OPEN,
            campaign__version__status=VersionStatus.ADOPTED,
        )
        .select_related("campaign__version__document")
        .order_by("due_date")
    )


def my_acknowledgements(*, actor: Actor | None) -> QuerySet[Acknowledgement]:
    scope = scope_of(actor, policy.ACKNOWLEDGE)
    return (
        Acknowledgement.objects.filter(employee_id__in=scope.own_employee_ids)
        .select_related("version__document")
        .order_by("-acknowledged_on")
    )


def my_version_get(*, actor: Actor | None, version_id: uuid.UUID | str) -> DocumentVersion:
    """A version the actor is asked to read or has acknowledged (their own reading list)."""
    asked = my_requests(actor=actor).values("campaign__version_id")
    read = my_acknowledgements(actor=actor).values("version_id")
    return DocumentVersion.objects.select_related("document").get(Q(pk__in=asked) | Q(pk__in=read), pk=version_id)


def acknowledgement_list(*, actor: Actor | None, version: DocumentVersion | None = None) -> QuerySet[Acknowledgement]:
    scope = scope_of(actor, policy.VIEW)
    if scope.is_empty:
        return Acknowledgement.objects.none()
    qs = Acknowledgement.objects.filter(scope.q(company="company_id", unit="unit_id"))
    if version is not None:
        qs = qs.filter(version=version)
    return qs.select_related("employee", "version__document").order_by("-acknowledged_on")


def employee_in_scope(
    *, actor: Actor | None, permission: str, company_id: uuid.UUID | str, number: str
) -> Employee | None:
    scope = scope_of(actor, permission)
    if scope.is_empty:
        return None
    return (
        Employee.objects.filter(scope.q(company="company_id", unit="unit_id"))
        .filter(company_id=company_id, personnel_number=number)
        .first()
    )


def agreement_list(
    *, actor: Actor | None, missing_only: bool = False, year: int | None = None
) -> QuerySet[AgreementObligation]:
    scope = scope_of(actor, policy.VIEW)
    if scope.is_empty:
        return AgreementObligation.objects.none()
    qs = AgreementObligation.objects.filter(
        scope.q(company="company_id", unit="unit_id"), employee__dismissal_date__isnull=True
    )
    if missing_only:
        qs = qs.filter(concluded_on__isnull=True)
    if year:
        qs = qs.filter(concluded_on__year=year)
    return qs.select_related("employee", "position", "unit").order_by("concluded_on", "arose_on")


def agreement_get(*, actor: Actor | None, obligation_id: uuid.UUID | str) -> AgreementObligation:
    return agreement_list(actor=actor).get(pk=obligation_id)


def hire_record_list(*, actor: Actor | None, year: int | None = None) -> QuerySet[HireRecord]:
    scope = scope_of(actor, policy.VIEW)
    if scope.is_empty:
        return HireRecord.objects.none()
    qs = HireRecord.objects.filter(scope.q(company="company_id", unit="unit_id"))
    if year:
        qs = qs.filter(employee__hire_date__year=year)
    return qs.select_related("employee").order_by("-contract_date")


def new_hires_without_record(*, actor: Actor | None, year: int) -> QuerySet[Employee]:
    """Employees hired in the year with no contract record yet."""
    scope = scope_of(actor, policy.VIEW)
    if scope.is_empty:
        return Employee.objects.none()
    recorded = HireRecord.objects.values("employee_id")
    return (
        Employee.objects.filter(scope.q(company="company_id", unit="unit_id"), hire_date__year=year)
        .exclude(pk__in=recorded)
        .order_by("-hire_date")
    )


def candidate_check_list(*, actor: Actor | None, status: str = "") -> QuerySet[CandidateCheck]:
    scope = scope_of(actor, policy.CHECK_CANDIDATES)
    if scope.is_empty:
        return CandidateCheck.objects.none()
    qs = CandidateCheck.objects.filter(scope.q(company="company_id", unit="unit_id"))
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("company", "unit", "position").order_by("-checked_on", "-created_at")


def candidate_check_get(*, actor: Actor | None, check_id: uuid.UUID | str) -> CandidateCheck:
    return candidate_check_list(actor=actor).get(pk=check_id)


def outsider_list(*, actor: Actor | None, kind: str = "") -> QuerySet[OutsiderAck]:
    """People without an account asked to acknowledge, or who signed on paper, in the actor's companies."""
    qs = OutsiderAck.objects.filter(scope_of(actor, policy.VIEW).q()).select_related(
        "version__document", "company", "counterparty"
    )
    return qs.filter(kind=kind) if kind else qs


def outsider_get(*, actor: Actor | None, record_id: uuid.UUID | str) -> OutsiderAck:
    return outsider_list(actor=actor).get(pk=record_id)


def outsiders_by_counterparty(*, actor: Actor | None, year: int | None = None) -> list[dict[str, Any]]:
    """Contractors' people who acknowledged (in `year`, else ever) and those still asked, per counterparty."""
    qs = outsider_list(actor=actor, kind=OutsiderKind.CONTRACTOR)
    done = Q(acknowledged_on__isnull=False) & (Q(acknowledged_on__year=year) if year else Q())
    rows = qs.values("counterparty_id").annotate(acknowledged=Count("pk", filter=done), asked=Count("pk"))
    names = {o.counterparty_id: str(o.counterparty) for o in qs.exclude(counterparty=None).distinct()}
    result = [
        {
            "counterparty_id": r["counterparty_id"],
            "counterparty": names.get(r["counterparty_id"], ""),
            "acknowledged": r["acknowledged"],
            "asked": r["asked"],
        }
        for r in rows
    ]
    return sorted(result, key=lambda r: r["counterparty"])


def versions_awaiting_adoption(*, actor: Actor | None) -> QuerySet[DocumentVersion]:
    """Versions submitted to their approving body, of documents the actor manages, oldest first: the
    approving body's decision waits to be recorded."""
    scope = scope_of(actor, policy.MANAGE_DOCUMENTS)
    if scope.is_empty:
        return DocumentVersion.objects.none()
    documents = Document.objects.filter(scope.q(company="company", unit="owner_unit")).values("pk")
    return (
        DocumentVersion.objects.filter(status=VersionStatus.SUBMITTED, document_id__in=documents)
        .select_related("document")
        .order_by("submitted_on", "updated_at")
    )


def outreach_list(
    *, actor: Actor | None, year: int | None = None, kind: str = "", audience: str = ""
) -> QuerySet[OutreachEvent]:
    """Outreach events of the companies in the actor's scope, newest first; narrowed by the year
    held, kind and audience when given."""
    qs = OutreachEvent.objects.filter(scope_of(actor, policy.VIEW).q()).select_related("company", "counterparty")
    if year:
        qs = qs.filter(held_on__year=year)
    if kind:
        qs = qs.filter(kind=kind)
    if audience:
        qs = qs.filter(audience=audience)
    return qs.order_by("-held_on", "-created_at")


def outreach_get(*, actor: Actor | None, event_id: uuid.UUID | str) -> OutreachEvent:
    return outreach_list(actor=actor).get(pk=event_id)


def outreach_by_kind(*, actor: Actor | None, year: int) -> list[dict[str, Any]]:
    """Per kind of event: events held and people reached in `year` and the year before."""
    qs = outreach_list(actor=actor).filter(held_on__year__in=[year, year - 1]).order_by()
    counts = {
        (r["kind"], r["held_on__year"]): r
        for r in qs.values("kind", "held_on__year").annotate(events=Count("pk"), reach=Sum("reach"))
    }

    def figures(kind: str, when: int) -> tuple[int, int]:
        row = counts.get((kind, when))
        return (row["events"], row["reach"] or 0) if row else (0, 0)

    rows = []
    for kind in OutreachKind:
        (events, reach), (previous_events, previous_reach) = figures(kind.value, year), figures(kind.value, year - 1)
        if events or previous_events:
            rows.append(
                {
                    "kind": kind.value,
                    "label": str(kind.label),
                    "events": events,
                    "previous_events": previous_events,
                    "reach": reach,
                    "previous_reach": previous_reach,
                }
            )
    return rows
