"""Identifier normalisation and kinds (see shared/domain/identifiers.md).

Identifiers are compared after removing spaces, dashes and labels ("БИН 990 140 004 654" →
"990140004654"). Their *kind* decides whether two different numbers contradict each other: a
Kazakh BIN/IIN (12 digits), an Uzbek PINFL (14 digits) or STIR (9 digits, first digit 2–9). Other
identifiers (passports, foreign registrations) can match but never contradict: a person has many.
"""

from __future__ import annotations

import re

from senim.core.identifiers import IdentifierError, IinInfo, PinflInfo, validate_iin, validate_pinfl

_LABEL = re.compile(
    r"^\s*(?:бин|бсн|иин|жсн|bin|iin|bsn|zhsn|stir|стир|inn|инн|pinfl|пинфл|jshshir|жшшир|tin)"
    r"\s*[:№#.]?\s*",
    re.IGNORECASE,
)
_NOT_ALPHANUMERIC = re.compile(r"[^0-9A-Za-zА-Яа-яЁё]")
KZ_BIN_IIN = "kz_bin_iin"
UZ_PINFL = "uz_pinfl"
UZ_STIR = "uz_stir"
OTHER = "other"
KIND_LABELS = {KZ_BIN_IIN: "Kazakh BIN/IIN", UZ_PINFL: "Uzbek PINFL", UZ_STIR: "Uzbek STIR", OTHER: "identifier"}


def normalise_identifier(raw: str) -> tuple[str, str] | None:
    """(kind, normalised value) or None for an empty/unusable identifier. Never raises."""
    value = _NOT_ALPHANUMERIC.sub("", _LABEL.sub("", raw or "")).upper()
    if len(value) < 4:
        return None
    if value.isdigit():
        if len(value) == 12:
            return KZ_BIN_IIN, value
        if len(value) == 14:
            return UZ_PINFL, value
        if len(value) == 9 and value[0] in "23456789":
            return UZ_STIR, value
    return OTHER, value


# Where a birth date or sex came from when a person's identifier told it (not the list or the user).
SOURCE_IIN = "iin"
SOURCE_PINFL = "pinfl"


def birth_details(kind: str, value: str) -> tuple[tuple[int, int, int], str, str] | None:
    """((year, month, day), sex "m"/"f", source) encoded in a person's identifier, or None.

    A Kazakh IIN (YYMMDD + century/sex digit) and an Uzbek PINFL (century/sex digit + DDMMYY) carry
    the birth date and sex; the decoding is core's (``senim.core.identifiers``), in strict mode, so a
    number with a wrong check digit, an impossible date or an unassigned century digit tells nothing.
    A BIN in a combined BIN/IIN field (digit 5 is 4-6) is an organisation's and carries no birth date.
    """
    info: IinInfo | PinflInfo
    try:
        if kind == KZ_BIN_IIN:
            if value[4] not in "0123":
                return None
            info = validate_iin(value)
            source = SOURCE_IIN
        elif kind == UZ_PINFL:
            info = validate_pinfl(value)
            source = SOURCE_PINFL
        else:
            return None
    except IdentifierError:
        return None
    if info.birth_date is None or info.sex is None:
        return None
    born = info.birth_date
    return (born.year, born.month, born.day), info.sex.lower(), source
