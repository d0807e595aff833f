import datetime as dt
import uuid

from ninja import Field, Schema

from senim.core.endpoints import BodySchema
from senim.core.patch import PatchSchema


class CompanyOut(Schema):
    id: uuid.UUID
    name: str
    name_ru: str
    name_kk: str
    name_en: str
    name_uz: str
    registration_kind: str
    registration_number: str
    country: str
    is_active: bool
    founded_on: dt.date | None = None


class CompanyIn(BodySchema):
    name_ru: str = Field("", max_length=300)
    name_kk: str = Field("", max_length=300)
    name_en: str = Field("", max_length=300)
    name_uz: str = Field("", max_length=300)
    registration_kind: str = Field(..., pattern="^(bin|stir|foreign)$")
    registration_number: str = Field(..., min_length=1, max_length=40)
    country: str = Field(..., pattern="^[A-Za-z]{2}$")
    is_active: bool = True
    founded_on: dt.date | None = None


class UnitOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    parent_id: uuid.UUID | None
    code: str
    name: str
    depth: int


class UnitIn(BodySchema):
    company_id: uuid.UUID
    parent_id: uuid.UUID | None = None
    code: str = Field(..., min_length=1, max_length=50)
    name_ru: str = Field("", max_length=300)
    name_kk: str = Field("", max_length=300)
    name_en: str = Field("", max_length=300)
    name_uz: str = Field("", max_length=300)


class PositionOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    unit_id: uuid.UUID | None
    code: str
    title: str
    is_corruption_prone: bool
    requires_ac_agreement: bool


class EmployeeOut(Schema):
    id: uuid.UUID
    company_id: uuid.UUID
    personnel_number: str
    surname: str
    given_name: str
    patronymic: str
    surname_latin: str
    given_name_latin: str
    patronymic_latin: str
    iin: str
    pinfl: str
    unit_id: uuid.UUID | None
    position_id: uuid.UUID | None
    hire_date: dt.date | None
    dismissal_date: dt.date | None
    email: str


class EmployeeIn(BodySchema):
    company_id: uuid.UUID
    personnel_number: str = Field(..., min_length=1, max_length=30)
    surname: str = Field(..., min_length=1, max_length=100)
    given_name: str = Field(..., min_length=1, max_length=100)
    patronymic: str = Field("", max_length=100)
    surname_latin: str = Field("", max_length=100)
    given_name_latin: str = Field("", max_length=100)
    patronymic_latin: str = Field("", max_length=100)
    iin: str = Field("", max_length=12)
    pinfl: str = Field("", max_length=14)
    unit_id: uuid.UUID | None = None
    position_id: uuid.UUID | None = None
    hire_date: dt.date | None = None
    dismissal_date: dt.date | None = None
    email: str = Field("", max_length=254)


class EmployeePatch(PatchSchema):
    # null clears these (api.employee_update); it is refused for the names
    NULLABLE = frozenset(
        {"patronymic", "surname_latin", "given_name_latin", "patronymic_latin", "iin", "pinfl", "unit_id",
         "position_id", "hire_date", "dismissal_date", "email"}
    )  # fmt: skip

    surname: str | None = Field(None, min_length=1, max_length=100)
    given_name: str | None = Field(None, min_length=1, max_length=100)
    patronymic: str | None = Field(None, max_length=100)
    surname_latin: str | None = Field(None, max_length=100)
    given_name_latin: str | None = Field(None, max_length=100)
    patronymic_latin: str | None = Field(None, max_length=100)
    iin: str | None = Field(None, max_length=12)
    pinfl: str | None = Field(None, max_length=14)
    unit_id: uuid.UUID | None = None
    position_id: uuid.UUID | None = None
    hire_date: dt.date | None = None
    dismissal_date: dt.date | None = None
    email: str | None = Field(None, max_length=254)


class RowErrorOut(Schema):
    line: int
    column: str
    message: str


class OrgImportReportOut(Schema):
    kind: str
    total: int
    valid: int
    rejected: int
    file_errors: list[str]
    errors: list[RowErrorOut]
    imported: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
