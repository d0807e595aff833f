"""Reads about users, limited to what the actor administers."""

import uuid

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from senim.accounts import policy
from senim.accounts.models import ApiToken, RoleAssignment, User
from senim.core.access import Actor, grants, scope_of
from senim.org import policy as org_policy
from senim.org import selectors as org_selectors


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


def users_who_may(
    *, permission: str, company_id: uuid.UUID | None = None, unit_id: uuid.UUID | None = None
) -> list[User]:
    """Active users whose roles give `permission` over an object with these links (group-wide when
    both are None): who may approve a step, who is told that something waits for them."""
    roles = [str(role) for role in grants(permission)]
    candidates = User.objects.filter(is_active=True, assignments__role__in=roles).distinct().order_by("username")
    found = []
    for user in candidates:
        scope = user.scope_for(permission)
        if scope.everything or (
            (company_id is not None or unit_id is not None) and scope.covers(company_id=company_id, unit_id=unit_id)
        ):
            found.append(user)
    return found


def person_account(*, actor: Actor, user_id: uuid.UUID | str | None = None, username: str = "") -> User | None:
    """A user account the actor may name as a person (link to a case), by id or username, or None.
    The actor sees accounts tied to an employee the actor may see (org's employee scope), and staff
    accounts tied to no employee, if the actor has a staff reach over some part of the group (not
    only over their own record)."""
    scope = scope_of(actor, org_policy.VIEW_EMPLOYEE)
    if not (scope.everything or scope.company_ids or scope.unit_ids):
        return None
    qs = User.objects.select_related("employee")
    if not scope.everything:
        qs = qs.filter(
            Q(employee__isnull=True) | Q(employee__in=org_selectors.employee_list(actor=actor).order_by().values("id"))
        )
    try:
        if user_id:
            return qs.filter(pk=user_id).first()
        if username:
            return qs.filter(username=username).first()
    except (ValueError, ValidationError):
        return None
    return None
