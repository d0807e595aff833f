"""API: the current user, personal tokens, users and role assignments."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from senim.accounts import provisioning, selectors, services
from senim.accounts.requests import AuthedRequest
from senim.core.endpoints import BodySchema
from senim.core.pagination import Pagination
from senim.org import selectors as org_selectors

router = Router(tags=["accounts"])


class AssignmentOut(Schema):
    id: uuid.UUID
    role: str
    company_id: uuid.UUID | None
    unit_id: uuid.UUID | None


class MeOut(Schema):
    id: uuid.UUID
    username: str
    email: str
    display_name: str
    language: str
    employee_id: uuid.UUID | None
    two_factor: bool
    roles: list[AssignmentOut]


@router.get("/me", response=MeOut)
def me(request: AuthedRequest):  # type: ignore[no-untyped-def]
    user = request.user
    return {
        "id": user.pk,
        "username": user.username,
        "email": user.email,
        "display_name": user.display_name,
        "language": user.language,
        "employee_id": user.employee_id,
        "two_factor": user.totp_confirmed,
        "roles": list(selectors.assignment_list(user=user)),
    }


class TokenOut(Schema):
    id: uuid.UUID
    name: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    read_only: bool


class TokenCreatedOut(TokenOut):
    token: str = Field(..., description="The secret. Shown once; store it now.")


class TokenIn(BodySchema):
    name: str = Field(..., min_length=1, max_length=100)
    expires_at: dt.datetime | None = None
    read_only: bool = Field(False, description="A read-only token may only read (GET); every change is refused.")


@router.get("/tokens", response=list[TokenOut])
def token_list(request: AuthedRequest):  # type: ignore[no-untyped-def]
    return list(selectors.token_list(actor=request.user))


@router.post("/tokens", response={201: TokenCreatedOut})
def token_create(request: AuthedRequest, payload: TokenIn):  # type: ignore[no-untyped-def]
    record, secret = services.api_token_create(
        actor=request.user, name=payload.name, expires_at=payload.expires_at, read_only=payload.read_only
    )
    return Status(201, {**TokenOut.from_orm(record).dict(), "token": secret})


@router.delete("/tokens/{token_id}", response={204: None})
def token_revoke(request: AuthedRequest, token_id: uuid.UUID):  # type: ignore[no-untyped-def]
    token = selectors.token_list(actor=request.user).get(id=token_id)
    services.api_token_revoke(actor=request.user, token=token)
    return Status(204, None)


class UserOut(Schema):
    id: uuid.UUID
    username: str
    email: str
    first_name: str
    last_name: str
    is_active: bool
    language: str
    employee_id: uuid.UUID | None = None


class UserQuery(Schema):
    q: str = Field("", max_length=100)


@router.get("/users", response=list[UserOut])
@paginate(Pagination, page_size=50)
def user_list(request: AuthedRequest, filters: Query[UserQuery]):  # type: ignore[no-untyped-def]
    return selectors.user_list(actor=request.user, query=filters.q)


class AssignmentIn(BodySchema):
    role: str = Field(..., pattern="^(admin|officer|investigator|approver|auditor|employee)$")
    company_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None


@router.post("/users/{user_id}/roles", response={201: AssignmentOut})
def role_assign(request: AuthedRequest, user_id: uuid.UUID, payload: AssignmentIn):  # type: ignore[no-untyped-def]
    subject = selectors.user_get(actor=request.user, user_id=user_id)
    company = (
        org_selectors.company_get(actor=request.user, company_id=payload.company_id) if payload.company_id else None
    )
    unit = org_selectors.unit_get(actor=request.user, unit_id=payload.unit_id) if payload.unit_id else None
    return Status(
        201, services.role_assign(actor=request.user, user=subject, role=payload.role, company=company, unit=unit)
    )


# --- accounts for employees -----------------------------------------------------------------------


class EmployeeAccountsIn(Schema):
    employee_ids: list[uuid.UUID] | None = Field(
        None, description="The employees to give accounts; omit (with company_id) for every employee of a company."
    )
    company_id: uuid.UUID | None = Field(None, description="Every employee of this company.")


class AccountRowOut(Schema):
    employee_id: uuid.UUID
    user_id: uuid.UUID
    username: str


class EmployeeAccountsOut(Schema):
    created: list[AccountRowOut]
    linked: list[AccountRowOut]
    deactivated: list[AccountRowOut]
    unchanged: int


@router.post(
    "/employee-accounts",
    response=EmployeeAccountsOut,
    summary="Create or link the accounts of employees; deactivate those of dismissed ones",
)
def employee_accounts(request: AuthedRequest, payload: EmployeeAccountsIn):  # type: ignore[no-untyped-def]
    if payload.employee_ids is None and payload.company_id is None:
        raise ValidationError({"employee_ids": _("Name the employees or a company.")})
    if payload.company_id is not None:
        org_selectors.company_get(actor=request.user, company_id=payload.company_id)
    visible = None
    if payload.employee_ids is not None:
        visible = list(
            org_selectors.employee_list(actor=request.user)
            .filter(id__in=payload.employee_ids)
            .values_list("id", flat=True)
        )
        missing = set(payload.employee_ids) - set(visible)
        if missing:
            raise Http404
    result = provisioning.employee_accounts_provision(
        actor=request.user, employee_ids=visible, company_id=payload.company_id
    )
    return result.as_dict()


class EmployeeLinkIn(Schema):
    employee_id: uuid.UUID | None = Field(..., description="The employee record; null to unlink.")


@router.put("/users/{user_id}/employee", response=UserOut, summary="Link an account to an employee record")
def user_link_employee(request: AuthedRequest, user_id: uuid.UUID, payload: EmployeeLinkIn):  # type: ignore[no-untyped-def]
    subject = selectors.user_get(actor=request.user, user_id=user_id)
    employee = (
        org_selectors.employee_get(actor=request.user, employee_id=payload.employee_id) if payload.employee_id else None
    )
    return provisioning.user_link_employee(actor=request.user, user=subject, employee=employee)
