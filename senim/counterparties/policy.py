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
