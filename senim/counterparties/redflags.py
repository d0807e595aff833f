"""Red-flag providers: modules above counterparties add automatic red flags to verifications.

Counterparties computes most automatic red flags itself (register, employees' identifiers,
screening, questionnaire). What only a module above it knows — for example the relatives that
employees declared in conflict-of-interest forms (senim.conflicts) — comes in through a provider
registered in that module's `AppConfig.ready()`:

    from senim.counterparties import redflags

    def relatives_of_employees(counterparty, *, on):
        return "Иванов И. И. (brother of employee Иванов П. П.)"  # "" when nothing is found

    redflags.register_provider("employee_link", relatives_of_employees)

A provider receives the counterparty (its owners and managers are `Party.objects.filter(
counterparty=counterparty)`) and the verification's date, runs as the system (no actor: it must
not show data to anyone, only return a short detail), and returns what it found as a short text,
or "" for nothing. The code names a red flag of the catalogue; the flag is raised only while the
catalogue has it active, and counts with the catalogue's weight. Details from several sources of the
same code are joined. A provider that raises is logged and skipped, so it never blocks a verification.
"""

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from senim.core.i18n import DEFERRED_PREFIX, deferred_join

if TYPE_CHECKING:
    from senim.counterparties.models import Counterparty

logger = logging.getLogger(__name__)

Provider = Callable[..., str]

_providers: dict[tuple[str, str], tuple[str, Provider]] = {}

MAX_DETAIL = 500


def _name(fn: Provider) -> str:
    return f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"


def register_provider(code: str, fn: Provider) -> None:
    """Add `fn(counterparty, *, on) -> str` as a source of the red flag `code`. Registering the same
    function again for the same code replaces it (so `ready()` may run twice)."""
    if not code or not callable(fn):
        raise ValueError("A red-flag provider needs a flag code and a callable.")
    _providers[(code, _name(fn))] = (code, fn)


def unregister_provider(code: str, fn: Provider) -> None:
    _providers.pop((code, _name(fn)), None)


def providers() -> list[tuple[str, Provider]]:
    return list(_providers.values())


def provided_findings(counterparty: "Counterparty", on: dt.date) -> dict[str, str]:
    """What the registered providers found for `counterparty`: code → detail (joined per code)."""
    found: dict[str, list[str]] = {}
    for code, fn in providers():
        try:
            detail = fn(counterparty, on=on)
        except Exception:
            logger.exception("Red-flag provider %s for %r failed", _name(fn), code)
            continue
        if detail:
            text = str(detail).strip()
            # A deferred text (core.i18n) is written in the reader's language when shown: never cut it.
            found.setdefault(code, []).append(text if text.startswith(DEFERRED_PREFIX) else text[:MAX_DETAIL])
    return {code: deferred_join(details) for code, details in found.items()}
