"""Pages of acknowledgement campaigns, the overdue list, paper sheets and the imports of
acknowledgements, agreements and new hires' contracts."""

import secrets
import uuid
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.awareness import forms, importing, policy, selectors, services, tables
from senim.awareness.models import Audience
from senim.awareness.views import company_choices
from senim.core import files
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, paginate, permission_required
from senim.org import selectors as org_selectors


@permission_required(policy.VIEW)
def campaign_list(request: ActorRequest) -> HttpResponse:
    campaigns = selectors.campaign_list(actor=request.user)
    context = {"can_manage": request.user.can(policy.MANAGE)}
    return tables.CAMPAIGNS.respond(request, campaigns, "awareness/campaign_list.html", context)


@permission_required(policy.MANAGE)
def campaign_create(request: ActorRequest, version_id: uuid.UUID) -> HttpResponse:
    version = get_or_404(selectors.version_get, actor=request.user, version_id=version_id)
    companies, whole_group = company_choices(request, policy.MANAGE)
    company_ids = [pk for pk, _name in companies]
    units = [
        (str(u.pk), f"{u.company} · {u}")
        for u in org_selectors.unit_list(actor=request.user).filter(company_id__in=company_ids)[:2000]
    ]
    positions = [
        (str(p.pk), f"{p.company} · {p}")
        for p in org_selectors.position_list(actor=request.user).filter(company_id__in=company_ids)[:2000]
    ]
    form = forms.CampaignForm(
        request.POST or None,
        companies=companies,
        units=units,
        positions=positions,
        whole_group=whole_group,
        initial={"title": str(version.document.title)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        visible = org_selectors.company_list(actor=request.user)
        company = visible.filter(pk=data["company"]).first() if data["company"] else None
        try:
            campaign = services.campaign_create(
                actor=request.user,
                version=version,
                title=data["title"],
                deadline=data["deadline"],
                audience=data["audience"],
                company=company,
                companies=list(visible.filter(pk__in=data["companies"])),
                units=list(org_selectors.unit_list(actor=request.user).filter(pk__in=data["units"])),
                positions=list(org_selectors.position_list(actor=request.user).filter(pk__in=data["positions"])),
                include_new_hires=data["include_new_hires"],
                hire_window_days=data["hire_window_days"],
                statements=form.statements(get_language() or "ru"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error("company", _("Only group-wide officers can ask the whole group."))
        else:
            messages.success(request, _("The campaign was created as a draft. Launch it when ready."))
            return redirect("awareness:campaign-detail", campaign_id=campaign.pk)
    return render(request, "awareness/campaign_form.html", {"form": form, "version": version})


@permission_required(policy.VIEW)
def campaign_detail(request: ActorRequest, campaign_id: uuid.UUID) -> HttpResponse:
    campaign = get_or_404(selectors.campaign_get, actor=request.user, campaign_id=campaign_id)
    scope = request.user.scope_for(policy.MANAGE)
    can_manage = scope.everything or (campaign.company_id is not None and scope.covers(company_id=campaign.company_id))
    context = {
        "campaign": campaign,
        "progress": selectors.campaign_progress(actor=request.user, campaign=campaign),
        "overdue": paginate(request, selectors.overdue_requests(actor=request.user, campaign=campaign), 50),
        "statements": campaign.statements.all(),
        "can_manage": can_manage,
        "read_again": campaign.audience == Audience.READ_AGAIN,
    }
    return render(request, "awareness/campaign_detail.html", context)


@permission_required(policy.MANAGE)
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
    except PermissionDenied as error:
        raise Http404 from error
    return redirect("awareness:campaign-detail", campaign_id=campaign.pk)


@permission_required(policy.VIEW)
def overdue(request: ActorRequest) -> HttpResponse:
    requests = selectors.overdue_requests(actor=request.user)
    return tables.OVERDUE.respond(request, requests, "awareness/overdue.html")


@permission_required(policy.MANAGE)
def paper_entry(request: ActorRequest, version_id: uuid.UUID) -> HttpResponse:
    version = get_or_404(selectors.version_get, actor=request.user, version_id=version_id)
    companies, _whole = company_choices(request, policy.MANAGE)
    form = forms.PaperForm(request.POST or None, companies=companies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        employee = selectors.employee_in_scope(
            actor=request.user, permission=policy.MANAGE, company_id=data["company"], number=data["personnel_number"]
        )
        if employee is None:
            form.add_error("personnel_number", _("No employee with this personnel number in your scope."))
        else:
            try:
                services.acknowledge_on_paper(
                    actor=request.user, employee=employee, version=version, acknowledged_on=data["acknowledged_on"]
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The paper acknowledgement of %(name)s is recorded.") % {"name": employee})
                return redirect("awareness:paper-entry", version_id=version.pk)
    return render(request, "awareness/paper_form.html", {"form": form, "version": version})


# ---------------------------------------------------------------------------- imports

IMPORT_TITLES = {
    "acknowledgements": _("Import paper acknowledgements"),
    "agreements": _("Import anti-corruption agreements"),
    "hires": _("Import new hires' contracts"),
}


# Uploaded sheets (employees' personal data), sealed in the storage every host shares.
UPLOAD_AREA = "awareness/imports"


@permission_required(policy.MANAGE)
def import_upload(request: ActorRequest, kind: str) -> HttpResponse:
    """Upload a file, validate every row and show the report; nothing is written until confirmed."""
    if kind not in importing.KINDS:
        raise Http404
    version = None
    if kind == "acknowledgements":
        version = get_or_404(selectors.version_get, actor=request.user, version_id=request.GET.get("version", ""))
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form, "kind": kind, "title": IMPORT_TITLES[kind], "version": version}
    if request.method == "POST" and form.is_valid():
        token = secrets.token_urlsafe(18)
        upload = form.cleaned_data["file"]
        stored = files.file_save(UPLOAD_AREA, upload, suffix=Path(upload.name or "").suffix.lower()[:8], sealed=True)
        try:
            with files.file_local(stored, sealed=True) as path:
                plan = importing.plan_file(actor=request.user, kind=kind, path=path, version=version)
        except importing.FileRejected as error:
            files.file_delete(stored)
            form.add_error("file", error.message)
        else:
            request.session[f"awareness-import-{token}"] = {
                "kind": kind,
                "version": str(version.pk) if version else "",
                "file": stored,
            }
            context.update(plan=plan, token=token)
    return render(request, "awareness/import.html", context)


@permission_required(policy.MANAGE)
@require_POST
def import_confirm(request: ActorRequest, token: str) -> HttpResponse:
    """Write the validated file: all rows, or only the valid ones when the user chose so."""
    pending = request.session.pop(f"awareness-import-{token}", None)
    if pending is None or not files.file_exists(pending.get("file", "")):
        raise Http404
    version = (
        get_or_404(selectors.version_get, actor=request.user, version_id=pending["version"])
        if pending["version"]
        else None
    )
    try:
        with files.file_local(pending["file"], sealed=True) as path:
            plan = importing.plan_file(actor=request.user, kind=pending["kind"], path=path, version=version)
        result = importing.apply(
            actor=request.user, plan=plan, valid_only=request.POST.get("valid_only") == "1", version=version
        )
    except (importing.FileRejected, PermissionDenied):
        messages.error(request, _("The file has errors; nothing was imported."))
    else:
        messages.success(
            request,
            _("Imported: %(created)s added, %(updated)s updated, %(unchanged)s already recorded, %(skipped)s rejected.")
            % {
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "skipped": result.skipped,
            },
        )
    finally:
        files.file_delete(pending["file"])
    if version is not None:
        return redirect("awareness:document-detail", document_id=version.document_id)
    return redirect("awareness:agreement-list")
