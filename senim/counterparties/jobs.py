"""Counterparties' background work: the automatic screening of many counterparties at once (after
an import), for `senim worker` to run."""

from django.tasks import task

from senim.counterparties import services


@task()
def screen_counterparties(counterparty_ids: list[str]) -> int:
    """Screen these counterparties as the system; return how many were screened."""
    return services.counterparties_screen_automatically(counterparty_ids=counterparty_ids)
