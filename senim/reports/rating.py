"""The effectiveness rating's arithmetic and its defaults.

The default methodology spreads 100 points over PQ-81's five areas. Only fragments of the official
table are public (the risk map and positions list graded 15/10/5/0; the share of staff trained graded
70/50/30 % → 5/3/2/0); the rest is Senim's starting point, and every weight is editable.

Where Senim holds the records, an indicator names a *suggestion*: a rule that proposes a grade from an
indicator of the registry (a share against thresholds, or "any records at all"). A suggestion is shown
beside the grade with its reason and never applied by itself.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from senim.core import indicators
from senim.reports.models import Area, Grade
from senim.reports.rating_defaults import DEFAULT_ITEMS

# Bands of the total score (PQ-81): 81–100 good, 55–80 satisfactory, below 55 unsatisfactory.
BANDS = ((81, gettext_lazy("Good")), (55, gettext_lazy("Satisfactory")), (0, gettext_lazy("Unsatisfactory")))


def band(total: Decimal | int) -> str:
    return str(next(label for floor, label in BANDS if total >= floor))


@dataclass(frozen=True)
class Suggestion:
    """A grade proposed from an indicator: `thresholds` of a share (percent) for full, mostly and
    partly; without thresholds, any non-zero value means "fully done". `against_previous`: the
    value is compared with the previous year's, as PQ-81 grades outreach (as much or more: fully;
    at least 70 %: mostly; anything: partly)."""

    indicator: str
    thresholds: tuple[float, float, float] | None = None
    against_previous: bool = False


SUGGESTIONS: dict[str, Suggestion] = {
    "code_in_force": Suggestion("awareness.documents_in_force"),
    "risk_map": Suggestion("risks.units_assessed"),
    "clause_coverage": Suggestion("counterparties.clause_share", (90, 70, 50)),
    "declarations": Suggestion("conflicts.campaign_completion", (90, 70, 50)),
    "programme_on_time": Suggestion("risks.programme_done_on_time", (90, 70, 50)),
    "verifications": Suggestion("counterparties.verifications"),
    "reporting_channel": Suggestion("speakup.reports"),
    "staff_trained": Suggestion("learning.staff_trained_share", (70, 50, 30)),
    "labour_obligations": Suggestion("awareness.hires_with_obligations_share", (90, 70, 50)),
    "special_courses": Suggestion("learning.special_courses"),
    "outreach": Suggestion("awareness.outreach_reach", against_previous=True),
}


def suggest(key: str, *, year: int, company_id: Any) -> tuple[str, str] | None:
    """(grade, reason) proposed for a year from the records, or None where Senim cannot tell."""
    rule = SUGGESTIONS.get(key)
    indicator = indicators.get_indicator(rule.indicator) if rule else None
    if rule is None or indicator is None:
        return None
    value = indicator.compute(year, company_id)
    if value is None:
        return None
    reason = _("%(indicator)s: %(value)s") % {
        "indicator": indicator.title,
        "value": indicators.with_unit(value, indicator.unit),
    }
    if rule.against_previous:
        previous = indicator.compute(year - 1, company_id) or 0
        reason = _("%(indicator)s: %(value)s (%(previous)s the year before)") % {
            "indicator": indicator.title,
            "value": indicators.with_unit(value, indicator.unit),
            "previous": indicators.with_unit(previous, indicator.unit),
        }
        if not value:
            return Grade.NONE, reason
        return (
            Grade.FULL if value >= previous else Grade.MOSTLY if value >= 0.7 * float(previous) else Grade.PARTLY
        ), reason
    if rule.thresholds is None:
        return (Grade.FULL if value else Grade.NONE), reason
    full, mostly, partly = rule.thresholds
    grade = (
        Grade.FULL
        if value >= full
        else Grade.MOSTLY
        if value >= mostly
        else Grade.PARTLY
        if value >= partly
        else Grade.NONE
    )
    return grade, reason


@dataclass(frozen=True)
class Score:
    total: Decimal
    band: str
    by_area: dict[str, Decimal]
    graded: int
    items: int


def score(items: Iterable[Any], grades: dict[Any, str]) -> Score:
    """The total of the points each graded item earns; items without a grade earn nothing."""
    items = list(items)
    by_area: dict[str, Decimal] = {area.value: Decimal(0) for area in Area}
    for item in items:
        grade = grades.get(item.id)
        if grade:
            by_area[item.area] += item.points_for(grade)
    total = sum(by_area.values(), Decimal(0))
    return Score(
        total=total,
        band=band(total),
        by_area=by_area,
        graded=sum(1 for i in items if grades.get(i.id)),
        items=len(items),
    )


def default_rows() -> list[dict[str, Any]]:
    """The default items as model field values."""
    rows = []
    for order, spec in enumerate(DEFAULT_ITEMS):
        full, mostly, partly = spec["points"]
        row = {
            "area": spec["area"],
            "code": spec["code"],
            "order": order,
            "points_full": full,
            "points_mostly": mostly,
            "points_partly": partly,
            "suggestion": spec["suggestion"],
        }
        for index, language in enumerate(("ru", "kk", "en", "uz")):
            row[f"title_{language}"] = spec["title"][index]
            row[f"evidence_{language}"] = spec["evidence"][index]
        rows.append(row)
    return rows
