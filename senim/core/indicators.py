"""The indicator registry: each module declares its figures once; reports compute them.

An indicator's `compute(year, company_id)` returns its value for the calendar year, for the whole
group (company_id None) or one company. Values are always shown with the previous year's value
beside them, as annual reports state figures: "3 104 (2 866)".

For years before Senim held records, an officer may enter a baseline figure (`BaselineFigure`,
with its source). It stands in for the computed value, marked as entered, until records exist
for that year: by default "records exist" means the computed value is neither None nor zero; an
indicator may pass its own `has_records(year, company_id)` check to `register`.

Every figure can be traced to the records behind it, so an auditor can recount it: an indicator
that counts records is declared with `register_count` on a function returning those records (its
value is their number, or the number of distinct values of one field among them); any other
indicator (a share, a median, a sum) passes the records it is computed from as `records=`.

Several figures of a module are often computed from one expensive result (the employees who
passed a test feed both "passed" and "pass rate"): a helper decorated with `@shared` is computed
once per arguments while one set of figures is computed (`compute_values`), and afresh next time.
"""

import functools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import npgettext

from senim.core import cases
from senim.core.figures import NO_DATA, format_figure, format_percent
from senim.core.i18n import msgid_of

Number = int | float | Decimal
Compute = Callable[[int, uuid.UUID | None], Number | None]
HasRecords = Callable[[int, uuid.UUID | None], bool]
# The records behind a figure for (year, company_id): a QuerySet of the module's model.
Records = Callable[[int, uuid.UUID | None], "QuerySet[Any]"]

# The results of @shared helpers during one computation of figures; None outside one.
_SHARED_RESULTS: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("indicator_shared", default=None)


def shared[**P, R](function: Callable[P, R]) -> Callable[P, R]:
    """Memoise a helper that several indicators call with the same (hashable, positional)
    arguments, for the length of one computation of figures only: records may change between two
    computations, so nothing is kept after it. Callers must not change what it returns."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        results = _SHARED_RESULTS.get()
        if results is None:
            return function(*args, **kwargs)
        key = (function, args, tuple(sorted(kwargs.items())))
        if key not in results:
            results[key] = function(*args, **kwargs)
        return results[key]  # type: ignore[no-any-return]

    return wrapper


@contextmanager
def computation() -> Iterator[None]:
    """One computation of figures: @shared helpers compute once inside it (nested ones join it)."""
    if _SHARED_RESULTS.get() is not None:
        yield
        return
    token = _SHARED_RESULTS.set({})
    try:
        yield
    finally:
        _SHARED_RESULTS.reset(token)


@dataclass(frozen=True)
class Indicator:
    code: str
    title: str | Promise
    unit: str | Promise
    compute: Compute
    module: str
    has_records: HasRecords | None = None
    records: Records | None = None
    # True when the value is the number of the records (or of their distinct `distinct` values).
    counts_records: bool = False
    distinct: str = ""


@dataclass(frozen=True)
class IndicatorValue:
    code: str
    title: str
    unit: str
    value: Number | None
    previous: Number | None
    module: str = ""
    # Where a value was entered as a baseline figure (not computed), its source; else "".
    value_source: str = ""
    previous_source: str = ""
    # The unit as declared (untranslated), to make it agree with the figure (`unit_for`).
    unit_key: str = ""

    @property
    def value_unit(self) -> str:
        """The unit agreeing with this year's value: "28 (29) договоров" reads right."""
        if self.value is None or self.unit_key not in _COUNTED:
            return self.unit
        return _COUNTED[self.unit_key](_count_form(self.value))

    @property
    def is_share(self) -> bool:
        """A percentage (its unit is "%"): shown as "98,7 %" rather than as a plain figure."""
        return self.unit == "%"

    @property
    def value_entered(self) -> bool:
        return bool(self.value_source)

    @property
    def previous_entered(self) -> bool:
        return bool(self.previous_source)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "unit": self.unit,
            "value": self.value,
            "previous": self.previous,
            "module": self.module,
            "value_entered": self.value_entered,
            "value_source": self.value_source or None,
            "previous_entered": self.previous_entered,
            "previous_source": self.previous_source or None,
        }


# The nouns indicators count in ("contracts"), with their plural forms: a unit shown beside a figure
# agrees with it ("28 договоров", "1 заявка", "21 день"), never "28 договоры". Keyed by the unit's
# untranslated text as indicators declare it. A value with decimals takes the form for 2, which is
# the right one for fractions in Russian ("12,5 дня") and a plural elsewhere.
_COUNTED: dict[str, Callable[[int], str]] = {
    "agreements": lambda n: npgettext("counted", "agreement", "agreements", n),
    "applications": lambda n: npgettext("counted", "application", "applications", n),
    "cases": lambda n: npgettext("counted", "case", "cases", n),
    "conflicts": lambda n: npgettext("counted", "conflict", "conflicts", n),
    "contracts": lambda n: npgettext("counted", "contract", "contracts", n),
    "counterparties": lambda n: npgettext("counted", "counterparty", "counterparties", n),
    "days": lambda n: npgettext("counted", "day", "days", n),
    "documents": lambda n: npgettext("counted", "document", "documents", n),
    "drafts": lambda n: npgettext("counted", "draft", "drafts", n),
    "employees": lambda n: npgettext("counted", "employee", "employees", n),
    "events": lambda n: npgettext("counted", "event", "events", n),
    "findings": lambda n: npgettext("counted", "finding", "findings", n),
    "forms": lambda n: npgettext("counted", "form", "forms", n),
    "functions": lambda n: npgettext("counted", "function", "functions", n),
    "gifts": lambda n: npgettext("counted", "gift", "gifts", n),
    "hits": lambda n: npgettext("counted", "hit", "hits", n),
    "links": lambda n: npgettext("counted", "link", "links", n),
    "measures": lambda n: npgettext("counted", "measure", "measures", n),
    "people": lambda n: npgettext("counted", "person", "people", n),
    "positions": lambda n: npgettext("counted", "position", "positions", n),
    "questions": lambda n: npgettext("counted", "question", "questions", n),
    "reports": lambda n: npgettext("counted", "report", "reports", n),
    "subjects": lambda n: npgettext("counted", "subject", "subjects", n),
    "units": lambda n: npgettext("counted", "unit", "units", n),
    "verifications": lambda n: npgettext("counted", "verification", "verifications", n),
}


def unit_for(unit: str | Promise, value: object, case: str = "nom") -> str:
    """`unit` in the form that agrees with `value` (a count noun) in the grammatical `case` (see
    `core.cases`: "из 21 заявки" in the genitive), or as declared ("%", "per cent of staff")."""
    key = msgid_of(unit)
    counted = _COUNTED.get(key)
    if counted is None or value is None:
        return str(unit)
    if case != "nom":
        inflected = cases.in_case(key, value, case)
        if inflected is not None:
            return inflected
    return counted(_count_form(value))


def _count_form(value: object) -> int:
    """The number whose plural form a value takes: itself when whole, 2 for a fraction."""
    if isinstance(value, int):
        return abs(value)
    number = float(value)  # type: ignore[arg-type]
    return abs(int(number)) if number == int(number) else 2


def with_unit(value: object, unit: str | Promise) -> str:
    """A figure with its unit, the reader's way: "1 102 договора", "98,7 %", "12,5 дня"; "—" for no data."""
    if value is None:
        return NO_DATA
    if msgid_of(unit) == "%":
        return format_percent(value)
    return f"{format_figure(value)}\u00a0{unit_for(unit, value)}"


_REGISTRY: dict[str, Indicator] = {}


def _add(indicator: Indicator) -> None:
    existing = _REGISTRY.get(indicator.code)
    same = existing is not None and (
        existing.compute is indicator.compute or (indicator.counts_records and existing.records is indicator.records)
    )
    if existing is not None and not same:
        raise ValueError(f"Indicator {indicator.code!r} is declared twice.")
    _REGISTRY[indicator.code] = indicator


def register(
    *,
    code: str,
    title: str | Promise,
    unit: str | Promise,
    module: str,
    has_records: HasRecords | None = None,
    records: Records | None = None,
) -> Callable[[Compute], Compute]:
    """Decorator declaring `code` with its translated title and unit; codes are unique. `records`
    gives the records the value is computed from, for tracing it."""

    def decorator(compute: Compute) -> Compute:
        _add(
            Indicator(
                code=code,
                title=title,
                unit=unit,
                compute=compute,
                module=module,
                has_records=has_records,
                records=records,
            )
        )
        return compute

    return decorator


def register_count(
    *,
    code: str,
    title: str | Promise,
    unit: str | Promise,
    module: str,
    distinct: str = "",
    has_records: HasRecords | None = None,
) -> Callable[[Records], Compute]:
    """Decorator declaring an indicator that counts records. The decorated function returns the
    records behind the figure; the name it decorates becomes the function computing the value: the
    number of records, or of distinct values of the field `distinct` among them (an employee who
    filed two forms counts once). One query set serves both, so the figure and its trace agree."""

    def decorator(records: Records) -> Compute:
        def compute(year: int, company_id: uuid.UUID | None) -> int:
            found = records(year, company_id)
            return found.values(distinct).distinct().count() if distinct else found.count()

        compute.__name__ = getattr(records, "__name__", code)
        compute.__doc__ = records.__doc__
        _add(
            Indicator(
                code=code,
                title=title,
                unit=unit,
                compute=compute,
                module=module,
                has_records=has_records,
                records=records,
                counts_records=True,
                distinct=distinct,
            )
        )
        return compute

    return decorator


def all_indicators() -> list[Indicator]:
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def get_indicator(code: str) -> Indicator | None:
    return _REGISTRY.get(code)


def compute_values(
    *, year: int, company_id: uuid.UUID | None = None, codes: list[str] | None = None
) -> list[IndicatorValue]:
    """Each indicator's value for `year` and the year before, in the active language; a baseline
    figure stands in for a year without records (see the module's docstring)."""
    from senim.core.models import BaselineFigure  # the registry is imported before the models

    chosen = all_indicators() if not codes else [i for i in all_indicators() if i.code in set(codes)]
    baselines = {
        (b.code, b.year): b
        for b in BaselineFigure.objects.filter(year__in=[year, year - 1], company_id=company_id)
        if not codes or b.code in set(codes)
    }

    def resolved(indicator: Indicator, for_year: int) -> tuple[Number | None, str]:
        computed = indicator.compute(for_year, company_id)
        baseline = baselines.get((indicator.code, for_year))
        if baseline is None:
            return computed, ""
        if indicator.has_records is not None:
            has_records = indicator.has_records(for_year, company_id)
        else:
            has_records = computed is not None and computed != 0
        if has_records:
            return computed, ""
        value = baseline.value
        return (int(value) if value == value.to_integral_value() else value), baseline.source

    values = []
    with computation():
        for indicator in chosen:
            value, value_source = resolved(indicator, year)
            previous, previous_source = resolved(indicator, year - 1)
            values.append(
                IndicatorValue(
                    code=indicator.code,
                    title=str(indicator.title),
                    unit=str(indicator.unit),
                    unit_key=msgid_of(indicator.unit),
                    value=value,
                    previous=previous,
                    module=indicator.module,
                    value_source=value_source,
                    previous_source=previous_source,
                )
            )
    return values


# Which companies an actor may report on, as (id, name) pairs. The org app provides it (core
# cannot read companies itself: layers point one way).
CompanyChoices = Callable[[Any], list[tuple[uuid.UUID, str]]]
_company_choices: list[CompanyChoices] = []


def register_company_choices(provider: CompanyChoices) -> CompanyChoices:
    if provider not in _company_choices:
        _company_choices.append(provider)
    return provider


def company_choices(actor: Any) -> list[tuple[uuid.UUID, str]]:
    return [choice for provider in _company_choices for choice in provider(actor)]
