"""Notices by e-mail to the people responsible: each in their own language, never with the content
of what came in (a reference and a path to open in Senim), sent once the transaction that caused
them has committed.

Core knows nothing of users: a recipient is anything with `email`, `pk` and (optionally)
`language` and `is_active`. Each app names its notices in its own `notices.py` (plain functions
that take the object's id) and queues them with `notify_after_commit`; the background task
`send_notice` runs the notice by its dotted name, so one task serves every app.
"""

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.utils import translation

# What a notice says to one recipient, rendered in their language: (subject, lines of the body).
Render = Callable[[Any], tuple[str, list[str]]]

# Notices that may be queued, by dotted path; an app registers its functions here so that the
# task never imports a name it was not told about.
_NOTICES: dict[str, Callable[..., int]] = {}


def notice(func: Callable[..., int]) -> Callable[..., int]:
    """Register a notice function (`<app>.notices.<name>`) for `notify_after_commit`."""
    _NOTICES[f"{func.__module__}.{func.__qualname__}"] = func
    return func


def recipients(users: Iterable[Any], *, exclude: Iterable[Any] = ()) -> list[Any]:
    """Active users with an e-mail address, each once, without those in `exclude`."""
    skip = {getattr(u, "pk", None) for u in exclude if u is not None}
    seen: dict[Any, Any] = {}
    for user in users:
        if user is None or user.pk in skip or user.pk in seen:
            continue
        if not getattr(user, "email", "") or not getattr(user, "is_active", True):
            continue
        seen[user.pk] = user
    return list(seen.values())


def mail_users(users: Iterable[Any], render: Render) -> int:
    """E-mail each user what `render` says, in the user's language; return how many were sent."""
    sent = 0
    for user in recipients(users):
        with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
            subject, lines = render(user)
            send_mail(str(subject), "\n".join(str(line) for line in lines), settings.DEFAULT_FROM_EMAIL, [user.email])
        sent += 1
    return sent


@task()
def send_notice(name: str, object_id: str) -> int:
    """Run the registered notice `name` for the object; return how many e-mails it sent."""
    module = name.rsplit(".", 1)[0]
    if name not in _NOTICES and module.startswith("senim.") and module.endswith(".notices"):
        import_module(module)
    return _NOTICES[name](object_id)


def notify_after_commit(func: Callable[..., int], object_id: Any) -> None:
    """Queue the notice `func(object_id)` for the worker once the current transaction commits."""
    name = f"{func.__module__}.{func.__qualname__}"
    if name not in _NOTICES:
        raise ValueError(f"{name} is not a registered notice")
    transaction.on_commit(lambda: send_notice.enqueue(name, str(object_id)))
