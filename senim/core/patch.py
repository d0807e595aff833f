"""A base for PATCH request schemas: a field left out is left unchanged, and an explicit null is
refused (422) unless the field is listed in NULLABLE (a text field listed there is emptied: "").
Patch schemas type their fields `X | None` so that every field may be left out; without this, a
null for a column that cannot be empty (a name, an e-mail, an IIN) would reach the database and
answer 500."""

import typing
from typing import Any, ClassVar

from django.utils.translation import gettext as _
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
                raise ValueError(_("These fields may not be null: %(fields)s.") % {"fields": ", ".join(refused)})
            # null empties a text field that may be empty: stored as "" (its column is not null)
            for name, value in list(data_dict.items()):
                field = cls.model_fields.get(name)
                if value is None and field is not None and str in typing.get_args(field.annotation):
                    data_dict[name] = ""
        return data
