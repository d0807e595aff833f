"""Awareness's background task: the daily reminders, for `senim worker` to run when
`senim awareness campaign remind --background` queues them (cron can also run the command itself)."""

import logging

from django.tasks import task

from senim.awareness import services
from senim.core.access import SYSTEM
from senim.core.locks import exclusive

logger = logging.getLogger(__name__)
REMINDERS_LOCK = "awareness.reminders"


@task()
def send_reminders() -> dict[str, int]:
    """Ask new hires, e-mail everyone who has not read an open campaign's document, and record the
    obligations of agreements; a second worker started meanwhile skips (it would e-mail twice)."""
    with exclusive(REMINDERS_LOCK) as acquired:
        if not acquired:
            logger.info("Awareness reminders skipped: another run holds the lock")
            return {"skipped": 1}
        counts = services.campaign_remind(actor=SYSTEM)
        counts["obligations"] = services.obligations_sync()
        return counts
