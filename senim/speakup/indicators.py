"""Speak Up's indicators for a calendar year (cases received in it unless stated), per company
or for the whole group. They read codes and dates only, never content."""

import statistics
import uuid
from typing import cast

from django.db.models import F, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from senim.core.indicators import register, register_count
from senim.org.indicators import headcount
from senim.speakup.models import OPEN_STATUSES, Case, Category, Channel, Kind, Outcome, PosterVisit, Status


def _cases(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    qs = Case.objects.filter(received_at__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


def _titled(template: Promise, label: object) -> Promise:
    return cast(Promise, lazy(lambda: str(template) % {"name": str(label).lower()}, str)())


def _reports(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    return _cases(year, company_id).filter(kind=Kind.REPORT)


@register_count(code="speakup.reports", title=_("Speak Up reports received"), unit=_("reports"), module="speakup")
def reports(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    return _reports(year, company_id)


@register_count(code="speakup.questions", title=_("Speak Up questions received"), unit=_("questions"), module="speakup")
def questions(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    return _cases(year, company_id).filter(kind=Kind.QUESTION)


@register_count(code="speakup.questions_answered", title=_("Questions answered"), unit=_("questions"), module="speakup")
def questions_answered(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    return _cases(year, company_id).filter(kind=Kind.QUESTION, status=Status.ANSWERED)


@register(
    records=_reports, code="speakup.anonymous_share", title=_("Anonymous share of reports"), unit="%", module="speakup"
)
def anonymous_share(year: int, company_id: uuid.UUID | None) -> float | None:
    qs = _reports(year, company_id)
    total = qs.count()
    return round(100 * qs.filter(anonymous=True).count() / total, 1) if total else None


def closed_reports(cases: QuerySet[Case], year: int) -> QuerySet[Case]:
    """Reports closed in `year`, whenever received: the one definition of "cases closed" that the
    indicators, the statistics page, its API and the CLI share."""
    return cases.filter(kind=Kind.REPORT, status=Status.CLOSED, closed_at__year=year)


def median_days_to_close_of(cases: QuerySet[Case], year: int) -> float | None:
    """Median days from receipt to closing of the reports closed in `year`."""
    return _median_days(list(closed_reports(cases, year).values_list("received_at", "closed_at")))


def median_days_to_acknowledge_of(cases: QuerySet[Case], year: int) -> float | None:
    """Median days from receipt to acknowledgement of the cases received in `year`."""
    qs = cases.filter(received_at__year=year, acknowledged_at__isnull=False)
    return _median_days(list(qs.values_list("received_at", "acknowledged_at")))


def _company_cases(company_id: uuid.UUID | None) -> QuerySet[Case]:
    return Case.objects.filter(company_id=company_id) if company_id else Case.objects.all()


def _closed(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    return closed_reports(_company_cases(company_id), year)


@register_count(code="speakup.closed", title=_("Speak Up cases closed"), unit=_("cases"), module="speakup")
def closed(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    return _closed(year, company_id)


@register(
    records=_closed,
    code="speakup.substantiated_share",
    title=_("Closed cases substantiated in full or in part"),
    unit="%",
    module="speakup",
)
def substantiated_share(year: int, company_id: uuid.UUID | None) -> float | None:
    qs = _closed(year, company_id)
    total = qs.count()
    hits = qs.filter(outcome__in=[Outcome.SUBSTANTIATED, Outcome.PARTLY]).count()
    return round(100 * hits / total, 1) if total else None


def _median_days(pairs: list[tuple[object, object]]) -> float | None:
    days = [(b - a).total_seconds() / 86400 for a, b in pairs]  # type: ignore[operator]
    return round(statistics.median(days), 1) if days else None


def _acknowledged(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    return _cases(year, company_id).filter(acknowledged_at__isnull=False)


@register(
    records=_acknowledged,
    code="speakup.median_days_to_acknowledge",
    title=_("Median days to acknowledge"),
    unit=_("days"),
    module="speakup",
)
def median_days_to_acknowledge(year: int, company_id: uuid.UUID | None) -> float | None:
    return median_days_to_acknowledge_of(_company_cases(company_id), year)


@register(
    records=_closed,
    code="speakup.median_days_to_close",
    title=_("Median days to close a case"),
    unit=_("days"),
    module="speakup",
)
def median_days_to_close(year: int, company_id: uuid.UUID | None) -> float | None:
    return median_days_to_close_of(_company_cases(company_id), year)


@register_count(
    code="speakup.missed_deadlines",
    title=_("Cases that missed the acknowledgement or feedback deadline"),
    unit=_("cases"),
    module="speakup",
)
def missed_deadlines(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    """Cases received in the year acknowledged or answered late, or still waiting past the date."""
    today = timezone.localdate()
    waiting = Q(status__in=OPEN_STATUSES)
    late_ack = Q(acknowledged_at__date__gt=F("acknowledge_due")) | (
        waiting & Q(acknowledged_at__isnull=True, acknowledge_due__lt=today)
    )
    late_feedback = Q(feedback_at__date__gt=F("feedback_due")) | (
        waiting & Q(feedback_at__isnull=True, feedback_due__lt=today)
    )
    return _cases(year, company_id).filter(late_ack | late_feedback)


@register(
    records=_reports,
    code="speakup.reports_per_100",
    title=_("Reports per 100 employees"),
    unit=_("reports"),
    module="speakup",
)
def reports_per_100(year: int, company_id: uuid.UUID | None) -> float | None:
    people = int(headcount(year, company_id) or 0)
    return round(100 * _reports(year, company_id).count() / people, 2) if people else None


def _register_breakdowns() -> None:
    for channel in Channel:

        def by_channel(year: int, company_id: uuid.UUID | None, value: str = channel.value) -> QuerySet[Case]:
            return _reports(year, company_id).filter(channel=value)

        register_count(
            code=f"speakup.reports.channel.{channel.value}",
            title=_titled(_("Speak Up reports by channel: %(name)s"), channel.label),
            unit=_("reports"),
            module="speakup",
        )(by_channel)
    for category in Category:

        def by_category(year: int, company_id: uuid.UUID | None, value: str = category.value) -> QuerySet[Case]:
            return _reports(year, company_id).filter(category=value)

        register_count(
            code=f"speakup.reports.category.{category.value}",
            title=_titled(_("Speak Up reports by category: %(name)s"), category.label),
            unit=_("reports"),
            module="speakup",
        )(by_category)


_register_breakdowns()


@register(
    code="speakup.poster_visits",
    title=_("Portal visits brought by posters' QR codes"),
    unit=_("visits"),
    module="speakup",
)
def poster_visits(year: int, company_id: uuid.UUID | None) -> int:
    qs = PosterVisit.objects.filter(month__year=year)
    if company_id:
        qs = qs.filter(tag__company_id=company_id)
    return int(qs.aggregate(total=Sum("count"))["total"] or 0)
