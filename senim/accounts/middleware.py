"""Per-user interface language, and enforcement of mandatory two-factor enrolment."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation


class UserLanguageMiddleware:
    """Activate the signed-in user's remembered language over the browser's preference.

    Runs after AuthenticationMiddleware; the language switcher saves the choice on the user.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = getattr(request.user, "language", "") if request.user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class TwoFactorMiddleware:
    """Send users whose role requires two-factor to enrolment until they have set it up."""

    ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/api/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.totp_confirmed  # type: ignore[union-attr]
            and user.needs_two_factor  # type: ignore[union-attr]
            and not request.path.startswith(self.ALLOWED_PREFIXES)
        ):
            return redirect(reverse("accounts:two-factor-setup"))
        return self.get_response(request)
