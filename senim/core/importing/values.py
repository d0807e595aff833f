"""Parsing of cell text into typed values, with translated reasons for refusal."""

import datetime as dt
import decimal

from django.utils.translation import gettext as _

DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y.%m.%d", "%d.%m.%y")
TRUE_WORDS = {"1", "yes", "y", "true", "да", "д", "иә", "ия", "ha", "x", "+"}
FALSE_WORDS = {"0", "no", "n", "false", "нет", "н", "жоқ", "yoʻq", "yo'q", "yoq", "-", ""}


class CellError(ValueError):
    """A cell that cannot be used; the message is translated."""


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    if "T" in text:
        text = text.split("T", 1)[0]
    for fmt in DATE_FORMATS:
        try:
            value = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if not 1900 <= value.year <= 2100:
            break
        return value
    raise CellError(_("“%(value)s” is not a date (use YYYY-MM-DD or DD.MM.YYYY).") % {"value": text[:40]})


def parse_bool(text: str) -> bool:
    word = text.strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("“%(value)s” is not yes or no.") % {"value": text[:40]})


def require_text(text: str, max_length: int) -> str:
    text = text.strip()
    if not text:
        raise CellError(_("This column is required."))
    return limit_text(text, max_length)


def limit_text(text: str, max_length: int) -> str:
    text = text.strip()
    if len(text) > max_length:
        raise CellError(_("Longer than %(max)d characters.") % {"max": max_length})
    return text


def choice(text: str, choices: type, words: dict[str, str], *, default: str = "") -> str:
    """Read a choice cell: a value of `choices`, or a word that `words` maps to one; `default` when empty."""
    value = text.strip().casefold().replace(" ", "_")
    if not value:
        if default:
            return default
        raise CellError(_("This column is required."))
    value = words.get(value, value)
    if value not in choices.values:  # type: ignore[attr-defined]
        allowed = ", ".join(choices.values)  # type: ignore[attr-defined]
        raise CellError(_("“%(value)s” is not one of: %(allowed)s.") % {"value": text[:40], "allowed": allowed})
    return value


def parse_amount(text: str) -> decimal.Decimal | None:
    text = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        value = decimal.Decimal(text)
    except decimal.InvalidOperation as error:
        raise CellError(_("“%(value)s” is not an amount.") % {"value": text[:40]}) from error
    if not value.is_finite() or value < 0 or value >= 10**16:
        raise CellError(_("“%(value)s” is not an amount.") % {"value": text[:40]})
    return value.quantize(decimal.Decimal("0.01"))
