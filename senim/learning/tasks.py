"""Learning's background task: the daily reminders of assigned tests, for `senim worker` to run when
`senim learning remind --background` queues them (cron can also run the command itself)."""

import logging

from django.tasks import task

from senim.core.locks import exclusive
from senim.learning import services

logger = logging.getLogger(__name__)
REMINDERS_LOCK = "learning.reminders"


@task()
def send_reminders() -> dict[str, int]:
    """Ask new hires, renew yearly assignments and e-mail those whose test is due or overdue; a
    second worker started meanwhile skips (it would e-mail twice)."""
    with exclusive(REMINDERS_LOCK) as acquired:
        if not acquired:
            logger.info("Learning reminders skipped: another run holds the lock")
            return {"skipped": 1}
        return services.assignment_remind()
