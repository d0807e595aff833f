"""API: companies, units, positions, employees and imports (same services and selectors as the UI)."""

import uuid

from ninja import File, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate
from pydantic import Field

from senim.core import endpoints
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.pagination import Pagination
from senim.org import importing, policy, selectors, services
from senim.org.schemas import (
    CompanyIn,
    CompanyOut,
    EmployeeIn,
    EmployeeOut,
    EmployeePatch,
    OrgImportReportOut,
    PositionOut,
    UnitIn,
    UnitOut,
)

router = Router(tags=["org"])


def _require_manage(request: ActorRequest) -> None:
    """Refuse writers without org.manage before resolving ids, so they get 403, not 404."""
    if not request.user.can(policy.MANAGE):
        raise PermissionDenied(policy.MANAGE)


@router.get("/companies", response=list[CompanyOut])
def company_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    return list(selectors.company_list(actor=request.user))


@router.get("/companies/{company_id}", response=CompanyOut)
def company_get(request: ActorRequest, company_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.company_get(actor=request.user, company_id=company_id)


@router.post("/companies", response={201: CompanyOut})
def company_create(request: ActorRequest, payload: CompanyIn):  # type: ignore[no-untyped-def]
    return Status(201, services.company_create(actor=request.user, **payload.dict()))


@router.get("/units", response=list[UnitOut])
@paginate(Pagination, page_size=100)
def unit_list(request: ActorRequest, company: uuid.UUID | None = None):  # type: ignore[no-untyped-def]
    return selectors.unit_list(actor=request.user, company_id=company)


@router.post("/units", response={201: UnitOut})
def unit_create(request: ActorRequest, payload: UnitIn):  # type: ignore[no-untyped-def]
    _require_manage(request)
    data = payload.dict()
    company = selectors.company_get(actor=request.user, company_id=data.pop("company_id"))
    parent_id = data.pop("parent_id")
    parent = selectors.unit_get(actor=request.user, unit_id=parent_id) if parent_id else None
    return Status(201, services.unit_create(actor=request.user, company=company, parent=parent, **data))


@router.get("/positions", response=list[PositionOut])
@paginate(Pagination, page_size=100)
def position_list(
    request: ActorRequest,
    company: uuid.UUID | None = None,  # type: ignore[no-untyped-def]
    q: str = "",
):
    return selectors.position_list(actor=request.user, company_id=company, query=q[:100])


class EmployeeQuery(Schema):
    q: str = Field("", max_length=200)
    sort: str = Field("surname", pattern="^-?(surname|number|hired|company)$")
    company: uuid.UUID | None = None
    active: bool | None = None


@router.get("/employees", response=list[EmployeeOut])
@paginate(Pagination, page_size=50)
def employee_list(request: ActorRequest, filters: Query[EmployeeQuery]):  # type: ignore[no-untyped-def]
    return selectors.employee_list(
        actor=request.user, query=filters.q, sort=filters.sort, company_id=filters.company, active=filters.active
    )


@router.get("/employees/{employee_id}", response=EmployeeOut)
def employee_get(request: ActorRequest, employee_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return selectors.employee_get(actor=request.user, employee_id=employee_id)


def _links(request: ActorRequest, data: dict) -> dict:
    """Resolve unit and position ids through the actor's selectors (never raw lookups)."""
    if data.get("unit_id"):
        data["unit"] = selectors.unit_get(actor=request.user, unit_id=data["unit_id"])
    elif "unit_id" in data:
        data["unit"] = None
    if data.get("position_id"):
        data["position"] = selectors.position_list(actor=request.user).get(id=data["position_id"])
    elif "position_id" in data:
        data["position"] = None
    data.pop("unit_id", None)
    data.pop("position_id", None)
    return data


@router.post("/employees", response={201: EmployeeOut})
def employee_create(request: ActorRequest, payload: EmployeeIn):  # type: ignore[no-untyped-def]
    _require_manage(request)
    data = payload.dict()
    company = selectors.company_get(actor=request.user, company_id=data.pop("company_id"))
    return Status(201, services.employee_create(actor=request.user, company=company, **_links(request, data)))


@router.patch("/employees/{employee_id}", response=EmployeeOut)
def employee_update(request: ActorRequest, employee_id: uuid.UUID, payload: EmployeePatch):  # type: ignore[no-untyped-def]
    employee = selectors.employee_get(actor=request.user, employee_id=employee_id)
    clearable = ["patronymic", "surname_latin", "given_name_latin", "patronymic_latin", "iin", "pinfl", "unit_id",
                 "position_id", "hire_date", "dismissal_date", "email"]  # fmt: skip
    data = _links(request, endpoints.patch_data(payload, clearable=clearable))
    return services.employee_update(actor=request.user, employee=employee, **data)


@router.post("/imports/{kind}", response=OrgImportReportOut, summary="Validate, and optionally import, a CSV/XLSX file")
def import_file(
    request: ActorRequest,
    kind: str,
    file: File[UploadedFile],  # type: ignore[no-untyped-def]
    dry_run: bool = True,
    valid_only: bool = False,
):
    """With dry_run (the default) only the validation report is returned; nothing is written."""
    if kind not in importing.KINDS:
        raise HttpError(404, "Unknown import kind.")
    if not request.user.can("org.import"):
        raise PermissionDenied("org.import")
    module = importing.KINDS[kind]
    return endpoints.import_report(
        file,
        kind=kind,
        plan=lambda path: importing.plan_file(actor=request.user, kind=kind, path=path),
        apply=lambda plan: module.apply(actor=request.user, plan=plan, valid_only=valid_only),
        dry_run=dry_run,
        valid_only=valid_only,
    )
