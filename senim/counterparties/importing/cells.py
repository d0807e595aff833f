"""Cell readers the counterparty and contract imports share."""

from django.utils.translation import gettext as _

from senim.core.importing.values import CellError


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
