"""Core's permissions: the audit trail and the indicators."""

from senim.core.access import Reach, declare

VIEW_AUDIT = declare("core.view_audit", admin=Reach.SCOPED, officer=Reach.SCOPED, auditor=Reach.SCOPED)
VIEW_INDICATORS = declare(
    "core.view_indicators", admin=Reach.SCOPED, officer=Reach.SCOPED, auditor=Reach.SCOPED, approver=Reach.SCOPED
)
# Baseline figures: indicator values for years before Senim held records, entered with their source.
ENTER_BASELINES = declare("core.enter_baselines", admin=Reach.SCOPED, officer=Reach.SCOPED)
# Back-dating: entering a record whose event happened before today (paper records, other systems).
BACKDATE = declare("core.backdate", admin=Reach.SCOPED, officer=Reach.SCOPED)
