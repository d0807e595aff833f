"""Pages of the register of counterparties: list, card, create and edit, owners and managers,
contacts, merging duplicates, screening."""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core import files
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import apply_errors
from senim.core.pdf import html_to_pdf
from senim.core.policy import VIEW_AUDIT
from senim.core.views import get_or_404, permission_required
from senim.counterparties import policy, selectors, services, tables
from senim.counterparties.forms import ContactForm, CounterpartyForm, DocumentForm, MergeForm, PartyForm
from senim.counterparties.models import Category, Counterparty, Kind, RiskLevel, VerificationCase
from senim.screening import policy as screening_policy
from senim.screening import selectors as screening_selectors


def get_counterparty(request: ActorRequest, counterparty_id: uuid.UUID | str) -> Counterparty:
    return get_or_404(selectors.counterparty_get, actor=request.user, counterparty_id=counterparty_id)


def _live_counterparty(request: ActorRequest, counterparty_id: uuid.UUID) -> Counterparty:
    counterparty = get_counterparty(request, counterparty_id)
    if counterparty.merged_into_id:
        raise Http404
    return counterparty


@permission_required(policy.VIEW)
def counterparty_list(request: ActorRequest) -> HttpResponse:
    counterparties = selectors.counterparty_list(
        actor=request.user,
        query=request.GET.get("q", "")[:200],
        kind=request.GET.get("kind", "") if request.GET.get("kind") in Kind.values else "",
        category=request.GET.get("category", "") if request.GET.get("category") in Category.values else "",
    )
    counterparties = selectors.counterparty_list_with_due_diligence(actor=request.user, counterparties=counterparties)
    context = {
        "can_manage": request.user.can(policy.MANAGE),
        "can_import": request.user.can(policy.IMPORT),
        "kinds": Kind.choices,
        "categories": Category.choices,
        "risk_choices": RiskLevel.choices,
        "status_choices": VerificationCase.Status.choices,
        "conclusion_choices": VerificationCase.Conclusion.choices,
    }
    return tables.COUNTERPARTIES.respond(
        request, counterparties, "counterparties/counterparty_list.html", context, per_page_context=_last_screened
    )


def _last_screened(page: Any) -> dict[str, Any]:
    """When each counterparty on the page was last screened (one query for the page)."""
    screened = services.counterparties_last_screened(page.object_list)
    for cp in page.object_list:
        cp.last_screened = screened.get(cp.pk)
    return {}


def screening_hits_of(request: ActorRequest, counterparty: Counterparty) -> Any:
    if not request.user.can(screening_policy.VIEW):
        return None
    keys = [services.counterparty_subject_key(counterparty)]
    keys += [services.party_subject_key(p) for p in counterparty.parties.all()]
    return screening_selectors.hit_list(actor=request.user).filter(subject__key__in=keys)[:20]


@permission_required(policy.VIEW)
def counterparty_detail(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    counterparty = get_counterparty(request, counterparty_id)
    can_manage = request.user.can(policy.MANAGE) and not counterparty.merged_into_id
    similar = selectors.counterparty_similar_to(actor=request.user, counterparty=counterparty) if can_manage else []
    context = {
        "counterparty": counterparty,
        "parties": selectors.party_list(actor=request.user, counterparty=counterparty),
        "contacts": counterparty.contacts.all(),
        "documents": counterparty.documents.all(),
        "contracts": selectors.contract_list(actor=request.user, counterparty_id=counterparty.pk)[:10],
        "merged": counterparty.merged.all(),
        "similar": similar,
        "hits": screening_hits_of(request, counterparty),
        "last_screened": services.counterparty_last_screened(counterparty),
        "can_manage": can_manage,
        "can_merge": can_manage and request.user.scope_for(policy.MANAGE).everything,
        "can_screen": request.user.scope_for(screening_policy.SEARCH).everything and not counterparty.merged_into_id,
        "can_add_contract": request.user.can(policy.MANAGE_CONTRACTS) and not counterparty.merged_into_id,
        "can_file": request.user.can(policy.FILE_APPLICATION) and not counterparty.merged_into_id,
        "can_verify": request.user.can(policy.VERIFY) and not counterparty.merged_into_id,
        "cases": selectors.case_list(actor=request.user, counterparty_id=counterparty.pk)[:10],
        "responses": selectors.response_list(actor=request.user, counterparty_id=counterparty.pk)[:10],
        "history": selectors.counterparty_history(actor=request.user, counterparty=counterparty)
        if request.user.can(VIEW_AUDIT)
        else None,
        "can_send": request.user.can(policy.SEND_QUESTIONNAIRE) and not counterparty.merged_into_id,
        "register_entry": services.register_entry_active(counterparty),
    }
    return render(request, "counterparties/counterparty_detail.html", context)


def _save_counterparty(request: ActorRequest, form: CounterpartyForm, counterparty: Counterparty | None) -> Any:
    try:
        if counterparty is None:
            return services.counterparty_create(actor=request.user, **form.cleaned_data)
        return services.counterparty_update(actor=request.user, counterparty=counterparty, **form.cleaned_data)
    except services.DuplicateCounterparty as error:
        apply_errors(form, error)
        return error.existing
    except ValidationError as error:
        apply_errors(form, error)
    except PermissionDenied:
        form.add_error(None, _("You may not change the register of counterparties."))
    return None


@permission_required(policy.MANAGE)
def counterparty_form(request: ActorRequest, counterparty_id: uuid.UUID | None = None) -> HttpResponse:
    counterparty = _live_counterparty(request, counterparty_id) if counterparty_id else None
    form = CounterpartyForm(request.POST or None, instance=counterparty)
    existing = None
    similar: list = []
    if request.method == "POST" and form.is_valid():
        saved = _save_counterparty(request, form, counterparty)
        if isinstance(saved, Counterparty) and not form.errors:
            messages.success(request, _("The changes were saved."))
            return redirect("counterparties:counterparty-detail", counterparty_id=saved.pk)
        existing = saved
    if request.method == "POST" and counterparty is None and form.is_bound:
        names = [str(request.POST.get(f"name_{code}", ""))[:300] for code in ("ru", "kk", "en", "uz")]
        similar = selectors.counterparty_similar(
            actor=request.user,
            names=names,
            kind=str(request.POST.get("kind", "")),
            country=str(request.POST.get("country", ""))[:2],
            identifier_kind=str(request.POST.get("identifier_kind", ""))[:10],
            identifier=str(request.POST.get("identifier", ""))[:40],
        )
    context = {"form": form, "counterparty": counterparty, "existing": existing, "similar": similar}
    return render(request, "counterparties/counterparty_form.html", context)


@permission_required(policy.MANAGE)
def party_form(request: ActorRequest, counterparty_id: uuid.UUID, party_id: uuid.UUID | None = None) -> HttpResponse:
    counterparty = _live_counterparty(request, counterparty_id)
    party = None
    if party_id:
        party = selectors.party_list(actor=request.user, counterparty=counterparty).filter(id=party_id).first()
        if party is None:
            raise Http404
    initial = {"role": request.GET.get("role", "owner")} if party is None else None
    form = PartyForm(request.POST or None, instance=party, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if party is None:
                services.party_add(actor=request.user, counterparty=counterparty, **form.cleaned_data)
            else:
                services.party_update(actor=request.user, party=party, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not change the register of counterparties."))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("counterparties:counterparty-detail", counterparty_id=counterparty.pk)
    context = {"form": form, "counterparty": counterparty, "object": party, "title": _("Owner or manager")}
    return render(request, "counterparties/simple_form.html", context)


@require_POST
@permission_required(policy.MANAGE)
def party_remove(request: ActorRequest, counterparty_id: uuid.UUID, party_id: uuid.UUID) -> HttpResponse:
    counterparty = _live_counterparty(request, counterparty_id)
    party = selectors.party_list(actor=request.user, counterparty=counterparty).filter(id=party_id).first()
    if party is None:
        raise Http404
    services.party_remove(actor=request.user, party=party)
    messages.success(request, _("Removed."))
    return redirect("counterparties:counterparty-detail", counterparty_id=counterparty.pk)


@permission_required(policy.MANAGE)
def contact_form(
    request: ActorRequest, counterparty_id: uuid.UUID, contact_id: uuid.UUID | None = None
) -> HttpResponse:
    counterparty = _live_counterparty(request, counterparty_id)
    contact = None
    if contact_id:
        contact = selectors.contact_list(actor=request.user, counterparty=counterparty).filter(id=contact_id).first()
        if contact is None:
            raise Http404
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            if contact is None:
                services.contact_add(actor=request.user, counterparty=counterparty, **form.cleaned_data)
            else:
                services.contact_update(actor=request.user, contact=contact, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("counterparties:counterparty-detail", counterparty_id=counterparty.pk)
    context = {"form": form, "counterparty": counterparty, "object": contact, "title": _("Contact")}
    return render(request, "counterparties/simple_form.html", context)


@require_POST
@permission_required(policy.MANAGE)
def contact_remove(request: ActorRequest, counterparty_id: uuid.UUID, contact_id: uuid.UUID) -> HttpResponse:
    counterparty = _live_counterparty(request, counterparty_id)
    contact = selectors.contact_list(actor=request.user, counterparty=counterparty).filter(id=contact_id).first()
    if contact is None:
        raise Http404
    services.contact_remove(actor=request.user, contact=contact)
    messages.success(request, _("Removed."))
    return redirect("counterparties:counterparty-detail", counterparty_id=counterparty.pk)


@permission_required(policy.MANAGE)
def counterparty_merge(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    survivor = _live_counterparty(request, counterparty_id)
    form = MergeForm(request.POST or None, initial={"duplicate": request.GET.get("duplicate", "")})
    duplicate = None
    raw = request.POST.get("duplicate") or request.GET.get("duplicate")
    if raw:
        try:
            duplicate = selectors.counterparty_get(actor=request.user, counterparty_id=raw)
        except (Counterparty.DoesNotExist, ValidationError):
            duplicate = None
    if request.method == "POST" and form.is_valid():
        if duplicate is None:
            form.add_error("duplicate", _("No such counterparty."))
        else:
            try:
                services.counterparty_merge(actor=request.user, survivor=survivor, duplicate=duplicate)
            except ValidationError as error:
                apply_errors(form, error)
            except PermissionDenied:
                form.add_error(None, _("Only group-wide administrators and officers merge counterparties."))
            else:
                messages.success(request, _("The counterparties were merged."))
                return redirect("counterparties:counterparty-detail", counterparty_id=survivor.pk)
    context = {"form": form, "counterparty": survivor, "duplicate": duplicate}
    return render(request, "counterparties/counterparty_merge.html", context)


@require_POST
@permission_required(policy.VIEW)
def counterparty_screen(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    counterparty = _live_counterparty(request, counterparty_id)
    try:
        outcomes = services.counterparty_screen(actor=request.user, counterparty=counterparty)
    except PermissionDenied:
        messages.error(request, _("Screening the register needs the screening permission over the whole group."))
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        raised = sum(len(o.raised) for o in outcomes)
        messages.success(
            request,
            _("Screening done. Names screened: %(subjects)d; open hits: %(hits)d.")
            % {"subjects": len(outcomes), "hits": raised},
        )
    return redirect("counterparties:counterparty-detail", counterparty_id=counterparty.pk)


@permission_required(policy.MANAGE)
def document_form(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    counterparty = _live_counterparty(request, counterparty_id)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_add(actor=request.user, counterparty=counterparty, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not change the register of counterparties."))
        else:
            messages.success(request, _("The document was attached."))
            return redirect("counterparties:counterparty-detail", counterparty_id=counterparty.pk)
    context = {"form": form, "counterparty": counterparty, "title": _("Document"), "multipart": True}
    return render(request, "counterparties/simple_form.html", context)


@permission_required(policy.VIEW)
def document_download(request: ActorRequest, counterparty_id: uuid.UUID, document_id: uuid.UUID) -> HttpResponse:
    counterparty = get_counterparty(request, counterparty_id)
    document = counterparty.documents.filter(id=document_id).first()
    if document is None:
        raise Http404
    return files.file_response(document.stored_file, sealed=True, filename=document.file_name)


@require_POST
@permission_required(policy.MANAGE)
def document_remove(request: ActorRequest, counterparty_id: uuid.UUID, document_id: uuid.UUID) -> HttpResponse:
    counterparty = _live_counterparty(request, counterparty_id)
    document = counterparty.documents.filter(id=document_id).first()
    if document is None:
        raise Http404
    services.document_remove(actor=request.user, document=document)
    messages.success(request, _("Removed."))
    return redirect("counterparties:counterparty-detail", counterparty_id=counterparty.pk)


@permission_required(screening_policy.VIEW)
def screening_certificate(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    """A printable certificate of the counterparty's screening for the due diligence file: who was
    screened (the counterparty, its owners and managers) and when, against which lists (version),
    and every hit with its decision."""
    counterparty = get_counterparty(request, counterparty_id)
    if not request.user.can(policy.VIEW):
        raise Http404
    parties = list(selectors.party_list(actor=request.user, counterparty=counterparty))
    keys = {services.counterparty_subject_key(counterparty): counterparty.name}
    keys |= {services.party_subject_key(p): str(p) for p in parties}
    subjects = {s.key: s for s in screening_selectors.subject_list(actor=request.user).filter(key__in=keys)}
    hits = list(
        screening_selectors.hit_list(actor=request.user)
        .filter(subject__key__in=keys)
        .order_by("subject__key", "-score")
    )
    screened = [(label, subjects.get(key)) for key, label in keys.items()]
    open_hits = [h for h in hits if not h.is_decided]
    context = {
        "counterparty": counterparty,
        "screened": screened,
        "lists": screening_selectors.watchlist_list(actor=request.user, enabled=True).select_related("current_version"),
        "hits": hits,
        "open_hits": len(open_hits),
        "never": any(subject is None or subject.last_screened_at is None for _label, subject in screened),
        "printed_at": timezone.localtime(),
        "printed_by": getattr(request.user, "display_name", "") or str(request.user),
        "language": get_language() or "en",
    }
    content = html_to_pdf(render_to_string("counterparties/screening_certificate.html", context, request=request))
    response = HttpResponse(content, content_type="application/pdf")
    name = f"screening-{counterparty.identifier or counterparty.pk}-{timezone.localdate().isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
