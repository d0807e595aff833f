"""One-time form tokens for the public portal, so that a replayed post (a resubmitted page, a
captured request sent again) does not file the same report or message twice. CSRF protection
refuses forged posts; this refuses repeated ones.

A token is a random value signed with the secret key (nothing about the visitor is in it) and is
valid for a day; posting it marks it used in core.limits, shared by every worker (and every host
with Redis), atomically: two posts racing with one token file one report.
"""

import hashlib
import secrets

from django.core import signing

from senim.core import limits

SALT = "senim.speakup.nonce"
MAX_AGE = 24 * 3600


def issue() -> str:
    return signing.dumps(secrets.token_urlsafe(16), salt=SALT)


def consume(token: str) -> bool:
    """Whether `token` is genuine, fresh and unused; marks it used."""
    try:
        value = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    key = "speakup:nonce:" + hashlib.sha256(str(value).encode()).hexdigest()
    return limits.once(key, MAX_AGE + 60)
