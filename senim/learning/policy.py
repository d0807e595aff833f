"""Learning's permissions. Every signed-in person reads the knowledge base and takes tests as
themselves (Reach.OWN through their employee record); officers edit the knowledge base, build
courses, tests and events, assign tests and import results; results and certificates of the
employees in scope are read by officers and auditors."""

from senim.core.access import Reach, declare

_EVERY_ROLE = ("admin", "officer", "investigator", "approver", "auditor", "employee")

# The knowledge base is the group's: any role assignment opens it.
READ_KB = declare("learning.read_kb", **dict.fromkeys(_EVERY_ROLE, Reach.SCOPED))
EDIT_KB = declare("learning.edit_kb", admin=Reach.SCOPED, officer=Reach.SCOPED)
# Take tests, read courses, one's own attempts and certificates.
TAKE = declare("learning.take", **dict.fromkeys(_EVERY_ROLE, Reach.OWN))
# Results, certificates, assignments and events of the employees in scope.
VIEW_RESULTS = declare("learning.view_results", admin=Reach.SCOPED, officer=Reach.SCOPED, auditor=Reach.SCOPED)
# Courses, banks, tests, assignments, events, imports and external completions.
MANAGE = declare("learning.manage", admin=Reach.SCOPED, officer=Reach.SCOPED)
