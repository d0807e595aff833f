"""Moved to `senim.core.importing.reader` (every app's imports share it); kept so older imports still work."""

from senim.core.importing.reader import *  # noqa: F403
