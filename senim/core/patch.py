"""A base for PATCH request schemas: a field left out is left unchanged, and an explicit null is
refused (422) unless the field is listed in NULLABLE. Patch schemas type their fields `X | None`
so that every field may be left out; without this, a null for a column that cannot be empty (a
name, an e-mail, an IIN) would reach the database and answer 500."""

from typing import Any, ClassVar

from pydantic import model_validator

from senim.core.endpoints import BodySchema


class PatchSchema(BodySchema):
    # Fields that may be set to null (their column is nullable): a foreign key, a date.
    NULLABLE: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _refuse_null(cls, data: Any) -> Any:
        data_dict = getattr(data, "_obj", data)  # ninja may hand the body over wrapped
        if isinstance(data_dict, dict):
            refused = sorted(
                name
                for name, value in data_dict.items()
                if value is None and name in cls.model_fields and name not in cls.NULLABLE
            )
            if refused:
                raise ValueError(f"may not be null: {', '.join(refused)}")
        return data
