"""Risks' permissions. Officers keep plans and roadmaps and record progress within their scope;
approvers and auditors read them."""

from senim.core.access import Reach, declare

# Read plans, roadmaps and their progress.
VIEW_PLANS = declare(
    "risks.view_plans", admin=Reach.SCOPED, officer=Reach.SCOPED, approver=Reach.SCOPED, auditor=Reach.SCOPED
)
# Create and import plans, edit measures, record status, progress and evidence.
MANAGE_PLANS = declare("risks.manage_plans", admin=Reach.SCOPED, officer=Reach.SCOPED)
# The assessment: read it; assess the functions of one's units (a unit head holds the approver role
# over the unit); review as compliance (accept or return); approve the result and the list of
# corruption-prone positions (the head: an approver over the whole company).
VIEW_ASSESSMENT = declare(
    "risks.view_assessment", admin=Reach.SCOPED, officer=Reach.SCOPED, approver=Reach.SCOPED, auditor=Reach.SCOPED
)
ASSESS = declare("risks.assess", admin=Reach.SCOPED, officer=Reach.SCOPED, approver=Reach.SCOPED)
REVIEW_ASSESSMENT = declare("risks.review_assessment", admin=Reach.SCOPED, officer=Reach.SCOPED)
APPROVE_ASSESSMENT = declare("risks.approve_assessment", admin=Reach.SCOPED, approver=Reach.SCOPED)
