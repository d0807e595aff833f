"""What the Speak Up services share: validation of what people write, the workflow's steps,
storing encrypted files, and the check that an actor may act on a case."""

import datetime as dt
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, scope_of
from senim.speakup import files, selectors
from senim.speakup.crypto import RECEIPT_ALPHABET, CaseCipher
from senim.speakup.models import (
    Attachment,
    Case,
    Message,
    Status,
)

REPORT_FIELDS = ("what", "when", "where", "people", "amounts", "how_known")
QUESTION_FIELDS = ("question",)
REPORTER_FIELDS = ("name", "email", "phone", "other")
MAX_TEXT = 20_000
MAX_SHORT = 2_000

# The workflow; closing and answering have their own services (they need an outcome or answer).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.RECEIVED: (Status.ACKNOWLEDGED,),
    Status.ACKNOWLEDGED: (Status.ASSESSMENT,),
    Status.ASSESSMENT: (Status.INVESTIGATION,),
    Status.INVESTIGATION: (Status.ASSESSMENT,),
}


@dataclass(frozen=True)
class Submission:
    case: Case
    receipt: str | None  # shown to the reporter once; never stored


# ---------------------------------------------------------------------------- validation


def clean_text(data: Mapping[str, Any], names: Sequence[str], required: str) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    for name in names:
        value = str(data.get(name) or "").replace("\x00", "").strip()
        limit = MAX_TEXT if name in {"what", "question"} else MAX_SHORT
        if len(value) > limit:
            errors[name] = [_("At most %(limit)s characters.") % {"limit": limit}]
        if value:
            cleaned[name] = value
    if required and not cleaned.get(required):
        errors[required] = [_("This field is required.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def clean_reporter(anonymous: bool, reporter: Mapping[str, Any]) -> dict[str, str]:
    if anonymous:
        return {}
    cleaned = clean_text(reporter, REPORTER_FIELDS, required="name")
    if cleaned.get("email"):
        try:
            validate_email(cleaned["email"])
        except ValidationError:
            raise ValidationError({"email": [_("Enter a valid e-mail address.")]}) from None
    return cleaned


def choice(value: str, choices: Any, field: str) -> str:
    if value not in choices.values:
        raise ValidationError({field: [_("Choose one of the options.")]})
    return value


def company_uuid(value: Any) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise ValidationError({"company": [_("Choose one of the options.")]}) from None


def new_reference(now: dt.datetime) -> str:
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(6))
    return f"SU-{now.year}-{code}"


def store_files(
    case: Case, cipher: CaseCipher, prepared: list[files.PreparedFile], *, message: Message | None, from_reporter: bool
) -> None:
    for item in prepared:
        Attachment.objects.create(
            case=case,
            message=message,
            from_reporter=from_reporter,
            kind=item.kind,
            size=len(item.data),
            name_sealed=cipher.seal(item.name),
            data_sealed=cipher.seal_bytes(item.data),
            metadata_stripped=item.metadata_stripped,
        )


def require_case(actor: Actor, case: Case, permission: str) -> None:
    """The actor holds `permission` over the case (its company, or a unit subtree holding a unit
    linked to it) and may see the case at all."""
    if not selectors.visible_cases(actor=actor).filter(pk=case.pk).exists():
        raise PermissionDenied(permission)
    scope = scope_of(actor, permission)
    if scope.is_empty or not selectors.case_in_reach(actor=actor, case=case, permission=permission):
        raise PermissionDenied(permission)
