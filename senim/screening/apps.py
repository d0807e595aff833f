from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "senim.screening"
    label = "screening"
    verbose_name = _("Screening")

    def ready(self) -> None:
        from senim.screening import dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
