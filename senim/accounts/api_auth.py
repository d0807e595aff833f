from typing import Any

from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer

from senim.accounts.tokens import TokenExpired, token_record

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenAuth(HttpBearer):
    """Authorization: Bearer snm_… (a personal API token). An expired token is a 401 that says so;
    a read-only token may only read: any other method is a 403."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            record = token_record(token)
        except TokenExpired as expired:
            when = formats.date_format(timezone.localtime(expired.expires_at), "DATETIME_FORMAT")
            raise HttpError(401, _("This API token expired on %(date)s.") % {"date": when}) from None
        if record is None:
            return None
        if record.user.needs_two_factor and not record.user.totp_confirmed:
            return None  # mandatory two-factor not set up yet: no API, token or not
        if record.read_only and request.method not in SAFE_METHODS:
            raise HttpError(403, _("This API token is read-only: it may only read, not change anything."))
        request.user = record.user
        return record.user


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
