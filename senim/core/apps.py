from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "senim.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from senim.core import checks, events, files, navigation, policy  # noqa: F401  (registers checks, policy, nav, files)

        # A load balancer asks every few seconds: no access line for that.
        from senim.core.access_log import register_unlogged_prefix

        register_unlogged_prefix("/healthz")
        events.autodiscover()  # every app's events.py: the labels of its audit event types
        connection_created.connect(_private_sqlite_file, dispatch_uid="senim-private-sqlite-file")


def _private_sqlite_file(sender: object, connection: object, **kwargs: object) -> None:
    """The SQLite database file (and its journal files) readable by the service account only."""
    import os
    from pathlib import Path

    if getattr(connection, "vendor", "") != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")  # type: ignore[attr-defined]
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    for path in (Path(name), Path(name + "-wal"), Path(name + "-shm"), Path(name + "-journal")):
        try:
            if path.exists() and path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
                path.chmod(0o600)
        except OSError:
            pass
