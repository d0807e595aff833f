from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "senim.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from senim.org import dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
