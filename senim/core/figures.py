"""Senim's one number formatter: figures and percentages the reader's way, in every language.

Digits are grouped and the decimal separator chosen by the active language's format module
("3 104", "98,7" in Russian, Kazakh and Uzbek; "98.7" in English); a percentage is written by the
language's own pattern ("98,7 %" with a no-break space in ru/kk/uz, "98.7%" in English). Templates use
the ``figure`` and ``percentage`` filters of ``senim_ui``; Python code (charts, exports written as
text, reports) calls these functions, so a figure reads the same on every page.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import pgettext

NO_DATA = "—"


def _number(value: object) -> int | Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        return Decimal(str(value))
    try:
        return Decimal(str(value).replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except ArithmeticError:
        return None


def format_figure(value: object, decimals: int | None = None) -> str:
    """A figure with digits grouped the reader's way ("3 104", "1 102,5"); "—" for no data.

    ``decimals`` None keeps the value's own decimals (a whole Decimal or float shows none);
    otherwise the value is rounded half up to that many places."""
    number = _number(value)
    if number is None:
        return NO_DATA if value is None or value == "" else str(value)
    if isinstance(number, Decimal):
        if not number.is_finite():
            return str(value)
        if decimals is not None:
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        elif number == number.to_integral_value():
            number = int(number)
        else:
            number = number.normalize()
    return number_format(number, decimal_pos=decimals, force_grouping=True)


def format_percent(value: object, decimals: int = 1) -> str:
    """A percentage the reader's way: "98,7 %" in ru/kk/uz, "98.7%" in English; "—" for no data.
    Trailing zero decimals are dropped ("100 %", not "100,0 %")."""
    number = _number(value)
    if number is None:
        return NO_DATA
    rounded = Decimal(number).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format_figure(int(rounded) if rounded == rounded.to_integral_value() else rounded.normalize())
    # Translators: a percentage; %(value)s is the number. Russian, Kazakh and Uzbek put a no-break space before %.
    return pgettext("percentage", "%(value)s%%") % {"value": text}


def share_of(part: int, whole: int, decimals: int = 1) -> float | None:
    """`part` as a percentage of `whole`, rounded; None when `whole` is zero (no data, not 0 %)."""
    return round(100 * part / whole, decimals) if whole else None
