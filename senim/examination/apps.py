from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExaminationConfig(AppConfig):
    name = "senim.examination"
    label = "examination"
    verbose_name = _("Anti-corruption examination")

    def ready(self) -> None:
        from senim.examination import events, indicators, navigation, policy  # noqa: F401  (registrations)
