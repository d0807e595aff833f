"""Speak Up's permissions. Cases are scoped by the company they concern (a case that names no
company is seen only group-wide), and for roles granted over a unit subtree by the units linked to
the case (selectors.scope_reach). Administrators and auditors get statistics, never content.
Investigators see only the cases assigned to them. Whatever the role, people named in a case and
staff who declared a conflict are kept out of it (selectors.visible_cases)."""

from senim.core.access import Reach, declare

VIEW_ALL = declare("speakup.view_all_cases", officer=Reach.SCOPED)
VIEW_ASSIGNED = declare("speakup.view_assigned_cases", investigator=Reach.SCOPED)
# Register intake, move the workflow, assign, close, link, record rewards.
MANAGE = declare("speakup.manage_cases", officer=Reach.SCOPED)
# Write notes, messages and tasks on a case one can see.
WORK = declare("speakup.work_cases", officer=Reach.SCOPED, investigator=Reach.SCOPED)
VIEW_STATS = declare("speakup.view_statistics", admin=Reach.SCOPED, officer=Reach.SCOPED, auditor=Reach.SCOPED)
# Posters, pocket cards and their source tags for a company; their wording.
POSTERS = declare("speakup.make_posters", officer=Reach.SCOPED, admin=Reach.SCOPED)
