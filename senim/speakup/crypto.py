"""Per-case data keys and receipt keys.

Every case has its own random Fernet data key. The key is stored only wrapped (encrypted) under
the master key held outside the database (senim.core.crypto), and everything a reporter or an
officer writes about the case is encrypted under it: content, reporter identity and contacts,
messages, notes, tasks, file names and file contents. Rotating the master key rewraps the data
keys; the case data itself is never re-encrypted.

The receipt key a reporter gets is random (25 symbols of 31, about 124 bits) and is stored only as
a keyed hash (HMAC-SHA256 with a pepper kept outside the database), so neither the database nor its
dump gives the key back, and a dump alone cannot test guesses.

Why one HMAC and not a slow hash: slowing a hash down only helps when what is hashed can be guessed
(a password). Here the key is 124 random bits, and without the pepper a guess cannot even be tested.
With the pepper, PBKDF2 with 2,000 iterations would make each guess 2,000 times (about 11 bits)
dearer: 2^124 guesses at one HMAC each and 2^124 × 2,000 ≈ 2^135 are both far beyond reach, so the
single HMAC is as strong in practice, and it takes a microsecond instead of a millisecond on every
follow-up page. Online guessing is limited by the rate limit, not by the hash. Hashes stored before
this change (PBKDF2, 2,000 iterations) are still recognised, and replaced by the HMAC the first time
their key is used (receipt_legacy_digest, selectors.case_for_receipt).
"""

import hashlib
import hmac
import json
import secrets
from typing import Any

from cryptography.fernet import Fernet

from senim.core import crypto as core_crypto
from senim.speakup import conf

RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out on the phone
RECEIPT_LENGTH = 25  # 25 symbols of 31: about 124 bits
LEGACY_ITERATIONS = 2_000  # the PBKDF2 hashes stored before the HMAC (still recognised)


class CaseCipher:
    """Encrypts and decrypts one case's data under its data key."""

    def __init__(self, data_key: bytes) -> None:
        self._fernet = Fernet(data_key)

    @classmethod
    def create(cls) -> tuple["CaseCipher", str]:
        """A new data key: the cipher and the key wrapped under the master key (to store)."""
        key = Fernet.generate_key()
        return cls(key), core_crypto.encrypt(key).decode()

    @classmethod
    def unwrap(cls, wrapped_key: str) -> "CaseCipher":
        return cls(core_crypto.decrypt(wrapped_key.encode()))

    def seal(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode() if text else ""

    def open(self, token: str) -> str:
        return self._fernet.decrypt(token.encode()).decode() if token else ""

    def seal_json(self, value: dict[str, Any]) -> str:
        return self.seal(json.dumps(value, ensure_ascii=False, sort_keys=True)) if value else ""

    def open_json(self, token: str) -> dict[str, Any]:
        return json.loads(self.open(token)) if token else {}

    def seal_bytes(self, data: bytes) -> bytes:
        return self._fernet.encrypt(data)

    def open_bytes(self, token: bytes) -> bytes:
        return self._fernet.decrypt(bytes(token))


def rewrap(wrapped_key: str) -> str:
    """The same data key wrapped under the newest master key."""
    return core_crypto.reencrypt(wrapped_key.encode()).decode()


def receipt_new() -> str:
    """A new receipt key, grouped by five for reading aloud: ABCDE-FGHJK-…"""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(raw[i : i + 5] for i in range(0, RECEIPT_LENGTH, 5))


def receipt_normalise(text: str) -> str:
    """Upper case, without spaces and dashes; lower-case letters and separators are forgiven."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def receipt_is_well_formed(text: str) -> bool:
    key = receipt_normalise(text)
    return len(key) == RECEIPT_LENGTH and all(ch in RECEIPT_ALPHABET for ch in key)


def receipt_digest(text: str) -> str:
    """The stored form of a receipt key: HMAC-SHA256 keyed with the pepper (see the module's note)."""
    key = receipt_normalise(text).encode()
    return hmac.new(conf.receipt_pepper(), key, hashlib.sha256).hexdigest()


def receipt_legacy_digest(text: str) -> str:
    """The form receipt keys were stored in before: PBKDF2-SHA256 with the pepper as salt. Kept
    only to recognise those keys once and replace their hash by receipt_digest."""
    key = receipt_normalise(text).encode()
    return hashlib.pbkdf2_hmac("sha256", key, conf.receipt_pepper(), LEGACY_ITERATIONS).hex()
