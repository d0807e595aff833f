"""Moved to `senim.core.importing.values` (every app's imports share it); kept so older imports still work."""

from senim.core.importing.values import *  # noqa: F403
