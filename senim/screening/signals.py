"""Extension points of screening for the modules above it (screening imports none of them).

`hits_raised` is sent after a watchlist changed and screening re-screened its subjects in the
background, once the transaction that stored the new hits has committed, with
`subject_keys` (the keys, as the caller of `services.screen` chose them, of the subjects that got
new open hits) and `run_id` (the re-screening run). Receivers run in the worker, as the system;
connect them in the receiving app's `AppConfig.ready()`:

    from senim.screening.signals import hits_raised
    hits_raised.connect(on_hits_raised, dispatch_uid="mymodule.hits_raised")

A receiver that fails is logged and does not stop the others or the re-screening.
"""

import logging
import uuid
from collections.abc import Collection

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

hits_raised = Signal()


def send_hits_raised(*, subject_keys: Collection[str], run_id: uuid.UUID) -> None:
    """Send `hits_raised` when the current transaction commits (at once outside one)."""
    keys = sorted(set(subject_keys))
    if not keys:
        return

    def send() -> None:
        for receiver, result in hits_raised.send_robust(sender=None, subject_keys=keys, run_id=run_id):
            if isinstance(result, Exception):
                logger.error("A hits_raised receiver %r failed", receiver, exc_info=result)

    transaction.on_commit(send)
