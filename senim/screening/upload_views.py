"""Uploading a new list version: file and format → (CSV/XLSX) column mapping → background import
with a status page that follows it."""

import uuid

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from senim.core import files
from senim.core.access import ActorRequest
from senim.core.uploads import request_too_large, too_large_message, upload_limit
from senim.core.views import get_or_404, permission_required
from senim.screening import jobs, policy, selectors
from senim.screening.forms import MappingForm, VersionUploadForm
from senim.screening.importing import FileRejected, default_mapping, table_header
from senim.screening.models import Watchlist
from senim.screening.views import upload_suffix

SESSION_KEY = "senim_screening_uploads"


def _watchlist(request: ActorRequest, watchlist_id: uuid.UUID) -> Watchlist:
    if not request.user.scope_for(policy.MANAGE_LISTS).everything:
        raise Http404
    return get_or_404(selectors.watchlist_get, actor=request.user, watchlist_id=watchlist_id)


def _start(request: ActorRequest, watchlist: Watchlist, entry: dict, mapping: dict | None) -> HttpResponse:
    version = jobs.version_import_start(
        actor=request.user,
        watchlist=watchlist,
        stored_file=entry["file"],
        file_name=entry["name"],
        fmt=entry["format"],
        mapping=mapping,
        skip_invalid=entry["skip_invalid"],
        language=get_language() or "en",
    )
    return redirect("screening:version-detail", version_id=version.pk)


@permission_required(policy.MANAGE_LISTS)
def version_upload(request: ActorRequest, watchlist_id: uuid.UUID) -> HttpResponse:
    watchlist = _watchlist(request, watchlist_id)
    context: dict[str, object] = {"watchlist": watchlist}
    if request.method == "POST" and request_too_large(request):
        context.update(
            form=VersionUploadForm(),
            file_error=too_large_message(),
        )
        return render(request, "screening/version_upload.html", context, status=413)
    form = VersionUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload, fmt = form.cleaned_data["file"], form.chosen_format()
        entry = {
            "watchlist": str(watchlist.pk),
            "file": jobs.store_upload(upload, upload_suffix(upload.name)),
            "name": upload.name[:200],
            "format": fmt,
            "skip_invalid": form.cleaned_data["skip_invalid"],
        }
        if fmt == "ftm":
            return _start(request, watchlist, entry, None)
        token = entry["file"].rsplit("/", 1)[-1].split(".")[0]
        request.session[SESSION_KEY] = {**request.session.get(SESSION_KEY, {}), token: entry}
        return redirect("screening:version-mapping", watchlist_id=watchlist.pk, token=token)
    context["form"] = form
    return render(request, "screening/version_upload.html", context)


@permission_required(policy.MANAGE_LISTS)
def version_mapping(request: ActorRequest, watchlist_id: uuid.UUID, token: str) -> HttpResponse:
    """Choose the columns of a CSV/XLSX list; the guess from the header names comes first."""
    watchlist = _watchlist(request, watchlist_id)
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or entry["watchlist"] != str(watchlist.pk):
        raise Http404
    if not files.file_exists(entry["file"]):  # swept after a day, or already imported
        raise Http404
    try:
        with files.file_local(entry["file"]) as path:
            header = table_header(path, max_bytes=upload_limit())
    except FileRejected as error:
        files.file_delete(entry["file"])
        context = {"watchlist": watchlist, "form": VersionUploadForm(), "file_error": error.message}
        return render(request, "screening/version_upload.html", context)
    guess = default_mapping(header)
    form = MappingForm(request.POST or None, header=header, initial=guess)
    if request.method == "POST" and form.is_valid():
        sessions = request.session.get(SESSION_KEY, {})
        sessions.pop(token, None)
        request.session[SESSION_KEY] = sessions
        return _start(request, watchlist, entry, form.mapping())
    context = {"watchlist": watchlist, "form": form, "entry": entry, "header": header}
    return render(request, "screening/version_mapping.html", context)
