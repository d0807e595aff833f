"""Users, their scoped role assignments and personal API tokens."""

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Self, cast

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.access import NOTHING, Reach, Role, Scope, grants
from senim.core.crypto import EncryptedTextField
from senim.core.models import BaseModel
from senim.org.selectors import unit_subtree_ids

if TYPE_CHECKING:
    from senim.org.models import Unit


class User(AbstractUser):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, blank=True)
    employee = models.OneToOneField(
        "org.Employee",
        verbose_name=_("employee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user_account",
    )
    totp_secret = EncryptedTextField(_("two-factor secret"), blank=True)
    totp_confirmed = models.BooleanField(_("two-factor enabled"), default=False)
    totp_last_counter = models.BigIntegerField(default=0)
    failed_logins = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[UserManager[Self]] = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("email"), condition=~models.Q(email=""), name="accounts_user_email_uniq"
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    # --- access -----------------------------------------------------------------------------
    def _assignments(self) -> list["RoleAssignment"]:
        cached = getattr(self, "_assignment_cache", None)
        if cached is None:
            cached = list(RoleAssignment.objects.filter(user=self))
            self._assignment_cache = cached
        return cached

    def roles(self) -> Iterable[Role]:
        return {Role(a.role) for a in self._assignments()}

    def scope_for(self, permission: str) -> Scope:
        """Union of the scopes of every assignment whose role holds `permission`."""
        cache = self.__dict__.setdefault("_scope_cache", {})
        if permission in cache:
            return cache[permission]
        if not self.is_active:
            return NOTHING
        policy = grants(permission)
        scope, unit_ids = NOTHING, set()
        for assignment in self._assignments():
            reach = policy.get(Role(assignment.role))
            if reach is None:
                continue
            if reach is Reach.OWN:
                if self.employee_id:
                    scope = scope.union(Scope(own_employee_ids=frozenset({self.employee_id})))
            elif assignment.unit_id:
                unit_ids.add(assignment.unit_id)
            elif assignment.company_id:
                scope = scope.union(Scope(company_ids=frozenset({assignment.company_id})))
            else:
                scope = scope.union(Scope(everything=True))
        if unit_ids and not scope.everything:
            scope = scope.union(Scope(unit_ids=unit_subtree_ids(unit_ids)))
        cache[permission] = scope
        return scope

    def can(self, permission: str) -> bool:
        return not self.scope_for(permission).is_empty

    def forget_access(self) -> None:
        """Drop cached assignments and scopes (after they change)."""
        self.__dict__.pop("_assignment_cache", None)
        self.__dict__.pop("_scope_cache", None)

    @property
    def needs_two_factor(self) -> bool:
        return bool(settings.SENIM_2FA_REQUIRED_FOR_COMPLIANCE) and any(
            r in {Role.ADMIN, Role.OFFICER, Role.INVESTIGATOR} for r in self.roles()
        )


class RoleAssignment(BaseModel):
    """A role held over the whole group (no company, no unit), one company, or a unit subtree."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(_("role"), max_length=20, choices=Role)
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit subtree"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")

    def __str__(self) -> str:
        return f"{self.get_role_display()} · {self.scope_label}"

    @property
    def scope_label(self) -> str:
        if self.unit_id:
            return str(self.unit)
        if self.company_id:
            return str(self.company)
        return str(_("Whole group"))

    def clean(self) -> None:
        # With `unit_id` set, `unit` is not None.
        if self.unit_id and self.company_id and cast("Unit", self.unit).company_id != self.company_id:
            raise ValidationError({"unit": _("The unit belongs to another company.")})


class ApiToken(BaseModel):
    """A personal API token. Only a SHA-256 of the secret is stored; the prefix identifies it."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    read_only = models.BooleanField(
        _("read-only"), default=False, help_text=_("A read-only token may only read (GET); every change is refused.")
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class RecoveryCode(BaseModel):
    """A single-use code that stands in for the authenticator app once. Only a SHA-256 is kept: the
    code carries 80 random bits, so the digest cannot be reversed, and lock-out stops online guessing."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="recovery_codes")
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")
        constraints = [models.UniqueConstraint(fields=["user", "digest"], name="accounts_recovery_code_uniq")]

    def __str__(self) -> str:
        return f"{self.user} · {self.created_at:%Y-%m-%d}"
