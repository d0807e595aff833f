"""The indicator registry: each module declares its figures once; reports compute them.

An indicator's `compute(year, company_id)` returns its value for the calendar year, for the whole
group (company_id None) or one company. Values are always shown with the previous year's value
beside them, as annual reports state figures: "3 104 (2 866)".
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise

Number = int | float | Decimal
Compute = Callable[[int, uuid.UUID | None], Number | None]


@dataclass(frozen=True)
class Indicator:
    code: str
    title: str | Promise
    unit: str | Promise
    compute: Compute
    module: str


@dataclass(frozen=True)
class IndicatorValue:
    code: str
    title: str
    unit: str
    value: Number | None
    previous: Number | None
    module: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "unit": self.unit,
            "value": self.value,
            "previous": self.previous,
            "module": self.module,
        }


_REGISTRY: dict[str, Indicator] = {}


def register(*, code: str, title: str | Promise, unit: str | Promise, module: str) -> Callable[[Compute], Compute]:
    """Decorator declaring `code` with its translated title and unit; codes are unique."""

    def decorator(compute: Compute) -> Compute:
        if code in _REGISTRY and _REGISTRY[code].compute is not compute:
            raise ValueError(f"Indicator {code!r} is declared twice.")
        _REGISTRY[code] = Indicator(code=code, title=title, unit=unit, compute=compute, module=module)
        return compute

    return decorator


def all_indicators() -> list[Indicator]:
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def get_indicator(code: str) -> Indicator | None:
    return _REGISTRY.get(code)


def compute_values(
    *, year: int, company_id: uuid.UUID | None = None, codes: list[str] | None = None
) -> list[IndicatorValue]:
    """Each indicator's value for `year` and the year before, in the active language."""
    chosen = all_indicators() if not codes else [i for i in all_indicators() if i.code in set(codes)]
    return [
        IndicatorValue(
            code=indicator.code,
            title=str(indicator.title),
            unit=str(indicator.unit),
            value=indicator.compute(year, company_id),
            previous=indicator.compute(year - 1, company_id),
            module=indicator.module,
        )
        for indicator in chosen
    ]


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
