from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CounterpartiesConfig(AppConfig):
    name = "senim.counterparties"
    label = "counterparties"
    verbose_name = _("Counterparties")

    def ready(self) -> None:
        from senim.counterparties import dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
        from senim.counterparties.receivers import on_hits_raised
        from senim.screening.signals import hits_raised

        hits_raised.connect(on_hits_raised, dispatch_uid="counterparties.hits_raised")
