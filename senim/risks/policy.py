"""Risks' permissions. Officers keep plans and roadmaps and record progress within their scope;
approvers and auditors read them."""

from senim.core.access import Reach, declare

# Read plans, roadmaps and their progress.
VIEW_PLANS = declare(
    "risks.view_plans", admin=Reach.SCOPED, officer=Reach.SCOPED, approver=Reach.SCOPED, auditor=Reach.SCOPED
)
# Create and import plans, edit measures, record status, progress and evidence.
MANAGE_PLANS = declare("risks.manage_plans", admin=Reach.SCOPED, officer=Reach.SCOPED)
