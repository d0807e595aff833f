"""Receivers of other modules' signals, connected in CounterpartiesConfig.ready()."""

import uuid
from typing import Any

from senim.counterparties import services


def on_hits_raised(*, subject_keys: list[str], run_id: uuid.UUID | None = None, **kwargs: Any) -> int:
    """A watchlist changed and screening raised new hits: mark the approved verifications of the
    counterparties concerned (or whose owners or managers are concerned) for re-verification."""
    return services.cases_recheck_subjects(subject_keys=subject_keys)
