from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "senim.accounts"
    label = "accounts"
    verbose_name = _("Accounts and access")

    def ready(self) -> None:
        from senim.accounts import navigation, policy, provisioning  # noqa: F401  (registrations)

        provisioning.register()
