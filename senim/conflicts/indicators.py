"""Conflicts' indicators for the annual report: forms A and B submitted, campaign completion,
conflicts disclosed and settled, undisclosed links found and confirmed, gifts declared, approved,
refused and handed over. Each counts for the employee's company."""

import uuid

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from senim.conflicts.models import Alert, CampaignRequest, Declaration, FormType, Gift, Outcome
from senim.core.indicators import register, register_count


def _declarations(year: int, company_id: uuid.UUID | None) -> QuerySet[Declaration]:
    qs = Declaration.objects.filter(submitted_at__year=year, supersedes__isnull=True)
    return qs.filter(company_id=company_id) if company_id else qs


def _gifts(year: int, company_id: uuid.UUID | None) -> QuerySet[Gift]:
    qs = Gift.objects.filter(date__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


def _alerts(year: int, company_id: uuid.UUID | None) -> QuerySet[Alert]:
    qs = Alert.objects.filter(created_at__year=year, disclosed=False)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="conflicts.forms_a", title=_("Forms A submitted"), unit=_("forms"), module="conflicts", distinct="employee_id"
)
def forms_a(year: int, company_id: uuid.UUID | None) -> QuerySet[Declaration]:
    """Form A is yearly: each employee who submitted one in the year counts once in that year, whether
    or not they filed one the year before (a later year's form is a new version of the earlier one,
    so counting first versions only would leave every year after the first at zero); corrections
    within the year do not count twice."""
    qs = Declaration.objects.filter(submitted_at__year=year, form_type=FormType.A)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(code="conflicts.forms_b", title=_("Forms B submitted"), unit=_("forms"), module="conflicts")
def forms_b(year: int, company_id: uuid.UUID | None) -> QuerySet[Declaration]:
    return _declarations(year, company_id).filter(form_type=FormType.B)


def _campaign_requests(year: int, company_id: uuid.UUID | None) -> QuerySet[CampaignRequest]:
    qs = CampaignRequest.objects.filter(campaign__launched_at__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register(
    records=_campaign_requests,
    code="conflicts.campaign_completion",
    title=_("Form A campaign completion"),
    unit=_("per cent of employees asked"),
    module="conflicts",
)
def campaign_completion(year: int, company_id: uuid.UUID | None) -> int:
    qs = _campaign_requests(year, company_id)
    asked = qs.count()
    return round(100 * qs.filter(declaration__isnull=False).count() / asked) if asked else 0


@register_count(
    code="conflicts.disclosed", title=_("Conflicts of interest disclosed"), unit=_("conflicts"), module="conflicts"
)
def disclosed(year: int, company_id: uuid.UUID | None) -> QuerySet[Declaration]:
    qs = Declaration.objects.filter(reviewed_at__year=year, outcome__in=[Outcome.POTENTIAL, Outcome.ACTUAL])
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="conflicts.settled", title=_("Conflicts of interest settled"), unit=_("conflicts"), module="conflicts"
)
def settled(year: int, company_id: uuid.UUID | None) -> QuerySet[Declaration]:
    qs = Declaration.objects.filter(settled_at__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(code="conflicts.links_found", title=_("Undisclosed links found"), unit=_("links"), module="conflicts")
def links_found(year: int, company_id: uuid.UUID | None) -> QuerySet[Alert]:
    return _alerts(year, company_id)


@register_count(
    code="conflicts.links_confirmed", title=_("Undisclosed links confirmed"), unit=_("links"), module="conflicts"
)
def links_confirmed(year: int, company_id: uuid.UUID | None) -> QuerySet[Alert]:
    return _alerts(year, company_id).filter(status=Alert.Status.CONFIRMED)


@register_count(code="conflicts.gifts", title=_("Gifts and hospitality declared"), unit=_("gifts"), module="conflicts")
def gifts(year: int, company_id: uuid.UUID | None) -> QuerySet[Gift]:
    return _gifts(year, company_id)


@register_count(code="conflicts.gifts_approved", title=_("Gifts approved"), unit=_("gifts"), module="conflicts")
def gifts_approved(year: int, company_id: uuid.UUID | None) -> QuerySet[Gift]:
    return _gifts(year, company_id).filter(status=Gift.Status.APPROVED)


@register_count(code="conflicts.gifts_refused", title=_("Gifts refused"), unit=_("gifts"), module="conflicts")
def gifts_refused(year: int, company_id: uuid.UUID | None) -> QuerySet[Gift]:
    return _gifts(year, company_id).filter(status=Gift.Status.REFUSED)


@register_count(
    code="conflicts.gifts_handed_over", title=_("Gifts handed over to the company"), unit=_("gifts"), module="conflicts"
)
def gifts_handed_over(year: int, company_id: uuid.UUID | None) -> QuerySet[Gift]:
    qs = Gift.objects.filter(handed_over_at__year=year)
    return qs.filter(company_id=company_id) if company_id else qs
