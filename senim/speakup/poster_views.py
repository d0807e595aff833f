"""Speak Up posters and pocket cards for the officers, their source tags and wording; and the public
address a tagged QR code opens, which counts the visit and sends the visitor on to the portal."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from senim.core.access import ActorRequest
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, permission_required
from senim.speakup import policy, posters, selectors, services
from senim.speakup.forms import PosterForm, PosterTagForm, PosterTextForm
from senim.speakup.posters import CONTENT_TYPES, poster_url
from senim.speakup.services.posters import TEXT_FIELDS


def _forms(request: ActorRequest, data: object = None) -> tuple[PosterForm, PosterTagForm]:
    companies = list(selectors.poster_companies(actor=request.user))
    tags = list(selectors.poster_tag_list(actor=request.user))
    poster = PosterForm(data, companies=companies, tags=tags, initial={"languages": [request.LANGUAGE_CODE]})
    return poster, PosterTagForm(companies=companies)


@permission_required(policy.POSTERS)
def poster_page(request: ActorRequest) -> HttpResponse:
    poster, tag_form = _forms(request)
    return _page(request, poster, tag_form)


def _page(request: ActorRequest, poster: PosterForm, tag_form: PosterTagForm, status: int = 200) -> HttpResponse:
    year = timezone.localdate().year
    context = {
        "form": poster,
        "tag_form": tag_form,
        "tags": selectors.poster_tag_list(actor=request.user, year=year),
        "companies": selectors.poster_companies(actor=request.user),
        "year": year,
        "portal_url": poster_url(request),
    }
    return render(request, "speakup/posters.html", context, status=status)


@require_GET
@permission_required(policy.POSTERS)
def poster_download(request: ActorRequest) -> HttpResponse:
    poster, tag_form = _forms(request, request.GET)
    if not poster.is_valid():
        return _page(request, poster, tag_form, status=400)
    data = poster.cleaned_data
    company = get_or_404(selectors.poster_company_get, actor=request.user, company_id=data["company"])
    fmt = data["format"]
    body = posters.render(
        url=poster_url(request, data["tag"]),
        company_id=company.pk,
        company_name=str(company),
        layout=data["layout"],
        languages=data["languages"],
        fmt=fmt,
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    name = f"speakup-{data['layout']}-{'-'.join(data['languages'])}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@permission_required(policy.POSTERS)
def poster_tag_create(request: ActorRequest) -> HttpResponse:
    poster, _unused = _forms(request)
    tag_form = PosterTagForm(request.POST, companies=selectors.poster_companies(actor=request.user))
    if tag_form.is_valid():
        try:
            tag = services.poster_tag_create(
                actor=request.user,
                company_id=tag_form.cleaned_data["company"],
                label=tag_form.cleaned_data["label"],
                code=tag_form.cleaned_data["code"],
            )
        except ValidationError as error:
            apply_errors(tag_form, error)
        else:
            messages.success(request, _("Tag %(code)s created.") % {"code": tag.code})
            return redirect("speakup:posters")
    return _page(request, poster, tag_form, status=400)


@permission_required(policy.POSTERS)
def poster_texts(request: ActorRequest, company_id: str) -> HttpResponse:
    """The company's own wording, one form per language, each showing the default it replaces."""
    company = get_or_404(selectors.poster_company_get, actor=request.user, company_id=company_id)
    forms_by_language = []
    saved = False
    for code, name in settings.LANGUAGES:
        stored = selectors.poster_text_get(company_id=company.pk, language=code)
        initial = {k: getattr(stored, k) for k in TEXT_FIELDS} if stored else {}
        bound = request.method == "POST" and request.POST.get("language") == code
        form = PosterTextForm(request.POST if bound else None, initial=initial, prefix=code)
        if bound and form.is_valid():
            services.poster_text_save(actor=request.user, company_id=company.pk, language=code, data=form.cleaned_data)
            saved = True
        forms_by_language.append((code, name, form, posters.default_texts(code)))
    if saved:
        messages.success(request, _("Poster wording saved."))
        return redirect("speakup:poster-texts", company_id=company.pk)
    return render(request, "speakup/poster_texts.html", {"company": company, "forms": forms_by_language})


@never_cache
@require_GET
def poster_visit(request: HttpRequest, code: str) -> HttpResponse:
    """Count one visit for the tag and go on to the portal. Nothing about the visitor is read or kept:
    no address, no cookie (none is set here), no referrer; an unknown tag counts nothing."""
    services.poster_visit_count(code=code)
    response = HttpResponseRedirect(reverse("speakup:portal"))
    response["Referrer-Policy"] = "no-referrer"
    return response
