"""Conflicts' permissions. Employees declare and see only their own declarations and gifts
(Reach.OWN through their linked employee record); officers review, run campaigns and the
detection within their scope; approvers decide gifts above the threshold; auditors read."""

from senim.core.access import Reach, declare

# Submit and read one's own declarations and gifts.
DECLARE = declare(
    "conflicts.declare",
    admin=Reach.OWN,
    officer=Reach.OWN,
    investigator=Reach.OWN,
    approver=Reach.OWN,
    auditor=Reach.OWN,
    employee=Reach.OWN,
)
# Read declarations, campaigns and alerts of the employees in scope.
VIEW = declare("conflicts.view", admin=Reach.SCOPED, officer=Reach.SCOPED, auditor=Reach.SCOPED)
# Review declarations, set measures, enter paper forms, run campaigns, review alerts.
REVIEW = declare("conflicts.review", admin=Reach.SCOPED, officer=Reach.SCOPED)
# Versions of the form questions and the gift thresholds (group-wide holders only).
CONFIGURE = declare("conflicts.configure", admin=Reach.SCOPED)
EDIT_FORMS = declare("conflicts.edit_forms", admin=Reach.SCOPED, officer=Reach.SCOPED)
# The gifts register and approval of gifts above the threshold or involving officials.
VIEW_GIFTS = declare(
    "conflicts.view_gifts", admin=Reach.SCOPED, officer=Reach.SCOPED, approver=Reach.SCOPED, auditor=Reach.SCOPED
)
APPROVE_GIFTS = declare("conflicts.approve_gifts", admin=Reach.SCOPED, officer=Reach.SCOPED, approver=Reach.SCOPED)
