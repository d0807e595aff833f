"""Acknowledgement of a document version by people without an account: a personal link (shown once,
expires, works once, in the language the person chooses) or a paper sheet entered by staff; a
contractor's list of people imported at once. Audited like every write; the public confirmation
is audited as the system and names the record, not the person's browser."""

import csv
import datetime as dt
import hashlib
import io
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.awareness import policy
from senim.awareness.models import DocumentVersion, OutsiderAck, OutsiderKind, VersionStatus
from senim.awareness.services.acknowledgements import _in_force_on
from senim.core.access import SYSTEM, Actor, require
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.services import model_create

FIELDS = ("version", "company", "kind", "full_name", "role", "email", "counterparty", "source", "expires_on")
MAX_LINK_DAYS = 90
MAX_IMPORT_ROWS = 5000


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Person:
    full_name: str
    role: str = ""
    email: str = ""


def _check(version: DocumentVersion, kind: str, person: Person, counterparty_id: Any) -> None:
    errors: dict[str, str] = {}
    if version.status != VersionStatus.ADOPTED:
        errors["version"] = _("Only a version in force can be acknowledged.")
    if kind not in OutsiderKind.values:
        errors["kind"] = _("Choose who the person is.")
    if not person.full_name.strip():
        errors["full_name"] = _("Enter the person's full name.")
    if person.email:
        try:
            validate_email(person.email)
        except ValidationError:
            errors["email"] = _("Enter a valid e-mail address.")
    if kind in (OutsiderKind.CONTRACTOR, OutsiderKind.AGENT) and not counterparty_id:
        errors["counterparty"] = _("Name the counterparty the person works for.")
    if errors:
        raise ValidationError(errors)


def outsider_invite(
    *,
    actor: Actor | None,
    version: DocumentVersion,
    company_id: uuid.UUID,
    kind: str,
    person: Person,
    counterparty_id: uuid.UUID | None = None,
    days: int = 14,
) -> tuple[OutsiderAck, str]:
    """Create a personal link; return the record and the token, which is shown once and not kept."""
    require(actor, policy.MANAGE, company_id=company_id)
    _check(version, kind, person, counterparty_id)
    if not 1 <= days <= MAX_LINK_DAYS:
        raise ValidationError({"days": _("A link is valid for 1 to %(days)s days.") % {"days": MAX_LINK_DAYS}})
    token = secrets.token_urlsafe(24)
    record = model_create(
        actor=actor,
        instance=OutsiderAck(
            version=version,
            company_id=company_id,
            kind=kind,
            full_name=person.full_name.strip(),
            role=person.role.strip(),
            email=person.email.strip(),
            counterparty_id=counterparty_id,
            source=OutsiderAck.Source.LINK,
            token_hash=_hash(token),
            expires_on=timezone.localdate() + dt.timedelta(days=days),
            recorded_by_id=getattr(actor, "pk", None),
        ),
        event_type="awareness.outsider.invited",
        fields=FIELDS,
    )
    return record, token


def outsider_on_paper(
    *,
    actor: Actor | None,
    version: DocumentVersion,
    company_id: uuid.UUID,
    kind: str,
    person: Person,
    acknowledged_on: dt.date,
    counterparty_id: uuid.UUID | None = None,
) -> OutsiderAck:
    """Record a paper sheet signed by a person without an account."""
    require(actor, policy.MANAGE, company_id=company_id)
    _check(version, kind, person, counterparty_id)
    backdated = check_event_dates(
        actor=actor,
        company_id=company_id,
        dates={"acknowledged_on": acknowledged_on},
        labels={"acknowledged_on": _("Acknowledged on")},
    )
    if not _in_force_on(version, acknowledged_on):
        raise ValidationError(
            {
                "acknowledged_on": _(
                    "The version was not in force on that date; a superseded version cannot be acknowledged."
                )
            }
        )
    return model_create(
        actor=actor,
        instance=OutsiderAck(
            version=version,
            company_id=company_id,
            kind=kind,
            full_name=person.full_name.strip(),
            role=person.role.strip(),
            email=person.email.strip(),
            counterparty_id=counterparty_id,
            source=OutsiderAck.Source.PAPER,
            acknowledged_on=acknowledged_on,
            recorded_by_id=getattr(actor, "pk", None),
        ),
        event_type="awareness.outsider.recorded",
        fields=(*FIELDS, "acknowledged_on"),
        extra=backdated_changes(backdated),
    )


def outsider_revoke(*, actor: Actor | None, record: OutsiderAck) -> OutsiderAck:
    """Withdraw an unused personal link (sent to the wrong person, the person left): it stops working
    at once; an acknowledgement already given stays."""
    require(actor, policy.MANAGE, company_id=record.company_id)
    with transaction.atomic():
        record = OutsiderAck.objects.select_for_update().get(pk=record.pk)
        if record.source != OutsiderAck.Source.LINK or record.acknowledged_on or record.revoked_on:
            raise ValidationError(_("Only an unused personal link can be revoked."))
        record.token_hash = None
        record.revoked_on = timezone.localdate()
        record.save(update_fields=["token_hash", "revoked_on", "updated_at"])
        audit_record(
            actor=actor,
            event_type="awareness.outsider.revoked",
            obj=record,
            company_id=record.company_id,
            changes={"revoked_on": [None, str(record.revoked_on)]},
        )
    return record


def outsider_for_token(token: str) -> OutsiderAck | None:
    """The open invitation a link's token names, or None (unknown, used or expired)."""
    if not token or len(token) > 100:
        return None
    record = OutsiderAck.objects.select_related("version__document").filter(token_hash=_hash(token)).first()
    if record is None or record.acknowledged_on or (record.expires_on and record.expires_on < timezone.localdate()):
        return None
    return record


def outsider_acknowledge(*, token: str, language: str) -> OutsiderAck:
    """The person confirms through their link: it works once, before it expires."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose a language.")})
    with transaction.atomic():
        record = outsider_for_token(token)
        if record is None:
            raise ValidationError(_("This link is not valid: it was used already, has expired or never existed."))
        record = OutsiderAck.objects.select_for_update().get(pk=record.pk)
        if record.acknowledged_on:
            raise ValidationError(_("This link is not valid: it was used already, has expired or never existed."))
        record.acknowledged_on = timezone.localdate()
        record.language = language
        record.token_hash = None
        record.save(update_fields=["acknowledged_on", "language", "token_hash", "updated_at"])
        audit_record(
            actor=SYSTEM,
            event_type="awareness.outsider.acknowledged",
            obj=record,
            changes={"acknowledged_on": [None, str(record.acknowledged_on)], "language": ["", language]},
        )
    return record


def outsiders_import(
    *,
    actor: Actor | None,
    version: DocumentVersion,
    company_id: uuid.UUID,
    counterparty_id: uuid.UUID,
    data: bytes,
    days: int = 14,
) -> list[tuple[OutsiderAck, str]]:
    """A contractor's list of people (CSV with columns full_name, role, email; UTF-8, comma or
    semicolon): a personal link for each, all or nothing. Returns the records and their tokens."""
    require(actor, policy.MANAGE, company_id=company_id)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The file is not UTF-8 text.")) from error
    dialect = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=dialect)
    if "full_name" not in (reader.fieldnames or []):
        raise ValidationError(_("The file needs a header row with the column full_name (and optionally role, email)."))
    people = []
    errors = []
    for line, row in enumerate(reader, start=2):
        person = Person(
            (row.get("full_name") or "").strip(), (row.get("role") or "").strip(), (row.get("email") or "").strip()
        )
        try:
            _check(version, OutsiderKind.CONTRACTOR, person, counterparty_id)
        except ValidationError as error:
            errors.append(_("Line %(line)s: %(error)s") % {"line": line, "error": "; ".join(error.messages)})
        people.append(person)
        if len(people) > MAX_IMPORT_ROWS:
            raise ValidationError(_("The file lists too many people; split it into smaller files."))
    if errors:
        raise ValidationError(errors[:50])
    if not people:
        raise ValidationError(_("The file lists nobody."))
    with transaction.atomic():
        return [
            outsider_invite(
                actor=actor,
                version=version,
                company_id=company_id,
                kind=OutsiderKind.CONTRACTOR,
                person=person,
                counterparty_id=counterparty_id,
                days=days,
            )
            for person in people
        ]
