"""Org's indicators: headcount at year end, hires and leavers in the year."""

import datetime as dt
import uuid

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from senim.core.indicators import register
from senim.org.models import Employee


def _employees(company_id: uuid.UUID | None):
    qs = Employee.objects.all()
    return qs.filter(company_id=company_id) if company_id else qs


@register(code="org.headcount", title=_("Headcount at year end"), unit=_("people"), module="org")
def headcount(year: int, company_id: uuid.UUID | None) -> int:
    year_end = dt.date(year, 12, 31)
    return (
        _employees(company_id)
        .filter(hire_date__lte=year_end)
        .filter(Q(dismissal_date__isnull=True) | Q(dismissal_date__gt=year_end))
        .count()
    )


@register(code="org.hires", title=_("Employees hired in the year"), unit=_("people"), module="org")
def hires(year: int, company_id: uuid.UUID | None) -> int:
    return _employees(company_id).filter(hire_date__year=year).count()


@register(code="org.leavers", title=_("Employees who left in the year"), unit=_("people"), module="org")
def leavers(year: int, company_id: uuid.UUID | None) -> int:
    return _employees(company_id).filter(dismissal_date__year=year).count()
