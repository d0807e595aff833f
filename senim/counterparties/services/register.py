"""Writes to the register of counterparties and the contracts register. Each checks the actor,
validates, saves and audits in one transaction."""

import datetime as dt
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from senim.core import files
from senim.core.access import SYSTEM, Actor, PermissionDenied, require
from senim.core.audit import audit_record, diff, snapshot
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.identifiers import normalise_identifier
from senim.core.services import model_create, model_stored, model_update
from senim.core.uploads import check_upload_size
from senim.counterparties import policy
from senim.counterparties.models import (
    Application,
    Contact,
    Contract,
    Counterparty,
    Document,
    Party,
    RegisterEntry,
    VerificationCase,
)
from senim.counterparties.names import tidy_name
from senim.org.models import Company
from senim.screening import selectors as screening_selectors
from senim.screening import services as screening

logger = logging.getLogger(__name__)

COUNTERPARTY_FIELDS = [
    "kind",
    "name_ru",
    "name_kk",
    "name_en",
    "name_uz",
    "legal_form",
    "country",
    "category",
    "identifier_kind",
    "identifier",
    "registration_date",
    "address",
    "website",
    "criticality",
    "notes",
    "is_active",
]
PARTY_FIELDS = [
    "role",
    "is_person",
    "name",
    "name_latin",
    "identifier_kind",
    "identifier",
    "share",
    "position",
    "country",
    "birth_date",
    "is_official",
]
CONTACT_FIELDS = ["name", "position", "email", "phone"]

# Other records that point at a counterparty and move to the survivor when duplicates are merged:
# (model label, foreign key name). Later parts of the module add theirs here.
MERGE_MOVES: list[tuple[type[models.Model], str]] = [
    (Party, "counterparty"),
    (Contact, "counterparty"),
    (Contract, "counterparty"),
    (Application, "counterparty"),
    (RegisterEntry, "counterparty"),
    (VerificationCase, "counterparty"),
    (Document, "counterparty"),
]


class DuplicateCounterparty(ValidationError):
    """The number is already registered: `existing` is the counterparty that carries it."""

    def __init__(self, existing: Counterparty) -> None:
        super().__init__(
            {"identifier": _("This number is already registered: %(name)s.") % {"name": str(existing)}},
        )
        self.existing = existing


def _require_group(actor: Actor | None, permission: str) -> None:
    if not require(actor, permission).everything:
        raise PermissionDenied(permission)


def _normalise(data: dict[str, Any]) -> dict[str, Any]:
    if "identifier" in data:
        data["identifier"] = normalise_identifier(str(data["identifier"] or ""))
    if "country" in data:
        data["country"] = str(data["country"] or "").strip().upper()
    for name in ("name_ru", "name_kk", "name_en", "name_uz", "legal_form"):
        if name in data and isinstance(data[name], str):
            data[name] = " ".join(data[name].split())
            if name != "legal_form":
                data[name] = tidy_name(data[name])
    return data


def _refuse_duplicate(counterparty: Counterparty) -> None:
    if not counterparty.identifier:
        return
    existing = (
        Counterparty.objects.filter(
            country=counterparty.country.upper(), identifier=counterparty.identifier, merged_into__isnull=True
        )
        .exclude(id=counterparty.id)
        .first()
    )
    if existing is not None:
        raise DuplicateCounterparty(existing)


def counterparty_create(*, actor: Actor | None, **data: Any) -> Counterparty:
    """Add a counterparty; a number already registered is refused with the existing counterparty."""
    require(actor, policy.MANAGE)
    counterparty = Counterparty(**{k: v for k, v in _normalise(dict(data)).items() if k in COUNTERPARTY_FIELDS})
    counterparty.country = counterparty.country.upper()
    _refuse_duplicate(counterparty)
    counterparty.refresh_search_text()
    with transaction.atomic():
        counterparty = model_create(
            actor=actor,
            instance=counterparty,
            event_type="counterparties.counterparty.created",
            fields=COUNTERPARTY_FIELDS,
        )
        counterparties_screen_after_commit([counterparty.pk])
    return counterparty


def counterparty_update(*, actor: Actor | None, counterparty: Counterparty, **data: Any) -> Counterparty:
    require(actor, policy.MANAGE)
    if counterparty.merged_into_id:
        raise ValidationError(_("This counterparty was merged into another; edit that one."))
    data = _normalise(dict(data))
    stamp = counterparty.updated_at
    screened_before = [getattr(counterparty, f) for f in SCREENED_FIELDS]
    with transaction.atomic():
        probe = Counterparty(
            id=counterparty.id,
            country=data.get("country", counterparty.country),
            identifier=data.get("identifier", counterparty.identifier),
        )
        _refuse_duplicate(probe)
        counterparty = model_update(
            actor=actor,
            instance=counterparty,
            data=data,
            fields=COUNTERPARTY_FIELDS,
            event_type="counterparties.counterparty.updated",
        )
        before = counterparty.search_text
        counterparty.refresh_search_text()
        if counterparty.search_text != before:
            counterparty.save(update_fields=["search_text"])
        if counterparty.updated_at != stamp:
            cases_mark_for_reverification(
                actor=actor, counterparty=counterparty, reason=str(_("The counterparty changed."))
            )
        if [getattr(counterparty, f) for f in SCREENED_FIELDS] != screened_before:
            counterparties_screen_after_commit([counterparty.pk])
    return counterparty


def party_add(*, actor: Actor | None, counterparty: Counterparty, **data: Any) -> Party:
    """Add a beneficial owner or manager."""
    require(actor, policy.MANAGE)
    data = _normalise(dict(data))
    party = Party(counterparty=counterparty, **{k: v for k, v in data.items() if k in PARTY_FIELDS})
    with transaction.atomic():
        party = model_create(
            actor=actor, instance=party, event_type="counterparties.party.created", fields=PARTY_FIELDS
        )
        _check_total_share(counterparty)
        cases_mark_for_reverification(
            actor=actor, counterparty=counterparty, reason=str(_("Owners or managers changed."))
        )
        counterparties_screen_after_commit([counterparty.pk])
    return party


def party_update(*, actor: Actor | None, party: Party, **data: Any) -> Party:
    require(actor, policy.MANAGE)
    with transaction.atomic():
        party = model_update(
            actor=actor,
            instance=party,
            data=_normalise(dict(data)),
            fields=PARTY_FIELDS,
            event_type="counterparties.party.updated",
        )
        _check_total_share(party.counterparty)
        cases_mark_for_reverification(
            actor=actor, counterparty=party.counterparty, reason=str(_("Owners or managers changed."))
        )
        counterparties_screen_after_commit([party.counterparty_id])
    return party


def party_remove(*, actor: Actor | None, party: Party) -> None:
    require(actor, policy.MANAGE)
    with transaction.atomic():
        audit_record(
            actor=actor,
            event_type="counterparties.party.removed",
            obj=party,
            changes=diff(snapshot(party, PARTY_FIELDS), {}),
        )
        counterparty = party.counterparty
        party.delete()
        cases_mark_for_reverification(
            actor=actor, counterparty=counterparty, reason=str(_("Owners or managers changed."))
        )
        counterparties_screen_after_commit([counterparty.pk])


def _check_total_share(counterparty: Counterparty) -> None:
    total = sum(
        (p.share for p in Party.objects.filter(counterparty=counterparty, role=Party.Role.OWNER) if p.share), start=0
    )
    if total > 100:
        raise ValidationError({"share": _("The owners' shares add up to more than 100 %.")})


def contact_add(*, actor: Actor | None, counterparty: Counterparty, **data: Any) -> Contact:
    require(actor, policy.MANAGE)
    contact = Contact(counterparty=counterparty, **{k: v for k, v in data.items() if k in CONTACT_FIELDS})
    return model_create(
        actor=actor, instance=contact, event_type="counterparties.contact.created", fields=CONTACT_FIELDS
    )


def contact_update(*, actor: Actor | None, contact: Contact, **data: Any) -> Contact:
    """Change a contact's name, position, e-mail or phone; audited old → new."""
    require(actor, policy.MANAGE)
    data = {k: v for k, v in data.items() if k in CONTACT_FIELDS}
    if "name" in data and not str(data["name"] or "").strip():
        raise ValidationError({"name": _("Enter the contact's name.")})
    for key, value in data.items():
        if "\x00" in str(value or ""):
            raise ValidationError({key: _("Remove the control characters.")})
    return model_update(
        actor=actor, instance=contact, data=data, fields=CONTACT_FIELDS, event_type="counterparties.contact.updated"
    )


def contact_remove(*, actor: Actor | None, contact: Contact) -> None:
    require(actor, policy.MANAGE)
    with transaction.atomic():
        audit_record(
            actor=actor,
            event_type="counterparties.contact.removed",
            obj=contact,
            changes=diff(snapshot(contact, CONTACT_FIELDS), {}),
        )
        contact.delete()


def counterparty_merge(*, actor: Actor | None, survivor: Counterparty, duplicate: Counterparty) -> Counterparty:
    """Merge `duplicate` into `survivor` (group-wide managers only): its owners, managers, contacts
    and every other record pointing at it move to the survivor, empty fields of the survivor are
    filled from it, and it stays as a merged record pointing at the survivor."""
    _require_group(actor, policy.MANAGE)
    if survivor.pk == duplicate.pk:
        raise ValidationError(_("A counterparty cannot be merged into itself."))
    if survivor.merged_into_id or duplicate.merged_into_id:
        raise ValidationError(_("One of these counterparties was already merged."))
    if (
        survivor.identifier
        and duplicate.identifier
        and survivor.identifier_kind == duplicate.identifier_kind
        and survivor.identifier != duplicate.identifier
    ):
        raise ValidationError(
            _("These counterparties have different numbers of the same type: they are different entities.")
        )
    with transaction.atomic():
        moved: dict[str, int] = {}
        for model, fk in MERGE_MOVES:
            count = model._default_manager.filter(**{fk: duplicate}).update(**{fk: survivor})
            if count:
                moved[model._meta.label_lower] = count
        filled = {
            name: getattr(duplicate, name)
            for name in COUNTERPARTY_FIELDS
            if name not in {"identifier", "identifier_kind", "is_active", "kind", "country", "category"}
            and not getattr(survivor, name)
            and getattr(duplicate, name)
        }
        if not survivor.identifier and duplicate.identifier:
            filled.update(identifier=duplicate.identifier, identifier_kind=duplicate.identifier_kind)
        before = snapshot(duplicate, ["merged_into", "is_active"])
        duplicate.merged_into = survivor
        duplicate.is_active = False
        duplicate.save(update_fields=["merged_into", "is_active", "updated_at"])
        audit_record(
            actor=actor,
            event_type="counterparties.counterparty.merged",
            obj=duplicate,
            changes={**diff(before, snapshot(duplicate, ["merged_into", "is_active"])), "moved": moved},
        )
        if filled:
            survivor = model_update(
                actor=actor,
                instance=survivor,
                data=filled,
                fields=COUNTERPARTY_FIELDS,
                event_type="counterparties.counterparty.updated",
            )
            survivor.refresh_search_text()
            survivor.save(update_fields=["search_text"])
        audit_record(
            actor=actor,
            event_type="counterparties.counterparty.merge_received",
            obj=survivor,
            changes={"merged": [None, str(duplicate.pk)], "moved": moved},
        )
        cases_mark_for_reverification(actor=actor, counterparty=survivor, reason=str(_("A duplicate was merged in.")))
        counterparties_screen_after_commit([survivor.pk])
    return survivor


def cases_mark_for_reverification(*, actor: Actor | None, counterparty: Counterparty, reason: str) -> int:
    """Mark the counterparty's approved, still valid verifications for re-verification; return how many."""
    cases = list(
        VerificationCase.objects.filter(
            counterparty=counterparty, status=VerificationCase.Status.APPROVED, needs_reverification=False
        )
    )
    for case in cases:
        case.needs_reverification = True
        case.reverification_reason = reason[:300]
        case.save(update_fields=["needs_reverification", "reverification_reason", "updated_at"])
        audit_record(
            actor=actor,
            event_type="counterparties.verification.reverification_needed",
            obj=case,
            changes={"needs_reverification": [False, True], "reverification_reason": ["", case.reverification_reason]},
        )
    return len(cases)


# --- screening ------------------------------------------------------------------------------------


def counterparty_subject_key(counterparty: Counterparty) -> str:
    return f"counterparties.counterparty:{counterparty.pk}"


def party_subject_key(party: Party) -> str:
    return f"counterparties.party:{party.pk}"


def counterparty_screen(*, actor: Actor | None, counterparty: Counterparty) -> list[screening.ScreeningOutcome]:
    """Screen the counterparty and each owner and manager against every enabled list.

    The register is group-wide, so the subjects belong to no company and screening them needs the
    screening permission over the whole group (or the system as actor)."""
    require(actor, policy.VIEW)
    outcomes = []
    names = [n for n in (counterparty.name_ru, counterparty.name_kk, counterparty.name_en, counterparty.name_uz) if n]
    outcomes.append(
        screening.screen(
            actor=actor,
            subject_key=counterparty_subject_key(counterparty),
            schema="Organization" if counterparty.kind == "legal_entity" else "Person",
            names=names,
            identifiers=[counterparty.identifier] if counterparty.identifier else [],
            countries=[counterparty.country.lower()] if counterparty.country else [],
            label=str(counterparty),
        )
    )
    for party in counterparty.parties.all():
        outcomes.append(
            screening.screen(
                actor=actor,
                subject_key=party_subject_key(party),
                schema="Person" if party.is_person else "Organization",
                names=[n for n in (party.name, party.name_latin) if n],
                identifiers=[party.identifier] if party.identifier else [],
                birth_dates=[party.birth_date.isoformat()] if party.birth_date else [],
                countries=[party.country.lower()] if party.country else [],
                label=f"{party.name} ({counterparty})",
            )
        )
    if any(outcome.raised for outcome in outcomes):
        cases_mark_for_reverification(
            actor=actor, counterparty=counterparty, reason=str(_("Screening raised new hits."))
        )
    return outcomes


# The fields whose change means the counterparty is screened again (names, number, kind, country).
SCREENED_FIELDS = ["kind", "name_ru", "name_kk", "name_en", "name_uz", "country", "identifier_kind", "identifier"]
# Up to this many counterparties are screened right after the commit; more go to the worker.
SCREEN_INLINE_MAX = 20


def counterparties_screen_after_commit(counterparty_ids: Iterable[Any]) -> None:
    """Screen these counterparties (and their owners and managers) automatically, as Senim, once the
    current transaction commits: a few at once, many (an import) in a background task."""
    ids = sorted({str(pk) for pk in counterparty_ids})
    if not ids:
        return
    if len(ids) <= SCREEN_INLINE_MAX:
        transaction.on_commit(lambda: counterparties_screen_automatically(counterparty_ids=ids))
    else:
        from senim.counterparties import jobs

        transaction.on_commit(lambda: jobs.screen_counterparties.enqueue(ids))


def counterparties_screen_automatically(*, counterparty_ids: Iterable[Any]) -> int:
    """Screen each live counterparty of the list as the system; return how many were screened. One
    that cannot be screened (a one-letter name) is logged and skipped, so the others still are."""
    screened = 0
    live = Counterparty.objects.filter(pk__in=list(counterparty_ids), merged_into__isnull=True)
    for counterparty in live.prefetch_related("parties").order_by("pk"):
        try:
            counterparty_screen(actor=SYSTEM, counterparty=counterparty)
        except ValidationError as error:
            logger.warning("Counterparty %s was not screened: %s", counterparty.pk, "; ".join(error.messages))
            continue
        screened += 1
    return screened


def counterparty_last_screened(counterparty: Counterparty) -> dt.datetime | None:
    """When the counterparty was last screened (None: never)."""
    return counterparties_last_screened([counterparty]).get(counterparty.pk)


def counterparties_last_screened(counterparties: Iterable[Counterparty]) -> dict[Any, dt.datetime | None]:
    """When each counterparty was last screened, by id (None: never), in one query."""
    keys = {counterparty_subject_key(cp): cp.pk for cp in counterparties}
    found = screening_selectors.subjects_last_screened(subject_keys=list(keys))
    return {pk: found.get(key) for key, pk in keys.items()}


# --- contracts ------------------------------------------------------------------------------------

CONTRACT_FIELDS = [
    "company",
    "unit",
    "number",
    "date",
    "counterparty",
    "procurement_method",
    "amount",
    "currency",
    "subject",
    "term_end",
    "has_clause",
    "verification_case",
    "approved_by",
]


def _live(counterparty: Counterparty) -> Counterparty:
    if counterparty.merged_into_id:
        raise ValidationError({"counterparty": _("This counterparty was merged into another; choose that one.")})
    return counterparty


def _screen_before_contract(counterparty: Counterparty) -> None:
    """Screen the counterparty as the system before a contract with it is registered, so the
    contract is never made against an outdated "no hits"."""
    try:
        counterparty_screen(actor=SYSTEM, counterparty=counterparty)
    except ValidationError as error:
        logger.warning("Counterparty %s was not screened: %s", counterparty.pk, "; ".join(error.messages))


def contract_create(*, actor: Actor | None, **data: Any) -> Contract:
    """Register a contract of a company the actor may manage contracts for."""
    company, unit = data.get("company"), data.get("unit")
    require(
        actor, policy.MANAGE_CONTRACTS, company_id=company.id if company else None, unit_id=unit.id if unit else None
    )
    if data.get("counterparty") is not None:
        _live(data["counterparty"])
        _screen_before_contract(data["counterparty"])
    contract = Contract(**{k: v for k, v in data.items() if k in CONTRACT_FIELDS})
    backdated = _check_contract_date(actor, company, contract.date)
    if Contract.objects.filter(company=company, number=contract.number).exists():
        raise ValidationError({"number": _("This company already has a contract with this number.")})
    return model_create(
        actor=actor,
        instance=contract,
        event_type="counterparties.contract.created",
        fields=CONTRACT_FIELDS,
        extra=backdated_changes(backdated),
    )


def _check_contract_date(actor: Actor | None, company: Company | None, date: dt.date | None) -> bool:
    """A contract's date is when it was signed: never in the future nor before the company existed;
    a past date (a contract registered after signing) for those who may back-date."""
    if company is None:
        return False
    return check_event_dates(
        actor=actor,
        company_id=company.id,
        founded_on=company.founded_on,
        dates={"date": date},
        labels={"date": _("Contract date")},
    )


def contract_update(*, actor: Actor | None, contract: Contract, **data: Any) -> Contract:
    stored = model_stored(contract)
    require(actor, policy.MANAGE_CONTRACTS, company_id=stored.company_id, unit_id=stored.unit_id)
    data.pop("company", None)
    unit = data.get("unit")
    if unit is not None:
        require(actor, policy.MANAGE_CONTRACTS, company_id=contract.company_id, unit_id=unit.id)
    if data.get("counterparty") is not None:
        _live(data["counterparty"])
    if data.get("has_clause") and not contract.has_clause:
        refusing = contract.applications.filter(refusal__in=["clause", "both"]).values_list("number", flat=True)
        if refusing:
            raise ValidationError(
                {
                    "has_clause": _(
                        "Application %(number)s says the counterparty refuses the clause for this contract."
                    )
                    % {"number": ", ".join(refusing)}
                }
            )
    number = data.get("number", contract.number)
    if Contract.objects.filter(company_id=contract.company_id, number=number).exclude(id=contract.id).exists():
        raise ValidationError({"number": _("This company already has a contract with this number.")})
    backdated = False
    if "date" in data and data["date"] != stored.date:
        backdated = _check_contract_date(actor, stored.company, data["date"])
    return model_update(
        actor=actor,
        instance=contract,
        data=data,
        fields=CONTRACT_FIELDS,
        event_type="counterparties.contract.updated",
        extra=backdated_changes(backdated),
    )


# --- documents ------------------------------------------------------------------------------------

DOCUMENT_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".doc", ".xls", ".zip")


# Counterparties' documents, sealed in the storage every host shares.
DOCUMENT_AREA = "counterparties/documents"


def document_add(
    *,
    actor: Actor | None,
    counterparty: Counterparty,
    title: str,
    upload: UploadedFile,
    kind: str = Document.Kind.OTHER,
    valid_until: dt.date | None = None,
) -> Document:
    """Attach a document to the counterparty's file."""
    require(actor, policy.MANAGE)
    _live(counterparty)
    name = (upload.name or "file")[-200:]
    if not name.lower().endswith(DOCUMENT_SUFFIXES):
        raise ValidationError({"upload": _("Attach a PDF, image, Word, Excel or ZIP file.")})
    check_upload_size(upload, field="upload")
    stored = files.file_save(DOCUMENT_AREA, upload, suffix=Path(name).suffix.lower(), sealed=True)
    document = Document(
        counterparty=counterparty,
        kind=kind,
        title=title.strip(),
        valid_until=valid_until,
        file_name=name,
        stored_file=stored,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,  # type: ignore[misc]
    )
    try:
        with transaction.atomic():
            document = model_create(
                actor=actor,
                instance=document,
                event_type="counterparties.document.added",
                fields=["kind", "title", "valid_until", "file_name"],
            )
    except BaseException:
        files.file_delete(stored)
        raise
    return document


def document_remove(*, actor: Actor | None, document: Document) -> None:
    require(actor, policy.MANAGE)
    with transaction.atomic():
        audit_record(
            actor=actor,
            event_type="counterparties.document.removed",
            obj=document,
            changes=diff(snapshot(document, ["kind", "title", "file_name"]), {}),
        )
        stored = document.stored_file
        document.delete()
        transaction.on_commit(lambda: files.file_delete(stored))
