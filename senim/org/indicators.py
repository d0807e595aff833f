"""Org's indicators: headcount at year end, hires and leavers in the year."""

import datetime as dt
import uuid

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from senim.core.access import scope_of
from senim.core.indicators import register_company_choices, register_count
from senim.core.policy import VIEW_INDICATORS
from senim.org.models import Company, Employee


def _employees(company_id: uuid.UUID | None) -> QuerySet[Employee]:
    qs = Employee.objects.all()
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(code="org.headcount", title=_("Headcount at year end"), unit=_("people"), module="org")
def headcount(year: int, company_id: uuid.UUID | None) -> QuerySet[Employee]:
    year_end = dt.date(year, 12, 31)
    return (
        _employees(company_id)
        .filter(hire_date__lte=year_end)
        .filter(Q(dismissal_date__isnull=True) | Q(dismissal_date__gt=year_end))
    )


@register_count(code="org.hires", title=_("Employees hired in the year"), unit=_("people"), module="org")
def hires(year: int, company_id: uuid.UUID | None) -> QuerySet[Employee]:
    return _employees(company_id).filter(hire_date__year=year)


@register_count(code="org.leavers", title=_("Employees who left in the year"), unit=_("people"), module="org")
def leavers(year: int, company_id: uuid.UUID | None) -> QuerySet[Employee]:
    return _employees(company_id).filter(dismissal_date__year=year)


@register_company_choices
def reportable_companies(actor: object) -> list[tuple[uuid.UUID, str]]:
    """Companies whose figures the actor may read: all of them for group-wide roles."""
    scope = scope_of(actor, VIEW_INDICATORS)  # type: ignore[arg-type]
    companies = Company.objects.all() if scope.everything else Company.objects.filter(id__in=scope.company_ids)
    return [(c.id, c.name) for c in companies]
