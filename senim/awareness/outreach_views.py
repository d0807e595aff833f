"""Outreach events: the list (filtered by year, kind and audience; CSV and XLSX), the figures by kind
against the previous year, a form to record an event, its page with its materials."""

import uuid
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from senim.awareness import policy, selectors, services
from senim.awareness.models import OutreachAudience, OutreachEvent, OutreachFormat, OutreachKind
from senim.core.access import SYSTEM, ActorRequest, scope_of
from senim.core.forms import apply_errors
from senim.core.lists import Column, Table
from senim.core.views import get_or_404, permission_required
from senim.counterparties import selectors as counterparty_selectors
from senim.org import selectors as org_selectors

OUTREACH = Table(
    name="outreach",
    columns=(
        Column("held", gettext_lazy("Held on"), lambda e: e.held_on, order=("held_on",)),
        Column("title", gettext_lazy("Title"), lambda e: e.title, order=("title",)),
        Column("kind", gettext_lazy("Kind"), lambda e: e.get_kind_display(), order=("kind",)),
        Column("format", gettext_lazy("Format"), lambda e: e.get_format_display(), order=("format",)),
        Column(
            "audience", pgettext_lazy("outreach", "Audience"), lambda e: e.get_audience_display(), order=("audience",)
        ),
        Column("reach", gettext_lazy("People reached"), lambda e: e.reach, order=("reach",)),
        Column("company", gettext_lazy("Company"), lambda e: str(e.company), order=("company__name_ru",)),
        Column("counterparty", gettext_lazy("Counterparty"), lambda e: str(e.counterparty or "")),
        Column("place", gettext_lazy("Place or outlet"), lambda e: e.place),
    ),
    default_sort="-held",
    date_field="held_on",
    date_label=gettext_lazy("Held on"),
    per_page=50,
    export_related=("company", "counterparty"),
)


class OutreachForm(forms.Form):
    company = forms.ChoiceField(label=gettext_lazy("Company"))
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=OutreachKind.choices)
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=OutreachFormat.choices)
    audience = forms.ChoiceField(label=pgettext_lazy("outreach", "Audience"), choices=OutreachAudience.choices)
    held_on = forms.DateField(
        label=gettext_lazy("Held on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    reach = forms.IntegerField(
        label=gettext_lazy("People reached"),
        min_value=0,
        help_text=gettext_lazy("Attendees; for a publication or broadcast, readers or viewers as the outlet reports."),
    )
    counterparty = forms.ChoiceField(label=gettext_lazy("Counterparty"), required=False)
    place = forms.CharField(label=gettext_lazy("Place or outlet"), max_length=300, required=False)
    link = forms.URLField(label=gettext_lazy("Link"), max_length=500, required=False)
    description = forms.CharField(label=gettext_lazy("Description"), required=False, widget=forms.Textarea)


class MaterialForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Material (slides, leaflet, article)"))


class OutreachFilter(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100, required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    audience = forms.ChoiceField(label=pgettext_lazy("outreach", "Audience"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "—"), *OutreachKind.choices]  # type: ignore[attr-defined]
        self.fields["audience"].choices = [("", "—"), *OutreachAudience.choices]  # type: ignore[attr-defined]


def _form(request: ActorRequest, data: Any = None, initial: dict[str, Any] | None = None) -> OutreachForm:
    form = OutreachForm(data, initial=initial)
    scope = scope_of(request.user, policy.MANAGE)
    companies = org_selectors.company_list(actor=SYSTEM).filter(scope.q(company="pk")).order_by("name_en")
    counterparties = counterparty_selectors.counterparty_list(actor=request.user)[:500]
    form.fields["company"].choices = [(str(c.pk), str(c)) for c in companies]  # type: ignore[attr-defined]
    form.fields["counterparty"].choices = [("", "—")] + [  # type: ignore[attr-defined]
        (str(c.pk), str(c)) for c in counterparties
    ]
    return form


def _data(form: OutreachForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    counterparty = data.pop("counterparty", "")
    data["counterparty_id"] = uuid.UUID(counterparty) if counterparty else None
    data["company_id"] = uuid.UUID(data.pop("company"))
    return data


@permission_required(policy.VIEW)
def outreach_list(request: ActorRequest) -> HttpResponse:
    filters = OutreachFilter(request.GET)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    year = chosen.get("year") or timezone.localdate().year
    events = selectors.outreach_list(
        actor=request.user, year=chosen.get("year"), kind=chosen.get("kind", ""), audience=chosen.get("audience", "")
    )
    context = {
        "filters": filters,
        "year": year,
        "by_kind": selectors.outreach_by_kind(actor=request.user, year=year),
        "may_manage": not scope_of(request.user, policy.MANAGE).is_empty,
    }
    return OUTREACH.respond(request, events, "awareness/outreach_list.html", context)


@permission_required(policy.MANAGE)
def outreach_create(request: ActorRequest) -> HttpResponse:
    form = _form(request, request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            event = services.outreach_create(actor=request.user, **_data(form))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Outreach event recorded."))
            return redirect("awareness:outreach-detail", event_id=event.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "awareness/outreach_form.html", {"form": form}, status=status)


def _event(request: ActorRequest, event_id: uuid.UUID) -> OutreachEvent:
    return get_or_404(selectors.outreach_get, actor=request.user, event_id=event_id)


@permission_required(policy.VIEW)
def outreach_detail(request: ActorRequest, event_id: uuid.UUID) -> HttpResponse:
    event = _event(request, event_id)
    may_manage = scope_of(request.user, policy.MANAGE).covers(company_id=event.company_id)
    form = upload = None
    status = 200
    if may_manage:
        initial = {
            **{name: getattr(event, name) for name in services.outreach.EDITABLE if name != "counterparty"},
            "company": str(event.company_id),
            "counterparty": str(event.counterparty_id or ""),
        }
        form = _form(request, initial=initial)
        form.fields["company"].disabled = True
        upload = MaterialForm()
    if request.method == "POST":
        if not may_manage:
            raise Http404
        action = request.POST.get("action")
        try:
            if action == "material":
                upload = MaterialForm(request.POST, request.FILES)
                if upload.is_valid():
                    services.outreach_material_attach(
                        actor=request.user, event=event, upload=upload.cleaned_data["file"]
                    )
                    messages.success(request, _("Material attached."))
                    return redirect("awareness:outreach-detail", event_id=event.pk)
            elif action == "delete":
                services.outreach_delete(actor=request.user, event=event)
                messages.success(request, _("Outreach event deleted."))
                return redirect("awareness:outreach")
            else:
                form = _form(request, {**request.POST.dict(), "company": str(event.company_id)}, initial=initial)
                form.fields["company"].disabled = True
                if form.is_valid():
                    data = _data(form)
                    data.pop("company_id")
                    services.outreach_update(actor=request.user, event=event, data=data)
                    messages.success(request, _("Outreach event saved."))
                    return redirect("awareness:outreach-detail", event_id=event.pk)
        except ValidationError as error:
            apply_errors(upload if action == "material" else form, error)  # type: ignore[arg-type]
            event = _event(request, event_id)  # the facts as stored, not as the refused edit left them
        status = 400
    context = {"event": event, "form": form, "upload": upload, "materials": event.materials.all()}
    return render(request, "awareness/outreach_detail.html", context, status=status)


@permission_required(policy.VIEW)
def outreach_material(request: ActorRequest, event_id: uuid.UUID, material_id: uuid.UUID) -> HttpResponse:
    event = _event(request, event_id)
    material = get_or_404(event.materials.get, pk=material_id)
    path = services.material_path(material.stored)
    if not material.stored or not path.is_file():
        raise Http404
    return cast(HttpResponse, FileResponse(path.open("rb"), as_attachment=True, filename=material.name))


@require_POST
@permission_required(policy.MANAGE)
def outsider_revoke(request: ActorRequest, record_id: uuid.UUID) -> HttpResponse:
    record = get_or_404(selectors.outsider_get, actor=request.user, record_id=record_id)
    try:
        services.outsider_revoke(actor=request.user, record=record)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        messages.success(request, _("The link was revoked: it no longer works."))
    return redirect("awareness:outsiders")
