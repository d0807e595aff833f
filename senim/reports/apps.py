from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "senim.reports"
    label = "reports"
    verbose_name = _("Annual reports")

    def ready(self) -> None:
        from senim.reports import navigation, policy  # noqa: F401  (registrations)
