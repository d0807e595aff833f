"""API: the current user, personal tokens, users and role assignments."""

import datetime as dt
import uuid

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from senim.accounts import selectors, services
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


class TokenCreatedOut(TokenOut):
    token: str = Field(..., description="The secret. Shown once; store it now.")


class TokenIn(BodySchema):
    name: str = Field(..., min_length=1, max_length=100)
    expires_at: dt.datetime | None = None


@router.get("/tokens", response=list[TokenOut])
def token_list(request: AuthedRequest):  # type: ignore[no-untyped-def]
    return list(selectors.token_list(actor=request.user))


@router.post("/tokens", response={201: TokenCreatedOut})
def token_create(request: AuthedRequest, payload: TokenIn):  # type: ignore[no-untyped-def]
    record, secret = services.api_token_create(actor=request.user, name=payload.name, expires_at=payload.expires_at)
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
