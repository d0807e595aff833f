"""System checks: in production, the secrets every host must share are configured, not made up.

Outside production Senim creates its keys on first use, one set per data directory. In production
that would give each host its own key: a receipt key issued on one host would not open a case on
another, a value encrypted on one could not be read on the other, and the hosts would sign the audit
chain with different keys. So in production each shared secret must come from its setting (the
environment) or from an existing, non-empty file; otherwise every management command, `senim serve`
and `senim worker` included, stops with an error naming the secret (Django runs these checks before
a command starts), and the code that reads the secret refuses to create it.

Core registers the master key and the audit key; an app that keeps a secret of its own registers it
in its AppConfig.ready() (Speak Up: the receipt-key pepper).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks


@dataclass(frozen=True)
class SharedSecret:
    check_id: str  # e.g. "senim.E001"
    name: str  # what the operator reads: "the master key"
    value_setting: str  # the secret itself, e.g. SENIM_MASTER_KEY
    file_setting: str  # or a file holding it, e.g. SENIM_MASTER_KEY_FILE
    # Given the configured text, a reason it is unusable (or "" if it is fine).
    problem: Callable[[str], str] | None = None


_SECRETS: dict[str, SharedSecret] = {}


def register_shared_secret(secret: SharedSecret) -> None:
    _SECRETS[secret.value_setting] = secret


def shared_secrets() -> list[SharedSecret]:
    return list(_SECRETS.values())


def configured_text(secret: SharedSecret) -> str | None:
    """The secret's configured text (the setting, else the file's content), or None when neither
    holds anything. Never creates the file."""
    value = str(getattr(settings, secret.value_setting, "") or "").strip()
    if value:
        return value
    name = str(getattr(settings, secret.file_setting, "") or "")
    if not name:
        return None
    path = Path(name)
    try:
        text = path.read_text().strip() if path.is_file() else ""
    except OSError:
        return None
    return text or None


def secret_errors(secret: SharedSecret) -> list[checks.CheckMessage]:
    text = configured_text(secret)
    if text is None:
        return [
            checks.Error(
                f"{secret.name} is not configured: production needs it from {secret.value_setting} or an existing "
                f"file named by {secret.file_setting}; Senim does not create it per host.",
                hint=f"Generate it once, give the same value to every host and keep a copy with the backups "
                f"(docs/DEPLOYMENT.md). {secret.file_setting} is {getattr(settings, secret.file_setting, '')!r}.",
                id=secret.check_id,
            )
        ]
    problem = secret.problem(text) if secret.problem else ""
    if problem:
        return [checks.Error(f"{secret.name} is unusable: {problem}", id=secret.check_id)]
    return []


@checks.register(checks.Tags.security)
def production_shared_secrets(app_configs: Sequence[Any] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """In production, every registered shared secret is configured (not created per host)."""
    if not getattr(settings, "PRODUCTION", False):
        return []
    errors: list[checks.CheckMessage] = []
    for secret in shared_secrets():
        errors.extend(secret_errors(secret))
    return errors


def _fernet_problem(text: str) -> str:
    from cryptography.fernet import Fernet

    keys = [k.strip() for k in text.replace("\n", ",").split(",") if k.strip()]
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode())
        except ValueError:
            return f"key {position} is not a Fernet key (32 bytes, URL-safe base64)."
    return ""


register_shared_secret(
    SharedSecret(
        check_id="senim.E001",
        name="The master key",
        value_setting="SENIM_MASTER_KEY",
        file_setting="SENIM_MASTER_KEY_FILE",
        problem=_fernet_problem,
    )
)
register_shared_secret(
    SharedSecret(
        check_id="senim.E002",
        name="The audit key",
        value_setting="SENIM_AUDIT_KEY",
        file_setting="SENIM_AUDIT_KEY_FILE",
    )
)


@checks.register(checks.Tags.security)
def production_redis(app_configs: Sequence[Any] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Production keeps its cache, rate limits, lock-outs and one-time tokens in Redis, shared by
    every host and changed atomically (senim.core.limits)."""
    if not getattr(settings, "PRODUCTION", False) or getattr(settings, "SENIM_SECURITY_IN_CACHE", False):
        return []
    return [
        checks.Error(
            "REDIS_URL is not set: production keeps the cache, rate limits, lock-outs and one-time form "
            "tokens in Redis, shared by every host.",
            hint="Set REDIS_URL (for example redis://127.0.0.1:6379/0) to a Redis whose maxmemory-policy is "
            "noeviction or volatile-ttl (docs/DEPLOYMENT.md, Cache and rate limits).",
            id="senim.E004",
        )
    ]
