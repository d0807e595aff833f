"""Typing only: the request of a page or API endpoint that only a signed-in user reaches."""

from django.http import HttpRequest

from senim.accounts.models import User


class AuthedRequest(HttpRequest):
    """Never instantiated; annotates `request` behind `login_required`, `permission_required` or the
    API's authentication, where `request.user` is always a `User` (never `AnonymousUser`)."""

    user: User
