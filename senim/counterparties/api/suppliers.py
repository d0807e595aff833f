"""API of significant suppliers: the list with spend and verification due, and the screening step."""

from ninja import Router

from senim.core import endpoints
from senim.core.access import ActorRequest
from senim.counterparties import policy, selectors, services
from senim.counterparties.schemas import SignificantSupplierOut

router = Router()


@router.get("/significant-suppliers", response=list[SignificantSupplierOut], summary="Significant suppliers")
def significant_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    """Suppliers marked significant, each with its spend over 12 months, the date of its last approved
    verification and whether a verification is due."""
    endpoints.require(request, policy.VIEW)
    return [
        {
            "counterparty_id": s.counterparty.pk,
            "name": s.counterparty.display_name,
            "identifier": s.counterparty.identifier,
            "criticality": s.counterparty.criticality,
            "reason": s.reason,
            "spend": s.spend,
            "last_verified_on": s.last_verified_on,
            "due": s.due,
        }
        for s in selectors.significant_supplier_list(actor=request.user)
    ]


@router.post("/significant-suppliers/screen", response=dict[str, int], summary="Mark the significant suppliers")
def significant_mark(request: ActorRequest):  # type: ignore[no-untyped-def]
    """Mark the suppliers above the configured spend or of high criticality; clear the others (audited)."""
    endpoints.require(request, policy.MANAGE)
    return services.significant_suppliers_mark(actor=request.user)
