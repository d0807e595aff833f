"""Validate and generate Kazakhstan IIN/BIN and Uzbekistan STIR/PINFL numbers (no Django here).

The rules follow shared/domain/identifiers.md. Every validator has a strict mode (encoded
dates, century/sex, type and attribute digits) and a lenient mode (format and check digit only), because
old records sometimes carry odd dates. The STIR's control digit is not public: only its format is checked.

Every failure raises IdentifierError with one of these stable codes (the Django layer translates by code):

    length           wrong number of digits                          params: expected, actual
    digits           something other than digits and separators
    checksum         the check digit does not match
    unassigned       no check digit exists for the first 11 digits (both passes give 10): never issued
    date             the encoded date does not exist (month 13, 30 February, ...)
    century_digit    IIN digit 7 / PINFL digit 1 is not 1-6
    type_digit       digit 5 is not 0-3 in an IIN, not 4-6 in a BIN, not 0-6 in a combined field
    attribute_digit  BIN digit 6 is not 0-3
    format           any other shape rule: STIR first digit 0 or 1, PINFL district or serial 000

Known weakness of the Kazakh check digit: the first pass weighs digit 11 by 11, which is 0 mod 11, so
a typo in digit 11 goes unnoticed whenever the first pass decides (and a typo that switches passes
can slip through too). About 9 % of single-digit typos validate; the check digit is not a proof.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Sex = Literal["M", "F"]
EntityType = Literal["resident", "non_resident", "joint_ie"]
Attribute = Literal["head_office", "branch", "representative_office", "farm"]

IIN_LENGTH = BIN_LENGTH = 12
STIR_LENGTH = 9
PINFL_LENGTH = 14

_DIGITS = frozenset("0123456789")
# Separators people type or paste: spaces of every kind, dots and the dash family.
_SEPARATORS = frozenset(".-\u2010\u2011\u2012\u2013\u2014\u2212")
_KZ_WEIGHTS_FIRST = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_KZ_WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_PINFL_WEIGHTS = (7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7)
_BIN_TYPES: dict[str, EntityType] = {"4": "resident", "5": "non_resident", "6": "joint_ie"}
_BIN_ATTRIBUTES: dict[str, Attribute] = {
    "0": "head_office",
    "1": "branch",
    "2": "representative_office",
    "3": "farm",
}
# BINs exist since independence: YY 91-99 are 1991-1999, 00-90 are 2000-2090 (no wall clock needed).
_BIN_FIRST_YEAR = 1991


class IdentifierError(ValueError):
    """An identifier failed validation; `code` is one of the stable codes in the module docstring."""

    def __init__(self, code: str, message: str, **params: int | str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params

    # Keep pickling (multiprocessing, caches) working despite the extra constructor arguments.
    def __reduce__(self) -> tuple[object, tuple[str, str, dict[str, int | str]]]:
        return (_rebuild_error, (self.code, self.message, self.params))


def _rebuild_error(code: str, message: str, params: dict[str, int | str]) -> IdentifierError:
    return IdentifierError(code, message, **params)


@dataclass(frozen=True, slots=True)
class IinInfo:
    """A Kazakhstan IIN; birth_date and sex are None only when lenient mode could not decode them."""

    number: str
    birth_date: date | None
    sex: Sex | None


@dataclass(frozen=True, slots=True)
class BinInfo:
    """A Kazakhstan BIN; month, entity_type and attribute are None only when lenient mode met odd digits."""

    number: str
    year: int
    month: int | None
    entity_type: EntityType | None
    attribute: Attribute | None


@dataclass(frozen=True, slots=True)
class PinflInfo:
    """An Uzbekistan PINFL; birth_date and sex are None only when lenient mode could not decode them."""

    number: str
    birth_date: date | None
    sex: Sex | None
    district: int


# --- normalisation and check digits -------------------------------------------------------------


def normalise_identifier(value: str) -> str:
    """Drop spaces, dots and dashes from a value made only of digits and those; else just strip it."""
    if all(ch in _DIGITS or ch in _SEPARATORS or ch.isspace() for ch in value):
        return "".join(ch for ch in value if ch in _DIGITS)
    return value.strip()


def kz_check_digit(first_eleven: str) -> int | None:
    """Return the IIN/BIN check digit for 11 digits, or None when both passes give 10 (never issued)."""
    digits = [int(ch) for ch in first_eleven]
    for weights in (_KZ_WEIGHTS_FIRST, _KZ_WEIGHTS_SECOND):
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return check
    return None


def pinfl_check_digit(first_thirteen: str) -> int:
    """Return the PINFL check digit for 13 digits."""
    return sum(int(ch) * w for ch, w in zip(first_thirteen, _PINFL_WEIGHTS, strict=True)) % 10


def _digits_of_length(value: str, length: int, name: str) -> str:
    number = normalise_identifier(value)
    if any(ch not in _DIGITS for ch in number):
        raise IdentifierError("digits", f"The {name} may contain only digits, spaces, dots and dashes.")
    if len(number) != length:
        raise IdentifierError(
            "length",
            f"The {name} must have {length} digits, not {len(number)}.",
            expected=length,
            actual=len(number),
        )
    return number


def _check_kz(number: str, name: str) -> None:
    check = kz_check_digit(number[:11])
    if check is None:
        raise IdentifierError("unassigned", f"No {name} can start with these 11 digits: it is never issued.")
    if check != int(number[11]):
        raise IdentifierError("checksum", f"The check digit of this {name} does not match: there is a typo.")


def _century_and_sex(digit: str) -> tuple[int, Sex] | None:
    """Decode the IIN digit 7 / PINFL digit 1: 1/2 the 1800s, 3/4 the 1900s, 5/6 the 2000s; odd is male."""
    if digit not in "123456":
        return None
    value = int(digit)
    return 1800 + 100 * ((value - 1) // 2), ("M" if value % 2 else "F")


def _century_digit(year: int, sex: Sex) -> int:
    if not 1800 <= year <= 2099:
        raise ValueError(f"Birth year {year} cannot be encoded: the century digit covers 1800-2099.")
    if sex not in ("M", "F"):
        raise ValueError(f"Sex must be 'M' or 'F', not {sex!r}.")
    return 1 + 2 * ((year - 1800) // 100) + (0 if sex == "M" else 1)


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _birth_details(
    century_digit: str, yy: str, mm: str, dd: str, *, strict: bool, name: str, position: int
) -> tuple[date | None, Sex | None]:
    decoded = _century_and_sex(century_digit)
    if decoded is None:
        if strict:
            raise IdentifierError("century_digit", f"Digit {position} of this {name} must be 1 to 6.")
        return None, None
    century, sex = decoded
    birth_date = _date_or_none(century + int(yy), int(mm), int(dd))
    if birth_date is None and strict:
        raise IdentifierError("date", f"The birth date in this {name} does not exist.")
    return birth_date, sex


# --- Kazakhstan ----------------------------------------------------------------------------------


def _iin_from_digits(number: str, strict: bool) -> IinInfo:
    if strict and number[4] in "456789":
        # Digit 5 starts the day in an IIN; 4-6 there is the commonest mix-up: a BIN in a person's field.
        raise IdentifierError("type_digit", "Digit 5 of an IIN must be 0 to 3 (4 to 6 mark a BIN).")
    birth_date, sex = _birth_details(
        number[6], number[0:2], number[2:4], number[4:6], strict=strict, name="IIN", position=7
    )
    _check_kz(number, "IIN")
    return IinInfo(number=number, birth_date=birth_date, sex=sex)


def _bin_from_digits(number: str, strict: bool) -> BinInfo:
    month = int(number[2:4])
    entity_type = _BIN_TYPES.get(number[4])
    attribute = _BIN_ATTRIBUTES.get(number[5])
    if strict:
        if not 1 <= month <= 12:
            raise IdentifierError("date", "The registration month in this BIN does not exist.")
        if entity_type is None:
            raise IdentifierError("type_digit", "Digit 5 of a BIN must be 4, 5 or 6 (0 to 3 mark an IIN).")
        if attribute is None:
            raise IdentifierError("attribute_digit", "Digit 6 of a BIN must be 0 to 3.")
    _check_kz(number, "BIN")
    return BinInfo(
        number=number,
        year=_registration_year(int(number[0:2])),
        month=month if 1 <= month <= 12 else None,
        entity_type=entity_type,
        attribute=attribute,
    )


def _registration_year(yy: int) -> int:
    return 1900 + yy if yy >= _BIN_FIRST_YEAR % 100 else 2000 + yy


def validate_iin(value: str, *, strict: bool = True) -> IinInfo:
    """Return the decoded IIN, or raise IdentifierError."""
    return _iin_from_digits(_digits_of_length(value, IIN_LENGTH, "IIN"), strict)


def validate_bin(value: str, *, strict: bool = True) -> BinInfo:
    """Return the decoded BIN, or raise IdentifierError."""
    return _bin_from_digits(_digits_of_length(value, BIN_LENGTH, "BIN"), strict)


def validate_kz_bin_or_iin(value: str, strict: bool = True) -> IinInfo | BinInfo:
    """Decode a number from a combined BIN/IIN field: digit 5 is 0-3 in an IIN and 4-6 in a BIN."""
    number = _digits_of_length(value, IIN_LENGTH, "IIN or BIN")
    if number[4] in "0123":
        return _iin_from_digits(number, strict)
    if strict and number[4] not in "456":
        raise IdentifierError("type_digit", "Digit 5 of an IIN or a BIN must be 0 to 6.")
    # Digits 7-9 cannot start a day, so a lenient read treats the number as a BIN of unknown type.
    return _bin_from_digits(number, strict)


# --- Uzbekistan ----------------------------------------------------------------------------------


def validate_stir(value: str) -> str:
    """Return the 9-digit STIR; only its format is checked, as the control digit algorithm is not public."""
    number = _digits_of_length(value, STIR_LENGTH, "STIR")
    if number[0] in "01":
        raise IdentifierError("format", "An STIR cannot start with 0 or 1.")
    return number


def validate_pinfl(value: str, *, strict: bool = True) -> PinflInfo:
    """Return the decoded PINFL (century/sex digit, then DDMMYY, district, serial, check), or raise."""
    number = _digits_of_length(value, PINFL_LENGTH, "PINFL")
    birth_date, sex = _birth_details(
        number[0], number[5:7], number[3:5], number[1:3], strict=strict, name="PINFL", position=1
    )
    if strict and number[7:10] == "000":
        raise IdentifierError("format", "The district code of a PINFL cannot be 000.")
    if strict and number[10:13] == "000":
        raise IdentifierError("format", "The serial number of a PINFL cannot be 000.")
    if pinfl_check_digit(number[:13]) != int(number[13]):
        raise IdentifierError("checksum", "The check digit of this PINFL does not match: there is a typo.")
    return PinflInfo(number=number, birth_date=birth_date, sex=sex, district=int(number[7:10]))


# --- boolean wrappers ----------------------------------------------------------------------------


def is_valid_iin(value: str, strict: bool = True) -> bool:
    """Tell whether validate_iin accepts the value."""
    try:
        validate_iin(value, strict=strict)
    except IdentifierError:
        return False
    return True


def is_valid_bin(value: str, strict: bool = True) -> bool:
    """Tell whether validate_bin accepts the value."""
    try:
        validate_bin(value, strict=strict)
    except IdentifierError:
        return False
    return True


def is_valid_kz_bin_or_iin(value: str, strict: bool = True) -> bool:
    """Tell whether validate_kz_bin_or_iin accepts the value."""
    try:
        validate_kz_bin_or_iin(value, strict=strict)
    except IdentifierError:
        return False
    return True


def is_valid_stir(value: str) -> bool:
    """Tell whether validate_stir accepts the value."""
    try:
        validate_stir(value)
    except IdentifierError:
        return False
    return True


def is_valid_pinfl(value: str, strict: bool = True) -> bool:
    """Tell whether validate_pinfl accepts the value."""
    try:
        validate_pinfl(value, strict=strict)
    except IdentifierError:
        return False
    return True


# --- generators (demo data, test factories) ------------------------------------------------------


def _with_kz_check_digit(prefix_without_serial: str, serial: int, serial_width: int) -> str:
    """Append serial and check digit, bumping the serial until the 11 digits have a check digit."""
    modulus = 10**serial_width
    # Digit 11 weighs 0 in the first pass but 2 in the second, so one bump always escapes "both 10".
    for bump in range(modulus):
        prefix = f"{prefix_without_serial}{(serial + bump) % modulus:0{serial_width}d}"
        check = kz_check_digit(prefix)
        if check is not None:
            return f"{prefix}{check}"
    raise AssertionError("unreachable: some serial always has a check digit")


def make_iin(birth_date: date, sex: Sex, serial: int) -> str:
    """Return a strictly valid IIN; serial is 0-9999 and may be bumped when no check digit exists."""
    if not 0 <= serial <= 9999:
        raise ValueError(f"An IIN serial is 0-9999, not {serial}.")
    century_digit = _century_digit(birth_date.year, sex)
    head = f"{birth_date.year % 100:02d}{birth_date.month:02d}{birth_date.day:02d}{century_digit}"
    return _with_kz_check_digit(head, serial, 4)


def make_bin(
    year: int,
    month: int,
    serial: int,
    entity_type: EntityType = "resident",
    attribute: Attribute = "head_office",
) -> str:
    """Return a strictly valid BIN registered in year (1991-2090) and month; serial is 0-99999."""
    if not _BIN_FIRST_YEAR <= year <= _BIN_FIRST_YEAR + 99:
        raise ValueError(f"A BIN year is {_BIN_FIRST_YEAR}-{_BIN_FIRST_YEAR + 99}, not {year}.")
    if not 1 <= month <= 12:
        raise ValueError(f"A month is 1-12, not {month}.")
    if not 0 <= serial <= 99999:
        raise ValueError(f"A BIN serial is 0-99999, not {serial}.")
    type_digit = {v: k for k, v in _BIN_TYPES.items()}[entity_type]
    attribute_digit = {v: k for k, v in _BIN_ATTRIBUTES.items()}[attribute]
    return _with_kz_check_digit(f"{year % 100:02d}{month:02d}{type_digit}{attribute_digit}", serial, 5)


def make_pinfl(birth_date: date, sex: Sex, district: int, serial: int) -> str:
    """Return a strictly valid PINFL; district and serial are 1-999."""
    if not 1 <= district <= 999:
        raise ValueError(f"A PINFL district is 1-999, not {district}.")
    if not 1 <= serial <= 999:
        raise ValueError(f"A PINFL serial is 1-999, not {serial}.")
    century_digit = _century_digit(birth_date.year, sex)
    prefix = (
        f"{century_digit}{birth_date.day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}"
        f"{district:03d}{serial:03d}"
    )
    return f"{prefix}{pinfl_check_digit(prefix)}"


def make_stir(serial: int, legal_entity: bool = True) -> str:
    """Return a format-valid STIR: 2-3 first for legal entities (serial < 2e8), 4-7 for people (< 4e8)."""
    first, count = (2, 2) if legal_entity else (4, 4)
    if not 0 <= serial < count * 10**8:
        raise ValueError(f"This STIR serial must be 0-{count * 10**8 - 1}, not {serial}.")
    return f"{first + serial // 10**8}{serial % 10**8:08d}"
