"""Single sign-on with the group's directory: LDAP / Active Directory and OpenID Connect.

Both map the directory user to Senim's records the same way (`directory_user`): first by personnel
number (an LDAP attribute or an OIDC claim, e.g. AD's `employeeNumber`), then by e-mail, to the
employee record still employed, whose account is used, or created with the employee role if the
employee has none; a directory user who is not an employee (compliance staff) is matched to an
existing account by e-mail or username. Nobody else gets in, and no account is created for them.
Password log-in stays. Configuration: environment variables, see settings.py and the README.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db.models import Q
from django.utils import timezone
from django_auth_ldap.backend import LDAPBackend
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from senim.accounts import provisioning, services
from senim.accounts.models import User
from senim.core.access import SYSTEM
from senim.org.models import Employee


def _employee(personnel_number: str, email: str) -> Employee | None:
    today = timezone.localdate()
    employed = Employee.objects.filter(Q(dismissal_date__isnull=True) | Q(dismissal_date__gt=today))
    if personnel_number:
        matches = list(employed.filter(personnel_number=personnel_number)[:5])
        if len(matches) > 1 and email:  # the same number in several companies: the e-mail decides
            matches = [m for m in matches if m.email.lower() == email.lower()]
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None
    if email:
        matches = list(employed.filter(email__iexact=email)[:2])
        if len(matches) == 1:
            return matches[0]
    return None


def directory_user(*, personnel_number: str = "", email: str = "", username: str = "") -> User | None:
    """The active account for a user the directory has authenticated, or None."""
    personnel_number, email, username = personnel_number.strip(), email.strip(), username.strip()
    employee = _employee(personnel_number, email)
    if employee is not None:
        user = User.objects.filter(employee=employee).first()
        if user is None:
            provisioning.employee_accounts_provision(actor=SYSTEM, employee_ids=[employee.id])
            user = User.objects.filter(employee=employee).first()
        return user if user is not None and user.is_active else None
    lookup = Q(pk__in=[])
    if email:
        lookup |= Q(email__iexact=email)
    if username:
        lookup |= Q(username__iexact=username)
    matches = list(User.objects.filter(lookup, is_active=True)[:2])
    return matches[0] if len(matches) == 1 else None


def _first(attrs: Any, name: str) -> str:
    values = attrs.get(name) or attrs.get(name.lower()) or []
    return str(values[0]) if values else ""


class SenimLDAPBackend(LDAPBackend):
    """django-auth-ldap, binding as the user, then mapping them with `directory_user`."""

    def get_or_build_user(self, username: str, ldap_user: Any) -> tuple[User, bool]:
        attrs = ldap_user.attrs or {}
        user = directory_user(
            personnel_number=_first(attrs, settings.SENIM_LDAP_PERSONNEL_NUMBER_ATTR),
            email=_first(attrs, settings.SENIM_LDAP_EMAIL_ATTR),
            username=username,
        )
        if user is None:
            raise ldap_user.AuthenticationFailed("no employee record or account matches this directory user")
        return user, False


def ldap_authenticate(request: Any, username: str, password: str) -> User | None:
    """Check a username and password against the directory (when LDAP is configured)."""
    if not settings.SENIM_LDAP_ENABLED or not username or not password:
        return None
    return SenimLDAPBackend().authenticate(request, username=username, password=password)


class SenimOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's code flow; the user info is mapped with `directory_user`."""

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("email") or claims.get(settings.SENIM_OIDC_PERSONNEL_NUMBER_CLAIM))

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User | None:
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            raise SuspiciousOperation("The identity provider sent neither an e-mail nor a personnel number.")
        user = directory_user(
            personnel_number=str(claims.get(settings.SENIM_OIDC_PERSONNEL_NUMBER_CLAIM) or ""),
            email=str(claims.get("email") or ""),
            username=str(claims.get("preferred_username") or ""),
        )
        if user is not None:
            services.login_succeeded(user=user)
        return user
