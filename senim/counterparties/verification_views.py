"""Pages of verification before a contract, and of its settings (red flags, due diligence rules)."""

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.approvals import ApprovalPanel, decision_history, decision_post
from senim.core.forms import apply_errors
from senim.core.uploads import upload_limit
from senim.core.views import get_or_404, permission_required
from senim.counterparties import policy, selectors, services, tables
from senim.counterparties.forms import (
    ApproveForm,
    CaseForm,
    CheckForm,
    ConcludeForm,
    FlagRaiseForm,
    ReasonForm,
    RedFlagForm,
    RuleForm,
)
from senim.counterparties.models import (
    CaseCheck,
    Level,
    RiskLevel,
    VerificationCase,
)
from senim.counterparties.views import get_counterparty, screening_hits_of
from senim.org import selectors as org_selectors

LAPSE_WARNING_DAYS = 30


def _get(request: ActorRequest, case_id: uuid.UUID) -> VerificationCase:
    return get_or_404(selectors.case_get, actor=request.user, case_id=case_id)


@permission_required(policy.VIEW_CASES)
def case_list(request: ActorRequest) -> HttpResponse:
    status, level, risk = request.GET.get("status", ""), request.GET.get("level", ""), request.GET.get("risk", "")
    show = request.GET.get("show", "")
    cases = selectors.case_list(
        actor=request.user,
        status=status if status in VerificationCase.Status.values else "",
        level=level if level in Level.values else "",
        risk=risk if risk in RiskLevel.values else "",
        lapsing_by=timezone.localdate() + dt.timedelta(days=LAPSE_WARNING_DAYS) if show == "lapsing" else None,
        needs_reverification=True if show == "reverify" else None,
        query=request.GET.get("q", "")[:100],
    )
    context = {
        "statuses": VerificationCase.Status.choices,
        "levels": Level.choices,
        "risks": RiskLevel.choices,
        "today": timezone.localdate(),
    }
    return tables.VERIFICATIONS.respond(request, cases, "counterparties/case_list.html", context)


@permission_required(policy.VERIFY)
def case_create(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    counterparty = get_counterparty(request, counterparty_id)
    if counterparty.merged_into_id:
        raise Http404
    form = CaseForm(
        request.POST or None,
        companies=org_selectors.company_list(actor=request.user),
        units=org_selectors.unit_list(actor=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(actor=request.user, counterparty=counterparty, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not verify for that company or unit."))
        else:
            messages.success(request, _("The verification was opened."))
            return redirect("counterparties:case-detail", case_id=case.pk)
    return render(request, "counterparties/case_form.html", {"form": form, "counterparty": counterparty})


def _can(request: ActorRequest, permission: str, case: VerificationCase) -> bool:
    return request.user.scope_for(permission).covers(company_id=case.company_id, unit_id=case.unit_id)


@permission_required(policy.VIEW_CASES)
def case_detail(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    is_open = case.status == VerificationCase.Status.OPEN
    can_work = is_open and _can(request, policy.VERIFY, case)
    flags = selectors.case_flag_list(actor=request.user, case=case)
    checks = [
        (c, services.CHECK_LABELS.get(c.code, c.code)) for c in selectors.case_check_list(actor=request.user, case=case)
    ]
    order = {code: n for n, code in enumerate(services.CHECKLISTS[Level.ENHANCED])}
    checks.sort(key=lambda pair: order.get(pair[0].code, 99))
    raised = {f.flag_id for f in flags}
    user_pk = request.user.pk
    context = {
        "case": case,
        "linked_contracts": list(case.contracts.all().order_by("-date")[:20]),
        "linked_applications": list(
            selectors.application_list(actor=request.user).filter(counterparty_id=case.counterparty_id)[:20]
        )
        if request.user.can(policy.VIEW_APPLICATIONS)
        else [],
        "flags": flags,
        "evidence": selectors.case_evidence_list(actor=request.user, case=case),
        "upload_limit_mb": upload_limit() // (1024 * 1024),
        "checks": checks,
        "screening_hits": screening_hits_of(request, case.counterparty),
        "can_work": can_work,
        "check_statuses": CaseCheck.Status.choices,
        "flag_form": FlagRaiseForm(
            flags=selectors.red_flag_list(actor=request.user, active_only=True).exclude(id__in=raised)
        )
        if can_work
        else None,
        "conclude_form": ConcludeForm() if can_work else None,
        "can_approve": case.status == VerificationCase.Status.CONCLUDED
        and _can(request, policy.APPROVE_CONCLUSION, case)
        and case.concluded_by_id != user_pk,
        "can_second": case.status == VerificationCase.Status.AWAITING_SECOND
        and _can(request, policy.SECOND_APPROVAL, case)
        and user_pk not in {case.approved_by_id, case.concluded_by_id},
        "can_reopen": not is_open
        and case.status not in {VerificationCase.Status.CONCLUDED, VerificationCase.Status.AWAITING_SECOND}
        and _can(request, policy.APPROVE_CONCLUSION, case),
        "lapsing": case.valid_until is not None
        and case.valid_until <= timezone.localdate() + dt.timedelta(days=LAPSE_WARNING_DAYS),
        "thresholds": services.risk_thresholds(),
    }
    context["approval"] = ApprovalPanel(
        waiting=services.case_waiting(case),
        history=decision_history(case),
        action_url=reverse("counterparties:case-decide", args=[case.pk]),
        can_decide=bool(context["can_approve"] or context["can_second"]),
        extra_form=ApproveForm() if context["can_approve"] or context["can_second"] else None,
    )
    return render(request, "counterparties/case_detail.html", context)


@require_POST
@permission_required(policy.VIEW_CASES)
def case_decide(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the day of the decision as a date, or leave it empty for today."))
        return redirect("counterparties:case-detail", case_id=case.pk)
    decided_on = form.cleaned_data["decided_on"]
    return decision_post(
        request,
        lambda decision, comment: services.case_decide(
            actor=request.user, case=case, decision=decision, comment=comment, decided_on=decided_on
        ),
        reverse("counterparties:case-detail", args=[case.pk]),
    )


def _act(request: ActorRequest, case: VerificationCase, action: Callable[[], Any], done: str) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("You may not do this for this verification."))
    else:
        messages.success(request, done)
    return redirect("counterparties:case-detail", case_id=case.pk)


@require_POST
@permission_required(policy.VERIFY)
def case_check(request: ActorRequest, case_id: uuid.UUID, check_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    check = selectors.case_check_list(actor=request.user, case=case).filter(id=check_id).first()
    form = CheckForm(request.POST)
    if check is None:
        raise Http404
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("counterparties:case-detail", case_id=case.pk)
    return _act(
        request,
        case,
        lambda: services.case_check_update(actor=request.user, check=check, **form.cleaned_data),
        _("The check was updated."),
    )


@require_POST
@permission_required(policy.VERIFY)
def case_flag_raise(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    form = FlagRaiseForm(request.POST, flags=selectors.red_flag_list(actor=request.user, active_only=True))
    if not form.is_valid():
        messages.error(request, _("Choose a red flag of the catalogue."))
        return redirect("counterparties:case-detail", case_id=case.pk)
    return _act(
        request,
        case,
        lambda: services.case_flag_raise(actor=request.user, case=case, **form.cleaned_data),
        _("The red flag was raised."),
    )


@require_POST
@permission_required(policy.VERIFY)
def case_flag_withdraw(request: ActorRequest, case_id: uuid.UUID, flag_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    raised = selectors.case_flag_list(actor=request.user, case=case).filter(id=flag_id).select_related("case").first()
    if raised is None:
        raise Http404
    return _act(
        request,
        case,
        lambda: services.case_flag_withdraw(actor=request.user, raised=raised),
        _("The red flag was withdrawn."),
    )


@require_POST
@permission_required(policy.VERIFY)
def case_refresh(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    return _act(
        request, case, lambda: services.case_refresh(actor=request.user, case=case), _("The findings were refreshed.")
    )


@require_POST
@permission_required(policy.VERIFY)
def case_conclude(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    form = ConcludeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a conclusion and give the reasoning."))
        return redirect("counterparties:case-detail", case_id=case.pk)
    return _act(
        request,
        case,
        lambda: services.case_conclude(actor=request.user, case=case, **form.cleaned_data),
        _("The conclusion was sent for approval."),
    )


@require_POST
@permission_required(policy.APPROVE_CONCLUSION)
def case_approve(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    return _act(
        request, case, lambda: services.case_approve(actor=request.user, case=case), _("The conclusion was approved.")
    )


@require_POST
@permission_required(policy.SECOND_APPROVAL)
def case_second_approve(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    return _act(
        request,
        case,
        lambda: services.case_second_approve(actor=request.user, case=case),
        _("The second approval was given."),
    )


@require_POST
@permission_required(policy.APPROVE_CONCLUSION)
def case_reopen(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    case = _get(request, case_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the verification is reopened."))
        return redirect("counterparties:case-detail", case_id=case.pk)
    return _act(
        request,
        case,
        lambda: services.case_reopen(actor=request.user, case=case, reason=form.cleaned_data["reason"]),
        _("The verification was reopened."),
    )


@permission_required(policy.VIEW_CASES)
def settings_page(request: ActorRequest) -> HttpResponse:
    context = {
        "flags": selectors.red_flag_list(actor=request.user),
        "rules": selectors.rule_list(actor=request.user),
        "checklists": [
            (label, [services.CHECK_LABELS[c] for c in services.CHECKLISTS[level]]) for level, label in Level.choices
        ],
        "thresholds": services.risk_thresholds(),
        "can_configure": request.user.scope_for(policy.CONFIGURE).everything,
    }
    return render(request, "counterparties/verification_settings.html", context)


def _config_form(
    request: ActorRequest, form_class: type, instance: Any, save: Callable[..., Any], title: str
) -> HttpResponse:
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            save(**form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("Only group-wide administrators and officers change these settings."))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("counterparties:verification-settings")
    return render(request, "counterparties/config_form.html", {"form": form, "title": title, "object": instance})


@permission_required(policy.CONFIGURE)
def red_flag_form(request: ActorRequest, flag_id: uuid.UUID | None = None) -> HttpResponse:
    flag = selectors.red_flag_list(actor=request.user).filter(id=flag_id).first() if flag_id else None
    if flag_id and flag is None:
        raise Http404
    return _config_form(
        request,
        RedFlagForm,
        flag,
        lambda **data: services.red_flag_save(actor=request.user, flag=flag, **data),
        _("Red flag"),
    )


@permission_required(policy.CONFIGURE)
def rule_form(request: ActorRequest, rule_id: uuid.UUID | None = None) -> HttpResponse:
    rule = selectors.rule_list(actor=request.user).filter(id=rule_id).first() if rule_id else None
    if rule_id and rule is None:
        raise Http404
    return _config_form(
        request,
        RuleForm,
        rule,
        lambda **data: services.rule_save(actor=request.user, rule=rule, **data),
        _("Due diligence rule"),
    )
