"""Log-in by username or e-mail, with lock-out after repeated failures."""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db.models import Q
from django.http import HttpRequest

from senim.accounts import services
from senim.accounts.models import User


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> User | None:
        if not username or password is None:
            return None
        matches = User.objects.filter(Q(username__iexact=username) | Q(email__iexact=username)).order_by("date_joined")
        user = matches.first()
        if user is None:
            # Spend the same time as a real check so timing does not reveal which names exist,
            # and lock the name out after as many failures as a real account: the answers are
            # the same for a name that exists and one that does not.
            User().set_password(password)
            if services.unknown_name_locked(username):
                if request is not None:
                    request.senim_locked = True  # type: ignore[attr-defined]
                return None
            services.unknown_name_failed(username)
            return None
        if services.is_locked(user):
            if request is not None:
                request.senim_locked = True  # type: ignore[attr-defined]
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        services.login_failed(user=user)
        return None
