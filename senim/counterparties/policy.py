"""Counterparties' permissions.

The register of counterparties is group-wide reference data, like watchlists: whoever holds
`counterparties.view` anywhere reads all of it, and whoever holds `counterparties.manage` anywhere
adds and edits counterparties. Merging duplicates and changing the register of counterparties
permitted without anti-corruption provisions need the permission over the whole group. Contracts,
applications and verification cases belong to a company and are scoped through it."""

from senim.core.access import Reach, declare

_STAFF = {
    "admin": Reach.SCOPED,
    "officer": Reach.SCOPED,
    "investigator": Reach.SCOPED,
    "approver": Reach.SCOPED,
    "auditor": Reach.SCOPED,
}

VIEW = declare("counterparties.view", **_STAFF)
MANAGE = declare("counterparties.manage", admin=Reach.SCOPED, officer=Reach.SCOPED)
IMPORT = declare("counterparties.import", admin=Reach.SCOPED, officer=Reach.SCOPED)
VIEW_CONTRACTS = declare("counterparties.view_contracts", **_STAFF)
MANAGE_CONTRACTS = declare("counterparties.manage_contracts", admin=Reach.SCOPED, officer=Reach.SCOPED)
# Applications for counterparties that refuse: officers file them for an initiating unit and propose
# a decision; approvers (or administrators) approve it. Entering a counterparty in the Register of
# counterparties permitted without anti-corruption provisions is a group-wide standing approval, so
# approving that decision, revoking an entry and keeping the regulation clauses need the whole group.
VIEW_APPLICATIONS = declare("counterparties.view_applications", **_STAFF)
FILE_APPLICATION = declare("counterparties.file_application", admin=Reach.SCOPED, officer=Reach.SCOPED)
DECIDE = declare("counterparties.decide", admin=Reach.SCOPED, officer=Reach.SCOPED)
APPROVE = declare("counterparties.approve", admin=Reach.SCOPED, approver=Reach.SCOPED)
MANAGE_CLAUSES = declare("counterparties.manage_clauses", admin=Reach.SCOPED, officer=Reach.SCOPED)
# Verification before a contract: investigators and officers prepare it; an officer (never the one
# who concluded) approves the conclusion, and for high risk an approver gives the second approval.
# The red-flag catalogue and the due diligence rules are group-wide settings.
VIEW_CASES = declare("counterparties.view_cases", **_STAFF)
VERIFY = declare("counterparties.verify", admin=Reach.SCOPED, officer=Reach.SCOPED, investigator=Reach.SCOPED)
APPROVE_CONCLUSION = declare("counterparties.approve_conclusion", admin=Reach.SCOPED, officer=Reach.SCOPED)
SECOND_APPROVAL = declare("counterparties.second_approval", admin=Reach.SCOPED, approver=Reach.SCOPED)
CONFIGURE = declare("counterparties.configure", admin=Reach.SCOPED, officer=Reach.SCOPED)
# The anti-corruption questionnaire: whoever verifies sends personal links and enters paper copies
# for the companies in their scope; responses are read like verifications; versions of the
# questionnaire are group-wide settings (counterparties.configure).
SEND_QUESTIONNAIRE = declare(
    "counterparties.send_questionnaire", admin=Reach.SCOPED, officer=Reach.SCOPED, investigator=Reach.SCOPED
)
