"""Risks' background task: the daily reminders of plan measures, for `senim worker` to run when
`senim risks remind --background` queues them (cron can also run the command itself)."""

import logging

from django.tasks import task

from senim.core.locks import exclusive
from senim.risks import services

logger = logging.getLogger(__name__)
REMINDERS_LOCK = "risks.reminders"


@task()
def send_reminders() -> dict[str, int]:
    """E-mail the people responsible for overdue and soon-due measures; a second worker started
    meanwhile skips (it would e-mail twice)."""
    with exclusive(REMINDERS_LOCK) as acquired:
        if not acquired:
            logger.info("Risks reminders skipped: another run holds the lock")
            return {"skipped": 1}
        return services.measures_remind()
