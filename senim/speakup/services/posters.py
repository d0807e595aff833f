"""Posters' wording per company and their source tags (audited), and the counter a tagged QR code
moves (not audited: it is a number per tag and month, and no visit leaves a trace of its own)."""

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from senim.core.access import Actor, require
from senim.core.services import model_create, model_update
from senim.speakup import policy
from senim.speakup.models import PosterTag, PosterText, PosterVisit

TEXT_FIELDS = ("headline", "body", "promise")


def poster_text_save(*, actor: Actor, company_id: Any, language: str, data: dict[str, str]) -> PosterText:
    """Set a company's own wording in one language (blank fields fall back to the defaults)."""
    company_id = uuid.UUID(str(company_id))
    require(actor, policy.POSTERS, company_id=company_id)
    clean = {k: (data.get(k) or "").strip() for k in TEXT_FIELDS}
    with transaction.atomic():
        text = PosterText.objects.select_for_update().filter(company_id=company_id, language=language).first()
        if text is None:
            return model_create(
                actor=actor,
                instance=PosterText(company_id=company_id, language=language, **clean),
                event_type="speakup.poster_text.saved",
                fields=("company", "language", *TEXT_FIELDS),
            )
        return model_update(
            actor=actor, instance=text, data=clean, fields=TEXT_FIELDS, event_type="speakup.poster_text.saved"
        )


def poster_tag_create(*, actor: Actor, company_id: Any, label: str, code: str = "") -> PosterTag:
    """A new source tag for the company's posters; its code is derived from the label when not given."""
    try:
        company_id = uuid.UUID(str(company_id))
    except ValueError as error:
        raise ValidationError({"company": _("Choose a company.")}) from error
    require(actor, policy.POSTERS, company_id=company_id)
    label = (label or "").strip()
    code = slugify(code or label)[:40].strip("-")
    if not label:
        raise ValidationError({"label": _("Say where the posters with this tag are put up.")})
    if not code:
        raise ValidationError({"code": _("A tag is made of Latin letters, digits and hyphens.")})
    if PosterTag.objects.filter(code=code).exists():
        raise ValidationError({"code": _("This tag is already in use; choose another.")})
    try:
        return model_create(
            actor=actor,
            instance=PosterTag(company_id=company_id, code=code, label=label),
            event_type="speakup.poster_tag.created",
            fields=("company", "code", "label"),
        )
    except IntegrityError as error:  # the same code created at the same moment
        raise ValidationError({"code": _("This tag is already in use; choose another.")}) from error


def poster_visit_count(*, code: str, today: dt.date | None = None) -> bool:
    """Count one visit that came through the tag `code` (this month); False for an unknown tag."""
    tag_id = PosterTag.objects.filter(code=code).values_list("pk", flat=True).first()
    if tag_id is None:
        return False
    month = (today or timezone.localdate()).replace(day=1)
    with transaction.atomic():
        updated = PosterVisit.objects.filter(tag_id=tag_id, month=month).update(count=F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    PosterVisit.objects.create(tag_id=tag_id, month=month, count=1)
            except IntegrityError:  # created by a visit at the same moment
                PosterVisit.objects.filter(tag_id=tag_id, month=month).update(count=F("count") + 1)
    return True
