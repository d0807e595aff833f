from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CounterpartiesConfig(AppConfig):
    name = "senim.counterparties"
    label = "counterparties"
    verbose_name = _("Counterparties")

    def ready(self) -> None:
        from senim.counterparties import dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
