"""Writes to the register of counterparties. Each checks the actor, validates, saves and audits."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.core.access import Actor, PermissionDenied, require
from senim.core.audit import audit_record, diff, snapshot
from senim.core.identifiers import normalise_identifier
from senim.core.services import model_create, model_update
from senim.counterparties import policy
from senim.counterparties.models import (
    Application,
    Contact,
    Contract,
    Counterparty,
    Decision,
    Party,
    RegisterEntry,
    RegulationClause,
)
from senim.org.models import Company, Unit
from senim.screening import services as screening

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
    return model_create(
        actor=actor, instance=counterparty, event_type="counterparties.counterparty.created", fields=COUNTERPARTY_FIELDS
    )


def counterparty_update(*, actor: Actor | None, counterparty: Counterparty, **data: Any) -> Counterparty:
    require(actor, policy.MANAGE)
    if counterparty.merged_into_id:
        raise ValidationError(_("This counterparty was merged into another; edit that one."))
    data = _normalise(dict(data))
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
        party.delete()


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
    return survivor


# --- screening ------------------------------------------------------------------------------------


def counterparty_subject_key(counterparty: Counterparty) -> str:
    return f"counterparties.counterparty:{counterparty.pk}"


def party_subject_key(party: Party) -> str:
    return f"counterparties.party:{party.pk}"


def counterparty_screen(*, actor: Actor | None, counterparty: Counterparty) -> list[screening.ScreeningOutcome]:
    """Screen the counterparty and each owner and manager against every enabled list.

    The register is group-wide, so the subjects belong to no company and screening them needs the
    screening permission over the whole group (or the system as actor)."""
    require_view = actor is not None
    if require_view:
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
    return outcomes


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
]


def _live(counterparty: Counterparty) -> Counterparty:
    if counterparty.merged_into_id:
        raise ValidationError({"counterparty": _("This counterparty was merged into another; choose that one.")})
    return counterparty


def contract_create(*, actor: Actor | None, **data: Any) -> Contract:
    """Register a contract of a company the actor may manage contracts for."""
    company, unit = data.get("company"), data.get("unit")
    require(
        actor, policy.MANAGE_CONTRACTS, company_id=company.id if company else None, unit_id=unit.id if unit else None
    )
    if data.get("counterparty") is not None:
        _live(data["counterparty"])
    contract = Contract(**{k: v for k, v in data.items() if k in CONTRACT_FIELDS})
    if Contract.objects.filter(company=company, number=contract.number).exists():
        raise ValidationError({"number": _("This company already has a contract with this number.")})
    return model_create(
        actor=actor, instance=contract, event_type="counterparties.contract.created", fields=CONTRACT_FIELDS
    )


def contract_update(*, actor: Actor | None, contract: Contract, **data: Any) -> Contract:
    require(actor, policy.MANAGE_CONTRACTS, company_id=contract.company_id, unit_id=contract.unit_id)
    data.pop("company", None)
    unit = data.get("unit")
    if unit is not None:
        require(actor, policy.MANAGE_CONTRACTS, company_id=contract.company_id, unit_id=unit.id)
    if data.get("counterparty") is not None:
        _live(data["counterparty"])
    number = data.get("number", contract.number)
    if Contract.objects.filter(company_id=contract.company_id, number=number).exclude(id=contract.id).exists():
        raise ValidationError({"number": _("This company already has a contract with this number.")})
    return model_update(
        actor=actor, instance=contract, data=data, fields=CONTRACT_FIELDS, event_type="counterparties.contract.updated"
    )


# --- regulation clauses ---------------------------------------------------------------------------

CLAUSE_FIELDS = ["code", "text_ru", "text_kk", "text_en", "text_uz", "is_active"]


def clause_create(*, actor: Actor | None, **data: Any) -> RegulationClause:
    """Add a clause of the internal regulation that decisions may cite (group-wide only)."""
    _require_group(actor, policy.MANAGE_CLAUSES)
    clause = RegulationClause(**{k: v for k, v in data.items() if k in CLAUSE_FIELDS})
    return model_create(actor=actor, instance=clause, event_type="counterparties.clause.created", fields=CLAUSE_FIELDS)


def clause_update(*, actor: Actor | None, clause: RegulationClause, **data: Any) -> RegulationClause:
    _require_group(actor, policy.MANAGE_CLAUSES)
    return model_update(
        actor=actor, instance=clause, data=data, fields=CLAUSE_FIELDS, event_type="counterparties.clause.updated"
    )


# --- applications for counterparties that refuse -------------------------------------------------

APPLICATION_FIELDS = [
    "number",
    "company",
    "unit",
    "counterparty",
    "refusal",
    "contract_count",
    "contracts_description",
    "justification",
    "filed_on",
    "register_entry",
    "status",
    "decision",
    "clause",
    "grounds",
    "reference",
    "register_until",
    "return_comment",
]


def _next_application_number(year: int) -> str:
    prefix = f"{year}-"
    last = (
        Application.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    serial = int(last.split("-")[1]) + 1 if last else 1
    return f"{prefix}{serial:04d}"


def register_entry_active(counterparty: Counterparty, on: dt.date | None = None) -> RegisterEntry | None:
    """The counterparty's Register entry in force on `on` (today by default), if any."""
    day = on or timezone.localdate()
    for entry in RegisterEntry.objects.filter(counterparty=counterparty, revoked_on__isnull=True).order_by(
        "-start_date"
    ):
        if entry.is_active_on(day):
            return entry
    return None


def application_file(
    *,
    actor: Actor | None,
    company: Company,
    counterparty: Counterparty,
    refusal: str,
    justification: str,
    unit: Unit | None = None,
    contracts: Iterable[Contract] = (),
    contract_count: int | None = None,
    contracts_description: str = "",
    filed_on: dt.date | None = None,
) -> Application:
    """File an application for approval for a company (and initiating unit) the actor may file for.
    A counterparty already on the Register flags the application with its entry."""
    require(actor, policy.FILE_APPLICATION, company_id=company.id, unit_id=unit.id if unit else None)
    _live(counterparty)
    contracts = list(contracts)
    errors: dict[str, Any] = {}
    if unit is not None and unit.company_id != company.id:
        errors["unit"] = _("The unit belongs to another company.")
    for contract in contracts:
        if contract.company_id != company.id or contract.counterparty_id != counterparty.id:
            errors["contracts"] = _("Every contract must be of this company and this counterparty.")
    count = contract_count if contract_count is not None else max(1, len(contracts))
    if count < max(1, len(contracts)):
        errors["contract_count"] = _("The application covers at least the registered contracts chosen.")
    if not justification.strip():
        errors["justification"] = _("Explain why the contracts are needed despite the refusal.")
    if errors:
        raise ValidationError(errors)
    filed_on = filed_on or timezone.localdate()
    with transaction.atomic():
        application = Application(
            number=_next_application_number(filed_on.year),
            company=company,
            unit=unit,
            counterparty=counterparty,
            refusal=refusal,
            contract_count=count,
            contracts_description=contracts_description,
            justification=justification.strip(),
            filed_on=filed_on,
            filed_by=actor if getattr(actor, "is_authenticated", False) else None,  # type: ignore[misc]
            register_entry=register_entry_active(counterparty, filed_on),
        )
        application = model_create(
            actor=actor, instance=application, event_type="counterparties.application.filed", fields=APPLICATION_FIELDS
        )
        if contracts:
            application.contracts.set(contracts)
    return application


def _check_decision(
    application: Application,
    decision: str,
    clause: RegulationClause | None,
    grounds: str,
    reference: Application | None,
    register_until: dt.date | None,
) -> None:
    errors: dict[str, Any] = {}
    if decision not in Decision.values:
        errors["decision"] = _("Choose a decision.")
    if clause is None or not clause.is_active:
        errors["clause"] = _("Cite a clause of the regulation in force.")
    if decision in {Decision.REGISTER, Decision.REFUSE, Decision.NO_CONSIDERATION} and not grounds.strip():
        errors["grounds"] = _("Give the grounds of this decision.")
    if decision == Decision.REFERENCE:
        if reference is None:
            errors["reference"] = _("Choose the earlier approval this answer refers to.")
        elif (
            reference.pk == application.pk
            or reference.counterparty_id != application.counterparty_id
            or reference.status != Application.Status.DECIDED
            or reference.decision not in {Decision.REGISTER, Decision.ONE_OFF}
        ):
            errors["reference"] = _("Refer to an approved application for the same counterparty.")
    elif reference is not None:
        errors["reference"] = _("Only an answer by reference refers to an earlier approval.")
    if register_until is not None:
        if decision != Decision.REGISTER:
            errors["register_until"] = _("Only an entry in the Register has an end date.")
        elif register_until < application.filed_on:
            errors["register_until"] = _("The end date is before the application was filed.")
    if errors:
        raise ValidationError(errors)


def application_propose(
    *,
    actor: Actor | None,
    application: Application,
    decision: str,
    clause: RegulationClause | None,
    grounds: str = "",
    reference: Application | None = None,
    register_until: dt.date | None = None,
) -> Application:
    """Propose a decision on a filed application; it takes effect once an approver approves it."""
    require(actor, policy.DECIDE, company_id=application.company_id, unit_id=application.unit_id)
    if application.status != Application.Status.FILED:
        raise ValidationError(_("A decision is proposed only on a filed application."))
    _check_decision(application, decision, clause, grounds, reference, register_until)
    with transaction.atomic():
        application = model_update(
            actor=actor,
            instance=application,
            data={
                "decision": decision,
                "clause": clause,
                "grounds": grounds.strip(),
                "reference": reference,
                "register_until": register_until,
                "status": Application.Status.PROPOSED,
                "return_comment": "",
            },
            fields=APPLICATION_FIELDS,
            event_type="counterparties.application.proposed",
        )
        application.proposed_by = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[assignment]
        application.proposed_at = timezone.now()
        application.save(update_fields=["proposed_by", "proposed_at", "updated_at"])
    return application


def _require_approver(actor: Actor | None, application: Application) -> None:
    scope = require(actor, policy.APPROVE, company_id=application.company_id, unit_id=application.unit_id)
    if application.decision == Decision.REGISTER and not scope.everything:
        # The Register is a group-wide standing approval.
        raise PermissionDenied(policy.APPROVE)
    if actor is not None and application.proposed_by_id is not None and application.proposed_by_id == actor.pk:
        raise ValidationError(_("The person who proposed a decision cannot approve it."))


def application_approve(*, actor: Actor | None, application: Application) -> Application:
    """Approve the proposed decision; entering in the Register creates the entry."""
    if application.status != Application.Status.PROPOSED:
        raise ValidationError(_("Only a proposed decision can be approved."))
    _require_approver(actor, application)
    with transaction.atomic():
        application = model_update(
            actor=actor,
            instance=application,
            data={"status": Application.Status.DECIDED},
            fields=APPLICATION_FIELDS,
            event_type="counterparties.application.approved",
        )
        application.approved_by = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[assignment]
        application.approved_at = timezone.now()
        application.save(update_fields=["approved_by", "approved_at", "updated_at"])
        if application.decision == Decision.REGISTER:
            assert application.clause is not None  # checked when proposed
            entry = RegisterEntry(
                counterparty=application.counterparty,
                application=application,
                refusal=application.refusal,
                grounds=application.grounds,
                clause=application.clause,
                start_date=timezone.localdate(),
                end_date=application.register_until,
            )
            model_create(
                actor=actor,
                instance=entry,
                event_type="counterparties.register.entered",
                fields=["counterparty", "application", "refusal", "grounds", "clause", "start_date", "end_date"],
            )
    return application


def application_return(*, actor: Actor | None, application: Application, comment: str) -> Application:
    """Send a proposed decision back to the officers with a comment; the application is filed again."""
    if application.status != Application.Status.PROPOSED:
        raise ValidationError(_("Only a proposed decision can be returned."))
    require(actor, policy.APPROVE, company_id=application.company_id, unit_id=application.unit_id)
    if not comment.strip():
        raise ValidationError({"comment": _("Say why the decision is returned.")})
    return model_update(
        actor=actor,
        instance=application,
        data={
            "status": Application.Status.FILED,
            "decision": "",
            "clause": None,
            "reference": None,
            "register_until": None,
            "return_comment": comment.strip(),
        },
        fields=APPLICATION_FIELDS,
        event_type="counterparties.application.returned",
    )


def register_entry_revoke(
    *, actor: Actor | None, entry: RegisterEntry, reason: str, on: dt.date | None = None
) -> RegisterEntry:
    """Take a counterparty off the Register (group-wide officers and administrators)."""
    _require_group(actor, policy.MANAGE_CLAUSES)
    if entry.revoked_on is not None:
        raise ValidationError(_("This entry was already revoked."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for revoking.")})
    return model_update(
        actor=actor,
        instance=entry,
        data={"revoked_on": on or timezone.localdate(), "revoke_reason": reason.strip()},
        fields=["revoked_on", "revoke_reason"],
        event_type="counterparties.register.revoked",
    )
