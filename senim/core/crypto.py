"""Encryption at rest with a master key held outside the database.

SENIM_MASTER_KEY holds one or more Fernet keys separated by commas, newest first; older keys still
decrypt, so rotation is: put a new key in front, run `senim rotate-master-key`, drop the old key.
Without the variable the key lives in SENIM_MASTER_KEY_FILE (created on first use outside
production). A database dump alone therefore reveals no encrypted value.
"""

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

__all__ = ["EncryptedTextField", "InvalidToken", "decrypt", "encrypt", "master_keys", "reencrypt"]


def _key_strings() -> list[str]:
    if settings.SENIM_MASTER_KEY:
        return [k.strip() for k in settings.SENIM_MASTER_KEY.split(",") if k.strip()]
    path = Path(settings.SENIM_MASTER_KEY_FILE)
    if not path.exists():
        if getattr(settings, "PRODUCTION", False):
            raise ImproperlyConfigured("Set SENIM_MASTER_KEY or create SENIM_MASTER_KEY_FILE in production.")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Fernet.generate_key().decode())
        path.chmod(0o600)
    return [k.strip() for k in path.read_text().replace("\n", ",").split(",") if k.strip()]


@cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in keys])


def master_keys() -> MultiFernet:
    return _fernet_for(tuple(_key_strings()))


def encrypt(data: bytes) -> bytes:
    return master_keys().encrypt(data)


def decrypt(token: bytes) -> bytes:
    """Decrypt with any configured key; raises InvalidToken if none fits."""
    return master_keys().decrypt(token)


def reencrypt(token: bytes) -> bytes:
    """Re-encrypt under the newest key (for master-key rotation)."""
    return master_keys().rotate(token)


# Keys that apps keep wrapped under the master key (e.g. Speak Up's per-case data keys), each with
# a function that rewraps them all under the newest key and returns how many; `senim
# rotate-master-key` calls them. Apps register in their AppConfig.ready().
_REWRAPPERS: dict[str, Callable[[], int]] = {}


def register_rewrap(label: str, rewrap_all: Callable[[], int]) -> None:
    _REWRAPPERS[label] = rewrap_all


def rewrappers() -> dict[str, Callable[[], int]]:
    return dict(_REWRAPPERS)


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token under the master key; empty stays empty."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        if not value:
            return ""
        return decrypt(value.encode()).decode()

    def get_prep_value(self, value: Any) -> str:
        if not value:
            return ""
        return encrypt(str(value).encode()).decode()
