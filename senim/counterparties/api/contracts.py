"""API of contracts with counterparties and their clause coverage."""

import uuid

from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import Field

from senim.core import endpoints
from senim.core.access import ActorRequest
from senim.core.pagination import Pagination
from senim.counterparties import policy, selectors, services
from senim.counterparties.schemas import (
    ContractIn,
    ContractOut,
    CoverageOut,
)
from senim.org import selectors as org_selectors

router = Router()


class ContractQuery(endpoints.HistoryFilters):
    """`date_from`/`date_to`: the contract's date; `external_id`: its number (exactly)."""

    q: str = Field("", max_length=100)
    company: uuid.UUID | None = None
    counterparty: uuid.UUID | None = None
    year: int | None = Field(None, ge=1990, le=2100)
    method: str = Field("", pattern="^(open_tender|price_offers|direct|other|)$")
    has_clause: bool | None = None
    sort: str = Field("-date", pattern="^-?(date|number|amount)$")


@router.get("/contracts", response=list[ContractOut])
@paginate(Pagination, page_size=50)
def contract_list(request: ActorRequest, filters: Query[ContractQuery]):  # type: ignore[no-untyped-def]
    return selectors.contract_list(
        actor=request.user,
        query=filters.q,
        company_id=filters.company,
        counterparty_id=filters.counterparty,
        year=filters.year,
        method=filters.method,
        has_clause=filters.has_clause,
        sort=filters.sort,
        date_from=filters.date_from,
        date_to=filters.date_to,
        number=filters.external_id,
    )


@router.get("/contracts/coverage", response=list[CoverageOut], summary="Clause coverage by year, company, method")
def contract_coverage(request: ActorRequest, year: int | None = None):  # type: ignore[no-untyped-def]
    if year is not None and not 1990 <= year <= 2100:
        raise HttpError(422, "year must be between 1990 and 2100")
    return [row.__dict__ for row in selectors.contract_clause_coverage(actor=request.user, year=year)]


@router.get("/contracts/{contract_id}", response=ContractOut)
def contract_get(request: ActorRequest, contract_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.contract_get(actor=request.user, contract_id=contract_id)


@router.post("/contracts", response={201: ContractOut})
def contract_create(request: ActorRequest, payload: ContractIn):  # type: ignore[no-untyped-def]
    endpoints.require(request, policy.MANAGE_CONTRACTS)
    data = payload.dict()
    data["company"] = org_selectors.company_get(actor=request.user, company_id=data.pop("company_id"))
    unit_id = data.pop("unit_id")
    data["unit"] = org_selectors.unit_get(actor=request.user, unit_id=unit_id) if unit_id else None
    data["counterparty"] = selectors.counterparty_get(actor=request.user, counterparty_id=data.pop("counterparty_id"))
    case_id = data.pop("verification_case_id")
    data["verification_case"] = selectors.case_get(actor=request.user, case_id=case_id) if case_id else None
    approver_id = data.pop("approved_by_id")
    if approver_id:
        data["approved_by"] = org_selectors.employee_get(actor=request.user, employee_id=approver_id)
    return Status(201, services.contract_create(actor=request.user, **data))
