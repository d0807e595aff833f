"""Screening pages: ad-hoc search, hits to review, screening runs (with batch uploads) and lists."""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.accounts import selectors as account_selectors
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.exports import csv_response
from senim.core.forms import apply_errors
from senim.core.uploads import request_too_large, too_large_message
from senim.core.views import get_or_404, paginate, permission_required
from senim.org import selectors as org_selectors
from senim.screening import jobs, policy, selectors, services, tables
from senim.screening.exports import hit_rows
from senim.screening.forms import BatchForm, BulkDecisionForm, DecisionForm, HitFilterForm, SearchForm, WatchlistForm
from senim.screening.models import Hit, WatchlistVersion


def upload_suffix(file_name: str, *, batch: bool = False) -> str:
    lowered = file_name.lower()
    if batch:
        return ".xlsx" if lowered.endswith(".xlsx") else ".csv"
    return ".xlsx" if lowered.endswith(".xlsx") else ".csv" if lowered.endswith((".csv", ".txt")) else ".jsonl"


# ---------------------------------------------------------------------------- search


@permission_required(policy.SEARCH)
def search(request: ActorRequest) -> HttpResponse:
    """The ad-hoc search form and its results (nothing stored; the search is audited)."""
    lists = selectors.watchlist_list(actor=request.user, enabled=True)
    form = SearchForm(request.GET or None, lists=lists)
    results = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        try:
            query = services.make_query(
                names=[data["name"]],
                schema=data["schema"],
                identifiers=[data["identifier"]],
                birth_dates=[data["birth_date"]],
                countries=[data["country"]],
            )
            results = services.search(actor=request.user, query=query, lists=data["lists"] or None)
        except ValidationError as error:
            apply_errors(form, _field_errors(error))
    context = {"form": form, "results": results, "has_lists": lists.exists()}
    return render(request, "screening/search.html", context)


def _field_errors(error: ValidationError) -> ValidationError:
    """Map the service's field names (names, birth_dates, countries) to the form's."""
    if not hasattr(error, "error_dict"):
        return error
    renamed = {"names": "name", "birth_dates": "birth_date", "countries": "country", "identifiers": "identifier"}
    return ValidationError({renamed.get(k, k): v for k, v in error.error_dict.items()})


# ---------------------------------------------------------------------------- hits


@permission_required(policy.VIEW)
def hit_list(request: ActorRequest) -> HttpResponse:
    form = HitFilterForm(request.GET or None, lists=selectors.watchlist_list(actor=request.user))
    data = form.cleaned_data if form.is_valid() else {}
    watchlist = data.get("watchlist")
    hits = selectors.hit_list(
        actor=request.user,
        status=data.get("status", ""),
        kind=data.get("kind", ""),
        watchlist_id=watchlist.pk if watchlist else None,
        run_id=data.get("run"),
        query=data.get("q", ""),
    )
    can_review = request.user.can(policy.REVIEW)
    context = {"form": form, "bulk_form": BulkDecisionForm() if can_review else None}
    return tables.HITS.respond(request, hits, "screening/hit_list.html", context)


@require_POST
@permission_required(policy.REVIEW)
def hit_bulk_decide(request: ActorRequest) -> HttpResponse:
    """Decide the hits ticked on the list with one decision and one reason: all or none."""
    form = BulkDecisionForm(request.POST)
    ids = request.POST.getlist("hit")[: services.review.MAX_BULK + 1]
    back = request.POST.get("next", "")
    target = back if back.startswith("/") and not back.startswith("//") else None
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(target or "screening:hit-list")
    try:
        hits = list(selectors.hit_list(actor=request.user, permission=policy.REVIEW).filter(pk__in=ids))
    except ValidationError:
        hits = []
    if len(hits) != len(set(ids)):
        messages.error(request, _("Some of the hits ticked cannot be decided by you; nothing was changed."))
        return redirect(target or "screening:hit-list")
    try:
        services.hits_decide(actor=request.user, hits=hits, **form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        messages.error(request, _("Nothing was changed."))
    except PermissionDenied:
        messages.error(request, _("Some of the hits ticked cannot be decided by you; nothing was changed."))
    else:
        count = len(hits)
        messages.success(
            request, ngettext("%(count)d hit was decided.", "%(count)d hits were decided.", count) % {"count": count}
        )
    return redirect(target or "screening:hit-list")


@permission_required(policy.VIEW)
def hit_detail(request: ActorRequest, hit_id: uuid.UUID) -> HttpResponse:
    hit = get_or_404(selectors.hit_get, actor=request.user, hit_id=hit_id)
    can_review = request.user.scope_for(policy.REVIEW).covers(company_id=hit.subject.company_id)
    form = DecisionForm(
        request.POST or None, initial={"status": hit.status if hit.is_decided else None}, closed=hit.is_removed
    )
    if request.method == "POST":
        if not can_review:
            raise Http404
        if form.is_valid():
            try:
                services.hit_decide(actor=request.user, hit=hit, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The decision was recorded."))
                return redirect("screening:hit-detail", hit_id=hit.pk)
    current = hit.watchlist.current_version
    listed = current is None or current.pk == hit.entity.version_id
    if not listed and current is not None:
        listed = bool(selectors.entities_in_version(version=current, entity_ids=[hit.entity.entity_id]))
    context = {
        "hit": hit,
        "form": form,
        "can_review": can_review,
        "history": _history(hit),
        "still_listed": listed,
        "current_version": current,
    }
    return render(request, "screening/hit_detail.html", context)


def _history(hit: Hit) -> list[Hit]:
    chain: list[Hit] = []
    seen, current = {hit.pk}, hit.previous
    while current is not None and current.pk not in seen and len(chain) < 20:
        chain.append(current)
        seen.add(current.pk)
        current = current.previous
    return chain


# ---------------------------------------------------------------------------- runs


@permission_required(policy.VIEW)
def run_list(request: ActorRequest) -> HttpResponse:
    runs = selectors.run_list(actor=request.user, kind=request.GET.get("kind", ""))
    context = {"page_obj": paginate(request, runs, 50), "can_screen": request.user.can(policy.SEARCH)}
    return render(request, "screening/run_list.html", context)


def _company_choices(request: ActorRequest) -> tuple[list[tuple[str, str]], bool]:
    scope = request.user.scope_for(policy.SEARCH)
    companies = org_selectors.company_list(actor=request.user)
    if not scope.everything:
        companies = companies.filter(id__in=scope.company_ids)
    return [(str(c.pk), str(c)) for c in companies], scope.everything


@permission_required(policy.SEARCH)
def run_create(request: ActorRequest) -> HttpResponse:
    """Upload a CSV/XLSX of names to screen in the background."""
    companies, whole_group = _company_choices(request)
    lists = selectors.watchlist_list(actor=request.user, enabled=True)
    if request.method == "POST" and request_too_large(request):
        message = too_large_message()
        form = BatchForm(lists=lists, companies=companies, whole_group=whole_group)
        return render(request, "screening/run_create.html", {"form": form, "file_error": message}, status=413)
    form = BatchForm(
        request.POST or None, request.FILES or None, lists=lists, companies=companies, whole_group=whole_group
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        company = form.cleaned_data["company"]
        try:
            run = jobs.batch_start(
                actor=request.user,
                stored_file=jobs.store_upload(
                    upload, ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv", batch=True
                ),
                file_name=upload.name,
                lists=list(form.cleaned_data["lists"]) or None,
                company_id=uuid.UUID(company) if company else None,
                language=get_language() or "en",
            )
        except PermissionDenied:
            form.add_error("company", _("You may not screen for that company."))
        else:
            return redirect("screening:run-detail", run_id=run.pk)
    return render(request, "screening/run_create.html", {"form": form})


@permission_required(policy.VIEW)
def run_detail(request: ActorRequest, run_id: uuid.UUID) -> HttpResponse:
    run = get_or_404(selectors.run_get, actor=request.user, run_id=run_id)
    hits = selectors.hit_list(actor=request.user, run_id=run.pk)
    context = {"run": run, "page_obj": paginate(request, hits, 50), "lists": run.lists.all()}
    if request.htmx:
        response = render(request, "screening/run_status.html", context)
        if run.is_finished:
            response["HX-Refresh"] = "true"  # show the hits and the download now that they are all there
        return response
    return render(request, "screening/run_detail.html", context)


@permission_required(policy.VIEW)
def run_hits_csv(request: ActorRequest, run_id: uuid.UUID) -> StreamingHttpResponse:
    """One row per hit: query id, query name, list, entity id, entity name, score."""
    run = get_or_404(selectors.run_get, actor=request.user, run_id=run_id)
    hits = selectors.hit_list(actor=request.user, run_id=run.pk).order_by("subject__key", "-score")
    header = [_("Query ID"), _("Query name"), _("List"), _("Entity ID"), _("Entity name"), _("Score")]
    return csv_response(
        filename=f"screening-{run.pk}.csv", header=header, rows=hit_rows(hits.iterator(chunk_size=2000))
    )


# ---------------------------------------------------------------------------- lists


@permission_required(policy.VIEW)
def watchlist_list(request: ActorRequest) -> HttpResponse:
    context = {
        "watchlists": selectors.watchlist_list(actor=request.user),
        "can_manage": request.user.scope_for(policy.MANAGE_LISTS).everything,
        "can_enable": request.user.scope_for(policy.ENABLE_LISTS).everything,
    }
    return render(request, "screening/watchlist_list.html", context)


@permission_required(policy.VIEW)
def watchlist_detail(request: ActorRequest, watchlist_id: uuid.UUID) -> HttpResponse:
    watchlist = get_or_404(selectors.watchlist_get, actor=request.user, watchlist_id=watchlist_id)
    entities: Any = []
    if watchlist.current_version_id:
        entities = selectors.entity_list(
            actor=request.user, version_id=watchlist.current_version_id, query=request.GET.get("q", "")[:200]
        )
    context = {
        "watchlist": watchlist,
        "versions": selectors.version_list(actor=request.user, watchlist_id=watchlist.pk)[:50],
        "page_obj": paginate(request, entities, 50),
        "can_manage": request.user.scope_for(policy.MANAGE_LISTS).everything,
        "can_enable": request.user.scope_for(policy.ENABLE_LISTS).everything,
    }
    return render(request, "screening/watchlist_detail.html", context)


def _owners(request: ActorRequest, current: Any = None) -> Any:
    keep = [current.owner_id] if current is not None and current.owner_id else []
    return account_selectors.owner_choices(actor=request.user, keep=keep)


@permission_required(policy.MANAGE_LISTS)
def watchlist_form(request: ActorRequest, watchlist_id: uuid.UUID | None = None) -> HttpResponse:
    watchlist = None
    if watchlist_id:
        watchlist = get_or_404(selectors.watchlist_get, actor=request.user, watchlist_id=watchlist_id)
    initial = {"owner": request.user.pk} if watchlist is None else None
    form = WatchlistForm(request.POST or None, instance=watchlist, initial=initial, owners=_owners(request, watchlist))
    if request.method == "POST" and form.is_valid():
        try:
            if watchlist is None:
                saved = services.watchlist_create(actor=request.user, **form.cleaned_data)
            else:
                saved = services.watchlist_update(actor=request.user, watchlist=watchlist, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("Only group-wide administrators and officers change lists."))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("screening:watchlist-detail", watchlist_id=saved.pk)
    return render(request, "screening/watchlist_form.html", {"form": form, "watchlist": watchlist})


@require_POST
@permission_required(policy.ENABLE_LISTS)
def watchlist_toggle(request: ActorRequest, watchlist_id: uuid.UUID) -> HttpResponse:
    watchlist = get_or_404(selectors.watchlist_get, actor=request.user, watchlist_id=watchlist_id)
    services.watchlist_set_enabled(actor=request.user, watchlist=watchlist, enabled=not watchlist.is_enabled)
    if watchlist.is_enabled:
        messages.success(request, _("The list is enabled: screenings use it."))
    else:
        messages.success(request, _("The list is disabled: screenings skip it."))
    if request.POST.get("next") == "list":
        return redirect("screening:watchlist-list")
    return redirect("screening:watchlist-detail", watchlist_id=watchlist.pk)


@permission_required(policy.VIEW)
def version_detail(request: ActorRequest, version_id: uuid.UUID) -> HttpResponse:
    """A version: its import status (polled while importing), counts, problems and its changes."""
    version = get_or_404(selectors.version_get, actor=request.user, version_id=version_id)
    if request.htmx:
        response = render(request, "screening/version_status.html", {"version": version})
        if version.is_finished:
            response["HX-Refresh"] = "true"
        return response
    change = request.GET.get("change", "added")
    change = change if change in {"added", "removed", "changed"} else "added"
    entities: Any = []
    if version.status == WatchlistVersion.Status.READY:
        entities = selectors.version_diff(version=version, base=version.base)[change].order_by("caption", "id")
    page = paginate(request, entities, 50)
    changes = {}
    if change == "changed" and version.base is not None:
        earlier = selectors.entities_in_version(version=version.base, entity_ids=[e.entity_id for e in page])
        changes = {e.pk: services.entity_changes(earlier[e.entity_id], e) for e in page if e.entity_id in earlier}
    context = {"version": version, "change": change, "page_obj": page, "changes": changes}
    return render(request, "screening/version_detail.html", context)


@permission_required(policy.VIEW)
def entity_detail(request: ActorRequest, entity_pk: int) -> HttpResponse:
    entity = get_or_404(selectors.entity_get, actor=request.user, entity_pk=entity_pk)
    return render(request, "screening/entity_detail.html", {"entity": entity})
