"""Rate limits of the public portal, counted in the cache under a hash of the client address
(core.clients.client_key): the address itself is never stored or logged."""

import logging

from django.core.cache import cache
from django.http import HttpRequest

from senim.core.clients import client_key

logger = logging.getLogger("senim.speakup")
WINDOW = 3600


def exceeded(request: HttpRequest, purpose: str, limit: int) -> bool:
    """Whether the client already used up `limit` attempts at `purpose` this hour."""
    return int(cache.get(client_key(request, f"speakup:{purpose}"), 0)) >= limit


def count(request: HttpRequest, purpose: str, limit: int) -> None:
    """Count one attempt; log (without any client detail) when the limit is reached."""
    key = client_key(request, f"speakup:{purpose}")
    if cache.add(key, 1, WINDOW):
        value = 1
    else:
        try:
            value = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW)
            value = 1
    if value == limit:
        logger.warning("Speak Up: a client reached the hourly limit of %s attempts at %s.", limit, purpose)
