from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConflictsConfig(AppConfig):
    name = "senim.conflicts"
    label = "conflicts"
    verbose_name = _("Conflicts of interest")

    def ready(self) -> None:
        from senim.conflicts import approvals, dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
        from senim.conflicts.autodetect import on_audit
        from senim.core.audit import audit_subscribe

        # Re-detect when what the cross-match compares changes: see autodetect.py for why the
        # audit trail is the seam rather than post_save/post_delete receivers.
        audit_subscribe(on_audit)

        from senim.conflicts.redflags import declared_links
        from senim.counterparties import redflags

        # Verifications of counterparties raise "link to an employee" from what employees declared.
        redflags.register_provider("employee_link", declared_links)

        # Audit events about declarations, their measures, alerts and gifts are read only by
        # those who may read the object itself.
        from senim.conflicts import selectors
        from senim.core.audit_sensitive import register_sensitive

        register_sensitive(
            "conflicts.declaration", lambda actor: selectors.declaration_list(actor=actor, current_only=False)
        )
        register_sensitive("conflicts.measure", lambda actor: selectors.audit_visible_measures(actor=actor))
        register_sensitive("conflicts.alert", lambda actor: selectors.alert_list(actor=actor))
        register_sensitive("conflicts.gift", lambda actor: selectors.gift_list(actor=actor))
