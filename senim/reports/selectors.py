"""Reads of reports, limited to the companies the actor may report on; the group's reports need a
group-wide role."""

import uuid

from django.db.models import QuerySet

from senim.core.access import Actor, scope_of
from senim.reports import policy
from senim.reports.models import FigureOverride, Report, SectionText


def report_list(*, actor: Actor, year: int | None = None, company_id: uuid.UUID | None = None) -> QuerySet[Report]:
    scope = scope_of(actor, policy.VIEW)
    reports = Report.objects.filter(scope.q(company="company")).select_related("company", "approved_by")
    if year:
        reports = reports.filter(year=year)
    if company_id:
        reports = reports.filter(company_id=company_id)
    return reports.order_by("-year", "series", "-version")


def report_get(*, actor: Actor, report_id: uuid.UUID) -> Report:
    """The report, or Report.DoesNotExist when it is outside the actor's scope."""
    return report_list(actor=actor).get(pk=report_id)


def report_versions(*, actor: Actor, report: Report) -> QuerySet[Report]:
    return report_list(actor=actor).filter(series=report.series).order_by("-version")


def report_is_latest(report: Report) -> bool:
    return not Report.objects.filter(series=report.series, version__gt=report.version).exists()


def section_text(*, report: Report, section: str, language: str) -> str:
    """The author's prose of one section (the report was already read through `report_get`)."""
    item = SectionText.objects.filter(report=report, section=section, language=language).first()
    return item.text if item else ""


def override_list(*, report: Report) -> QuerySet[FigureOverride]:
    return FigureOverride.objects.filter(report=report).order_by("code")
