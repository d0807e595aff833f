from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwarenessConfig(AppConfig):
    name = "senim.awareness"
    label = "awareness"
    verbose_name = _("Awareness")

    def ready(self) -> None:
        from senim.awareness import dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
