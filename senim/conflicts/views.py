"""Declaration pages: the employee's own declarations and actions, submitting form A or B, the
officers' list, paper entry, review and settlement, campaigns and versions of the questions."""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from senim.conflicts import approvals, policy, selectors, services, tables
from senim.conflicts.forms import (
    CampaignForm,
    DeclarationFilterForm,
    DeclarationForm,
    FormVersionForm,
    MeasureDoneForm,
    MeasureForm,
    PaperForm,
    build_item_formsets,
    collect_items,
)
from senim.conflicts.models import Campaign, Declaration, FormType, Measure, Section
from senim.core import files
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.approvals import flow_post
from senim.core.forms import apply_errors
from senim.core.i18n import CONTENT_LANGUAGES
from senim.core.uploads import request_too_large, too_large_message
from senim.core.views import login_required, paginate, permission_required
from senim.org import selectors as org_selectors
from senim.org.models import Employee

NOT_FOUND = (
    Declaration.DoesNotExist,
    Campaign.DoesNotExist,
    Measure.DoesNotExist,
    Employee.DoesNotExist,
    ValidationError,
    ValueError,
)


def get_or_404(getter, **kwargs):  # type: ignore[no-untyped-def]
    try:
        return getter(**kwargs)
    except NOT_FOUND as error:
        raise Http404 from error


def _questions(form_type: str) -> dict[str, str]:
    version = services.form_version_current(form_type)
    return {q.section: q.text for q in version.questions.all()}


def _sections(formsets: dict[str, Any], questions: dict[str, str]) -> list[dict[str, Any]]:
    labels = dict(Section.choices)
    return [
        {"key": key, "label": labels[key], "question": questions.get(key, ""), "formset": formset}
        for key, formset in formsets.items()
    ]


def _initial_items(declaration: Declaration | None) -> dict[str, list[dict[str, Any]]]:
    if declaration is None:
        return {}
    initial: dict[str, list[dict[str, Any]]] = {}
    fields = ("person_name", "relation", "person_identifier", "workplace", "holder", "organisation")
    extra = ("organisation_identifier", "share", "role", "description")
    for item in declaration.items.all():
        initial.setdefault(item.section, []).append({name: getattr(item, name) for name in (*fields, *extra)})
    return initial


# ---------------------------------------------------------------------------- the employee


@permission_required(policy.DECLARE)
def my_declarations(request: ActorRequest) -> HttpResponse:
    context = {
        "requests": selectors.open_requests(actor=request.user),
        "declarations": selectors.own_declarations(actor=request.user),
        "measures": selectors.my_measures(actor=request.user, open_only=True),
    }
    return render(request, "conflicts/my_declarations.html", context)


def _own_employee(request: ActorRequest) -> Employee:
    """The user's own employee record (whatever the scope of their other roles)."""
    employee_ids = request.user.scope_for(policy.DECLARE).own_employee_ids
    employee = org_selectors.employee_for_user(user_employee_id=next(iter(employee_ids), None))
    if employee is None:
        raise Http404
    return employee


@permission_required(policy.DECLARE)
def declaration_create(request: ActorRequest, form_type: str) -> HttpResponse:
    """Submit form A or B for oneself; `?supersedes=<id>` starts a new version of an earlier one."""
    if form_type not in FormType.values:
        raise Http404
    employee = _own_employee(request)
    previous = None
    if request.GET.get("supersedes"):
        previous = get_or_404(selectors.declaration_get, actor=request.user, declaration_id=request.GET["supersedes"])
        if previous.employee_id != employee.pk or previous.form_type != form_type:
            raise Http404
    form = DeclarationForm(request.POST or None, initial={"circumstances": previous.circumstances if previous else ""})
    formsets = build_item_formsets(request.POST or None, initial=_initial_items(previous))
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in formsets.values()):
        try:
            declaration = services.declaration_submit(
                actor=request.user,
                employee=employee,
                form_type=form_type,
                items=collect_items(formsets),
                nothing_to_declare=form.cleaned_data["nothing_to_declare"],
                circumstances=form.cleaned_data["circumstances"],
                supersedes=previous,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Your declaration was submitted."))
            return redirect("conflicts:declaration-detail", declaration_id=declaration.pk)
    context = {
        "form": form,
        "form_type": form_type,
        "form_label": FormType(form_type).label,
        "sections": _sections(formsets, _questions(form_type)),
        "previous": previous,
        "employee": employee,
    }
    return render(request, "conflicts/declaration_form.html", context)


@login_required
def my_actions(request: ActorRequest) -> HttpResponse:
    """Measures the user is responsible for: only the measure, never the declaration."""
    measures = selectors.my_measures(actor=request.user)
    return render(request, "conflicts/my_actions.html", {"page_obj": paginate(request, measures, 50)})


@login_required
@require_POST
def measure_done(request: ActorRequest, measure_id: uuid.UUID) -> HttpResponse:
    measure = get_or_404(selectors.measure_get, actor=request.user, measure_id=measure_id)
    form = MeasureDoneForm(request.POST)
    target = request.POST.get("next") or ""
    if form.is_valid():
        try:
            services.measure_complete(actor=request.user, measure=measure, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The measure is recorded as done."))
    else:
        messages.error(request, _("Say how the measure was carried out."))
    if target == "declaration":
        return redirect("conflicts:declaration-detail", declaration_id=measure.declaration_id)
    return redirect("conflicts:my-actions")


# ---------------------------------------------------------------------------- officers


@permission_required(policy.VIEW)
def declaration_list(request: ActorRequest) -> HttpResponse:
    form = DeclarationFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    declarations = selectors.declaration_list(
        actor=request.user,
        status=data.get("status", ""),
        form_type=data.get("form_type", ""),
        query=data.get("q", ""),
        nothing_to_declare={"nothing": True, "something": False}.get(data.get("declared", "")),
    )
    context = {"form": form, "can_review": request.user.can(policy.REVIEW)}
    return tables.DECLARATIONS.respond(request, declarations, "conflicts/declaration_list.html", context)


@require_POST
@permission_required(policy.REVIEW)
def declarations_close_empty(request: ActorRequest) -> HttpResponse:
    """Close the ticked forms A that declare nothing as "no conflict": all or none."""
    ids = request.POST.getlist("declaration")[: services.declarations.MAX_BULK + 1]
    back = request.POST.get("next", "")
    target = back if back.startswith("/") and not back.startswith("//") else None
    try:
        declarations = selectors.declarations_to_close(actor=request.user, ids=ids)
    except ValidationError:
        declarations = []
    if len(declarations) != len(set(ids)) or not ids:
        messages.error(request, _("Tick the declarations to close; nothing was changed."))
        return redirect(target or "conflicts:declaration-list")
    try:
        services.declarations_close_empty(
            actor=request.user, declarations=declarations, comment=str(request.POST.get("comment", ""))[:5000]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages) + " " + _("Nothing was changed."))
    except PermissionDenied:
        messages.error(request, _("You cannot review your own declaration.") + " " + _("Nothing was changed."))
    else:
        count = len(declarations)
        messages.success(
            request,
            ngettext(
                "%(count)d declaration was closed: no conflict.",
                "%(count)d declarations were closed: no conflict.",
                count,
            )
            % {"count": count},
        )
    return redirect(target or "conflicts:declaration-list")


@login_required
def declaration_detail(request: ActorRequest, declaration_id: uuid.UUID) -> HttpResponse:
    declaration = get_or_404(selectors.declaration_get, actor=request.user, declaration_id=declaration_id)
    can_review = services.declarations.may_review(request.user, declaration) and declaration.employee_id != getattr(
        request.user, "employee_id", None
    )
    questions = {q.section: q.text for q in declaration.form_version.questions.all()}
    sections = [
        {"key": key, "label": label, "question": questions.get(key, ""), "items": []} for key, label in Section.choices
    ]
    by_key = {s["key"]: s for s in sections}
    for item in declaration.items.all():
        by_key[item.section]["items"].append(item)
    context = {
        "declaration": declaration,
        "sections": sections,
        "measures": selectors.measure_list(declaration=declaration),
        "can_review": can_review,
        "is_own": declaration.employee_id == getattr(request.user, "employee_id", None),
        "approval": approvals.declaration_review.panel(
            request.user, declaration, reverse("conflicts:declaration-review", args=[declaration.pk])
        ),
        "measure_form": MeasureForm(owners=selectors.measure_owners(actor=request.user)) if can_review else None,
        "done_form": MeasureDoneForm(),
    }
    return render(request, "conflicts/declaration_detail.html", context)


def _reviewable(request: ActorRequest, declaration_id: uuid.UUID) -> Declaration:
    declaration = get_or_404(selectors.declaration_get, actor=request.user, declaration_id=declaration_id)
    if not services.declarations.may_review(request.user, declaration):
        raise Http404
    return declaration


@permission_required(policy.REVIEW)
@require_POST
def declaration_review(request: ActorRequest, declaration_id: uuid.UUID) -> HttpResponse:
    declaration = _reviewable(request, declaration_id)
    done = reverse("conflicts:declaration-detail", args=[declaration.pk])
    return flow_post(request, approvals.declaration_review, declaration, done)


@permission_required(policy.REVIEW)
def measure_add(request: ActorRequest, declaration_id: uuid.UUID) -> HttpResponse:
    declaration = _reviewable(request, declaration_id)
    form = MeasureForm(request.POST or None, owners=selectors.measure_owners(actor=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.measure_add(actor=request.user, declaration=declaration, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The measure was added."))
            return redirect("conflicts:declaration-detail", declaration_id=declaration.pk)
    return render(request, "conflicts/measure_form.html", {"form": form, "declaration": declaration})


@login_required
def declaration_scan(request: ActorRequest, declaration_id: uuid.UUID) -> HttpResponse:
    declaration = get_or_404(selectors.declaration_get, actor=request.user, declaration_id=declaration_id)
    return files.file_response(declaration.scan_file, sealed=True, filename=declaration.scan_name or "scan")


def _company_choices(request: ActorRequest, permission: str) -> tuple[list[tuple[str, str]], bool]:
    scope = request.user.scope_for(permission)
    companies = org_selectors.company_list(actor=request.user)
    if not scope.everything:
        companies = companies.filter(id__in=scope.company_ids | selectors.companies_of_units(scope.unit_ids))
    return [(str(c.pk), str(c)) for c in companies], scope.everything


@permission_required(policy.REVIEW)
def paper_entry(request: ActorRequest) -> HttpResponse:
    """Enter a paper form A or B for an employee in scope, with the scan of the signed form."""
    companies, _whole = _company_choices(request, policy.REVIEW)
    if request.method == "POST" and request_too_large(request):
        message = too_large_message()
        messages.error(request, message)
        return redirect("conflicts:paper-entry")
    form = PaperForm(request.POST or None, request.FILES or None, companies=companies)
    declaration_form = DeclarationForm(request.POST or None)
    form_type = request.POST.get("form_type", FormType.A) if request.method == "POST" else FormType.A
    formsets = build_item_formsets(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and declaration_form.is_valid()
        and all(f.is_valid() for f in formsets.values())
    ):
        employee = selectors.employee_by_number(
            actor=request.user, company_id=form.cleaned_data["company"], number=form.cleaned_data["personnel_number"]
        )
        if employee is None:
            form.add_error("personnel_number", _("No employee in your scope has this personnel number."))
        else:
            try:
                declaration = services.declaration_submit(
                    actor=request.user,
                    employee=employee,
                    form_type=form.cleaned_data["form_type"],
                    items=collect_items(formsets),
                    nothing_to_declare=declaration_form.cleaned_data["nothing_to_declare"],
                    circumstances=declaration_form.cleaned_data["circumstances"],
                    paper_scan=form.cleaned_data["scan"],
                    submitted_on=form.cleaned_data.get("submitted_on"),
                )
            except ValidationError as error:
                if hasattr(error, "error_dict") and "submitted_on" in error.error_dict:
                    form.add_error("submitted_on", error.error_dict.pop("submitted_on"))
                if not hasattr(error, "error_dict") or error.error_dict:
                    apply_errors(declaration_form, error)
            except PermissionDenied:
                form.add_error("personnel_number", _("No employee in your scope has this personnel number."))
            else:
                messages.success(request, _("The paper declaration was entered."))
                return redirect("conflicts:declaration-detail", declaration_id=declaration.pk)
    context = {
        "paper_form": form,
        "form": declaration_form,
        "sections": _sections(formsets, _questions(form_type)),
        "form_type": form_type,
    }
    return render(request, "conflicts/paper_form.html", context)


# ---------------------------------------------------------------------------- campaigns


@permission_required(policy.VIEW)
def campaign_list(request: ActorRequest) -> HttpResponse:
    context = {
        "page_obj": paginate(request, selectors.campaign_list(actor=request.user), 50),
        "can_manage": request.user.can(policy.REVIEW),
    }
    return render(request, "conflicts/campaign_list.html", context)


@permission_required(policy.REVIEW)
def campaign_create(request: ActorRequest) -> HttpResponse:
    companies, whole_group = _company_choices(request, policy.REVIEW)
    company_ids = [pk for pk, _name in companies]
    units = [
        (str(u.pk), f"{u.company} · {u}")
        for u in org_selectors.unit_list(actor=request.user).filter(company_id__in=company_ids)[:2000]
    ]
    form = CampaignForm(request.POST or None, companies=companies, units=units, whole_group=whole_group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        company = org_selectors.company_get(actor=request.user, company_id=data["company"]) if data["company"] else None
        chosen_units = list(org_selectors.unit_list(actor=request.user).filter(pk__in=data["units"]))
        try:
            campaign = services.campaign_create(
                actor=request.user,
                title=data["title"],
                deadline=data["deadline"],
                population=data["population"],
                company=company,
                units=chosen_units,
                late_policy=data["late_policy"],
                hire_window_days=data["hire_window_days"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error("company", _("Only group-wide officers can ask the whole group."))
        else:
            messages.success(request, _("The campaign was created as a draft. Launch it when ready."))
            return redirect("conflicts:campaign-detail", campaign_id=campaign.pk)
    return render(request, "conflicts/campaign_form.html", {"form": form})


@permission_required(policy.VIEW)
def campaign_detail(request: ActorRequest, campaign_id: uuid.UUID) -> HttpResponse:
    campaign = get_or_404(selectors.campaign_get, actor=request.user, campaign_id=campaign_id)
    scope = request.user.scope_for(policy.REVIEW)
    can_manage = scope.everything or (campaign.company_id is not None and scope.covers(company_id=campaign.company_id))
    context = {
        "campaign": campaign,
        "progress": selectors.campaign_progress(actor=request.user, campaign=campaign),
        "pending": paginate(request, selectors.pending_requests(actor=request.user, campaign=campaign), 50),
        "can_manage": can_manage,
    }
    return render(request, "conflicts/campaign_detail.html", context)


@permission_required(policy.REVIEW)
@require_POST
def campaign_action(request: ActorRequest, campaign_id: uuid.UUID, action: str) -> HttpResponse:
    campaign = get_or_404(selectors.campaign_get, actor=request.user, campaign_id=campaign_id)
    try:
        if action == "launch":
            asked = services.campaign_launch(actor=request.user, campaign=campaign)
            messages.success(
                request,
                ngettext(
                    "The campaign is open: %(count)s employee was asked.",
                    "The campaign is open: %(count)s employees were asked.",
                    asked,
                )
                % {"count": asked},
            )
        elif action == "close":
            services.campaign_close(actor=request.user, campaign=campaign)
            messages.success(request, _("The campaign is closed."))
        elif action == "remind":
            counts = services.campaign_remind(actor=request.user, campaign=campaign)
            messages.success(
                request,
                _("Reminders sent: %(sent)s; employees without an e-mail address: %(missing)s.")
                % {"sent": counts["sent"], "missing": counts["without_address"]},
            )
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("conflicts:campaign-detail", campaign_id=campaign.pk)


# ---------------------------------------------------------------------------- form versions


@permission_required(policy.EDIT_FORMS)
def form_version_list(request: ActorRequest) -> HttpResponse:
    for form_type in FormType.values:
        services.form_version_current(form_type)
    context = {
        "forms": [
            {"type": t, "label": label, "versions": selectors.form_versions(form_type=t)}
            for t, label in FormType.choices
        ],
        "can_edit": request.user.scope_for(policy.EDIT_FORMS).everything,
    }
    return render(request, "conflicts/form_versions.html", context)


@permission_required(policy.EDIT_FORMS)
def form_version_create(request: ActorRequest, form_type: str) -> HttpResponse:
    if form_type not in FormType.values or not request.user.scope_for(policy.EDIT_FORMS).everything:
        raise Http404
    current = services.form_version_current(form_type)
    initial = {q.section: {c: getattr(q, f"text_{c}") for c in CONTENT_LANGUAGES} for q in current.questions.all()}
    form = FormVersionForm(request.POST or None, initial_texts=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.form_version_create(
                actor=request.user, form_type=form_type, texts=form.texts(), note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Version %(number)s of the form is in use.") % {"number": version.number})
            return redirect("conflicts:form-versions")
    context = {"form": form, "form_label": FormType(form_type).label, "current": current}
    return render(request, "conflicts/form_version_form.html", context)
