"""Why a gift needs approval or not, written in the reader's language from the facts stored with
the gift (``Gift.threshold_facts``): the reason, the gift's value and currency, the calculation unit
(MRP in Kazakhstan, BRV in Uzbekistan), the gift's value in units, the threshold in units and in
money. Nothing is stored as a sentence, so a Kazakh or Uzbek reader never meets Russian text and
numbers are written the reader's way ("8 650 KZT", "2 МРП")."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from senim.core.figures import format_figure

# The short name of a calculation unit inside a sentence ("2 MRP").
UNIT_SHORT = {
    "mrp": pgettext_lazy("calculation unit", "MRP"),
    "brv": pgettext_lazy("calculation unit", "BRV"),
}

COUNTRY_NAMES = {"KZ": gettext_lazy("Kazakhstan"), "UZ": gettext_lazy("Uzbekistan")}

# The reasons a threshold check can give (``threshold_facts["reason"]``).
DECLINED, OFFICIAL, NO_THRESHOLD, OTHER_CURRENCY, ABOVE, WITHIN = (
    "declined",
    "official",
    "no_threshold",
    "other_currency",
    "above",
    "within",
)


def country_name(code: str) -> str:
    """A country's name in the active language ("Kazakhstan"), or its code when Senim has none."""
    name = COUNTRY_NAMES.get((code or "").upper())
    return str(name) if name is not None else code


def money(amount: object, currency: str) -> str:
    """An amount with its currency code, the figure written the reader's way: "8 650 KZT"."""
    return f"{format_figure(_decimal(amount))}\u00a0{currency}"


def _decimal(value: object) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def threshold_sentence(facts: dict[str, Any] | None) -> str:
    """The explanation of a gift's threshold decision, in the active language; "" without facts."""
    if not facts:
        return ""
    reason = facts.get("reason")
    if reason == DECLINED:
        return _("Declined: no approval needed.")
    if reason == OFFICIAL:
        return _("A public official is involved: approval needed.")
    if reason == NO_THRESHOLD:
        return _("No threshold is set for %(country)s in %(year)s: approval needed.") % {
            "country": country_name(str(facts.get("country", ""))),
            "year": facts.get("year", ""),
        }
    if reason == OTHER_CURRENCY:
        return _("The value is not in %(currency)s: approval needed.") % {"currency": facts.get("threshold_currency")}
    unit = str(UNIT_SHORT.get(str(facts.get("unit")), facts.get("unit", "")))
    values = {
        "value": money(facts.get("value"), str(facts.get("currency", ""))),
        "value_units": format_figure(_decimal(facts.get("value_units"))),
        "units": format_figure(_decimal(facts.get("units"))),
        "unit": unit,
        "amount": money(facts.get("threshold"), str(facts.get("currency", ""))),
    }
    if reason == ABOVE:
        return (
            _(
                "%(value)s is %(value_units)s %(unit)s: above the threshold of %(units)s %(unit)s (%(amount)s); "
                "approval needed."
            )
            % values
        )
    if reason == WITHIN:
        return _("%(value)s is %(value_units)s %(unit)s: within the threshold of %(units)s %(unit)s (%(amount)s).") % (
            values
        )
    return ""
