from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwarenessConfig(AppConfig):
    name = "senim.awareness"
    label = "awareness"
    verbose_name = _("Awareness")

    def ready(self) -> None:
        from senim.awareness import approvals, dashboard, events, indicators, navigation, policy, selectors  # noqa: F401  (registrations)
        from senim.core.audit_sensitive import register_sensitive

        # Audit events about a candidate check (a candidate's personal data) are read only by those
        # who may read the check itself.
        register_sensitive("awareness.candidatecheck", lambda actor: selectors.candidate_check_list(actor=actor))
