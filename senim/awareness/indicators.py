"""Awareness's indicators for the annual report, each counted by the date the event happened:
a version's decision date (adopted), submission date (submitted), effective and end dates (in
force), the acknowledgement date, the agreement's date, the hire date and the day an outreach
event was held."""

import datetime as dt
import uuid

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from senim.awareness.models import (
    Acknowledgement,
    AgreementObligation,
    DocumentKind,
    DocumentVersion,
    HireRecord,
    OutreachAudience,
    OutreachEvent,
    OutsiderAck,
    OutsiderKind,
)
from senim.awareness.selectors import versions_in_force
from senim.core.indicators import register, register_count
from senim.org.models import Employee


def _versions(company_id: uuid.UUID | None) -> QuerySet[DocumentVersion]:
    qs = DocumentVersion.objects.all()
    return qs.filter(document__companies=company_id) if company_id else qs


@register_count(
    code="awareness.documents_in_force",
    title=_("Internal documents in force at year end"),
    unit=_("documents"),
    module="awareness",
    distinct="document_id",
)
def documents_in_force(year: int, company_id: uuid.UUID | None) -> QuerySet[DocumentVersion]:
    qs = versions_in_force(dt.date(year, 12, 31))
    return qs.filter(document__companies=company_id) if company_id else qs


@register_count(
    code="awareness.documents_adopted",
    title=_("Internal documents adopted (new and revised)"),
    unit=_("documents"),
    module="awareness",
)
def documents_adopted(year: int, company_id: uuid.UUID | None) -> QuerySet[DocumentVersion]:
    return _versions(company_id).filter(decision_date__year=year)


@register_count(
    code="awareness.drafts_submitted",
    title=_("Drafts submitted for approval"),
    unit=_("drafts"),
    module="awareness",
)
def drafts_submitted(year: int, company_id: uuid.UUID | None) -> QuerySet[DocumentVersion]:
    return _versions(company_id).filter(submitted_on__year=year)


def _code_readers(year: int, company_id: uuid.UUID | None) -> QuerySet[Acknowledgement]:
    qs = Acknowledgement.objects.filter(acknowledged_on__year=year, document__kind=DocumentKind.CODE)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="awareness.code_reviewed",
    title=_("Employees who reviewed the Anti-Corruption Code"),
    unit=_("people"),
    module="awareness",
    distinct="employee_id",
)
def code_reviewed(year: int, company_id: uuid.UUID | None) -> QuerySet[Acknowledgement]:
    return _code_readers(year, company_id)


@register_count(
    code="awareness.code_reviewed_new_hires",
    title=_("of whom new hires of the year"),
    unit=_("people"),
    module="awareness",
    distinct="employee_id",
)
def code_reviewed_new_hires(year: int, company_id: uuid.UUID | None) -> QuerySet[Acknowledgement]:
    return _code_readers(year, company_id).filter(employee__hire_date__year=year)


@register_count(
    code="awareness.agreements_concluded",
    title=_("Anti-corruption agreements to labour contracts concluded"),
    unit=_("agreements"),
    module="awareness",
)
def agreements_concluded(year: int, company_id: uuid.UUID | None) -> QuerySet[AgreementObligation]:
    qs = AgreementObligation.objects.filter(concluded_on__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


def _hire_records(year: int, company_id: uuid.UUID | None) -> QuerySet[HireRecord]:
    qs = HireRecord.objects.filter(employee__hire_date__year=year, has_obligations=True)
    return qs.filter(company_id=company_id) if company_id else qs


def _hires(year: int, company_id: uuid.UUID | None) -> tuple[int, int]:
    hires = Employee.objects.filter(hire_date__year=year)
    if company_id:
        hires = hires.filter(company_id=company_id)
    return _hire_records(year, company_id).count(), hires.count()


@register_count(
    code="awareness.hires_with_obligations",
    title=_("New hires whose contracts carry anti-corruption obligations"),
    unit=_("people"),
    module="awareness",
)
def hires_with_obligations(year: int, company_id: uuid.UUID | None) -> QuerySet[HireRecord]:
    return _hire_records(year, company_id)


@register(
    records=_hire_records,
    code="awareness.hires_with_obligations_share",
    title=_("Share of new hires whose contracts carry anti-corruption obligations"),
    unit=_("per cent of new hires"),
    module="awareness",
)
def hires_with_obligations_share(year: int, company_id: uuid.UUID | None) -> int:
    with_obligations, hires = _hires(year, company_id)
    return round(100 * with_obligations / hires) if hires else 0


def _outsiders(year: int, company_id: uuid.UUID | None, kinds: tuple[str, ...]) -> QuerySet[OutsiderAck]:
    qs = OutsiderAck.objects.filter(kind__in=kinds, acknowledged_on__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="awareness.board_signed",
    title=_("Board members who signed the documents they were asked to"),
    unit=_("people"),
    module="awareness",
)
def board_signed(year: int, company_id: uuid.UUID | None) -> QuerySet[OutsiderAck]:
    return _outsiders(year, company_id, (OutsiderKind.BOARD, OutsiderKind.SUPERVISORY))


@register_count(
    code="awareness.contractor_people_acknowledged",
    title=_("Contractors' people and agents who acknowledged a document"),
    unit=_("people"),
    module="awareness",
)
def contractor_people_acknowledged(year: int, company_id: uuid.UUID | None) -> QuerySet[OutsiderAck]:
    return _outsiders(year, company_id, (OutsiderKind.CONTRACTOR, OutsiderKind.AGENT))


def _outreach(year: int, company_id: uuid.UUID | None) -> QuerySet[OutreachEvent]:
    qs = OutreachEvent.objects.filter(held_on__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="awareness.outreach_events",
    title=_("Outreach events held (seminars, round tables, meetings, publications, media)"),
    unit=_("events"),
    module="awareness",
)
def outreach_events(year: int, company_id: uuid.UUID | None) -> QuerySet[OutreachEvent]:
    return _outreach(year, company_id)


@register_count(
    code="awareness.outreach_events_outside",
    title=_("of which aimed at counterparties, the public or young people"),
    unit=_("events"),
    module="awareness",
)
def outreach_events_outside(year: int, company_id: uuid.UUID | None) -> QuerySet[OutreachEvent]:
    return _outreach(year, company_id).exclude(audience=OutreachAudience.STAFF)


@register(
    records=_outreach,
    code="awareness.outreach_reach",
    title=_("People reached by outreach events"),
    unit=_("people"),
    module="awareness",
)
def outreach_reach(year: int, company_id: uuid.UUID | None) -> int:
    return _outreach(year, company_id).aggregate(total=Sum("reach"))["total"] or 0
