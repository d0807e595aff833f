"""Pages of anti-corruption agreements, new hires' contracts and checks of candidates."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.awareness import forms, policy, selectors, services, tables
from senim.awareness.models import AgreementObligation, CandidateCheck
from senim.awareness.views import company_choices
from senim.core import files
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import apply_errors
from senim.core.views import permission_required
from senim.org import selectors as org_selectors


def _obligation(request: ActorRequest, obligation_id: uuid.UUID) -> AgreementObligation:
    try:
        return selectors.agreement_get(actor=request.user, obligation_id=obligation_id)
    except AgreementObligation.DoesNotExist as error:
        raise Http404 from error


@permission_required(policy.VIEW)
def agreement_list(request: ActorRequest) -> HttpResponse:
    missing = request.GET.get("missing") == "1"
    year = timezone.localdate().year
    obligations = selectors.agreement_list(actor=request.user, missing_only=missing)
    context = {
        "missing": missing,
        "today": timezone.localdate(),
        "hires": selectors.hire_record_list(actor=request.user, year=year)[:20],
        "without_record": selectors.new_hires_without_record(actor=request.user, year=year)[:20],
        "year": year,
        "can_manage": request.user.can(policy.MANAGE),
    }
    return tables.AGREEMENTS.respond(request, obligations, "awareness/agreement_list.html", context)


@permission_required(policy.MANAGE)
@require_POST
def agreement_sync(request: ActorRequest) -> HttpResponse:
    created = services.obligations_sync()
    messages.success(request, _("New obligations found: %(count)s.") % {"count": created})
    return redirect("awareness:agreement-list")


@permission_required(policy.MANAGE)
def agreement_record(request: ActorRequest, obligation_id: uuid.UUID) -> HttpResponse:
    obligation = _obligation(request, obligation_id)
    form = forms.AgreementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_record(
                actor=request.user,
                obligation=obligation,
                number=form.cleaned_data["number"],
                concluded_on=form.cleaned_data["concluded_on"],
                scan=form.cleaned_data.get("scan"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("The agreement is recorded."))
            return redirect("awareness:agreement-list")
    return render(request, "awareness/agreement_form.html", {"form": form, "obligation": obligation})


@permission_required(policy.VIEW)
def agreement_scan(request: ActorRequest, obligation_id: uuid.UUID) -> HttpResponse:
    obligation = _obligation(request, obligation_id)
    return files.file_response(obligation.scan_file, sealed=True, filename=obligation.scan_name or "scan")


@permission_required(policy.MANAGE)
def hire_record(request: ActorRequest) -> HttpResponse:
    companies, _whole = company_choices(request, policy.MANAGE)
    form = forms.HireRecordForm(request.POST or None, companies=companies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        employee = selectors.employee_in_scope(
            actor=request.user, permission=policy.MANAGE, company_id=data["company"], number=data["personnel_number"]
        )
        if employee is None:
            form.add_error("personnel_number", _("No employee with this personnel number in your scope."))
        else:
            try:
                services.hire_record_save(
                    actor=request.user,
                    employee=employee,
                    contract_date=data["contract_date"],
                    contract_number=data["contract_number"],
                    has_obligations=data["has_obligations"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The contract of %(name)s is recorded.") % {"name": employee})
                return redirect("awareness:agreement-list")
    return render(request, "awareness/hire_form.html", {"form": form})


# ---------------------------------------------------------------------------- candidate checks


@permission_required(policy.CHECK_CANDIDATES)
def check_list(request: ActorRequest) -> HttpResponse:
    status = request.GET.get("status", "")[:10]
    checks = selectors.candidate_check_list(actor=request.user, status=status)
    return tables.CHECKS.respond(request, checks, "awareness/check_list.html", {"status": status})


@permission_required(policy.CHECK_CANDIDATES)
def check_create(request: ActorRequest) -> HttpResponse:
    companies, _whole = company_choices(request, policy.CHECK_CANDIDATES)
    form = forms.CandidateCheckForm(request.POST or None, companies=companies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        company = org_selectors.company_list(actor=request.user).filter(pk=data["company"]).first()
        employee = None
        if data["personnel_number"]:
            employee = selectors.employee_in_scope(
                actor=request.user,
                permission=policy.CHECK_CANDIDATES,
                company_id=data["company"],
                number=data["personnel_number"],
            )
            if employee is None:
                form.add_error("personnel_number", _("No employee with this personnel number in your scope."))
        if company is not None and not form.errors:
            try:
                check = services.candidate_check_run(
                    actor=request.user,
                    company=company,
                    full_name=data["full_name"],
                    full_name_latin=data["full_name_latin"],
                    identifier=data["identifier"],
                    birth_date=data["birth_date"],
                    employee=employee,
                    unit=employee.unit if employee else None,
                    dismissed_for_breach=data["dismissed_for_breach"],
                    dismissal_note=data["dismissal_note"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            except PermissionDenied:
                form.add_error("company", _("You may not check candidates of this company."))
            else:
                return redirect("awareness:check-detail", check_id=check.pk)
    return render(request, "awareness/check_form.html", {"form": form})


@permission_required(policy.CHECK_CANDIDATES)
def check_detail(request: ActorRequest, check_id: uuid.UUID) -> HttpResponse:
    try:
        check = selectors.candidate_check_get(actor=request.user, check_id=check_id)
    except (CandidateCheck.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    form = forms.ConclusionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_check_conclude(
                actor=request.user,
                check=check,
                conclusion=form.cleaned_data["conclusion"],
                reasons=form.cleaned_data["reasons"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("The conclusion is recorded."))
            return redirect("awareness:check-detail", check_id=check.pk)
    return render(request, "awareness/check_detail.html", {"check": check, "form": form})
