"""Helpers for conflicts tests: declarations through the service, as an employee would submit them."""

import datetime as dt
from typing import Any

from senim.accounts.models import User
from senim.accounts.tests.factories import user_with_role
from senim.conflicts import services
from senim.conflicts.models import Declaration, GiftThreshold

IIN_RELATIVE = "900101300123"


def employee_user(employee: Any, **kwargs: Any) -> Any:  # type: ignore[no-untyped-def]
    """The employee's user account (created with the employee role on first use)."""
    account = User.objects.filter(employee=employee).first()
    if account is not None:
        return account
    return user_with_role("employee", employee=employee, **kwargs)


def relative(name: str = "Оспанова Айгерим Бауыржановна", relation: str = "child", **extra: Any) -> dict[str, Any]:
    return {"section": "relatives", "person_name": name, "relation": relation, **extra}


def interest(organisation: str = "ТОО «Жолдас Строй»", holder: str = "self", **extra: Any) -> dict[str, Any]:
    return {"section": "interests", "holder": holder, "organisation": organisation, **extra}


def submit(employee: Any, actor: Any = None, *, form_type: str = "a", items: Any = None, **kwargs: Any) -> Declaration:  # type: ignore[no-untyped-def]
    actor = actor or employee_user(employee)
    items = [relative()] if items is None else items
    if form_type == "b":
        kwargs.setdefault("circumstances", "My brother's company bids in a tender I assess.")
    return services.declaration_submit(
        actor=actor,
        employee=employee,
        form_type=form_type,
        items=items,
        nothing_to_declare=not items and form_type == "a",
        **kwargs,
    )


def threshold(
    country: str = "KZ", year: int | None = None, unit_value: str = "4325", units: str = "2"
) -> GiftThreshold:
    unit, currency = ("mrp", "KZT") if country == "KZ" else ("brv", "UZS")
    year = year or TODAY.year
    return GiftThreshold.objects.create(
        country=country, year=year, unit=unit, currency=currency, unit_value=unit_value, units=units
    )


# Gifts are dated relative to the day the tests run, so that the one-year window of repeated gifts
# and the thresholds of "this year" hold whenever the suite runs.
TODAY = dt.date.today()
