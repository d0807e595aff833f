"""Gunicorn's access log, minus the requests to paths whose visitors must leave no trace.

Apps register path prefixes (Speak Up registers its public portal): no line, and so no client
address or user agent, is written for them. `senim serve` uses this logger class.
"""

from typing import Any

from gunicorn.glogging import Logger

_UNLOGGED_PREFIXES: set[str] = set()


def register_unlogged_prefix(prefix: str) -> None:
    _UNLOGGED_PREFIXES.add(prefix)


def is_unlogged(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in _UNLOGGED_PREFIXES)


class PrivateAccessLogger(Logger):
    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if is_unlogged(environ.get("PATH_INFO", "")):
            return
        super().access(resp, req, environ, request_time)
