"""Verification before a contract: open a case (level from the rules, checklist, automatic red
flags, risk), work the checklist and the flags, conclude, approve (a second approver for high
risk), and mark approved verifications for re-verification when the counterparty changes."""

import datetime as dt
import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from senim.accounts.selectors import users_who_may
from senim.core.access import SYSTEM, Actor, require
from senim.core.approvals import Decision, Waiting, check_decision, decision_history, decision_record, names_of
from senim.core.audit import audit_record, diff, snapshot
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.i18n import deferred, deferred_join
from senim.core.mail import notify_after_commit
from senim.core.services import model_create, model_update
from senim.counterparties import notices, policy, redflags
from senim.counterparties.models import (
    LEVEL_ORDER,
    Answer,
    Application,
    CaseCheck,
    CaseFlag,
    Counterparty,
    DueDiligenceRule,
    Kind,
    Level,
    Party,
    QuestionnaireResponse,
    RedFlag,
    Refusal,
    RiskLevel,
    VerificationCase,
)
from senim.counterparties.services.questionnaires import answer_raises_flag
from senim.counterparties.services.register import (
    _live,
    _require_group,
    cases_mark_for_reverification,
    counterparty_subject_key,
    party_subject_key,
)
from senim.org.models import Company, Employee, Unit
from senim.screening import selectors as screening_selectors

# The checklist of each level: codes, in order; each level adds to the one below.
CHECKLISTS: dict[str, list[str]] = {
    Level.SIMPLIFIED: ["kyc_documents", "screening", "unreliable_suppliers"],
    Level.STANDARD: [
        "kyc_documents",
        "questionnaire",
        "beneficial_owners",
        "screening",
        "tax_status",
        "unreliable_suppliers",
        "employee_links",
    ],
    Level.ENHANCED: [
        "kyc_documents",
        "questionnaire",
        "beneficial_owners",
        "screening",
        "tax_status",
        "unreliable_suppliers",
        "employee_links",
        "forensic_audit",
    ],
}
CHECK_LABELS = {
    "kyc_documents": _("KYC documents (charter, registration, licences)"),
    "questionnaire": _("Anti-corruption questionnaire"),
    "beneficial_owners": _("Beneficial owners and managers established"),
    "screening": _("Screening of the counterparty and each owner and manager"),
    "tax_status": _("Tax status"),
    "unreliable_suppliers": _("Register of unreliable suppliers"),
    "employee_links": _("Links to employees (declared relatives, shared identifiers)"),
    "forensic_audit": _("Forensic audit"),
}
# Jurisdictions treated as offshore for the automatic red flag (ISO codes); SENIM_OFFSHORE_COUNTRIES overrides.
OFFSHORE = frozenset(
    "AD AG AI BB BM BS BZ CW CY GG GI IM JE KN KY LC LI MC MH MT MU PA SC SG TC VC VG VU WS AE HK".split()  # noqa: SIM905
)
CASE_FIELDS = [
    "company",
    "unit",
    "counterparty",
    "procurement_method",
    "amount",
    "currency",
    "subject",
    "opened_on",
    "level",
    "status",
    "risk_score",
    "risk_level",
    "conclusion",
    "conclusion_text",
    "approved_on",
    "valid_until",
    "needs_reverification",
    "reverification_reason",
]


def risk_thresholds() -> tuple[int, int]:
    """Scores from which the risk is medium and high (SENIM_COUNTERPARTY_RISK_THRESHOLDS)."""
    medium, high = getattr(settings, "SENIM_COUNTERPARTY_RISK_THRESHOLDS", (15, 30))
    return int(medium), int(high)


def risk_level_of(score: int) -> str:
    medium, high = risk_thresholds()
    return RiskLevel.HIGH if score >= high else RiskLevel.MEDIUM if score >= medium else RiskLevel.LOW


def level_for(*, method: str, category: str, amount: Decimal | None, currency: str, risk: str) -> str:
    """The highest level among the active rules that match; simplified when none does."""
    level = Level.SIMPLIFIED
    for rule in DueDiligenceRule.objects.filter(is_active=True):
        matches = rule.matches(method=method, category=category, amount=amount, currency=currency, risk=risk)
        if matches and LEVEL_ORDER.index(Level(rule.level)) > LEVEL_ORDER.index(level):
            level = Level(rule.level)
    return level


def _offshore() -> frozenset[str]:
    configured = getattr(settings, "SENIM_OFFSHORE_COUNTRIES", None)
    return frozenset(c.upper() for c in configured) if configured else OFFSHORE


def automatic_findings(counterparty: Counterparty, on: dt.date) -> dict[str, str]:
    """Red flags the register and screening show by themselves: code → what was found."""
    found: dict[str, str] = {}
    parties = list(Party.objects.filter(counterparty=counterparty))
    offshore = _offshore()
    places = [counterparty.country] + [p.country for p in parties if p.role == Party.Role.OWNER]
    if any(c and c in offshore for c in places):
        found["offshore"] = ", ".join(sorted({c for c in places if c in offshore}))
    if counterparty.registration_date and (on - counterparty.registration_date).days < 365:
        found["newly_registered"] = deferred(
            gettext_noop("registered on %(date)s"), date=counterparty.registration_date
        )
    officials = [p.name for p in parties if p.is_official]
    if officials:
        found["official_owner"] = "; ".join(officials)
    if counterparty.kind == Kind.LEGAL_ENTITY:
        owners = [p for p in parties if p.role == Party.Role.OWNER]
        disclosed = sum((p.share or Decimal(0) for p in owners), Decimal(0))
        if not owners or (all(p.share is not None for p in owners) and disclosed < 100):
            found["undisclosed_owner"] = str(disclosed)
    numbers = {p.identifier for p in parties if p.identifier and p.is_person}
    if counterparty.kind != Kind.LEGAL_ENTITY and counterparty.identifier:
        numbers.add(counterparty.identifier)
    if numbers:
        linked = Employee.objects.filter(Q(iin__in=numbers) | Q(pinfl__in=numbers), dismissal_date__isnull=True)
        names = [e.full_name for e in linked[:5]]
        if names:
            found["employee_link"] = "; ".join(names)
    refused = (
        Application.objects.filter(counterparty=counterparty, refusal__in=[Refusal.QUESTIONNAIRE, Refusal.BOTH])
        .order_by("-filed_on")
        .values_list("number", flat=True)
        .first()
    )
    if refused:
        found["questionnaire_refused"] = deferred(gettext_noop("Application %(number)s"), number=refused)
    for code, detail in _questionnaire_findings(counterparty).items():
        found.setdefault(code, detail)
    keys = [counterparty_subject_key(counterparty)] + [party_subject_key(p) for p in parties]
    # Findings come from every hit, whoever opens the case: read as the system.
    hits = screening_selectors.subject_hits(actor=SYSTEM, subject_keys=keys, confirmed_or_open=True)
    listed = sorted({hit.watchlist.name for hit in hits})
    if listed:
        found["screening_hit"] = ", ".join(listed)
    debarred = sorted({hit.watchlist.name for hit in hits if hit.watchlist.kind == "debarment"})
    if debarred:
        found["prior_debarment"] = ", ".join(debarred)
    for code, detail in redflags.provided_findings(counterparty, on).items():  # modules above this one
        found[code] = deferred_join([found[code], detail]) if code in found else detail
    return found


def _questionnaire_findings(counterparty: Counterparty) -> dict[str, str]:
    """Red flags raised by the answers of the counterparty's latest submitted questionnaire."""
    response = (
        QuestionnaireResponse.objects.filter(counterparty=counterparty, status=QuestionnaireResponse.Status.SUBMITTED)
        .order_by("-submitted_at")
        .first()
    )
    if response is None:
        return {}
    found: dict[str, str] = {}
    answers = Answer.objects.filter(response=response, question__red_flag__isnull=False).select_related(
        "question__red_flag"
    )
    for answer in answers:
        flag = answer.question.red_flag
        if flag is not None and answer_raises_flag(answer.question, answer.value):
            found.setdefault(
                flag.code, deferred(gettext_noop("Questionnaire, question “%(code)s”"), code=answer.question.code)
            )
    return found


def _recompute(case: VerificationCase) -> None:
    score = CaseFlag.objects.filter(case=case).aggregate(total=Sum("flag__weight"))["total"] or 0
    case.risk_score = score
    case.risk_level = risk_level_of(score)
    if case.status == VerificationCase.Status.OPEN:
        level = level_for(
            method=case.procurement_method,
            category=case.counterparty.category,
            amount=case.amount,
            currency=case.currency,
            risk=case.risk_level,
        )
        # The level only rises while the case is open: a check already done is never dropped.
        if LEVEL_ORDER.index(Level(level)) > LEVEL_ORDER.index(Level(case.level)):
            case.level = level
        for code in CHECKLISTS[case.level]:
            CaseCheck.objects.get_or_create(case=case, code=code)


def _sync_automatic_flags(case: VerificationCase) -> None:
    findings = automatic_findings(case.counterparty, case.opened_on)
    catalogue = {f.code: f for f in RedFlag.objects.filter(is_active=True, code__in=findings)}
    existing = {cf.flag.code: cf for cf in CaseFlag.objects.filter(case=case).select_related("flag")}
    for code, detail in findings.items():
        if code in catalogue and code not in existing:
            CaseFlag.objects.create(case=case, flag=catalogue[code], is_automatic=True, detail=detail)
    for code, raised in existing.items():
        if raised.is_automatic and code not in findings:
            raised.delete()
    _agree_checks(case)


# The red flags that contradict a check marked "Done, no concern": a counterparty that refused the
# questionnaire has not passed the questionnaire check without concern.
CHECK_FLAGS = {
    "questionnaire": frozenset({"questionnaire_refused", "questionnaire_concern"}),
    "screening": frozenset({"screening_hit"}),
    "unreliable_suppliers": frozenset({"prior_debarment"}),
}


def _contradicting_flags(case: VerificationCase, code: str) -> list[CaseFlag]:
    codes = CHECK_FLAGS.get(code)
    if not codes:
        return []
    return list(CaseFlag.objects.filter(case=case, flag__code__in=codes).select_related("flag"))


def _agree_checks(case: VerificationCase) -> None:
    """A check marked "Done, no concern" that a raised red flag contradicts becomes "Done, concern
    found", the flag named in its comment, so the checklist and the flags never disagree."""
    for check in CaseCheck.objects.filter(case=case, status=CaseCheck.Status.DONE, code__in=list(CHECK_FLAGS)):
        flags = _contradicting_flags(case, check.code)
        if flags:
            check.status = CaseCheck.Status.CONCERN
            check.comment = check.comment or "; ".join(str(f.flag) for f in flags)[:2000]
            check.save(update_fields=["status", "comment", "updated_at"])


def case_open(
    *,
    actor: Actor,
    company: Company,
    counterparty: Counterparty,
    procurement_method: str,
    subject: str,
    amount: Decimal | None = None,
    currency: str = "KZT",
    unit: Unit | None = None,
    opened_on: dt.date | None = None,
) -> VerificationCase:
    """Open a verification: red flags found automatically, the risk, the level and its checklist."""
    require(actor, policy.VERIFY, company_id=company.id, unit_id=unit.id if unit else None)
    _live(counterparty)
    if unit is not None and unit.company_id != company.id:
        raise ValidationError({"unit": _("The unit belongs to another company.")})
    if amount is not None and amount < 0:
        raise ValidationError({"amount": _("The amount cannot be negative.")})
    backdated = check_event_dates(
        actor=actor,
        company_id=company.id,
        founded_on=company.founded_on,
        dates={"opened_on": opened_on},
        labels={"opened_on": _("Opened on")},
    )
    with transaction.atomic():
        case = VerificationCase(
            company=company,
            unit=unit,
            counterparty=counterparty,
            procurement_method=procurement_method,
            amount=amount,
            currency=(currency or "KZT").upper(),
            subject=subject.strip(),
            opened_on=opened_on or timezone.localdate(),
            level=Level.SIMPLIFIED,
        )
        case.full_clean()
        case.save(force_insert=True)
        _sync_automatic_flags(case)
        _recompute(case)
        case.save()
        audit_record(
            actor=actor,
            event_type="counterparties.verification.opened",
            obj=case,
            changes={**diff({}, snapshot(case, CASE_FIELDS)), **backdated_changes(backdated)},
        )
    return case


def _require_open(actor: Actor, case: VerificationCase) -> None:
    require(actor, policy.VERIFY, company_id=case.company_id, unit_id=case.unit_id)
    if case.status != VerificationCase.Status.OPEN:
        raise ValidationError(_("The verification is no longer in progress."))


def _changed(actor: Actor, case: VerificationCase, before: dict[str, Any], event_type: str, **extra: Any) -> None:
    changes = {**diff(before, snapshot(case, CASE_FIELDS)), **extra}
    audit_record(actor=actor, event_type=event_type, obj=case, changes=changes)


def case_refresh(*, actor: Actor, case: VerificationCase) -> VerificationCase:
    """Look again for automatic red flags (after the register or a screening changed)."""
    _require_open(actor, case)
    with transaction.atomic():
        before = snapshot(case, CASE_FIELDS)
        _sync_automatic_flags(case)
        _recompute(case)
        case.save()
        _changed(actor, case, before, "counterparties.verification.refreshed")
    return case


def case_check_update(*, actor: Actor, check: CaseCheck, status: str, comment: str = "") -> CaseCheck:
    _require_open(actor, check.case)
    if status not in CaseCheck.Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    if status == CaseCheck.Status.CONCERN and not comment.strip():
        raise ValidationError({"comment": _("Describe the concern.")})
    contradicting = _contradicting_flags(check.case, check.code) if status == CaseCheck.Status.DONE else []
    if contradicting:
        raise ValidationError(
            {
                "status": _("A red flag says otherwise (%(flags)s): mark the check “Done, concern found”.")
                % {"flags": "; ".join(str(f.flag) for f in contradicting)}
            }
        )
    return model_update(
        actor=actor,
        instance=check,
        data={"status": status, "comment": comment.strip()},
        fields=["status", "comment"],
        event_type="counterparties.verification.check_updated",
    )


def case_flag_raise(*, actor: Actor, case: VerificationCase, flag: RedFlag, detail: str = "") -> CaseFlag:
    """Raise a red flag of the catalogue by hand (e.g. cash payments, agent fees)."""
    _require_open(actor, case)
    if not flag.is_active:
        raise ValidationError({"flag": _("This red flag is not in use.")})
    if CaseFlag.objects.filter(case=case, flag=flag).exists():
        raise ValidationError({"flag": _("This red flag is already raised.")})
    with transaction.atomic():
        before = snapshot(case, CASE_FIELDS)
        raised = CaseFlag.objects.create(case=case, flag=flag, is_automatic=False, detail=detail.strip())
        _agree_checks(case)
        _recompute(case)
        case.save()
        _changed(actor, case, before, "counterparties.verification.flag_raised", flag=[None, flag.code])
    return raised


def case_flag_withdraw(*, actor: Actor, raised: CaseFlag) -> None:
    """Withdraw a red flag raised by hand; automatic ones follow the findings."""
    case = raised.case
    _require_open(actor, case)
    if raised.is_automatic:
        raise ValidationError(_("An automatic red flag follows the findings and cannot be withdrawn by hand."))
    with transaction.atomic():
        before = snapshot(case, CASE_FIELDS)
        code = raised.flag.code
        raised.delete()
        _recompute(case)
        case.save()
        _changed(actor, case, before, "counterparties.verification.flag_withdrawn", flag=[code, None])


def case_conclude(*, actor: Actor, case: VerificationCase, conclusion: str, text: str) -> VerificationCase:
    """Conclude a verification whose every check is done; it then waits for approval."""
    _require_open(actor, case)
    errors: dict[str, Any] = {}
    if conclusion not in VerificationCase.Conclusion.values:
        errors["conclusion"] = _("Choose a conclusion.")
    if not text.strip():
        errors["text"] = _("Give the reasoning of the conclusion.")
    if case.checks.filter(status=CaseCheck.Status.PENDING).exists():
        errors["checks"] = _("Every check of the checklist must be done first.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        before = snapshot(case, CASE_FIELDS)
        case.conclusion = conclusion
        case.conclusion_text = text.strip()
        case.status = VerificationCase.Status.CONCLUDED
        case.concluded_by = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[assignment]
        case.save()
        _changed(actor, case, before, "counterparties.verification.concluded")
        notify_after_commit(notices.verification_waiting, case.pk)
    return case


def validity_months() -> int:
    return int(getattr(settings, "SENIM_VERIFICATION_VALID_MONTHS", 12))


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _require_first_approver(actor: Actor, case: VerificationCase) -> None:
    if case.status != VerificationCase.Status.CONCLUDED:
        raise ValidationError(_("Only a concluded verification can be approved."))
    require(actor, policy.APPROVE_CONCLUSION, company_id=case.company_id, unit_id=case.unit_id)
    if actor.pk is not None and case.concluded_by_id == actor.pk:
        raise ValidationError(_("The person who concluded cannot approve the conclusion."))


def _require_second_approver(actor: Actor, case: VerificationCase) -> None:
    if case.status != VerificationCase.Status.AWAITING_SECOND:
        raise ValidationError(_("This verification does not wait for a second approval."))
    require(actor, policy.SECOND_APPROVAL, company_id=case.company_id, unit_id=case.unit_id)
    if actor.pk is not None and actor.pk in {case.approved_by_id, case.concluded_by_id}:  # type: ignore[operator]
        raise ValidationError(_("The second approver must be another person."))


def check_decided_on(*, actor: Actor, case: VerificationCase, decided_on: dt.date | None) -> tuple[dt.date, bool]:
    """The day of a decision on the verification (today by default) and whether it is back-dated:
    never in the future, before the company existed, before the verification was opened nor before
    its first approval; an earlier day than today only for those who may back-date."""
    if decided_on is None:
        return timezone.localdate(), False
    backdated = check_event_dates(
        actor=actor,
        company_id=case.company_id,
        founded_on=case.company.founded_on,
        dates={"decided_on": decided_on},
        labels={"decided_on": _("Decided on"), "opened_on": _("Opened on"), "approved_on": _("Approved on")},
        order=[("opened_on", "decided_on"), ("approved_on", "decided_on")],
        recorded={"opened_on": case.opened_on, "approved_on": _first_approval_day(case)},
    )
    return decided_on, backdated


def _first_approval_day(case: VerificationCase) -> dt.date | None:
    """The day of the first approval a case awaiting its second approval holds."""
    if case.status != VerificationCase.Status.AWAITING_SECOND:
        return None
    firsts = [d for d in decision_history(case) if d.step == STEP_FIRST and d.decision == Decision.APPROVE]
    return firsts[-1].decided_on if firsts else None


def case_approve(
    *, actor: Actor, case: VerificationCase, comment: str = "", decided_on: dt.date | None = None
) -> VerificationCase:
    """The compliance officer approves the conclusion; a high-risk one then needs a second approver.
    `decided_on`: the day of the approval, earlier than today for one given on paper (back-dated)."""
    _require_first_approver(actor, case)
    day, backdated = check_decided_on(actor=actor, case=case, decided_on=decided_on)
    with transaction.atomic():
        before = snapshot(case, CASE_FIELDS)
        case.approved_by = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[assignment]
        if case.risk_level == RiskLevel.HIGH:
            case.status = VerificationCase.Status.AWAITING_SECOND
        else:
            _take_effect(case, day)
        case.save()
        decision_record(
            actor=actor,
            obj=case,
            step=STEP_FIRST,
            decision=Decision.APPROVE,
            comment=comment,
            decided_on=day,
            backdated=backdated,
        )
        _changed(actor, case, before, "counterparties.verification.approved", **backdated_changes(backdated))
        if case.status == VerificationCase.Status.AWAITING_SECOND:
            notify_after_commit(notices.verification_waiting, case.pk)
    return case


def _take_effect(case: VerificationCase, day: dt.date) -> None:
    case.status = VerificationCase.Status.APPROVED
    case.approved_on = day
    case.valid_until = _add_months(day, validity_months())
    case.needs_reverification = False
    case.reverification_reason = ""


def case_second_approve(
    *, actor: Actor, case: VerificationCase, comment: str = "", decided_on: dt.date | None = None
) -> VerificationCase:
    """The second approval of a high-risk conclusion, by an approver other than the first; never
    dated before the first approval."""
    _require_second_approver(actor, case)
    day, backdated = check_decided_on(actor=actor, case=case, decided_on=decided_on)
    with transaction.atomic():
        before = snapshot(case, CASE_FIELDS)
        case.second_approved_by = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[assignment]
        _take_effect(case, day)
        case.save()
        decision_record(
            actor=actor,
            obj=case,
            step=STEP_SECOND,
            decision=Decision.APPROVE,
            comment=comment,
            decided_on=day,
            backdated=backdated,
        )
        _changed(actor, case, before, "counterparties.verification.second_approved", **backdated_changes(backdated))
    return case


# The approval steps of a verification (senim.core.approvals): the compliance officer's approval of
# the conclusion, then, for high risk, an approver's second approval.
STEP_FIRST = "verification.first"
STEP_SECOND = "verification.second"
STEP_LABELS = {
    STEP_FIRST: _("approval of the conclusion by a compliance officer"),
    STEP_SECOND: _("second approval of a high-risk conclusion by an approver"),
}


def case_decide(
    *, actor: Actor, case: VerificationCase, decision: str, comment: str = "", decided_on: dt.date | None = None
) -> VerificationCase:
    """Decide the step the verification waits at: approve, return for rework (it is in progress
    again, the comment saying why) or refuse (it ends without approval); a comment is required to
    return or refuse. `decided_on`: the day of the decision (today by default; earlier: back-dated)."""
    check_decision(decision, comment)
    if case.status == VerificationCase.Status.CONCLUDED:
        if decision == Decision.APPROVE:
            return case_approve(actor=actor, case=case, comment=comment, decided_on=decided_on)
        _require_first_approver(actor, case)
        step = STEP_FIRST
    elif case.status == VerificationCase.Status.AWAITING_SECOND:
        if decision == Decision.APPROVE:
            return case_second_approve(actor=actor, case=case, comment=comment, decided_on=decided_on)
        _require_second_approver(actor, case)
        step = STEP_SECOND
    else:
        raise ValidationError(_("This verification does not wait for approval."))
    day, backdated = check_decided_on(actor=actor, case=case, decided_on=decided_on)
    with transaction.atomic():
        before = snapshot(case, CASE_FIELDS)
        case.approved_by = case.second_approved_by = None
        case.approved_on = case.valid_until = None
        if decision == Decision.RETURN:
            case.status = VerificationCase.Status.OPEN
            case.reverification_reason = comment.strip()[:300]
            event = "counterparties.verification.returned"
        else:
            case.status = VerificationCase.Status.REFUSED
            event = "counterparties.verification.refused"
        case.save()
        decision_record(
            actor=actor,
            obj=case,
            step=step,
            decision=decision,
            comment=comment,
            decided_on=day,
            backdated=backdated,
        )
        _changed(actor, case, before, event, **backdated_changes(backdated))
    return case


def case_waiting(case: VerificationCase) -> Waiting | None:
    """The approval step the verification waits at and who may give it (not who concluded or
    approved it already); None when it waits for nobody's approval."""
    if case.status == VerificationCase.Status.CONCLUDED:
        step, permission = STEP_FIRST, policy.APPROVE_CONCLUSION
    elif case.status == VerificationCase.Status.AWAITING_SECOND:
        step, permission = STEP_SECOND, policy.SECOND_APPROVAL
    else:
        return None
    return Waiting(step=str(STEP_LABELS[step]), approvers=names_of(case_approvers(case, permission)))


def case_approvers(case: VerificationCase, permission: str | None = None) -> list[Any]:
    """The people who may decide the step the verification waits at."""
    if permission is None:
        permission = (
            policy.SECOND_APPROVAL
            if case.status == VerificationCase.Status.AWAITING_SECOND
            else policy.APPROVE_CONCLUSION
        )
    excluded = {case.concluded_by_id, case.approved_by_id}
    users = users_who_may(permission=permission, company_id=case.company_id, unit_id=case.unit_id)
    return [u for u in users if u.pk not in excluded]


def case_reopen(*, actor: Actor, case: VerificationCase, reason: str) -> VerificationCase:
    """Send a concluded verification back to work (a returned conclusion, or re-verification)."""
    require(actor, policy.APPROVE_CONCLUSION, company_id=case.company_id, unit_id=case.unit_id)
    if case.status == VerificationCase.Status.OPEN:
        raise ValidationError(_("The verification is already in progress."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the verification is reopened.")})
    with transaction.atomic():
        before = snapshot(case, CASE_FIELDS)
        case.status = VerificationCase.Status.OPEN
        case.conclusion = ""
        case.approved_by = case.second_approved_by = None
        case.approved_on = case.valid_until = None
        case.needs_reverification = False
        case.reverification_reason = reason.strip()[:300]
        case.save()
        _sync_automatic_flags(case)
        _recompute(case)
        case.save()
        _changed(actor, case, before, "counterparties.verification.reopened")
    return case


# --- configuration ----------------------------------------------------------------------------------

FLAG_FIELDS = ["code", "title_ru", "title_kk", "title_en", "title_uz", "weight", "is_active"]
RULE_FIELDS = ["level", "procurement_method", "category", "min_amount", "currency", "min_risk", "is_active"]


def red_flag_save(*, actor: Actor, flag: RedFlag | None = None, **data: Any) -> RedFlag:
    """Add a red flag to the catalogue or change one (group-wide only)."""
    _require_group(actor, policy.CONFIGURE)
    if flag is None:
        return model_create(
            actor=actor,
            instance=RedFlag(**{k: v for k, v in data.items() if k in FLAG_FIELDS}),
            event_type="counterparties.red_flag.created",
            fields=FLAG_FIELDS,
        )
    return model_update(
        actor=actor, instance=flag, data=data, fields=FLAG_FIELDS, event_type="counterparties.red_flag.updated"
    )


def rule_save(*, actor: Actor, rule: DueDiligenceRule | None = None, **data: Any) -> DueDiligenceRule:
    """Add or change a due diligence rule (group-wide only)."""
    _require_group(actor, policy.CONFIGURE)
    if "currency" in data:
        data["currency"] = str(data["currency"] or "KZT").upper()
    if rule is None:
        return model_create(
            actor=actor,
            instance=DueDiligenceRule(**{k: v for k, v in data.items() if k in RULE_FIELDS}),
            event_type="counterparties.dd_rule.created",
            fields=RULE_FIELDS,
        )
    return model_update(
        actor=actor, instance=rule, data=data, fields=RULE_FIELDS, event_type="counterparties.dd_rule.updated"
    )


def cases_recheck(*, actor: Actor = SYSTEM) -> int:
    """Mark approved verifications whose counterparty, owners or managers have hits raised since the
    approval (after a watchlist changed and screening re-screened them); return how many. Meant for
    a scheduled `senim counterparties recheck`."""
    marked = 0
    cases = VerificationCase.objects.filter(status=VerificationCase.Status.APPROVED, needs_reverification=False)
    for case in cases.select_related("counterparty").iterator(chunk_size=500):
        parties = Party.objects.filter(counterparty_id=case.counterparty_id)
        keys = [counterparty_subject_key(case.counterparty)] + [party_subject_key(p) for p in parties]
        # The start of the approval day where the company is, not in UTC (the evening there is the
        # next day in Almaty or Tashkent).
        since = dt.datetime.combine(
            case.approved_on or case.opened_on, dt.time.min, tzinfo=timezone.get_current_timezone()
        )
        if screening_selectors.subject_hits(actor=SYSTEM, subject_keys=keys, open_since=since).exists():
            marked += cases_mark_for_reverification(
                actor=actor, counterparty=case.counterparty, reason=str(_("Screening raised new hits."))
            )
    return marked


COUNTERPARTY_KEY = "counterparties.counterparty:"
PARTY_KEY = "counterparties.party:"


def cases_recheck_subjects(*, subject_keys: Iterable[str]) -> int:
    """Mark for re-verification the approved verifications of the counterparties whose own subject,
    or an owner's or manager's, got new hits (screening's `hits_raised` after a list changed);
    return how many. Keys of other modules are ignored. Acts as the system; audited per case."""
    counterparty_ids: set[uuid.UUID] = set()
    party_ids: set[uuid.UUID] = set()
    for key in subject_keys:
        prefix, found, rest = key.partition(":")
        try:
            value = uuid.UUID(rest)
        except ValueError:
            continue
        if found and f"{prefix}:" == COUNTERPARTY_KEY:
            counterparty_ids.add(value)
        elif found and f"{prefix}:" == PARTY_KEY:
            party_ids.add(value)
    if party_ids:
        counterparty_ids.update(Party.objects.filter(pk__in=party_ids).values_list("counterparty_id", flat=True))
    marked = 0
    waiting = VerificationCase.objects.filter(
        counterparty_id__in=counterparty_ids, status=VerificationCase.Status.APPROVED, needs_reverification=False
    ).values_list("counterparty_id", flat=True)
    for counterparty in Counterparty.objects.filter(pk__in=set(waiting)).order_by("pk"):
        with transaction.atomic():
            marked += cases_mark_for_reverification(
                actor=SYSTEM,
                counterparty=counterparty,
                reason=str(_("A watchlist changed and screening raised new hits.")),
            )
    return marked
