from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """The `senim` command line: commands that span apps (serve, worker, import, indicators)."""

    name = "senim.ops"
    label = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from senim.ops import files_upgrade  # noqa: F401  (registers the check senim.W010)
