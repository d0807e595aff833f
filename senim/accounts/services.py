"""Writes about users: accounts, role assignments, tokens, two-factor, log-in outcomes."""

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.accounts import policy, recovery, tokens, totp
from senim.accounts.models import ApiToken, RecoveryCode, RoleAssignment, User
from senim.core import limits
from senim.core.access import SYSTEM, PermissionDenied, Role, require
from senim.core.audit import audit_record
from senim.core.services import model_create, model_update

USER_FIELDS = ["username", "email", "first_name", "last_name", "language", "employee", "is_active"]


def _require_user_admin(actor: Any) -> None:
    if not require(actor, policy.MANAGE_USERS).everything:
        raise PermissionDenied(policy.MANAGE_USERS)


def user_create(*, actor: Any, username: str, password: str | None = None, **data: Any) -> User:
    """Create an account; with no password it can only be used after a password reset."""
    _require_user_admin(actor)
    user = User(username=username, **{k: v for k, v in data.items() if k in USER_FIELDS})
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("A user with this name already exists.")})
    return model_create(actor=actor, instance=user, event_type="accounts.user.created", fields=USER_FIELDS)


def user_update(*, actor: Any, user: User, **data: Any) -> User:
    _require_user_admin(actor)
    return model_update(actor=actor, instance=user, data=data, fields=USER_FIELDS, event_type="accounts.user.updated")


def user_set_language(*, actor: User, language: str) -> None:
    """Remember the actor's interface language (a user may always change their own)."""
    if language not in dict(settings.LANGUAGES) or actor.language == language:
        return
    model_update(
        actor=actor,
        instance=actor,
        data={"language": language},
        fields=["language"],
        event_type="accounts.user.language_changed",
    )


def role_assign(*, actor: Any, user: User, role: str, company: Any = None, unit: Any = None) -> RoleAssignment:
    """Give `user` a role over the group, a company or a unit subtree the actor itself administers."""
    if company is None and unit is None:
        _require_user_admin(actor)
    else:
        require(
            actor,
            policy.MANAGE_USERS,
            company_id=company.id if company else unit.company_id,
            unit_id=unit.id if unit else None,
        )
    if unit is not None and company is None:
        company = unit.company
    existing = RoleAssignment.objects.filter(user=user, role=role, company=company, unit=unit).first()
    if existing:
        return existing
    assignment = RoleAssignment(user=user, role=Role(role), company=company, unit=unit)
    model_create(
        actor=actor,
        instance=assignment,
        event_type="accounts.role.assigned",
        fields=["user", "role", "company", "unit"],
    )
    user.forget_access()
    return assignment


def role_revoke(*, actor: Any, assignment: RoleAssignment) -> None:
    require(actor, policy.MANAGE_USERS, company_id=assignment.company_id, unit_id=assignment.unit_id)
    with transaction.atomic():
        audit_record(
            actor=actor,
            event_type="accounts.role.revoked",
            obj=assignment,
            changes={"role": [assignment.role, None], "user": [str(assignment.user_id), None]},
        )
        assignment.delete()


def api_token_create(
    *, actor: Any, name: str, expires_at: dt.datetime | None = None, read_only: bool = False, owner: User | None = None
) -> tuple[ApiToken, str]:
    """Create a token for the actor (or, for the system or a group-wide user administrator, for
    `owner`); the secret is returned here once and never stored."""
    if owner is None:
        owner = actor
    elif actor is not None and owner.pk != getattr(actor, "pk", None):
        _require_user_admin(actor)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry date must be in the future.")})
    secret, prefix, digest = tokens.generate()
    record = ApiToken(
        user=owner, name=name[:100], prefix=prefix, digest=digest, expires_at=expires_at, read_only=read_only
    )
    model_create(
        actor=actor,
        instance=record,
        event_type="accounts.token.created",
        fields=["user", "name", "prefix", "expires_at", "read_only"],
    )
    return record, secret


def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    if token.user_id != actor.pk:
        raise PermissionDenied("accounts.token")
    if token.revoked_at is None:
        model_update(
            actor=actor,
            instance=token,
            data={"revoked_at": timezone.now()},
            fields=["revoked_at"],
            event_type="accounts.token.revoked",
        )


def totp_begin(*, actor: User) -> str:
    """Start (or restart) two-factor enrolment; returns the new secret to show as a QR code."""
    if actor.totp_confirmed:
        raise ValidationError(_("Two-factor authentication is already on."))
    actor.totp_secret = totp.new_secret()
    actor.save(update_fields=["totp_secret"])
    return actor.totp_secret


def totp_confirm(*, actor: User, code: str) -> bool:
    """Turn two-factor on if `code` fits the pending secret."""
    if not actor.totp_secret or actor.totp_confirmed:
        return False
    counter = totp.matching_counter(actor.totp_secret, code, actor.totp_last_counter)
    if counter is None:
        return False
    with transaction.atomic():
        actor.totp_confirmed, actor.totp_last_counter = True, counter
        actor.save(update_fields=["totp_confirmed", "totp_last_counter"])
        audit_record(
            actor=actor, event_type="accounts.two_factor.enabled", obj=actor, changes={"totp_confirmed": [False, True]}
        )
    return True


def totp_verify(*, user: User, code: str) -> bool:
    """Check a log-in code (or an unused recovery code), refusing replays of a code already used."""
    if not user.totp_confirmed:
        return False
    if recovery.looks_like_code(code):
        return _recovery_code_use(user=user, code=code)
    counter = totp.matching_counter(user.totp_secret, code, user.totp_last_counter)
    if counter is None:
        login_failed(user=user)
        return False
    User.objects.filter(pk=user.pk).update(totp_last_counter=counter)
    return True


def _recovery_code_use(*, user: User, code: str) -> bool:
    with transaction.atomic():
        # The conditional update is the single use: two log-ins racing with one code cannot both win.
        used = RecoveryCode.objects.filter(user=user, digest=recovery.digest(code), used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if used:
            left = RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
            audit_record(
                actor=user,
                event_type="accounts.recovery_code.used",
                obj=user,
                changes={"recovery_codes_left": [left + 1, left]},
            )
            return True
    login_failed(user=user)
    return False


def recovery_codes_generate(*, actor: User, password: str | None = None) -> list[str]:
    """Replace the actor's recovery codes with ten new ones and return them (shown once, never stored).

    Right after two-factor is turned on no password is asked; replacing codes later needs it.
    """
    if not actor.totp_confirmed:
        raise ValidationError(_("Turn on two-factor authentication first."))
    if password is not None and not actor.check_password(password):
        raise ValidationError({"password": _("The password is not correct.")})
    codes = recovery.generate()
    with transaction.atomic():
        left = RecoveryCode.objects.filter(user=actor, used_at__isnull=True).count()
        RecoveryCode.objects.filter(user=actor).delete()
        RecoveryCode.objects.bulk_create(RecoveryCode(user=actor, digest=recovery.digest(code)) for code in codes)
        audit_record(
            actor=actor,
            event_type="accounts.recovery_codes.generated",
            obj=actor,
            changes={"recovery_codes_left": [left, len(codes)]},
        )
    return codes


def recovery_codes_left(*, user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def totp_reset(*, actor: Any, user: User) -> None:
    """An administrator clears a user's lost authenticator; they enrol again at next log-in."""
    _require_user_admin(actor)
    with transaction.atomic():
        was_on = user.totp_confirmed
        user.totp_secret, user.totp_confirmed, user.totp_last_counter = "", False, 0
        user.save(update_fields=["totp_secret", "totp_confirmed", "totp_last_counter"])
        RecoveryCode.objects.filter(user=user).delete()
        audit_record(
            actor=actor, event_type="accounts.two_factor.reset", obj=user, changes={"totp_confirmed": [was_on, False]}
        )


def totp_disable(*, actor: User, password: str) -> None:
    if not actor.check_password(password):
        raise ValidationError({"password": _("The password is not correct.")})
    if actor.needs_two_factor:
        raise ValidationError(_("Two-factor authentication is mandatory for your role."))
    with transaction.atomic():
        actor.totp_secret, actor.totp_confirmed = "", False
        actor.save(update_fields=["totp_secret", "totp_confirmed"])
        RecoveryCode.objects.filter(user=actor).delete()
        audit_record(
            actor=actor, event_type="accounts.two_factor.disabled", obj=actor, changes={"totp_confirmed": [True, False]}
        )


def _unknown_name_key(name: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:login:{name.casefold()}".encode()).hexdigest()[:32]
    return f"login-unknown:{digest}"


def unknown_name_failed(name: str) -> None:
    """A log-in failed for a name no account has: counted like an account's failures (in the
    security store of core.limits, under a keyed hash of the name), so that it is "locked" after as many failures, and
    audited like any failed log-in (without the name, which may be a mistyped password)."""
    key = _unknown_name_key(name)
    if limits.hit(key, settings.SENIM_LOGIN_LOCK_MINUTES * 60 * 4) >= settings.SENIM_LOGIN_MAX_FAILURES:
        limits.mark(key + ":locked", settings.SENIM_LOGIN_LOCK_MINUTES * 60)
        limits.reset(key)
    audit_record(actor=None, event_type="accounts.login.failed")


def unknown_name_locked(name: str) -> bool:
    return limits.marked(_unknown_name_key(name) + ":locked")


def login_failed(*, user: User) -> None:
    """Count a failure (audited); lock the account for a while after too many in a row."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.failed_logins += 1
        fields = ["failed_logins"]
        audit_record(actor=None, event_type="accounts.login.failed", obj=user)
        if user.failed_logins >= settings.SENIM_LOGIN_MAX_FAILURES:
            user.locked_until = timezone.now() + dt.timedelta(minutes=settings.SENIM_LOGIN_LOCK_MINUTES)
            user.failed_logins = 0
            fields.append("locked_until")
            audit_record(
                actor=SYSTEM,
                event_type="accounts.user.locked",
                obj=user,
                changes={"locked_until": [None, user.locked_until]},
            )
        user.save(update_fields=fields)


def login_succeeded(*, user: User) -> None:
    if user.failed_logins or user.locked_until:
        User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
    audit_record(actor=user, event_type="accounts.user.logged_in", obj=user)


def is_locked(user: User) -> bool:
    return bool(user.locked_until and user.locked_until > timezone.now())
