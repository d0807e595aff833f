"""Personal API tokens: `snm_<prefix>_<secret>`; the server keeps only the prefix and a SHA-256."""

import datetime as dt
import hashlib
import hmac
import secrets

from django.utils import timezone

from senim.accounts.models import ApiToken, User

TOKEN_PREFIX = "snm_"  # noqa: S105  (a public marker, not a secret)


def generate() -> tuple[str, str, str]:
    """Return (token, prefix, digest) for a new random token."""
    prefix = secrets.token_hex(4)
    token = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    return token, prefix, digest(token)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenExpired(Exception):
    """A genuine token whose expiry has passed; `expires_at` says when."""

    def __init__(self, expires_at: dt.datetime) -> None:
        super().__init__(expires_at)
        self.expires_at = expires_at


def token_record(token: str) -> ApiToken | None:
    """The live token record (its user active), or None; raises TokenExpired for a genuine but
    expired token, so the caller can say so. Records the time of use."""
    if not token.startswith(TOKEN_PREFIX) or token.count("_") < 2:
        return None
    prefix = token[len(TOKEN_PREFIX) :].split("_", 1)[0]
    record = ApiToken.objects.select_related("user").filter(prefix=prefix, revoked_at__isnull=True).first()
    if record is None or not hmac.compare_digest(record.digest, digest(token)) or not record.user.is_active:
        return None
    now = timezone.now()
    if record.expires_at and record.expires_at <= now:
        raise TokenExpired(record.expires_at)
    if record.last_used_at is None or (now - record.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record


def user_for_token(token: str) -> User | None:
    """The active user owning a live token, or None (expired tokens included)."""
    try:
        record = token_record(token)
    except TokenExpired:
        return None
    return record.user if record else None
