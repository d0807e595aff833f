"""Per-user interface language, and enforcement of mandatory two-factor enrolment."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _


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
    """A user whose role requires two-factor reaches the enrolment page and nothing else until
    they have set it up: every other page redirects there, and the API (session or token)
    answers 403. Log-out, the language switch and static files stay reachable."""

    ALLOWED_NAMES = ("accounts:two-factor-setup", "accounts:logout")
    ALLOWED_PREFIXES = ("/i18n/", "/static/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.totp_confirmed  # type: ignore[union-attr]
            and user.needs_two_factor  # type: ignore[union-attr]
            and not self._allowed(request.path)
        ):
            if request.path.startswith("/api/"):
                message = _("Set up two-factor authentication before using Senim.")
                return JsonResponse({"detail": str(message)}, status=403)
            return redirect(reverse("accounts:two-factor-setup"))
        return self.get_response(request)

    def _allowed(self, path: str) -> bool:
        return path.startswith(self.ALLOWED_PREFIXES) or path in {reverse(name) for name in self.ALLOWED_NAMES}
