"""Per-case data keys and receipt keys.

Every case has its own random Fernet data key. The key is stored only wrapped (encrypted) under
the master key held outside the database (senim.core.crypto), and everything a reporter or an
officer writes about the case is encrypted under it: content, reporter identity and contacts,
messages, notes, tasks, file names and file contents. Rotating the master key rewraps the data
keys; the case data itself is never re-encrypted.

The receipt key a reporter gets is random (120 bits) and is stored only as a slow keyed hash
(PBKDF2 with a pepper kept outside the database), so neither the database nor its dump gives the
key back, and a dump alone cannot test guesses.
"""

import hashlib
import json
import secrets
from typing import Any

from cryptography.fernet import Fernet

from senim.core import crypto as core_crypto
from senim.speakup import conf

RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out on the phone
RECEIPT_LENGTH = 25  # 25 symbols of 31: about 124 bits
RECEIPT_ITERATIONS = 2_000  # on top of a 124-bit random key and a secret pepper; under 1 ms


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
    """The stored form of a receipt key: PBKDF2-SHA256 keyed with the pepper."""
    key = receipt_normalise(text).encode()
    return hashlib.pbkdf2_hmac("sha256", key, conf.receipt_pepper(), RECEIPT_ITERATIONS).hex()
