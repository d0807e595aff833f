"""Examination's indicators, counted by event dates: drafts examined (by the date the examination
opened), factors found in confirmed findings (by that date), factors eliminated (by the date of the
revision that eliminated them), the share of concluded drafts with findings (by conclusion date)."""

import uuid

from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from senim.core.indicators import register, register_count
from senim.examination.engine import CODES
from senim.examination.messages import FACTOR_NAMES
from senim.examination.models import Examination, Finding, FindingStatus, Kind, Outcome, Status


def _examinations(year: int, company_id: uuid.UUID | None) -> QuerySet[Examination]:
    qs = Examination.objects.filter(examined_on__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="examination.contracts_examined", title=_("Draft contracts examined"), unit=_("drafts"), module="examination"
)
def contracts_examined(year: int, company_id: uuid.UUID | None) -> QuerySet[Examination]:
    return _examinations(year, company_id).filter(kind=Kind.CONTRACT)


@register_count(
    code="examination.acts_examined",
    title=_("Draft internal acts and orders examined"),
    unit=_("drafts"),
    module="examination",
)
def acts_examined(year: int, company_id: uuid.UUID | None) -> QuerySet[Examination]:
    return _examinations(year, company_id).exclude(kind=Kind.CONTRACT)


def _first_findings(year: int, company_id: uuid.UUID | None) -> QuerySet[Finding]:
    qs = Finding.objects.filter(status=FindingStatus.CONFIRMED, version__examined_on__year=year).exclude(
        comparison="remaining"
    )
    return qs.filter(version__examination__company_id=company_id) if company_id else qs


@register_count(
    code="examination.factors_found", title=_("Corruptogenic factors found"), unit=_("findings"), module="examination"
)
def factors_found(year: int, company_id: uuid.UUID | None) -> QuerySet[Finding]:
    return _first_findings(year, company_id)


def _eliminated(year: int, company_id: uuid.UUID | None) -> QuerySet[Finding]:
    qs = Finding.objects.filter(eliminated_on__year=year)
    return qs.filter(version__examination__company_id=company_id) if company_id else qs


@register_count(
    code="examination.factors_eliminated",
    title=_("Corruptogenic factors eliminated"),
    unit=_("findings"),
    module="examination",
)
def factors_eliminated(year: int, company_id: uuid.UUID | None) -> QuerySet[Finding]:
    return _eliminated(year, company_id)


def _concluded(year: int, company_id: uuid.UUID | None) -> QuerySet[Examination]:
    qs = Examination.objects.filter(status=Status.CONCLUDED, concluded_on__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register(
    records=_concluded,
    code="examination.share_with_findings",
    title=_("Share of concluded drafts with findings"),
    unit="%",
    module="examination",
)
def share_with_findings(year: int, company_id: uuid.UUID | None) -> float:
    qs = _concluded(year, company_id)
    total = qs.count()
    return round(100 * qs.filter(outcome=Outcome.FACTORS_FOUND).count() / total, 1) if total else 0.0


def factors_by_code(year: int, company_id: uuid.UUID | None) -> dict[str, dict[str, int]]:
    """Found and eliminated, per factor code (for the module's report table)."""
    out: dict[str, dict[str, int]] = {}
    for code in _first_findings(year, company_id).values_list("code", flat=True):
        out.setdefault(code, {"found": 0, "eliminated": 0})["found"] += 1
    for code in _eliminated(year, company_id).values_list("code", flat=True):
        out.setdefault(code, {"found": 0, "eliminated": 0})["eliminated"] += 1
    return out


def _per_factor(code: str) -> None:
    """Found and eliminated for one factor, so the annual report can show them by factor."""

    def found(year: int, company_id: uuid.UUID | None) -> QuerySet[Finding]:
        return _first_findings(year, company_id).filter(code=code)

    def eliminated(year: int, company_id: uuid.UUID | None) -> QuerySet[Finding]:
        return _eliminated(year, company_id).filter(code=code)

    name = FACTOR_NAMES[code]
    register_count(
        code=f"examination.found.{code.lower()}",
        title=format_lazy("{}: {}", name, _("found")),
        unit=_("findings"),
        module="examination",
    )(found)
    register_count(
        code=f"examination.eliminated.{code.lower()}",
        title=format_lazy("{}: {}", name, _("eliminated")),
        unit=_("findings"),
        module="examination",
    )(eliminated)


for _code in CODES:
    _per_factor(_code)
