"""Reads about users, limited to what the actor administers."""

import uuid

from django.db.models import Q, QuerySet

from senim.accounts import policy
from senim.accounts.models import ApiToken, RoleAssignment, User
from senim.core.access import Actor, scope_of


def user_list(*, actor: Actor, query: str = "") -> QuerySet[User]:
    """Users the actor administers: all for group administrators, otherwise those holding a role
    inside the actor's companies or units."""
    scope = scope_of(actor, policy.MANAGE_USERS)
    qs = User.objects.all()
    if not scope.everything:
        inside = RoleAssignment.objects.filter(scope.q(company="company_id", unit="unit_id"))
        qs = qs.filter(id__in=inside.values("user_id"))
    for term in query.split()[:4]:
        qs = qs.filter(
            Q(username__icontains=term)
            | Q(email__icontains=term)
            | Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
        )
    return qs.order_by("username")


def user_get(*, actor: Actor, user_id: uuid.UUID | str) -> User:
    return user_list(actor=actor).get(id=user_id)


def assignment_list(*, user: User) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(user=user).select_related("company", "unit").order_by("role")


def token_list(*, actor: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=actor).order_by("-created_at")


def user_by_username(username: str) -> User | None:
    """For the system (command line): the account with this username, case-insensitively."""
    return User.objects.filter(username__iexact=username).first()
