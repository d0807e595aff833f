"""Gunicorn's logs, minus what would tie a visitor of a private path to their address.

Apps register path prefixes (Speak Up registers its public portal): no access line, and so no
client address or user agent, is written for them, errors answered by gunicorn itself included
(it writes an access line for those too). Gunicorn's error log names the request line of a request
that failed and the client address of one it could not parse: every message of that log has
client addresses masked and any registered path cut down to its prefix. `senim serve` uses this
logger class.
"""

import re
import traceback
from typing import Any

from gunicorn.glogging import Logger

_UNLOGGED_PREFIXES: set[str] = set()

# ip=…, and bare IPv4 / IPv6 addresses (with an optional port)
_ADDRESS = re.compile(
    r"(?<![\w.:])(?:ip=\S+|\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?|\[?[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}\]?(?::\d+)?)"
)


def register_unlogged_prefix(prefix: str) -> None:
    _UNLOGGED_PREFIXES.add(prefix)


def is_unlogged(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in _UNLOGGED_PREFIXES)


def scrub(text: str) -> str:
    """The text with client addresses masked and registered private paths cut to their prefix."""
    text = _ADDRESS.sub("[address]", text)
    for prefix in _UNLOGGED_PREFIXES:
        text = re.sub(re.escape(prefix) + r"\S*", prefix + "…", text)
    return text


class PrivateAccessLogger(Logger):
    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        path = environ.get("PATH_INFO", "") or getattr(req, "path", "") or ""
        if is_unlogged(path) or is_unlogged(getattr(req, "uri", "") or ""):
            return
        super().access(resp, req, environ, request_time)

    def log(self, lvl: Any, msg: Any, *args: Any, **kwargs: Any) -> None:
        super().log(lvl, *self._scrubbed(msg, args), **kwargs)

    def critical(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        super().critical(*self._scrubbed(msg, args), **kwargs)

    def error(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        super().error(*self._scrubbed(msg, args), **kwargs)

    def warning(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        super().warning(*self._scrubbed(msg, args), **kwargs)

    def info(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        super().info(*self._scrubbed(msg, args), **kwargs)

    def debug(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        super().debug(*self._scrubbed(msg, args), **kwargs)

    def exception(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        # The traceback may quote the request line too: it is scrubbed like the message.
        (text,) = self._scrubbed(msg, args)
        trace = scrub(traceback.format_exc()).replace("%", "%%")
        kwargs.pop("exc_info", None)
        super().error(f"{text}\n{trace}", **kwargs)

    @staticmethod
    def _scrubbed(msg: Any, args: tuple[Any, ...]) -> tuple[str]:
        text = str(msg)
        if args:
            try:
                text = text % args
            except (TypeError, ValueError):
                text = " ".join([text, *map(str, args)])
        return (scrub(text).replace("%", "%%"),)
