"""Screening's indicators: subjects screened, hits raised and true matches confirmed in the
year, in total and per list kind. Subjects and hits count for the company they belong to.

Each counts by the day its event happened: a subject by its last screening, a hit by the day it
was raised (screening itself is never entered from paper), a true match by the day the officer
decided it (`decided_on`, which a decision taken on paper keeps)."""

import uuid
from typing import cast

from django.db.models import QuerySet
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from senim.core.indicators import register_count
from senim.screening.models import Hit, HitStatus, Subject, WatchlistKind


def _hits(year: int, company_id: uuid.UUID | None, kind: str = "", *, decided: bool = False) -> QuerySet[Hit]:
    qs = Hit.objects.filter(decided_on__year=year) if decided else Hit.objects.filter(created_at__year=year)
    if company_id:
        qs = qs.filter(subject__company_id=company_id)
    if kind:
        qs = qs.filter(watchlist__kind=kind)
    return qs


@register_count(
    code="screening.subjects", title=_("People and organisations screened"), unit=_("subjects"), module="screening"
)
def subjects(year: int, company_id: uuid.UUID | None) -> QuerySet[Subject]:
    qs = Subject.objects.filter(last_screened_at__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(code="screening.hits", title=_("Screening hits raised"), unit=_("hits"), module="screening")
def hits(year: int, company_id: uuid.UUID | None) -> QuerySet[Hit]:
    return _hits(year, company_id)


@register_count(
    code="screening.true_matches",
    title=_("Screening hits confirmed as true matches"),
    unit=_("hits"),
    module="screening",
)
def true_matches(year: int, company_id: uuid.UUID | None) -> QuerySet[Hit]:
    return _hits(year, company_id, decided=True).filter(status=HitStatus.TRUE_MATCH)


def _titled(template: Promise, label: Promise) -> Promise:
    """A title translated when shown, not when this module is imported."""
    return cast(Promise, lazy(lambda: str(template) % {"kind": str(label).lower()}, str)())


def _register_kind(kind: str, label: Promise) -> None:
    def kind_hits(year: int, company_id: uuid.UUID | None) -> QuerySet[Hit]:
        return _hits(year, company_id, kind)

    def kind_true_matches(year: int, company_id: uuid.UUID | None) -> QuerySet[Hit]:
        return _hits(year, company_id, kind, decided=True).filter(status=HitStatus.TRUE_MATCH)

    register_count(
        code=f"screening.hits.{kind}",
        title=_titled(_("Screening hits raised: %(kind)s lists"), label),
        unit=_("hits"),
        module="screening",
    )(kind_hits)
    register_count(
        code=f"screening.true_matches.{kind}",
        title=_titled(_("True matches: %(kind)s lists"), label),
        unit=_("hits"),
        module="screening",
    )(kind_true_matches)


for _kind in WatchlistKind:
    _register_kind(_kind.value, _kind.label)  # type: ignore[arg-type]
