from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "senim.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from senim.core import events, navigation, policy  # noqa: F401  (registers core's policy and nav)

        events.autodiscover()  # every app's events.py: the labels of its audit event types
