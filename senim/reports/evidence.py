"""Readiness for an ISO 37001 certification audit, clause by clause: the live evidence in Senim's
records (indicators counted for the year) and the documents uploaded for what Senim does not hold.

A clause is *current* when the year has records or a document dated within the last twelve months,
*stale* when only older evidence exists (last year's records, an older document), and *missing*
otherwise.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from senim.core import indicators
from senim.reports import iso37001
from senim.reports.charts import format_pair

STATUS_LABELS = {"current": _("Current"), "stale": _("Stale"), "missing": _("Missing")}


@dataclass
class ClauseEvidence:
    number: str
    clause: iso37001.Clause
    figures: list[dict[str, Any]] = field(default_factory=list)
    documents: list[Any] = field(default_factory=list)
    status: str = "missing"

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def readiness(
    *, year: int, company_id: uuid.UUID | None, edition: str, documents: list[Any], today: dt.date
) -> list[ClauseEvidence]:
    """Every clause of `edition` with its evidence and status for `year`."""
    by_clause: dict[str, list[Any]] = {}
    for document in documents:
        by_clause.setdefault(document.clause, []).append(document)
    year_ago = today - dt.timedelta(days=365)
    cache: dict[str, tuple[Any, Any]] = {}
    result = []
    for number, clause in iso37001.clauses(edition):
        item = ClauseEvidence(number=number, clause=clause, documents=by_clause.get(clause.number, []))
        current = any(d.dated >= year_ago for d in item.documents)
        stale = bool(item.documents)
        for code in clause.evidence:
            indicator = indicators.get_indicator(code)
            if indicator is None:
                continue
            if code not in cache:
                cache[code] = (indicator.compute(year, company_id), indicator.compute(year - 1, company_id))
            value, previous = cache[code]
            if value or previous:
                item.figures.append(
                    {"code": code, "title": str(indicator.title), "text": format_pair(value, previous), "value": value}
                )
            current = current or bool(value)
            stale = stale or bool(previous)
        item.status = "current" if current else "stale" if stale else "missing"
        result.append(item)
    return result


def summary(items: list[ClauseEvidence]) -> dict[str, int]:
    counts = {"current": 0, "stale": 0, "missing": 0}
    for item in items:
        counts[item.status] += 1
    return counts
