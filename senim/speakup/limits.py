"""Bodies larger than any allowed upload are refused from their declared length, before anything
reads them: Django would otherwise parse (and spool to disk) a multipart body of any size as soon
as something touches request.POST, which the CSRF check does first of all. Used by the public
portal (public_views.public) and by the staff forms that take files (intake, messages)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from senim.speakup import conf


def max_body_bytes() -> int:
    """The most files allowed plus 1 MB of form fields."""
    return conf.max_files() * conf.max_file_mb() * 1024 * 1024 + 1024 * 1024


def body_too_large(request: HttpRequest) -> bool:
    """Whether the declared body is larger than max_body_bytes (an unreadable length counts as
    too large)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > max_body_bytes()


def staff_upload(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A staff form with files: a POST too large is answered 413 (or sent to log in) unread; CSRF
    is checked after that, not by the middleware first."""
    protected = csrf_protect(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and body_too_large(request):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            context = {"max_mb": conf.max_file_mb(), "max_files": conf.max_files()}
            return render(request, "speakup/too_large.html", context, status=413)
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapper)
