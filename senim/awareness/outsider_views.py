"""Acknowledgement by people without an account: the officers' page (personal links, paper sheets, a
contractor's list) and the public page a personal link opens, in the language the person picks."""

import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from senim.awareness import policy, selectors, services, tables
from senim.awareness.models import OutsiderKind, VersionStatus
from senim.core.access import SYSTEM, ActorRequest, scope_of
from senim.core.forms import apply_errors
from senim.core.views import permission_required
from senim.counterparties import selectors as counterparty_selectors
from senim.org import selectors as org_selectors


class OutsiderForm(forms.Form):
    version = forms.ChoiceField(label=gettext_lazy("Document version in force"))
    company = forms.ChoiceField(label=gettext_lazy("Company"))
    kind = forms.ChoiceField(label=gettext_lazy("Who"), choices=OutsiderKind.choices)
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=200)
    role = forms.CharField(label=gettext_lazy("Position or role"), max_length=200, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    counterparty = forms.ChoiceField(label=gettext_lazy("Counterparty"), required=False)
    acknowledged_on = forms.DateField(
        label=gettext_lazy("Signed on paper on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Fill in for a signed paper sheet; leave empty to make a personal link."),
    )
    days = forms.IntegerField(label=gettext_lazy("Link valid for, days"), min_value=1, max_value=90, initial=14)


class OutsiderImportForm(forms.Form):
    version = forms.ChoiceField(label=gettext_lazy("Document version in force"))
    company = forms.ChoiceField(label=gettext_lazy("Company"))
    counterparty = forms.ChoiceField(label=gettext_lazy("Counterparty"))
    file = forms.FileField(
        label=gettext_lazy("List of people (CSV)"),
        help_text=gettext_lazy("Columns full_name, role, email; UTF-8; one person a line."),
    )
    days = forms.IntegerField(label=gettext_lazy("Link valid for, days"), min_value=1, max_value=90, initial=14)


def _choices(request: ActorRequest) -> dict[str, list[tuple[str, str]]]:
    scope = scope_of(request.user, policy.MANAGE)
    versions = selectors.versions_in_force(timezone.localdate()).filter(status=VersionStatus.ADOPTED)
    companies = org_selectors.company_list(actor=SYSTEM).filter(scope.q(company="pk")).order_by("name_en")
    counterparties = counterparty_selectors.counterparty_list(actor=request.user)[:500]
    return {
        "version": [(str(v.pk), str(v)) for v in versions.select_related("document")],
        "company": [(str(c.pk), str(c)) for c in companies],
        "counterparty": [("", "—")] + [(str(c.pk), str(c)) for c in counterparties],
    }


def _with_choices(form: forms.Form, choices: dict[str, list[tuple[str, str]]]) -> forms.Form:
    for name, values in choices.items():
        if name in form.fields:
            form.fields[name].choices = values  # type: ignore[attr-defined]
    return form


def _page(
    request: ActorRequest,
    form: forms.Form | None = None,
    upload: forms.Form | None = None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    choices = _choices(request)
    year = timezone.localdate().year
    context = {
        "form": _with_choices(form or OutsiderForm(), choices),
        "upload": _with_choices(upload or OutsiderImportForm(), choices),
        "by_counterparty": selectors.outsiders_by_counterparty(actor=request.user, year=year),
        "year": year,
        "may_manage": not scope_of(request.user, policy.MANAGE).is_empty,
        **extra,
    }
    records = selectors.outsider_list(actor=request.user)
    return tables.OUTSIDERS.respond(request, records, "awareness/outsiders.html", context, status=status)


def link_for(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("awareness:outsider-public", args=[token]))


@permission_required(policy.VIEW)
def outsider_list(request: ActorRequest) -> HttpResponse:
    return _page(request)


def _uuid(value: str) -> uuid.UUID | None:
    return uuid.UUID(value) if value else None


@require_POST
@permission_required(policy.MANAGE)
def outsider_add(request: ActorRequest) -> HttpResponse:
    form = _with_choices(OutsiderForm(request.POST), _choices(request))
    if form.is_valid():
        data = form.cleaned_data
        person = services.Person(data["full_name"], data["role"], data["email"])
        common = {
            "actor": request.user,
            "version": selectors.version_get(actor=request.user, version_id=data["version"]),
            "company_id": uuid.UUID(data["company"]),
            "kind": data["kind"],
            "person": person,
            "counterparty_id": _uuid(data["counterparty"]),
        }
        try:
            if data["acknowledged_on"]:
                services.outsider_on_paper(acknowledged_on=data["acknowledged_on"], **common)
                messages.success(request, _("Paper acknowledgement recorded."))
                return redirect("awareness:outsiders")
            _record, token = services.outsider_invite(days=data["days"] or 14, **common)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _page(request, links=[(person.full_name, link_for(request, token))])
    return _page(request, form=form, status=400)


@require_POST
@permission_required(policy.MANAGE)
def outsider_import(request: ActorRequest) -> HttpResponse:
    upload = _with_choices(OutsiderImportForm(request.POST, request.FILES), _choices(request))
    if upload.is_valid():
        data = upload.cleaned_data
        try:
            created = services.outsiders_import(
                actor=request.user,
                version=selectors.version_get(actor=request.user, version_id=data["version"]),
                company_id=uuid.UUID(data["company"]),
                counterparty_id=uuid.UUID(data["counterparty"]),
                data=data["file"].read(),
                days=data["days"] or 14,
            )
        except ValidationError as error:
            upload.add_error("file", error)
        else:
            return _page(request, links=[(r.full_name, link_for(request, t)) for r, t in created])
    return _page(request, upload=upload, status=400)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def outsider_public(request: HttpRequest, token: str) -> HttpResponse:
    """The personal link: the document in the language the person picks, and one button."""
    language = request.POST.get("language") or request.GET.get("lang") or translation.get_language() or "ru"
    language = language if language in dict(settings.LANGUAGES) else "ru"
    with translation.override(language):
        record = services.outsider_for_token(token)
        if record is None:
            return render(request, "awareness/outsider_unusable.html", {"language": language}, status=410)
        error = ""
        if request.method == "POST":
            try:
                services.outsider_acknowledge(token=token, language=language)
            except ValidationError as exc:
                error = "; ".join(exc.messages)
            else:
                return render(request, "awareness/outsider_done.html", {"record": record, "language": language})
        version = record.version
        texts = [version.text_for(code) for code, _name in settings.LANGUAGES]
        text = version.text_for(language) or next((t for t in texts if t), "")
        context = {
            "record": record,
            "version": version,
            "document": version.document,
            "text": text,
            "language": language,
            "languages": settings.LANGUAGES,
            "error": error,
        }
        return render(request, "awareness/outsider_public.html", context)
