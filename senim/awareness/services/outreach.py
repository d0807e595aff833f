"""Outreach events: seminars, round tables, meetings with counterparties, publications and media
appearances aimed at staff or outside audiences, with their date, format, audience, reach and
materials. Every write is audited; an event is entered after it was held, so a past date is the
rule (the future is refused), and the figures count it by the day it was held."""

import datetime as dt
import hashlib
import secrets
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from senim.awareness import policy
from senim.awareness.models import OutreachAudience, OutreachEvent, OutreachMaterial
from senim.core.access import Actor, require
from senim.core.audit import audit_record
from senim.core.eventdates import check_event_dates
from senim.core.services import model_create, model_stored, model_update
from senim.core.uploads import check_upload_size

FIELDS = (
    "company",
    "title",
    "kind",
    "format",
    "audience",
    "held_on",
    "reach",
    "counterparty",
    "place",
    "link",
    "description",
)
EDITABLE = tuple(f for f in FIELDS if f != "company")
MATERIAL_SUFFIXES = (".pdf", ".docx", ".doc", ".pptx", ".ppt", ".odt", ".odp", ".xlsx", ".txt", ".png", ".jpg", ".jpeg")
MAX_REACH = 100_000_000


def material_path(stored: str) -> Path:
    """Where an event's material is kept (outside the static and media roots)."""
    return Path(settings.DATA_DIR) / "awareness" / "outreach" / stored


def _check(actor: Actor | None, event: OutreachEvent) -> None:
    errors: dict[str, str] = {}
    if not (event.title or "").strip():
        errors["title"] = _("Enter the event's title.")
    if event.reach is not None and not 0 <= event.reach <= MAX_REACH:
        errors["reach"] = _("Enter how many people the event reached.")
    if event.audience == OutreachAudience.COUNTERPARTIES and not event.counterparty_id and not event.place:
        errors["counterparty"] = _("Name the counterparty met, or the place where counterparties were met.")
    if errors:
        raise ValidationError(errors)
    check_event_dates(
        actor=actor,
        company_id=event.company_id,
        dates={"held_on": event.held_on},
        labels={"held_on": _("Held on")},
        past_allowed=True,
    )


def outreach_create(
    *,
    actor: Actor | None,
    company_id: uuid.UUID,
    title: str,
    kind: str,
    audience: str,
    held_on: dt.date,
    reach: int,
    format: str = "in_person",
    counterparty_id: uuid.UUID | None = None,
    place: str = "",
    link: str = "",
    description: str = "",
) -> OutreachEvent:
    """Record an outreach event held by a company."""
    require(actor, policy.MANAGE, company_id=company_id)
    event = OutreachEvent(
        company_id=company_id,
        title=(title or "").strip(),
        kind=kind,
        format=format,
        audience=audience,
        held_on=held_on,
        reach=reach,
        counterparty_id=counterparty_id,
        place=(place or "").strip(),
        link=(link or "").strip(),
        description=(description or "").strip(),
        recorded_by_id=getattr(actor, "pk", None),
    )
    _check(actor, event)
    return model_create(actor=actor, instance=event, event_type="awareness.outreach.created", fields=FIELDS)


def outreach_update(*, actor: Actor | None, event: OutreachEvent, data: dict[str, Any]) -> OutreachEvent:
    """Change an event's details (its company stays); the counterparty is given as `counterparty_id`."""
    require(actor, policy.MANAGE, company_id=model_stored(event).company_id)
    if "counterparty_id" in data:
        event.counterparty_id = data["counterparty_id"]
    for name in EDITABLE:
        if name in data and name != "counterparty":
            value = data[name]
            setattr(event, name, value.strip() if isinstance(value, str) else value)
    _check(actor, event)
    return model_update(
        actor=actor,
        instance=event,
        data={name: getattr(event, name) for name in EDITABLE},
        fields=EDITABLE,
        event_type="awareness.outreach.updated",
    )


def outreach_delete(*, actor: Actor | None, event: OutreachEvent) -> None:
    """Delete an event entered by mistake, with its materials; the audit trail keeps what it said."""
    require(actor, policy.MANAGE, company_id=event.company_id)
    with transaction.atomic():
        stored = list(event.materials.values_list("stored", flat=True))
        audit_record(
            actor=actor,
            event_type="awareness.outreach.deleted",
            obj=event,
            company_id=event.company_id,
            changes={
                "title": [event.title, None],
                "held_on": [str(event.held_on), None],
                "reach": [event.reach, None],
            },
        )
        event.delete()
        transaction.on_commit(lambda: _remove_files(stored))


def _remove_files(stored: list[str]) -> None:
    for name in stored:
        material_path(name).unlink(missing_ok=True)


def outreach_material_attach(*, actor: Actor | None, event: OutreachEvent, upload: Any) -> OutreachMaterial:
    """Keep a material of the event (slides, leaflet, the article as published)."""
    require(actor, policy.MANAGE, company_id=event.company_id)
    check_upload_size(upload, field="file")
    name = str(getattr(upload, "name", "") or "").replace("\x00", "").strip()[-200:]
    if not name.lower().endswith(MATERIAL_SUFFIXES) or not getattr(upload, "size", 0):
        raise ValidationError(
            {"file": _("Attach a PDF, Word, PowerPoint, OpenDocument, Excel, text or image file (PNG, JPEG).")}
        )
    directory = material_path("")
    directory.mkdir(parents=True, exist_ok=True)
    stored = secrets.token_urlsafe(18)
    digest = hashlib.sha256()
    with (directory / stored).open("wb") as target:
        for chunk in upload.chunks():
            digest.update(chunk)
            target.write(chunk)
    with transaction.atomic():
        material = OutreachMaterial.objects.create(
            event=event, name=name, stored=stored, sha256=digest.hexdigest(), size=upload.size
        )
        audit_record(
            actor=actor,
            event_type="awareness.outreach.material_attached",
            obj=event,
            company_id=event.company_id,
            changes={"file": [None, name], "sha256": [None, material.sha256]},
        )
    return material
