"""Pages of the organisation: employees, companies with their structure, and imports."""

from typing import cast

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, paginate, permission_required
from senim.org import policy, selectors, services, tables
from senim.org.forms import CompanyForm, EmployeeForm, PositionForm, UnitForm
from senim.org.models import Employee, Unit


@permission_required(policy.VIEW_EMPLOYEE)
def employee_list(request: ActorRequest) -> HttpResponse:
    active = {"active": True, "dismissed": False}.get(request.GET.get("status", ""))
    employees = selectors.employee_list(actor=request.user, query=request.GET.get("q", "")[:200], active=active)
    context = {"can_manage": request.user.can(policy.MANAGE)}
    return tables.EMPLOYEES.respond(request, employees, "org/employee_list.html", context)


@permission_required(policy.VIEW_EMPLOYEE)
def employee_detail(request: ActorRequest, employee_id: str) -> HttpResponse:
    employee = get_or_404(selectors.employee_get, actor=request.user, employee_id=employee_id)
    can_manage = request.user.scope_for(policy.MANAGE).covers(company_id=employee.company_id, unit_id=employee.unit_id)
    return render(request, "org/employee_detail.html", {"employee": employee, "can_manage": can_manage})


def _employee_form(request: ActorRequest, instance: Employee | None = None) -> EmployeeForm:
    return EmployeeForm(
        request.POST or None,
        instance=instance,
        companies=selectors.company_list(actor=request.user),
        units=selectors.unit_list(actor=request.user),
        positions=selectors.position_list(actor=request.user),
    )


def _save_employee(request: ActorRequest, form: EmployeeForm, employee: Employee | None) -> Employee | None:
    data = dict(form.cleaned_data)
    try:
        if employee is None:
            return services.employee_create(actor=request.user, **data)
        return services.employee_update(actor=request.user, employee=employee, **data)
    except ValidationError as error:
        apply_errors(form, error)
    except PermissionDenied:
        form.add_error(None, _("You may not change employees of that company or unit."))
    return None


@permission_required(policy.MANAGE)
def employee_create(request: ActorRequest) -> HttpResponse:
    form = _employee_form(request)
    if request.method == "POST" and form.is_valid():
        employee = _save_employee(request, form, None)
        if employee:
            messages.success(request, _("The employee was added."))
            return redirect("org:employee-detail", employee_id=employee.pk)
    return render(request, "org/employee_form.html", {"form": form})


@permission_required(policy.MANAGE)
def employee_edit(request: ActorRequest, employee_id: str) -> HttpResponse:
    employee = get_or_404(selectors.employee_get, actor=request.user, employee_id=employee_id)
    form = _employee_form(request, employee)
    if request.method == "POST" and form.is_valid() and _save_employee(request, form, employee):
        messages.success(request, _("The changes were saved."))
        return redirect("org:employee-detail", employee_id=employee.pk)
    return render(request, "org/employee_form.html", {"form": form, "employee": employee})


@permission_required(policy.VIEW_STRUCTURE)
def company_list(request: ActorRequest) -> HttpResponse:
    companies = selectors.company_list(actor=request.user)
    return render(
        request, "org/company_list.html", {"companies": companies, "can_manage": request.user.can(policy.MANAGE)}
    )


@permission_required(policy.VIEW_STRUCTURE)
def company_detail(request: ActorRequest, company_id: str) -> HttpResponse:
    company = get_or_404(selectors.company_get, actor=request.user, company_id=company_id)
    units = selectors.unit_list(actor=request.user, company_id=company.id)
    positions = selectors.position_list(actor=request.user, company_id=company.id, query=request.GET.get("q", ""))
    context = {
        "company": company,
        "units": units,
        "positions_page": paginate(request, positions, 50),
        "can_manage": request.user.scope_for(policy.MANAGE).covers(company_id=company.id),
    }
    return render(request, "org/company_detail.html", context)


def _save(request: ActorRequest, form, action) -> object | None:  # type: ignore[no-untyped-def]
    try:
        return action(**form.cleaned_data)
    except ValidationError as error:
        apply_errors(form, error)
    except PermissionDenied:
        form.add_error(None, _("You may not change that part of the group."))
    return None


@permission_required(policy.MANAGE)
def company_form(request: ActorRequest, company_id: str | None = None) -> HttpResponse:
    company = get_or_404(selectors.company_get, actor=request.user, company_id=company_id) if company_id else None
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        if company:
            saved = _save(request, form, lambda **d: services.company_update(actor=request.user, company=company, **d))
        else:
            saved = _save(request, form, lambda **d: services.company_create(actor=request.user, **d))
        if saved:
            messages.success(request, _("The changes were saved."))
            return redirect("org:company-detail", company_id=saved.pk)  # type: ignore[attr-defined]
    return render(request, "org/simple_form.html", {"form": form, "title": _("Company"), "object": company})


@permission_required(policy.MANAGE)
def unit_form(request: ActorRequest, company_id: str, unit_id: str | None = None) -> HttpResponse:
    company = get_or_404(selectors.company_get, actor=request.user, company_id=company_id)
    unit = get_or_404(selectors.unit_get, actor=request.user, unit_id=unit_id) if unit_id else None
    form = UnitForm(request.POST or None, instance=unit)
    cast("forms.ModelChoiceField[Unit]", form.fields["parent"]).queryset = selectors.unit_list(
        actor=request.user, company_id=company.id
    )
    if request.method == "POST" and form.is_valid():
        if unit:
            saved = _save(request, form, lambda **d: services.unit_update(actor=request.user, unit=unit, **d))
        else:
            saved = _save(request, form, lambda **d: services.unit_create(actor=request.user, company=company, **d))
        if saved:
            messages.success(request, _("The changes were saved."))
            return redirect("org:company-detail", company_id=company.pk)
    return render(
        request,
        "org/simple_form.html",
        {"form": form, "title": _("Structural unit"), "object": unit, "company": company},
    )


@permission_required(policy.MANAGE)
def position_form(request: ActorRequest, company_id: str, position_id: str | None = None) -> HttpResponse:
    company = get_or_404(selectors.company_get, actor=request.user, company_id=company_id)
    position = None
    if position_id:
        position = selectors.position_list(actor=request.user, company_id=company.id).filter(id=position_id).first()
        if position is None:
            raise Http404
    form = PositionForm(request.POST or None, instance=position)
    cast("forms.ModelChoiceField[Unit]", form.fields["unit"]).queryset = selectors.unit_list(
        actor=request.user, company_id=company.id
    )
    if request.method == "POST" and form.is_valid():
        if position:
            saved = _save(
                request, form, lambda **d: services.position_update(actor=request.user, position=position, **d)
            )
        else:
            saved = _save(request, form, lambda **d: services.position_create(actor=request.user, company=company, **d))
        if saved:
            messages.success(request, _("The changes were saved."))
            return redirect("org:company-detail", company_id=company.pk)
    return render(
        request, "org/simple_form.html", {"form": form, "title": _("Position"), "object": position, "company": company}
    )
