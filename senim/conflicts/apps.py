from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConflictsConfig(AppConfig):
    name = "senim.conflicts"
    label = "conflicts"
    verbose_name = _("Conflicts of interest")

    def ready(self) -> None:
        from senim.conflicts import dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
