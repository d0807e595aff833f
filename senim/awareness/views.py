"""Pages of the registry of internal documents and the employee's own reading list."""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.awareness import approvals, forms, policy, selectors, services, tables
from senim.awareness.models import Document, VersionFile, VersionStatus
from senim.core import files
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.approvals import flow_post
from senim.core.forms import apply_errors
from senim.core.i18n import CONTENT_LANGUAGES
from senim.core.views import get_or_404, permission_required
from senim.org import selectors as org_selectors


def company_choices(request: ActorRequest, permission: str) -> tuple[list[tuple[str, str]], bool]:
    """The companies the user may act on with `permission`, and whether over the whole group."""
    scope = request.user.scope_for(permission)
    companies = org_selectors.company_list(actor=request.user)
    if not scope.everything:
        companies = companies.filter(id__in=scope.company_ids | selectors._companies_of_units(scope.unit_ids))
    return [(str(c.pk), str(c)) for c in companies], scope.everything


# ---------------------------------------------------------------------------- registry


@permission_required(policy.VIEW_DOCUMENTS)
def document_list(request: ActorRequest) -> HttpResponse:
    form = forms.DocumentFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    documents = selectors.document_list(
        actor=request.user,
        kind=data.get("kind", ""),
        status=data.get("status", ""),
        query=data.get("q", ""),
        in_force_on=data.get("in_force_on"),
        submitted_from=data.get("submitted_from"),
        submitted_to=data.get("submitted_to"),
    )
    context = {"form": form, "can_manage": request.user.can(policy.MANAGE_DOCUMENTS)}
    return tables.DOCUMENTS.respond(request, documents, "awareness/document_list.html", context)


@permission_required(policy.MANAGE_DOCUMENTS)
def document_create(request: ActorRequest) -> HttpResponse:
    companies, _whole = company_choices(request, policy.MANAGE_DOCUMENTS)
    units = [(str(u.pk), f"{u.company} · {u}") for u in org_selectors.unit_list(actor=request.user)[:2000]]
    form = forms.DocumentForm(request.POST or None, companies=companies, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        company = org_selectors.company_get(actor=request.user, company_id=data["company"])
        owner_unit = (
            org_selectors.unit_list(actor=request.user).filter(pk=data["owner_unit"]).first()
            if data["owner_unit"]
            else None
        )
        applies = list(org_selectors.company_list(actor=request.user).filter(pk__in=data["companies"]))
        try:
            document = services.document_create(
                actor=request.user,
                kind=data["kind"],
                code=data["code"],
                titles=form.values("title"),
                company=company,
                companies=applies,
                owner_unit=owner_unit,
                texts=form.values("text"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error("company", _("You may not register documents of this company."))
        else:
            messages.success(request, _("The document was registered; its first version is a draft."))
            return redirect("awareness:document-detail", document_id=document.pk)
    return render(request, "awareness/document_form.html", {"form": form})


def _can_manage(request: ActorRequest, document: Document) -> bool:
    scope = request.user.scope_for(policy.MANAGE_DOCUMENTS)
    return scope.covers(company_id=document.company_id, unit_id=document.owner_unit_id)


@permission_required(policy.VIEW_DOCUMENTS)
def document_detail(request: ActorRequest, document_id: uuid.UUID) -> HttpResponse:
    document = get_or_404(selectors.document_get, actor=request.user, document_id=document_id)
    versions = list(selectors.version_list(document=document))
    working = next(
        (
            v
            for v in versions
            if v.status in {VersionStatus.DRAFT, VersionStatus.UNDER_EXAMINATION, VersionStatus.SUBMITTED}
        ),
        None,
    )
    context = {
        "document": document,
        "versions": versions,
        "working": working,
        "can_manage": _can_manage(request, document),
        "text_form": forms.VersionTextForm(
            initial={
                "is_material": working.is_material if working else False,
                "change_note": working.change_note if working else "",
                **({f"text_{c}": working.text_for(c) for c in CONTENT_LANGUAGES} if working else {}),
            }
        ),
        "file_form": forms.FileForm(),
        "submit_form": forms.SubmitForm(),
        # The version at the approval step, or else the one in force with its decisions.
        "approval": approvals.version_adoption.panel(
            request.user, shown, reverse("awareness:version-decide", args=[shown.pk])
        )
        if (shown := working or document.current_version) is not None
        else None,
        "revise_form": forms.ReviseForm(),
        "repeal_form": forms.RepealForm(),
        "note_form": forms.NoteForm(),
        "applies_to": list(document.companies.all()),
    }
    return render(request, "awareness/document_detail.html", context)


VERSION_ACTIONS = {"text", "file", "examination", "examined", "submit"}


@permission_required(policy.MANAGE_DOCUMENTS)
@require_POST
def version_action(request: ActorRequest, version_id: uuid.UUID, action: str) -> HttpResponse:
    """One step of a version's lifecycle; errors come back as messages on the document page."""
    version = get_or_404(selectors.version_get, actor=request.user, version_id=version_id)
    if action not in VERSION_ACTIONS:
        raise Http404
    form_class = {
        "text": forms.VersionTextForm,
        "file": forms.FileForm,
        "submit": forms.SubmitForm,
    }.get(action, forms.NoteForm)
    form = form_class(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError([f"{e}" for errors in form.errors.values() for e in errors])
        data = form.cleaned_data
        if action == "text":
            services.version_update(
                actor=request.user,
                version=version,
                texts=form.texts(),
                is_material=data["is_material"],
                change_note=data["change_note"],  # type: ignore[attr-defined]
            )
        elif action == "file":
            services.version_attach(actor=request.user, version=version, language=data["language"], upload=data["file"])
        elif action == "examination":
            services.version_send_to_examination(actor=request.user, version=version)
        elif action == "examined":
            services.version_examination_done(actor=request.user, version=version, note=data["note"])
        else:
            services.version_submit(
                actor=request.user,
                version=version,
                approving_body=data["approving_body"],
                submitted_on=data["submitted_on"],
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        raise Http404 from error
    else:
        messages.success(request, _("Saved."))
    return redirect("awareness:document-detail", document_id=version.document_id)


@permission_required(policy.MANAGE_DOCUMENTS)
@require_POST
def version_decide(request: ActorRequest, version_id: uuid.UUID) -> HttpResponse:
    """The approving body's decision on a submitted version, through the shared approval box."""
    version = get_or_404(selectors.version_get, actor=request.user, version_id=version_id)
    done = reverse("awareness:document-detail", args=[version.document_id])
    return flow_post(request, approvals.version_adoption, version, done)


@permission_required(policy.MANAGE_DOCUMENTS)
@require_POST
def document_action(request: ActorRequest, document_id: uuid.UUID, action: str) -> HttpResponse:
    document = get_or_404(selectors.document_get, actor=request.user, document_id=document_id)
    try:
        if action == "revise":
            form = forms.ReviseForm(request.POST)
            form.is_valid()
            services.document_revise(
                actor=request.user,
                document=document,
                is_material=form.cleaned_data.get("is_material", False),
                change_note=form.cleaned_data.get("change_note", ""),
            )
        elif action == "repeal":
            repeal = forms.RepealForm(request.POST)
            if not repeal.is_valid():
                raise ValidationError([e for errors in repeal.errors.values() for e in errors])
            services.document_repeal(
                actor=request.user,
                document=document,
                repealed_on=repeal.cleaned_data["repealed_on"],
                decision_number=repeal.cleaned_data["decision_number"],
            )
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        raise Http404 from error
    else:
        messages.success(request, _("Saved."))
    return redirect("awareness:document-detail", document_id=document.pk)


def _send_file(record: VersionFile) -> HttpResponse:
    return files.file_response(record.stored, filename=record.name)


@permission_required(policy.VIEW_DOCUMENTS)
def version_file(request: ActorRequest, version_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponse:
    version = get_or_404(selectors.version_get, actor=request.user, version_id=version_id)
    return _send_file(get_or_404(version.files.get, pk=file_id))


# ---------------------------------------------------------------------------- the employee


def _own_employee(request: ActorRequest) -> Any:
    employee_ids = request.user.scope_for(policy.ACKNOWLEDGE).own_employee_ids
    employee = org_selectors.employee_for_user(user_employee_id=next(iter(employee_ids), None))
    if employee is None:
        raise Http404
    return employee


@permission_required(policy.ACKNOWLEDGE)
def my_reading(request: ActorRequest) -> HttpResponse:
    context = {
        "requests": selectors.my_requests(actor=request.user),
        "acknowledgements": selectors.my_acknowledgements(actor=request.user)[:50],
    }
    return render(request, "awareness/my_reading.html", context)


@permission_required(policy.ACKNOWLEDGE)
def read_version(request: ActorRequest, version_id: uuid.UUID) -> HttpResponse:
    """The document's text in the reader's language, its files, and "I have read and understood"
    with the comprehension check of the reader's campaign, if any."""
    version = get_or_404(selectors.my_version_get, actor=request.user, version_id=version_id)
    employee = _own_employee(request)
    statements = services.check_statements(employee=employee, version=version)
    errors: list[str] = []
    if request.method == "POST":
        answers = {
            str(s.pk): request.POST[f"answer_{s.pk}"] == "true" for s in statements if f"answer_{s.pk}" in request.POST
        }
        try:
            services.acknowledge(actor=request.user, employee=employee, version=version, answers=answers)
        except ValidationError as error:
            errors = error.messages
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("Thank you: your acknowledgement is recorded."))
            return redirect("awareness:my-reading")
    language = get_language() or "ru"
    text = version.text_for(language) or next(
        (version.text_for(c) for c in CONTENT_LANGUAGES if version.text_for(c)), ""
    )
    context = {
        "version": version,
        "document": version.document,
        "text": text,
        "files": version.files.all(),
        "statements": statements,
        "errors": errors,
        "acknowledged": selectors.my_acknowledgements(actor=request.user)
        .filter(version=version, is_stale=False)
        .first(),
    }
    return render(request, "awareness/read_version.html", context)


@permission_required(policy.ACKNOWLEDGE)
def my_version_file(request: ActorRequest, version_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponse:
    version = get_or_404(selectors.my_version_get, actor=request.user, version_id=version_id)
    return _send_file(get_or_404(version.files.get, pk=file_id))
