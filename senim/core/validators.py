"""Django validators wrapping the pure identifier checks with translated messages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from senim.core import identifiers

# One translated sentence per error code of senim.core.identifiers.
MESSAGES = {
    "length": _("Wrong number of digits."),
    "digits": _("Only digits are allowed."),
    "checksum": _("The check digit does not match: the number has a typo."),
    "date": _("The date encoded in the number does not exist."),
    "type_digit": _("The entity type digit is not valid."),
    "attribute_digit": _("The entity attribute digit is not valid."),
    "century_digit": _("The century and sex digit is not valid."),
    "unassigned": _("This number can never be issued."),
    "format": _("The number has the wrong format."),
}


def _message(error: identifiers.IdentifierError, what: str) -> ValidationError:
    reason = MESSAGES.get(error.code, MESSAGES["format"])
    return ValidationError(
        _("Invalid %(what)s: %(reason)s"), code=f"invalid_{error.code}", params={"what": what, "reason": reason}
    )


def validate_iin(value: str) -> None:
    """Accept a Kazakhstan IIN with a correct check digit (odd dates allowed, as in old records)."""
    try:
        identifiers.validate_iin(value, strict=False)
    except identifiers.IdentifierError as error:
        raise _message(error, str(_("IIN"))) from error


def validate_bin(value: str) -> None:
    try:
        identifiers.validate_bin(value, strict=False)
    except identifiers.IdentifierError as error:
        raise _message(error, str(_("BIN"))) from error


def validate_pinfl(value: str) -> None:
    try:
        identifiers.validate_pinfl(value, strict=False)
    except identifiers.IdentifierError as error:
        raise _message(error, str(_("PINFL"))) from error


def validate_stir(value: str) -> None:
    try:
        identifiers.validate_stir(value)
    except identifiers.IdentifierError as error:
        raise _message(error, str(_("STIR"))) from error
