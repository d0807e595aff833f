"""Accounts for every employee: created or linked from the employee records, deactivated on dismissal.

An employee's account has the employee role over the employee's company (the role reaches only
the employee's own record) and no usable password: the employee signs in through the directory
(LDAP / OpenID Connect, see `senim.accounts.sso`) or after a password reset. An existing account
with the employee's e-mail and no employee record is linked instead of creating a second one.
Everything is written in bulk, so 35,000 employees take seconds, and audited as one event per account.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.accounts import policy
from senim.accounts.models import RoleAssignment, User
from senim.core.access import SYSTEM, PermissionDenied, Role, require
from senim.core.audit import PendingEvent, audit_record_many
from senim.core.bulk import bulk_insert
from senim.core.services import model_update
from senim.org import hooks
from senim.org.models import Employee

BATCH = 5000


@dataclass
class ProvisionResult:
    created: list[dict[str, str]] = field(default_factory=list)  # employee_id, user_id, username
    linked: list[dict[str, str]] = field(default_factory=list)
    deactivated: list[dict[str, str]] = field(default_factory=list)
    unchanged: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "linked": self.linked,
            "deactivated": self.deactivated,
            "unchanged": self.unchanged,
        }


def _require(actor: Any, company_ids: Iterable[uuid.UUID]) -> None:
    for company_id in set(company_ids):
        require(actor, policy.MANAGE_USERS, company_id=company_id)


def _username(employee: Employee, registration_number: str) -> str:
    return f"{registration_number}-{employee.personnel_number}".lower()[:150]


def _is_dismissed(employee: Employee, today: Any) -> bool:
    return employee.dismissal_date is not None and employee.dismissal_date <= today


def employee_accounts_provision(
    *, actor: Any, employee_ids: Iterable[uuid.UUID] | None = None, company_id: uuid.UUID | None = None
) -> ProvisionResult:
    """Give every employee still employed (of `employee_ids`, of `company_id`, or of the whole group)
    an account, linking an account with the same e-mail where one exists; deactivate the accounts of
    dismissed ones. Idempotent: run again, it changes nothing."""
    employees = Employee.objects.select_related("company").order_by("company_id", "personnel_number")
    if employee_ids is not None:
        ids = list(employee_ids)
        employees = employees.filter(id__in=ids) if len(ids) < 30000 else employees
        wanted: set[uuid.UUID] | None = set(ids)
    else:
        wanted = None
    if company_id is not None:
        employees = employees.filter(company_id=company_id)
    whole_group = company_id is None and employee_ids is None
    if whole_group and not require(actor, policy.MANAGE_USERS).everything:
        raise PermissionDenied(policy.MANAGE_USERS)
    rows = [e for e in employees if wanted is None or e.id in wanted]
    _require(actor, {e.company_id for e in rows})
    today = timezone.localdate()
    result = ProvisionResult()
    linked_users = (
        dict(User.objects.filter(employee_id__in=[e.id for e in rows]).values_list("employee_id", "id"))
        if len(rows) < 30000
        else dict(User.objects.filter(employee__isnull=False).values_list("employee_id", "id"))
    )
    to_link = [e for e in rows if e.id not in linked_users and not _is_dismissed(e, today)]
    emails = {e.email.lower() for e in to_link if e.email}
    free_by_email: dict[str, User] = {}
    if emails:
        for user in User.objects.filter(employee__isnull=True).exclude(email=""):
            if user.email.lower() in emails:
                free_by_email[user.email.lower()] = user
    taken_emails = {e.lower() for e in User.objects.exclude(email="").values_list("email", flat=True)}
    taken_names = {n.lower() for n in User.objects.values_list("username", flat=True)}
    now = timezone.now()
    new_users: list[User] = []
    assignments: list[RoleAssignment] = []
    events: list[PendingEvent] = []
    relinks: list[User] = []
    unusable = make_password(None)
    for employee in to_link:
        email = employee.email.lower()
        existing = free_by_email.pop(email, None) if email else None
        if existing is not None:
            existing.employee_id = employee.id
            relinks.append(existing)
            result.linked.append(
                {"employee_id": str(employee.id), "user_id": str(existing.id), "username": existing.username}
            )
            events.append(
                PendingEvent(
                    "accounts.user.linked",
                    "accounts.user",
                    str(existing.id),
                    existing.username,
                    employee.company_id,
                    {"employee": [None, str(employee.id)]},
                )
            )
            continue
        username = base = _username(employee, employee.company.registration_number)
        suffix = 1
        while username in taken_names:
            suffix += 1
            username = f"{base}-{suffix}"
        taken_names.add(username)
        use_email = employee.email if email and email not in taken_emails else ""
        if use_email:
            taken_emails.add(email)
        user = User(
            id=uuid.uuid4(),
            username=username,
            email=use_email,
            first_name=employee.given_name[:150],
            last_name=employee.surname[:150],
            employee_id=employee.id,
            password=unusable,
            is_active=True,
            date_joined=now,
        )
        new_users.append(user)
        assignments.append(
            RoleAssignment(user_id=user.id, role=Role.EMPLOYEE, company_id=employee.company_id, created_at=now)
        )
        result.created.append({"employee_id": str(employee.id), "user_id": str(user.id), "username": username})
        events.append(
            PendingEvent(
                "accounts.user.created",
                "accounts.user",
                str(user.id),
                username,
                employee.company_id,
                {
                    "username": [None, username],
                    "email": [None, use_email],
                    "employee": [None, str(employee.id)],
                    "role": [None, f"{Role.EMPLOYEE.value} · {employee.company_id}"],
                },
            )
        )
    dismissed_ids = [e.id for e in rows if _is_dismissed(e, today) and e.id in linked_users]
    to_deactivate = list(User.objects.filter(employee_id__in=dismissed_ids, is_active=True)) if dismissed_ids else []
    company_of = {e.id: e.company_id for e in rows}
    for user in to_deactivate:
        result.deactivated.append(
            {"employee_id": str(user.employee_id), "user_id": str(user.id), "username": user.username}
        )
        events.append(
            PendingEvent(
                "accounts.user.deactivated",
                "accounts.user",
                str(user.id),
                user.username,
                company_of.get(user.employee_id),  # type: ignore[arg-type]
                {"is_active": [True, False]},
            )
        )
    result.unchanged = len(rows) - len(result.created) - len(result.linked) - len(result.deactivated)
    with transaction.atomic():
        for start in range(0, len(new_users), BATCH):
            bulk_insert(User, new_users[start : start + BATCH])
        for start in range(0, len(assignments), BATCH):
            bulk_insert(RoleAssignment, assignments[start : start + BATCH])
        if relinks:
            User.objects.bulk_update(relinks, ["employee"])
        if to_deactivate:
            User.objects.filter(id__in=[u.id for u in to_deactivate]).update(is_active=False)
        audit_record_many(actor=actor, events=events)
    return result


def user_link_employee(*, actor: Any, user: User, employee: Employee | None) -> User:
    """Link an account to an employee record (or unlink it, with None). A company's user
    administrator may link to the company's employees; unlinking needs a group-wide one."""
    if employee is not None:
        _require(actor, [employee.company_id])
        other = User.objects.filter(employee=employee).exclude(pk=user.pk).first()
        if other is not None:
            message = _("This employee already has the account %(username)s.") % {"username": other.username}
            raise ValidationError({"employee": message})
    elif not require(actor, policy.MANAGE_USERS).everything:
        raise PermissionDenied(policy.MANAGE_USERS)
    return model_update(
        actor=actor, instance=user, data={"employee": employee}, fields=["employee"], event_type="accounts.user.linked"
    )


def _employees_changed(actor: Any, employee_ids: list[uuid.UUID]) -> None:
    """After an HR import or an employee record change: deactivate dismissed employees' accounts,
    and, with SENIM_EMPLOYEE_ACCOUNTS on, create or link accounts for the others. Runs as the system:
    the person importing need not administer users."""
    if settings.SENIM_EMPLOYEE_ACCOUNTS:
        employee_accounts_provision(actor=SYSTEM, employee_ids=employee_ids)
        return
    today = timezone.localdate()
    dismissed = Employee.objects.filter(id__in=employee_ids, dismissal_date__lte=today)
    if len(employee_ids) >= 30000:
        dismissed = Employee.objects.filter(dismissal_date__lte=today)
    active_linked = User.objects.filter(Q(employee__in=dismissed), is_active=True).values_list("employee_id", flat=True)
    ids = list(active_linked)
    if ids:
        employee_accounts_provision(actor=SYSTEM, employee_ids=ids)


def register() -> None:
    hooks.on_employees_changed(_employees_changed)
