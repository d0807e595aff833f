from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeakupConfig(AppConfig):
    name = "senim.speakup"
    label = "speakup"
    verbose_name = _("Speak Up")
