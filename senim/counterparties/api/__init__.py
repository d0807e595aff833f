"""The counterparties API: one router gathering a module per part of the register, along the seams
of `services/` (register, contracts, applications, verification, questionnaires)."""

from ninja import Router

from senim.counterparties.api import applications, contracts, questionnaires, register, suppliers, verification

router = Router(tags=["Counterparties"])
for part in (register, contracts, applications, verification, questionnaires, suppliers):
    router.add_router("", part.router)
