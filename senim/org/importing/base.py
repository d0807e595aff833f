"""Moved to `senim.core.importing.base` (every app's imports share it); kept so older imports still work."""

from senim.core.importing.base import *  # noqa: F403
