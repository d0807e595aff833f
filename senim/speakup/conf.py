"""Speak Up settings, read from Django settings when used, never at import time (settings.py takes
each from the environment)."""

import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _setting(name: str, default: str) -> str:
    # settings.py reads every one of these from the environment; the default only serves a
    # settings module that leaves one out.
    value = getattr(settings, name, None)
    return default if value in (None, "") else str(value)


def _int(name: str, default: int) -> int:
    try:
        return int(_setting(name, str(default)))
    except ValueError:
        return default


def ack_days() -> int:
    """Days to acknowledge a report (EU Directive 2019/1937: 7)."""
    return _int("SENIM_SPEAKUP_ACK_DAYS", 7)


def feedback_days() -> int:
    """Days to give the reporter feedback (the Directive's three months)."""
    return _int("SENIM_SPEAKUP_FEEDBACK_DAYS", 90)


def retaliation_watch_days() -> int:
    """How long after closure a named reporter is watched for retaliation."""
    return _int("SENIM_SPEAKUP_WATCH_DAYS", 365)


def retaliation_reminder_days() -> int:
    """How often the watch reminds the case's officers to check in with the reporter."""
    return _int("SENIM_SPEAKUP_WATCH_REMINDER_DAYS", 90)


def max_file_mb() -> int:
    return _int("SENIM_SPEAKUP_MAX_FILE_MB", 10)


def max_files() -> int:
    return _int("SENIM_SPEAKUP_MAX_FILES", 5)


def submissions_per_hour() -> int:
    """Public submissions allowed per client per hour (counted on a hash, never the address)."""
    return _int("SENIM_SPEAKUP_SUBMISSIONS_PER_HOUR", 20)


def receipt_failures_per_hour() -> int:
    """Wrong receipt keys allowed per client per hour before the follow-up page refuses."""
    return _int("SENIM_SPEAKUP_RECEIPT_FAILURES_PER_HOUR", 10)


def hotline() -> dict[str, str]:
    """The contacts the public pages name."""
    return {
        "phone": _setting("SENIM_SPEAKUP_PHONE", "+7 800 000 00 00"),
        "email": _setting("SENIM_SPEAKUP_EMAIL", "speakup@example.kz"),
        "address": _setting("SENIM_SPEAKUP_ADDRESS", ""),
    }


def receipt_pepper() -> bytes:
    """The key of the receipt-key hash. Like the master key it lives outside the database
    (SENIM_SPEAKUP_RECEIPT_PEPPER, or a file beside the master key created on first use outside
    production), so a database dump alone cannot even test a guessed receipt key. Production never
    creates it: every host must hash with the same pepper (core.checks refuses to start without)."""
    value = _setting("SENIM_SPEAKUP_RECEIPT_PEPPER", "")
    if value:
        return value.encode()
    path = Path(_setting("SENIM_SPEAKUP_RECEIPT_PEPPER_FILE", str(Path(settings.DATA_DIR) / "speakup-receipt.key")))
    if not path.exists():
        if getattr(settings, "PRODUCTION", False):
            raise ImproperlyConfigured(
                "Set SENIM_SPEAKUP_RECEIPT_PEPPER or create SENIM_SPEAKUP_RECEIPT_PEPPER_FILE in production."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        try:  # exclusive creation: two workers starting together keep one pepper
            with path.open("x") as handle:
                path.chmod(0o600)
                handle.write(secrets.token_urlsafe(48))
        except FileExistsError:
            pass
    return path.read_text().strip().encode()
