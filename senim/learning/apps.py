from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "senim.learning"
    label = "learning"
    verbose_name = _("Knowledge and training")

    def ready(self) -> None:
        from senim.learning import dashboard, indicators, navigation, policy  # noqa: F401  (registrations)
