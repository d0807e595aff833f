"""The report's content: figures from the indicator registry, the author's prose with figure
tokens filled in, and charts, per language, as plain JSON-able data.

A draft is computed live; approving a report stores this same structure as its snapshot, so a
frozen report renders and exports from what it said on the day it was approved.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from senim.core import cases, indicators
from senim.reports import charts
from senim.reports.charts import format_number, format_pair
from senim.reports.models import FigureOverride, Report, SectionText
from senim.reports.sections import Section, all_sections, section_for_module

# A figure token: {code} prints "36 (12)"; {code:noun} adds the counted noun in the form that agrees
# with the figure in the report's language ("36 (12) заявок", "21 (12) заявка"), so the author never
# types a noun that a different year's number would make wrong. A case instead of "noun" puts the
# noun in that grammatical case (core.cases): "из {code:gen}" → "из 21 (12) заявки", "36 (12)
# өтінімнің". {code:value} and {code:previous} print one year's figure alone, with a noun agreeing
# with that figure when a case follows: "по сравнению с {code:previous:ins}" → "по сравнению с 12
# заявками". A word that must agree with a figure (a verb, an adjective) is a choice token listing its
# forms in the order of the language's plural forms: "{code|поступила|поступили|поступило}
# {code:noun}" → "поступила 21 (12) заявка", "поступило 25 (12) заявок".
CASE_NAMES = ("noun", *cases.CASES)
TOKEN = re.compile(r"\{([a-z0-9_.]+)(?::(value|previous))?(?::(" + "|".join(CASE_NAMES) + r"))?\}")
CHOICE = re.compile(r"\{([a-z0-9_.]+)(?::(value|previous))?((?:\|[^{}|]+)+)\}")
# Anything written like a token, to refuse one that TOKEN and CHOICE do not read ("{code:genitive}").
TOKEN_LIKE = re.compile(r"\{[a-z0-9_.]+(?::[^{}\s|]*)?(?:\|[^{}|]*)*\}")


@dataclass(frozen=True)
class Values:
    """One indicator's two values, language-independent."""

    code: str
    module: str
    value: float | int | Decimal | None
    previous: float | int | Decimal | None
    overridden: bool = False
    reason: str = ""
    # Baseline figures entered for years before Senim's records (core.baselines): their sources.
    value_source: str = ""
    previous_source: str = ""


def compute(report: Report) -> dict[str, Values]:
    """Every indicator's value for the report's year and company, overrides applied."""
    overrides = {o.code: o for o in FigureOverride.objects.filter(report=report)}
    result: dict[str, Values] = {}
    for item in indicators.compute_values(year=report.year, company_id=report.company_id):
        override = overrides.get(item.code)
        result[item.code] = Values(
            code=item.code,
            module=item.module,
            value=override.value if override else item.value,
            previous=item.previous,
            overridden=override is not None,
            reason=override.reason if override else "",
            value_source="" if override else item.value_source,
            previous_source=item.previous_source,
        )
    return result


def unknown_tokens(text: str) -> list[str]:
    """Figure tokens in `text` that name no declared indicator, or that are not written as a token
    is (an unknown case or part), as written."""
    unknown = []
    for match in TOKEN_LIKE.finditer(text):
        token = TOKEN.fullmatch(match.group(0)) or CHOICE.fullmatch(match.group(0))
        if token is None or indicators.get_indicator(token.group(1)) is None:
            unknown.append(match.group(0)[1:-1])
    return unknown


def _fill(text: str, values: dict[str, Values]) -> str:
    def replace(match: re.Match[str]) -> str:
        code, part, case = match.groups()
        item = values.get(code)
        if item is None:
            return match.group(0)
        if part == "value":
            number, agrees_with = format_number(item.value), item.value
        elif part == "previous":
            number, agrees_with = format_number(item.previous), item.previous
        else:
            number, agrees_with = format_pair(item.value, item.previous), item.value
        indicator = indicators.get_indicator(item.code)
        if case and indicator is not None:
            grammatical = "nom" if case == "noun" else case
            return f"{number} {indicators.unit_for(indicator.unit, agrees_with, grammatical)}"
        return number

    def choose(match: re.Match[str]) -> str:
        code, part, forms = match.groups()
        item = values.get(code)
        if item is None:
            return match.group(0)
        return cases.agreeing(forms.split("|")[1:], item.previous if part == "previous" else item.value)

    return TOKEN.sub(replace, CHOICE.sub(choose, text))


def _has_data(item: Values) -> bool:
    return bool(item.value) or bool(item.previous)


def render_language(report: Report, values: dict[str, Values], language: str) -> list[dict[str, Any]]:
    """The sections of the report in `language`, as the page and every export show them."""
    texts = {(t.section, t.language): t.text for t in SectionText.objects.filter(report=report)}
    by_section: dict[str, list[Values]] = {}
    for item in values.values():
        by_section.setdefault(section_for_module(item.module).code, []).append(item)
    rendered = []
    with translation.override(language):
        for section in all_sections():
            items = sorted(by_section.get(section.code, []), key=lambda v: v.code)
            text = texts.get((section.code, language), "")
            has_data = any(_has_data(v) for v in items)
            if not has_data and not text and not report.include_empty_sections:
                continue
            rendered.append(_render_section(report, section, items, text, values, has_data))
    return rendered


def _render_section(
    report: Report, section: Section, items: list[Values], text: str, values: dict[str, Values], has_data: bool
) -> dict[str, Any]:
    figures: list[dict[str, Any]] = []
    for item in items:
        indicator = indicators.get_indicator(item.code)
        figures.append(
            {
                "code": item.code,
                "title": str(indicator.title) if indicator else item.code,
                "unit": indicators.unit_for(indicator.unit, item.value) if indicator else "",
                "value": _json_number(item.value),
                "previous": _json_number(item.previous),
                "text": format_pair(item.value, item.previous),
                "overridden": item.overridden,
                "reason": item.reason,
                "entered": [source for source in (item.value_source, item.previous_source) if source],
            }
        )
    chart_list = []
    for chart in section.charts:
        bars = [f for f in figures if f["code"].startswith(chart.prefix) and (f["value"] or f["previous"])]
        if bars:
            chart_list.append(
                {
                    "title": str(chart.title),
                    "svg": charts.bar_chart_svg(
                        title=str(chart.title),
                        labels=[f["title"] for f in bars],
                        current=[f["value"] or 0 for f in bars],
                        previous=[f["previous"] or 0 for f in bars],
                        year=report.year,
                    ),
                    "labels": [f["title"] for f in bars],
                    "current": [f["value"] or 0 for f in bars],
                    "previous": [f["previous"] or 0 for f in bars],
                }
            )
    return {
        "code": section.code,
        "title": str(section.title),
        "paragraphs": [_fill(p, values) for p in text.split("\n\n") if p.strip()],
        "figures": figures,
        "charts": chart_list,
        "empty_message": "" if has_data else _("No records for this year."),
    }


def _json_number(value: Any) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    return value


def build(report: Report) -> dict[str, Any]:
    """The whole content: the report's identity and its sections in each of its languages."""
    if report.is_frozen and report.snapshot:
        return report.snapshot
    values = compute(report)
    return {
        "year": report.year,
        "languages": {language: render_language(report, values, language) for language in report.languages},
        "figures": [
            {
                "code": v.code,
                "value": _json_number(v.value),
                "previous": _json_number(v.previous),
                "overridden": v.overridden,
                "reason": v.reason,
            }
            for v in values.values()
        ],
    }
