"""Speak Up's indicators for a calendar year (cases received in it unless stated), per company
or for the whole group. They read codes and dates only, never content."""

import statistics
import uuid
from typing import cast

from django.db.models import F, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from senim.core.indicators import register
from senim.org.indicators import headcount
from senim.speakup.models import OPEN_STATUSES, Case, Category, Channel, Kind, Outcome, PosterVisit, Status


def _cases(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    qs = Case.objects.filter(received_at__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


def _titled(template: Promise, label: object) -> Promise:
    return cast(Promise, lazy(lambda: str(template) % {"name": str(label).lower()}, str)())


@register(code="speakup.reports", title=_("Speak Up reports received"), unit=_("reports"), module="speakup")
def reports(year: int, company_id: uuid.UUID | None) -> int:
    return _report_count(year, company_id)


def _report_count(year: int, company_id: uuid.UUID | None) -> int:
    return _cases(year, company_id).filter(kind=Kind.REPORT).count()


@register(code="speakup.questions", title=_("Speak Up questions received"), unit=_("questions"), module="speakup")
def questions(year: int, company_id: uuid.UUID | None) -> int:
    return _cases(year, company_id).filter(kind=Kind.QUESTION).count()


@register(code="speakup.questions_answered", title=_("Questions answered"), unit=_("questions"), module="speakup")
def questions_answered(year: int, company_id: uuid.UUID | None) -> int:
    return _cases(year, company_id).filter(kind=Kind.QUESTION, status=Status.ANSWERED).count()


@register(code="speakup.anonymous_share", title=_("Anonymous share of reports"), unit="%", module="speakup")
def anonymous_share(year: int, company_id: uuid.UUID | None) -> float | None:
    qs = _cases(year, company_id).filter(kind=Kind.REPORT)
    total = qs.count()
    return round(100 * qs.filter(anonymous=True).count() / total, 1) if total else None


def _closed(year: int, company_id: uuid.UUID | None) -> QuerySet[Case]:
    qs = Case.objects.filter(kind=Kind.REPORT, status=Status.CLOSED, closed_at__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register(code="speakup.closed", title=_("Speak Up cases closed"), unit=_("cases"), module="speakup")
def closed(year: int, company_id: uuid.UUID | None) -> int:
    return _closed(year, company_id).count()


@register(
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


@register(
    code="speakup.median_days_to_acknowledge", title=_("Median days to acknowledge"), unit=_("days"), module="speakup"
)
def median_days_to_acknowledge(year: int, company_id: uuid.UUID | None) -> float | None:
    qs = _cases(year, company_id).filter(acknowledged_at__isnull=False)
    return _median_days(list(qs.values_list("received_at", "acknowledged_at")))


@register(code="speakup.median_days_to_close", title=_("Median days to close a case"), unit=_("days"), module="speakup")
def median_days_to_close(year: int, company_id: uuid.UUID | None) -> float | None:
    return _median_days(list(_closed(year, company_id).values_list("received_at", "closed_at")))


@register(
    code="speakup.missed_deadlines",
    title=_("Cases that missed the acknowledgement or feedback deadline"),
    unit=_("cases"),
    module="speakup",
)
def missed_deadlines(year: int, company_id: uuid.UUID | None) -> int:
    """Cases received in the year acknowledged or answered late, or still waiting past the date."""
    today = timezone.localdate()
    waiting = Q(status__in=OPEN_STATUSES)
    late_ack = Q(acknowledged_at__date__gt=F("acknowledge_due")) | (
        waiting & Q(acknowledged_at__isnull=True, acknowledge_due__lt=today)
    )
    late_feedback = Q(feedback_at__date__gt=F("feedback_due")) | (
        waiting & Q(feedback_at__isnull=True, feedback_due__lt=today)
    )
    return _cases(year, company_id).filter(late_ack | late_feedback).count()


@register(code="speakup.reports_per_100", title=_("Reports per 100 employees"), unit=_("reports"), module="speakup")
def reports_per_100(year: int, company_id: uuid.UUID | None) -> float | None:
    people = int(headcount(year, company_id) or 0)
    return round(100 * _report_count(year, company_id) / people, 2) if people else None


def _register_breakdowns() -> None:
    for channel in Channel:

        def by_channel(year: int, company_id: uuid.UUID | None, value: str = channel.value) -> int:
            return _cases(year, company_id).filter(kind=Kind.REPORT, channel=value).count()

        register(
            code=f"speakup.reports.channel.{channel.value}",
            title=_titled(_("Speak Up reports by channel: %(name)s"), channel.label),
            unit=_("reports"),
            module="speakup",
        )(by_channel)
    for category in Category:

        def by_category(year: int, company_id: uuid.UUID | None, value: str = category.value) -> int:
            return _cases(year, company_id).filter(kind=Kind.REPORT, category=value).count()

        register(
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
