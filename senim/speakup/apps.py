from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeakupConfig(AppConfig):
    name = "senim.speakup"
    label = "speakup"
    verbose_name = _("Speak Up")

    def ready(self) -> None:
        from senim.core.access_log import register_unlogged_prefix
        from senim.core.crypto import register_rewrap
        from senim.speakup import dashboard, indicators, navigation, policy, services  # noqa: F401  (registrations)

        register_rewrap("speakup.Case.wrapped_key", services.rewrap_case_keys)
        from django.db.models.signals import post_delete, post_save

        from senim.org.models import Company
        from senim.speakup.selectors import forget_public_companies

        # The public forms' list of companies is cached; a change to a company clears it.
        post_save.connect(forget_public_companies, sender=Company, dispatch_uid="speakup-companies-saved")
        post_delete.connect(forget_public_companies, sender=Company, dispatch_uid="speakup-companies-deleted")
        # The whole module, so that no access line ever records a reporter's address.
        register_unlogged_prefix("/speakup/")

        # Audit events about a case are read only by those who may open the case.
        from senim.core.audit_sensitive import register_sensitive
        from senim.speakup.selectors import visible_cases

        register_sensitive("speakup.case", lambda actor: visible_cases(actor=actor))

        # A report carries several files: the edge's body limit lets that size through.
        from senim.core.middleware import register_upload_limit
        from senim.speakup.limits import max_body_bytes

        register_upload_limit(max_body_bytes)

        # The receipt-key pepper must be the same on every host: production refuses to start without it.
        from senim.core.checks import SharedSecret, register_shared_secret

        register_shared_secret(
            SharedSecret(
                check_id="senim.E003",
                name="The Speak Up receipt-key pepper",
                value_setting="SENIM_SPEAKUP_RECEIPT_PEPPER",
                file_setting="SENIM_SPEAKUP_RECEIPT_PEPPER_FILE",
            )
        )
