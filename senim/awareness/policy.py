"""Awareness permissions. Officers keep the registry of internal documents, run acknowledgement
campaigns, record agreements and check candidates within their scope; auditors and approvers read
the registry; every employee acknowledges documents for themselves (Reach.OWN)."""

from senim.core.access import Reach, declare

# Read the registry of internal documents.
VIEW_DOCUMENTS = declare(
    "awareness.view_documents",
    admin=Reach.SCOPED,
    officer=Reach.SCOPED,
    investigator=Reach.SCOPED,
    approver=Reach.SCOPED,
    auditor=Reach.SCOPED,
)
# Draft, submit, adopt, revise and repeal documents.
MANAGE_DOCUMENTS = declare("awareness.manage_documents", admin=Reach.SCOPED, officer=Reach.SCOPED)
# Read and acknowledge the documents one is asked to read.
ACKNOWLEDGE = declare(
    "awareness.acknowledge",
    admin=Reach.OWN,
    officer=Reach.OWN,
    investigator=Reach.OWN,
    approver=Reach.OWN,
    auditor=Reach.OWN,
    employee=Reach.OWN,
)
# Read campaigns, acknowledgements, agreements and hire records of the employees in scope.
VIEW = declare("awareness.view", admin=Reach.SCOPED, officer=Reach.SCOPED, auditor=Reach.SCOPED)
# Run campaigns, enter and import paper acknowledgements, record agreements and hire records.
MANAGE = declare("awareness.manage", admin=Reach.SCOPED, officer=Reach.SCOPED)
# Check candidates before hiring or appointment and approve the conclusion.
CHECK_CANDIDATES = declare("awareness.check_candidates", admin=Reach.SCOPED, officer=Reach.SCOPED)
