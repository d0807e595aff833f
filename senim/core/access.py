"""Who may see and do what: roles, each app's permission policy, and the scope of an actor.

Roles are platform vocabulary, so they live here. Each app declares, in its `policy.py`, which
roles hold each of its permissions and how far (`SCOPED`: within the role assignment's group,
company or unit subtree; `OWN`: only the actor's own employee record). The accounts app turns an
actor's role assignments into a `Scope`, and every selector filters by that scope: one choke point.
"""

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    OFFICER = "officer", _("Compliance officer")
    INVESTIGATOR = "investigator", _("Investigator")
    APPROVER = "approver", _("Approver")
    AUDITOR = "auditor", _("Auditor")
    EMPLOYEE = "employee", _("Employee")


# Roles that handle confidential compliance material; two-factor can be made mandatory for them.
COMPLIANCE_ROLES = frozenset({Role.ADMIN, Role.OFFICER, Role.INVESTIGATOR})


class Reach(enum.Enum):
    SCOPED = "scoped"
    OWN = "own"


_POLICY: dict[str, dict[Role, Reach]] = {}


def declare(permission: str, **roles: Reach) -> str:
    """Declare which roles hold `permission` and how far; return the permission name."""
    _POLICY[permission] = {Role(name): reach for name, reach in roles.items()}
    return permission


def grants(permission: str) -> dict[Role, Reach]:
    """The roles that hold `permission`; an undeclared permission is held by nobody."""
    return _POLICY.get(permission, {})


def declared_permissions() -> list[str]:
    return sorted(_POLICY)


@dataclass(frozen=True)
class Scope:
    """The part of the organisation an actor may act on for one permission."""

    everything: bool = False
    company_ids: frozenset[uuid.UUID] = frozenset()
    unit_ids: frozenset[uuid.UUID] = frozenset()
    own_employee_ids: frozenset[uuid.UUID] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.company_ids or self.unit_ids or self.own_employee_ids)

    def q(self, *, company: str | None = "company", unit: str | None = None, employee: str | None = None) -> Q:
        """A filter selecting what this scope covers, given the lookups to the object's company,
        unit and employee. A lookup left as None means the object has no such link, so that
        part of the scope cannot reach it."""
        if self.everything:
            return Q()
        condition = Q(pk__in=[])
        if company and self.company_ids:
            condition |= Q(**{f"{company}__in": self.company_ids})
        if unit and self.unit_ids:
            condition |= Q(**{f"{unit}__in": self.unit_ids})
        if employee and self.own_employee_ids:
            condition |= Q(**{f"{employee}__in": self.own_employee_ids})
        return condition

    def covers(
        self,
        *,
        company_id: uuid.UUID | None = None,
        unit_id: uuid.UUID | None = None,
        employee_id: uuid.UUID | None = None,
    ) -> bool:
        """Whether one object with these links is inside the scope."""
        return (
            self.everything
            or (company_id is not None and company_id in self.company_ids)
            or (unit_id is not None and unit_id in self.unit_ids)
            or (employee_id is not None and employee_id in self.own_employee_ids)
        )

    def union(self, other: "Scope") -> "Scope":
        return Scope(
            everything=self.everything or other.everything,
            company_ids=self.company_ids | other.company_ids,
            unit_ids=self.unit_ids | other.unit_ids,
            own_employee_ids=self.own_employee_ids | other.own_employee_ids,
        )


NOTHING = Scope()
EVERYTHING = Scope(everything=True)


class Actor(Protocol):
    """What selectors and services need of the acting user (implemented by accounts.User)."""

    # Read-only members, so that a model's `pk` and the `Literal[True]` property of
    # `is_authenticated` satisfy the protocol.
    @property
    def pk(self) -> object: ...

    @property
    def is_authenticated(self) -> bool: ...

    def scope_for(self, permission: str) -> Scope: ...

    def can(self, permission: str) -> bool: ...

    def roles(self) -> Iterable[Role]: ...


class ActorRequest(HttpRequest):
    """Typing only, never instantiated: the request of a view or API endpoint that only an
    authenticated actor reaches (behind `permission_required` or the API's authentication).
    Core and org may not import accounts, so their views see the user through `Actor`."""

    user: Actor  # type: ignore[assignment]  # deliberately narrower than `User | AnonymousUser`
    htmx: Any  # django-htmx's request details (HtmxDetails), falsy when not an htmx request


class SystemActor:
    """Senim itself acting: commands, background jobs, imports and the demo. Its scope is
    everything; the audit trail records it as `system` (it has no user row, so `pk` is None).
    Use the one instance, `SYSTEM`, so these callers read through the same selectors as users."""

    pk = None
    is_authenticated = True
    is_system = True

    def scope_for(self, permission: str) -> Scope:
        return EVERYTHING

    def can(self, permission: str) -> bool:
        return True

    def roles(self) -> Iterable[Role]:
        return ()

    def get_username(self) -> str:
        return "system"

    def __str__(self) -> str:
        return "system"


SYSTEM: Actor = SystemActor()


def is_system(actor: Actor | None) -> bool:
    """Whether `actor` is Senim itself (`SYSTEM`), not a person."""
    return actor is SYSTEM


def user_of(actor: Actor | None) -> Any:
    """The user row behind `actor`, for a `…_by` field: None for the system and anonymous callers."""
    return actor if actor is not None and actor.pk is not None and getattr(actor, "is_authenticated", False) else None


def scope_of(actor: Actor | None, permission: str) -> Scope:
    """The actor's scope for `permission`; anonymous or missing actors get nothing."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return NOTHING
    return actor.scope_for(permission)


class PermissionDenied(DjangoPermissionDenied):
    """Raised by services when the actor lacks the permission for the object.

    A Django PermissionDenied, so one that a view lets through is the 403 page (the API answers
    403 too); a view catches it only to explain the refusal beside the form it shows again."""


def require(actor: Actor | None, permission: str, **links: uuid.UUID | None) -> Scope:
    """Return the actor's scope for `permission`, or raise PermissionDenied if it does not
    cover an object with the given company/unit/employee links (or is empty)."""
    scope = scope_of(actor, permission)
    if scope.is_empty or (links and not scope.covers(**links)):
        raise PermissionDenied(permission)
    return scope
