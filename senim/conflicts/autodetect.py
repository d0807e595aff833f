"""Automatic re-detection: queue one background detection run when the data it compares changes.

The seam is the audit trail (senim.core.audit.audit_subscribe), not model signals: every service of
org, counterparties and conflicts records an audit event in the transaction of its change, and the
bulk imports (which write through core.bulk and so bypass post_save) record theirs with
`audit_record_many`. One listener on event types therefore sees every change the cross-match
depends on, through one explicit hook, and org/counterparties never import conflicts.

Debounced: each audit batch of a watched type registers one on_commit callback (an import writes one
batch, a service one per change), and the callback queues a run only if no run is already queued and
not started (a burst of imports, each in its own
transaction, queues one run; a change made while a run is running queues the next one, so it is not
missed). Off when settings.SENIM_CONFLICTS_AUTODETECT is false (the test settings, except in the
tests of this feature, so that factory saves don't run a full detection each).
"""

from django.conf import settings
from django.db import transaction

from senim.conflicts.models import DetectionRun

# Event types (or prefixes ending in ".") whose change can create or remove a link.
WATCHED = (
    "conflicts.declaration.submitted",  # a new declaration, or a new version superseding one
    "org.employee.",  # created, updated, imported (names, identifiers, unit, dismissal)
    "org.unit.",  # the reporting line (unit paths)
    "counterparties.counterparty.",  # created, updated, imported, merged
    "counterparties.party.",  # owners and managers
    "counterparties.contract.",  # contracts and their approvers
)


def is_watched(event_types: frozenset[str]) -> bool:
    return any(event_type.startswith(WATCHED) for event_type in event_types)


def queue_detection() -> DetectionRun | None:
    """Queue an automatic run unless one is already waiting; return it (None when debounced)."""
    from senim.conflicts.jobs import run_detection  # lazily: jobs pulls in the whole cross-match

    with transaction.atomic():
        if DetectionRun.objects.filter(status=DetectionRun.Status.QUEUED).exists():
            return None
        run = DetectionRun.objects.create(requested_by=None, language=settings.LANGUAGE_CODE)
        transaction.on_commit(lambda: run_detection.enqueue(run_id=str(run.pk)))
    return run


def _queue_after_commit() -> None:
    queue_detection()


def on_audit(event_types: frozenset[str]) -> None:
    """The audit listener (registered in ConflictsConfig.ready)."""
    if getattr(settings, "SENIM_CONFLICTS_AUTODETECT", True) and is_watched(event_types):
        # robust: a failure to queue is logged, never turned into an error of the committed write.
        transaction.on_commit(_queue_after_commit, robust=True)
