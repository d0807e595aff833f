"""Counterparties' dashboard tiles, within the viewer's scope."""

import datetime as dt

from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor
from senim.core.approvals import QueueItem, register_queue
from senim.core.charts import Series, bars_svg
from senim.core.dashboard import Chart, Tile, register, register_chart
from senim.core.figures import format_percent
from senim.counterparties import indicators, policy, selectors, services
from senim.counterparties.models import RISK_ORDER, Application, VerificationCase


@register
def counterparty_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated:
        return []
    tiles: list[Tile] = []
    if user.can(policy.VIEW_APPLICATIONS):  # type: ignore[union-attr]
        pending = selectors.application_list(actor=user).exclude(status=Application.Status.DECIDED)  # type: ignore[arg-type]
        tiles.append(
            Tile(
                _("Applications for approval"),
                pending.count(),
                reverse("counterparties:application-list"),
                hint=_("filed or awaiting approval"),
            )
        )
    if user.can(policy.VIEW_CONTRACTS):  # type: ignore[union-attr]
        year = timezone.localdate().year
        contracts = selectors.contract_list(actor=user, year=year)  # type: ignore[arg-type]
        total = contracts.count()
        share = indicators.clause_share_of(contracts)
        tiles.append(
            Tile(
                _("Contracts this year"),
                total,
                reverse("counterparties:contract-coverage"),
                hint=_("%(share)s with the anti-corruption clause") % {"share": format_percent(share)}
                if share is not None
                else "",
            )
        )
    if user.can(policy.VIEW_CASES):  # type: ignore[union-attr]
        soon = timezone.localdate() + dt.timedelta(days=30)
        lapsing = selectors.case_list(actor=user, lapsing_by=soon).count()  # type: ignore[arg-type]
        reverify = selectors.case_list(actor=user, needs_reverification=True).count()  # type: ignore[arg-type]
        tiles.append(
            Tile(
                _("Verifications to renew"),
                lapsing + reverify,
                reverse("counterparties:case-list") + "?show=lapsing",
                hint=_("lapsing within 30 days, lapsed or to re-verify"),
            )
        )
    return tiles


@register_queue
def approval_queue(actor: Actor) -> list[QueueItem]:
    """Verifications and applications waiting for the actor's approval."""
    items = []
    for case in selectors.cases_awaiting_decision(actor=actor)[:50]:
        step = services.STEP_SECOND if case.status == VerificationCase.Status.AWAITING_SECOND else services.STEP_FIRST
        items.append(
            QueueItem(
                title=str(case.counterparty),
                url=reverse("counterparties:case-detail", args=[case.pk]),
                step=str(services.STEP_LABELS[step]),
                since=case.updated_at,
                kind=_("Verification"),
            )
        )
    for application in selectors.applications_awaiting_decision(actor=actor)[:50]:
        items.append(
            QueueItem(
                title=f"{application.number} · {application.counterparty}",
                url=reverse("counterparties:application-detail", args=[application.pk]),
                step=str(services.STEP_LABEL),
                since=application.proposed_at or application.updated_at,
                kind=_("Application"),
            )
        )
    return items


@register_chart
def counterparty_charts(request: HttpRequest) -> list[Chart]:
    """Verifications of the year by risk level, and the share of the year's contracts with the
    anti-corruption clause by company."""
    user = request.user
    if not user.is_authenticated:
        return []
    year = timezone.localdate().year
    charts: list[Chart] = []
    if user.can(policy.VIEW_CASES):  # type: ignore[union-attr]
        cases = selectors.case_list(actor=user).filter(opened_on__year=year).order_by()  # type: ignore[arg-type]
        by_risk = dict(cases.values_list("risk_level").annotate(n=Count("pk")))
        if by_risk:
            labels = [str(level.label) for level in RISK_ORDER]
            values = [by_risk.get(level.value, 0) for level in RISK_ORDER]
            title = _("Verifications of %(year)s by risk") % {"year": year}
            series = [Series(str(_("Verifications")), values)]
            rows: list[list[object]] = [[_("Risk"), _("Verifications")]]
            rows += [[label, value] for label, value in zip(labels, values, strict=True)]
            svg = bars_svg(title=title, labels=labels, series=series)
            charts.append(Chart(title, svg, rows, reverse("counterparties:case-list")))
    if user.can(policy.VIEW_CONTRACTS):  # type: ignore[union-attr]
        coverage: dict[str, list[int]] = {}
        for row in selectors.contract_clause_coverage(actor=user, year=year):  # type: ignore[arg-type]
            entry = coverage.setdefault(row.company_name, [0, 0])
            entry[0] += row.total
            entry[1] += row.with_clause
        if coverage:
            names = sorted(coverage)
            shares = [round(100 * coverage[n][1] / coverage[n][0], 1) if coverage[n][0] else 0 for n in names]
            title = _("Contracts of %(year)s with the anti-corruption clause, %% by company") % {"year": year}
            svg = bars_svg(title=title, labels=names, series=[Series(str(_("Share, %")), shares)])
            rows = [[_("Company"), _("Contracts"), _("With the clause"), _("Share, %")]]
            rows += [[n, coverage[n][0], coverage[n][1], s] for n, s in zip(names, shares, strict=True)]
            charts.append(Chart(title, svg, rows, reverse("counterparties:contract-coverage")))
    return charts
