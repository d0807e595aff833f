"""Applications for counterparties that refuse, the regulation clauses their decisions cite, and
the Register of counterparties permitted without anti-corruption provisions."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.accounts.selectors import users_who_may
from senim.core.access import Actor, PermissionDenied, require, user_of
from senim.core.approvals import Decision as ApprovalChoice
from senim.core.approvals import Waiting, check_decision, decision_record, names_of
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.mail import notify_after_commit
from senim.core.services import model_create, model_update
from senim.counterparties import notices, policy
from senim.counterparties.models import (
    Application,
    Contract,
    Counterparty,
    Decision,
    Refusal,
    RegisterEntry,
    RegulationClause,
)
from senim.counterparties.services.register import _live, _require_group
from senim.org.models import Company, Unit

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
    "decided_on",
    "external_id",
]


def check_application_dates(
    *,
    actor: Actor | None,
    company: Company,
    filed_on: dt.date | None = None,
    decided_on: dt.date | None = None,
    recorded: dict[str, dt.date | None] | None = None,
) -> bool:
    """Refuse an application's dates in the future, before the company existed, or decided before
    filed; a past date only for those who may back-date. `recorded`: the dates it already holds
    (order only). Returns whether the entry is back-dated."""
    return check_event_dates(
        actor=actor,
        company_id=company.id,
        founded_on=company.founded_on,
        dates={name: day for name, day in {"filed_on": filed_on, "decided_on": decided_on}.items() if day},
        labels={"filed_on": _("Filed on"), "decided_on": _("Decided on")},
        order=[("filed_on", "decided_on")],
        recorded=recorded,
    )


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


# Refusals that include the anti-corruption clause: a contract "with the clause" cannot belong to them.
REFUSES_CLAUSE = frozenset({Refusal.CLAUSE, Refusal.BOTH})


def application_discrepancies(application: Application) -> list[str]:
    """What the application and its contracts say that does not agree: a contract marked "clause
    included" for a counterparty refusing the clause, an application filed after a contract expired."""
    found = []
    for contract in application.contracts.all():
        if application.refusal in REFUSES_CLAUSE and contract.has_clause:
            found.append(
                _("Contract %(number)s is marked “clause included”, but the counterparty refuses the clause.")
                % {"number": contract.number}
            )
        if contract.term_end is not None and contract.term_end < application.filed_on:
            found.append(
                _("The application was filed after contract %(number)s expired.") % {"number": contract.number}
            )
    return [str(text) for text in found]


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
    external_id: str = "",
) -> Application:
    """File an application for approval for a company (and initiating unit) the actor may file for.
    A counterparty already on the Register flags the application with its entry. `filed_on` in the
    past (an application from paper or another system) needs the right to back-date."""
    require(actor, policy.FILE_APPLICATION, company_id=company.id, unit_id=unit.id if unit else None)
    backdated = check_application_dates(actor=actor, company=company, filed_on=filed_on)
    _live(counterparty)
    contracts = list(contracts)
    errors: dict[str, Any] = {}
    if unit is not None and unit.company_id != company.id:
        errors["unit"] = _("The unit belongs to another company.")
    for contract in contracts:
        if contract.company_id != company.id or contract.counterparty_id != counterparty.id:
            errors["contracts"] = _("Every contract must be of this company and this counterparty.")
        elif refusal in REFUSES_CLAUSE and contract.has_clause:
            errors["contracts"] = _(
                "Contract %(number)s says the anti-corruption clause is included, but the counterparty refuses "
                "the clause: correct the contract or the refusal."
            ) % {"number": contract.number}
    count = contract_count if contract_count is not None else max(1, len(contracts))
    if count < max(1, len(contracts)):
        errors["contract_count"] = _("The application covers at least the registered contracts chosen.")
    if not justification.strip():
        errors["justification"] = _("Explain why the contracts are needed despite the refusal.")
    external_id = external_id.strip()
    if external_id and Application.objects.filter(company=company, external_id=external_id).exists():
        errors["external_id"] = _("This company already has an application with this external id.")
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
            filed_by=user_of(actor),
            register_entry=register_entry_active(counterparty, filed_on),
            external_id=external_id[:100],
        )
        application = model_create(
            actor=actor,
            instance=application,
            event_type="counterparties.application.filed",
            fields=APPLICATION_FIELDS,
            extra=backdated_changes(backdated),
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
        application.proposed_by = user_of(actor)
        application.proposed_at = timezone.now()
        application.save(update_fields=["proposed_by", "proposed_at", "updated_at"])
        notify_after_commit(notices.application_waiting, application.pk)
    return application


def _require_approver(actor: Actor | None, application: Application) -> None:
    scope = require(actor, policy.APPROVE, company_id=application.company_id, unit_id=application.unit_id)
    if application.decision == Decision.REGISTER and not scope.everything:
        # The Register is a group-wide standing approval.
        raise PermissionDenied(policy.APPROVE)
    if actor is not None and application.proposed_by_id is not None and application.proposed_by_id == actor.pk:
        raise ValidationError(_("The person who proposed a decision cannot approve it."))


def application_approve(
    *, actor: Actor | None, application: Application, comment: str = "", decided_on: dt.date | None = None
) -> Application:
    """Approve the proposed decision; entering in the Register creates the entry, from the day of
    the decision. `decided_on` (today by default) earlier than today enters a decision taken on paper,
    for those who may back-date; it is never before the application was filed."""
    if application.status != Application.Status.PROPOSED:
        raise ValidationError(_("Only a proposed decision can be approved."))
    _require_approver(actor, application)
    decided_on = decided_on or timezone.localdate()
    backdated = check_application_dates(
        actor=actor, company=application.company, decided_on=decided_on, recorded={"filed_on": application.filed_on}
    )
    if application.register_until is not None and application.register_until < decided_on:
        raise ValidationError({"decided_on": _("The decision is after the end date of the Register entry.")})
    with transaction.atomic():
        decision_record(
            actor=actor,
            obj=application,
            step=STEP_APPROVAL,
            decision=ApprovalChoice.APPROVE,
            comment=comment,
            decided_on=decided_on,
            backdated=backdated,
        )
        application = model_update(
            actor=actor,
            instance=application,
            data={"status": Application.Status.DECIDED, "decided_on": decided_on},
            fields=APPLICATION_FIELDS,
            event_type="counterparties.application.approved",
            extra=backdated_changes(backdated),
        )
        application.approved_by = user_of(actor)
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
                start_date=decided_on,
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
    with transaction.atomic():
        decision_record(
            actor=actor, obj=application, step=STEP_APPROVAL, decision=ApprovalChoice.RETURN, comment=comment
        )
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


def application_refuse(
    *, actor: Actor | None, application: Application, comment: str, decided_on: dt.date | None = None
) -> Application:
    """The approver refuses: the application is decided as refused (the contracts are not approved),
    on the clause the officers cited, with the approver's comment as grounds. `decided_on`: as for
    an approval, the day of a refusal taken on paper (back-dating)."""
    if application.status != Application.Status.PROPOSED:
        raise ValidationError(_("Only a proposed decision can be refused."))
    _require_approver(actor, application)
    check_decision(ApprovalChoice.REFUSE, comment)
    decided_on = decided_on or timezone.localdate()
    backdated = check_application_dates(
        actor=actor, company=application.company, decided_on=decided_on, recorded={"filed_on": application.filed_on}
    )
    with transaction.atomic():
        decision_record(
            actor=actor,
            obj=application,
            step=STEP_APPROVAL,
            decision=ApprovalChoice.REFUSE,
            comment=comment,
            decided_on=decided_on,
            backdated=backdated,
        )
        application = model_update(
            actor=actor,
            instance=application,
            data={
                "status": Application.Status.DECIDED,
                "decision": Decision.REFUSE,
                "reference": None,
                "register_until": None,
                "grounds": comment.strip(),
                "decided_on": decided_on,
            },
            fields=APPLICATION_FIELDS,
            event_type="counterparties.application.refused",
            extra=backdated_changes(backdated),
        )
        application.approved_by = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[assignment]
        application.approved_at = timezone.now()
        application.save(update_fields=["approved_by", "approved_at", "updated_at"])
    return application


# The one approval step of an application (senim.core.approvals).
STEP_APPROVAL = "application.approval"
STEP_LABEL = _("approval of the proposed decision by an approver")


def application_decide(
    *,
    actor: Actor | None,
    application: Application,
    decision: str,
    comment: str = "",
    decided_on: dt.date | None = None,
) -> Application:
    """Approve, return for rework or refuse the proposed decision (a comment to return or refuse)."""
    check_decision(decision, comment)
    if decision == ApprovalChoice.APPROVE:
        return application_approve(actor=actor, application=application, comment=comment, decided_on=decided_on)
    if decision == ApprovalChoice.RETURN:
        return application_return(actor=actor, application=application, comment=comment)
    return application_refuse(actor=actor, application=application, comment=comment, decided_on=decided_on)


def application_approvers(application: Application) -> list[Any]:
    """Who may approve the proposed decision (not who proposed it; the Register needs group-wide)."""
    users = users_who_may(permission=policy.APPROVE, company_id=application.company_id, unit_id=application.unit_id)
    if application.decision == Decision.REGISTER:
        users = [u for u in users if u.scope_for(policy.APPROVE).everything]
    return [u for u in users if u.pk != application.proposed_by_id]


def application_waiting(application: Application) -> Waiting | None:
    if application.status != Application.Status.PROPOSED:
        return None
    return Waiting(step=str(STEP_LABEL), approvers=names_of(application_approvers(application)))


def register_entry_revoke(
    *, actor: Actor | None, entry: RegisterEntry, reason: str, on: dt.date | None = None
) -> RegisterEntry:
    """Take a counterparty off the Register (group-wide officers and administrators). `on`: the day
    it was revoked, for a revocation decided on paper before it was entered (never before the entry
    started nor in the future; a past day is back-dating, audited)."""
    _require_group(actor, policy.MANAGE_CLAUSES)
    if entry.revoked_on is not None:
        raise ValidationError(_("This entry was already revoked."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for revoking.")})
    backdated = False
    if on is not None:
        backdated = check_event_dates(
            actor=actor,
            company_id=None,
            dates={"revoked_on": on},
            labels={"revoked_on": _("Revoked on"), "start_date": _("Entered in the Register on")},
            order=[("start_date", "revoked_on")],
            recorded={"start_date": entry.start_date},
        )
    return model_update(
        actor=actor,
        instance=entry,
        data={"revoked_on": on or timezone.localdate(), "revoke_reason": reason.strip()},
        fields=["revoked_on", "revoke_reason"],
        event_type="counterparties.register.revoked",
        extra=backdated_changes(backdated),
    )
