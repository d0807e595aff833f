"""Pages of a verification's evidence files: attach, download, remove."""

import uuid

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core.access import ActorRequest
from senim.core.uploads import request_too_large, too_large_message
from senim.core.views import get_or_404, permission_required
from senim.counterparties import policy, selectors, services
from senim.counterparties.models import CaseEvidence
from senim.counterparties.verification_views import _act, _get


@require_POST
@permission_required(policy.VERIFY)
def case_evidence_add(request: ActorRequest, case_id: uuid.UUID) -> HttpResponse:
    if request_too_large(request):
        messages.error(request, too_large_message())
        return redirect("counterparties:case-detail", case_id=case_id)
    case = _get(request, case_id)
    return _act(
        request,
        case,
        lambda: services.case_evidence_add(
            actor=request.user,
            case=case,
            upload=request.FILES.get("file"),
            note=str(request.POST.get("note", ""))[:300],
        ),
        _("The evidence file was attached."),
    )


@require_POST
@permission_required(policy.VERIFY)
def case_evidence_remove(request: ActorRequest, case_id: uuid.UUID, evidence_id: uuid.UUID) -> HttpResponse:
    evidence = get_or_404(selectors.case_evidence_get, actor=request.user, case_id=case_id, evidence_id=evidence_id)
    return _act(
        request,
        evidence.case,
        lambda: services.case_evidence_remove(actor=request.user, evidence=evidence),
        _("The evidence file was removed."),
    )


@permission_required(policy.VIEW_CASES)
def case_evidence_download(request: ActorRequest, case_id: uuid.UUID, evidence_id: uuid.UUID) -> FileResponse:
    evidence = get_or_404(selectors.case_evidence_get, actor=request.user, case_id=case_id, evidence_id=evidence_id)
    return evidence_response(request, evidence)


def evidence_response(request: ActorRequest, evidence: CaseEvidence) -> FileResponse:
    """The evidence file as a download (never shown inline), its download audited."""
    try:
        handle = evidence.file.open("rb")
    except OSError as error:
        raise Http404 from error
    services.case_evidence_downloaded(actor=request.user, evidence=evidence)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
