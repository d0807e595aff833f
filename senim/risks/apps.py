from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RisksConfig(AppConfig):
    name = "senim.risks"
    label = "risks"
    verbose_name = _("Risks and plans")

    def ready(self) -> None:
        from senim.risks import approvals, dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
