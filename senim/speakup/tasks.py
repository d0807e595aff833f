"""Speak Up's background task: the daily e-mails, for `senim worker` to run when
`senim speakup notify --background` queues them (cron can also run `senim speakup notify`)."""

from django.tasks import task

from senim.speakup import notifications


@task()
def send_notifications() -> dict[str, int]:
    """Overdue e-mails and retaliation-watch reminders; returns how many e-mails of each were sent."""
    return {"overdue": notifications.notify_overdue(), "reminders": notifications.remind_watch()}
