"""Reports' permissions. Officers build and edit the anti-corruption section of the annual report
and approve it; approvers and auditors read reports of their part of the group; a group report
needs a group-wide role."""

from senim.core.access import Reach, declare

VIEW = declare("reports.view", admin=Reach.SCOPED, officer=Reach.SCOPED, approver=Reach.SCOPED, auditor=Reach.SCOPED)
EDIT = declare("reports.edit", admin=Reach.SCOPED, officer=Reach.SCOPED)
APPROVE = declare("reports.approve", admin=Reach.SCOPED, officer=Reach.SCOPED)
# The rating methodology's weights (group-wide holders only).
CONFIGURE = declare("reports.configure", admin=Reach.SCOPED, officer=Reach.SCOPED)
