"""Tracing a figure to the records behind it, so an auditor can recount it.

Each indicator declares its records (core.indicators). A draft report traces them live; approving a
report stores the traces with the snapshot (`FigureTrace`), so an approved figure opens the records
as they stood on the day of approval.

A record is listed by its kind, its reference and a link to its page (the page itself decides
whether the reader may open it). Only records that name no person are listed by their own label:
for everything about people (employees, declarations, gifts, attendances) the list shows the kind
and a short reference, so a report's reader learns no more than the figure already says.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import NoReverseMatch, reverse

from senim.core import indicators
from senim.reports.models import FigureTrace, Report

# Records listed by their own label: organisations, documents, drafts and plans, never people.
LABELLED = {
    "counterparties.application",
    "counterparties.contract",
    "counterparties.registerentry",
    "counterparties.verificationcase",
    "speakup.case",  # its label is the case reference, never content
    "examination.examination",
    "examination.finding",
    "awareness.documentversion",
    "awareness.outreachevent",
    "risks.measureinstance",
    "risks.riskfunction",
}

# The page a record opens: (url name, keyword argument, attribute holding the id).
PAGES: dict[str, tuple[str, str, str]] = {
    "org.employee": ("org:employee-detail", "employee_id", "pk"),
    "counterparties.application": ("counterparties:application-detail", "application_id", "pk"),
    "counterparties.contract": ("counterparties:contract-detail", "contract_id", "pk"),
    "counterparties.registerentry": ("counterparties:counterparty-detail", "counterparty_id", "counterparty_id"),
    "counterparties.verificationcase": ("counterparties:case-detail", "case_id", "pk"),
    "speakup.case": ("speakup:case-detail", "case_id", "pk"),
    "conflicts.declaration": ("conflicts:declaration-detail", "declaration_id", "pk"),
    "conflicts.gift": ("conflicts:gift-detail", "gift_id", "pk"),
    "conflicts.alert": ("conflicts:alert-detail", "alert_id", "pk"),
    "conflicts.campaignrequest": ("conflicts:campaign-detail", "campaign_id", "campaign_id"),
    "screening.hit": ("screening:hit-detail", "hit_id", "pk"),
    "examination.examination": ("examination:detail", "examination_id", "pk"),
    "awareness.documentversion": ("awareness:document-detail", "document_id", "document_id"),
    "awareness.agreementobligation": ("awareness:agreement-record", "obligation_id", "pk"),
    "awareness.outreachevent": ("awareness:outreach-detail", "event_id", "pk"),
    "learning.attendance": ("learning:event-detail", "event_id", "event_id"),
    "risks.measureinstance": ("risks:measure-detail", "measure_id", "measure_id"),
    "risks.riskfunction": ("risks:function-detail", "function_id", "pk"),
}


@dataclass(frozen=True)
class TracedRecord:
    kind: str
    reference: str
    url: str
    # The value the figure counts distinct (an employee who filed two forms), "" when it counts rows.
    counted_as: str = ""

    def as_list(self) -> list[str]:
        return [self.kind, self.reference, self.url, self.counted_as]

    @classmethod
    def from_list(cls, item: list[str]) -> "TracedRecord":
        return cls(*item)


def _url(label: str, record: Model) -> str:
    page = PAGES.get(label)
    if page is None:
        return ""
    name, kwarg, attribute = page
    try:
        return reverse(name, kwargs={kwarg: getattr(record, attribute)})
    except NoReverseMatch:
        return ""


def _reference(label: str, record: Model) -> str:
    if label in LABELLED:
        return str(record)
    return str(record.pk)[:8]


def _describe(records: Iterable[Model], distinct: str) -> list[TracedRecord]:
    traced = []
    for record in records:
        label = record._meta.label_lower
        counted_as = str(getattr(record, distinct + "_id", getattr(record, distinct, ""))) if distinct else ""
        traced.append(
            TracedRecord(
                kind=str(record._meta.verbose_name),
                reference=_reference(label, record),
                url=_url(label, record),
                counted_as=counted_as,
            )
        )
    return traced


def records_of(code: str, year: int, company_id: uuid.UUID | None) -> list[TracedRecord]:
    """The records behind indicator `code` for `year`, as they stand now."""
    indicator = indicators.get_indicator(code)
    if indicator is None or indicator.records is None:
        return []
    found: QuerySet[Any] = indicator.records(year, company_id)
    # A many-valued `distinct` (positions of a function) is not a column: list the rows only.
    distinct = indicator.distinct if indicator.distinct and _is_column(found, indicator.distinct) else ""
    return _describe(found.order_by("pk").distinct(), distinct)


def _is_column(found: QuerySet[Any], name: str) -> bool:
    try:
        field = found.model._meta.get_field(name)
    except Exception:
        return False
    return not field.many_to_many


def distinct_count(records: list[TracedRecord]) -> int:
    """How many distinct values a distinct-counting figure counted among its records."""
    return len({r.counted_as for r in records})


@dataclass(frozen=True)
class FigureRecords:
    """One figure of a report with the records behind each of its two years."""

    code: str
    title: str
    unit: str
    year: int
    counts_records: bool
    distinct: bool
    current: list[TracedRecord]
    previous: list[TracedRecord]

    def counted(self, records: list[TracedRecord]) -> int:
        return distinct_count(records) if self.distinct else len(records)


def freeze(report: Report) -> None:
    """Store the records behind every figure of `report` for both years (called on approval)."""
    FigureTrace.objects.filter(report=report).delete()
    traces = [
        FigureTrace(
            report=report,
            code=indicator.code,
            year=year,
            records=[r.as_list() for r in records_of(indicator.code, year, report.company_id)],
        )
        for indicator in indicators.all_indicators()
        if indicator.records is not None
        for year in (report.year, report.year - 1)
    ]
    FigureTrace.objects.bulk_create(traces, batch_size=200)


def figure_records(report: Report, code: str) -> FigureRecords | None:
    """The records behind `code` in `report`: stored for an approved report, live for a draft."""
    indicator = indicators.get_indicator(code)
    if indicator is None or indicator.records is None:
        return None
    if report.is_frozen:
        stored = {t.year: t.records for t in FigureTrace.objects.filter(report=report, code=code)}
        current = [TracedRecord.from_list(r) for r in stored.get(report.year, [])]
        previous = [TracedRecord.from_list(r) for r in stored.get(report.year - 1, [])]
    else:
        current = records_of(code, report.year, report.company_id)
        previous = records_of(code, report.year - 1, report.company_id)
    return FigureRecords(
        code=code,
        title=str(indicator.title),
        unit=str(indicator.unit),
        year=report.year,
        counts_records=indicator.counts_records,
        distinct=bool(indicator.distinct),
        current=current,
        previous=previous,
    )
