"""Rate limits of the public portal, counted in core.limits (Redis, or a database table) under a
hash of the client address (core.clients.client_key): the address itself is never stored or
logged."""

import logging

from django.http import HttpRequest

from senim.core import limits
from senim.core.clients import client_key

logger = logging.getLogger("senim.speakup")
WINDOW = 3600


def exceeded(request: HttpRequest, purpose: str, limit: int) -> bool:
    """Whether the client already used up `limit` attempts at `purpose` this hour."""
    return limits.count(client_key(request, f"speakup:{purpose}")) >= limit


def count(request: HttpRequest, purpose: str, limit: int) -> None:
    """Count one attempt; log (without any client detail) when the limit is reached."""
    value = limits.hit(client_key(request, f"speakup:{purpose}"), WINDOW)
    if value == limit:
        logger.warning("Speak Up: a client reached the hourly limit of %s attempts at %s.", limit, purpose)
