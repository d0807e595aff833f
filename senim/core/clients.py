"""The client's address, for rate limits only (never stored; hashed before it reaches the cache)."""

import hashlib

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind SENIM_TRUSTED_PROXIES reverse proxies, the address the nearest
    untrusted hop gave in X-Forwarded-For (entries further left can be forged by the client)."""
    proxies = settings.SENIM_TRUSTED_PROXIES
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request: HttpRequest, purpose: str) -> str:
    """A cache key for `purpose` that identifies the client without holding its address."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode()).hexdigest()[:32]
    return f"rate:{purpose}:{digest}"
