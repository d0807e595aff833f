"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "accounts.user.created": _("User created"),
        "accounts.user.updated": _("User changed"),
        "accounts.user.language_changed": _("Interface language changed"),
        "accounts.user.locked": _("Account locked after failed sign-ins"),
        "accounts.user.logged_in": _("Signed in"),
        "accounts.user.deactivated": _("User deactivated"),
        "accounts.user.linked": _("User linked to an employee"),
        "accounts.login.failed": _("Sign-in failed"),
        "accounts.role.assigned": _("Role assigned"),
        "accounts.role.revoked": _("Role revoked"),
        "accounts.token.created": _("API token created"),
        "accounts.token.revoked": _("API token revoked"),
        "accounts.two_factor.enabled": _("Two-factor authentication enabled"),
        "accounts.two_factor.disabled": _("Two-factor authentication disabled"),
        "accounts.two_factor.reset": _("Two-factor authentication reset"),
        "accounts.recovery_codes.generated": _("Recovery codes generated"),
        "accounts.recovery_code.used": _("Recovery code used"),
    }
)
