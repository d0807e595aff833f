from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from senim.accounts.tokens import user_for_token


class TokenAuth(HttpBearer):
    """Authorization: Bearer snm_… (a personal API token)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None and user.needs_two_factor and not user.totp_confirmed:
            return None  # mandatory two-factor not set up yet: no API, token or not
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The browser session, with Django's CSRF check on unsafe methods."""

    param_name = "sessionid"

    def __call__(self, request: HttpRequest) -> Any:
        # Without a signed-in session there is nothing to protect from CSRF: answer 401, and only
        # check CSRF for requests that do carry a session.
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None
