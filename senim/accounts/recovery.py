"""Two-factor recovery codes: ten single-use codes such as `k7m2-q9xd-w4tp-h3nb`, shown once.

A code is 16 symbols from an alphabet without look-alikes (no i, l, o, 0 or 1), about 79 random bits,
grouped by four for reading; what a user types is compared without case, spaces or dashes.
"""

import hashlib
import secrets

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 16
COUNT = 10


def generate() -> list[str]:
    """Return COUNT new, distinct codes, grouped by four."""
    codes: set[str] = set()
    while len(codes) < COUNT:
        raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        codes.add("-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4)))
    return sorted(codes)


def normalise(typed: str) -> str:
    return "".join(ch for ch in typed.lower() if ch.isalnum())


def looks_like_code(typed: str) -> bool:
    """Tell a recovery code from a six-digit authenticator code before any lookup."""
    return len(normalise(typed)) == CODE_LENGTH


def digest(typed: str) -> str:
    return hashlib.sha256(normalise(typed).encode()).hexdigest()
