"""The ISO 37001 evidence map: readiness per clause for a year and a company, uploads of what Senim
does not hold, and the export for the certification auditor."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core import indicators
from senim.core.access import ActorRequest
from senim.core.exports import xlsx_append, xlsx_bytes
from senim.core.views import get_or_404, permission_required
from senim.reports import evidence, iso37001, policy, selectors, services
from senim.reports.forms import EvidenceFilterForm, EvidenceUploadForm


def _filters(request: ActorRequest) -> tuple[EvidenceFilterForm, int, uuid.UUID | None, str]:
    scope = request.user.scope_for(policy.VIEW)
    companies = [(str(pk), name) for pk, name in indicators.company_choices(request.user)]
    form = EvidenceFilterForm(
        request.GET or None,
        initial={"year": timezone.localdate().year},
        companies=companies,
        whole_group=scope.everything,
    )
    data = form.cleaned_data if form.is_valid() else {}
    year = data.get("year") or timezone.localdate().year
    chosen = data.get("company") or (None if scope.everything else next(iter(dict(companies)), None))
    if not scope.everything and not chosen:
        raise Http404
    return form, year, uuid.UUID(chosen) if chosen else None, data.get("edition") or "2016"


def _items(
    request: ActorRequest, year: int, company_id: uuid.UUID | None, edition: str
) -> list[evidence.ClauseEvidence]:
    documents = list(selectors.evidence_documents(actor=request.user, company_id=company_id))
    return evidence.readiness(
        year=year, company_id=company_id, edition=edition, documents=documents, today=timezone.localdate()
    )


@permission_required(policy.VIEW)
def iso_map(request: ActorRequest) -> HttpResponse:
    form, year, company_id, edition = _filters(request)
    items = _items(request, year, company_id, edition)
    clauses = [(clause.number, f"{number} {clause.title}") for number, clause in iso37001.clauses(edition)]
    context = {
        "form": form,
        "year": year,
        "edition": edition,
        "company_id": company_id,
        "items": items,
        "summary": evidence.summary(items),
        "upload_form": EvidenceUploadForm(clauses=clauses, initial={"dated": timezone.localdate()}),
        "can_edit": request.user.can(policy.EDIT),
    }
    return render(request, "reports/iso_map.html", context)


@require_POST
@permission_required(policy.EDIT)
def evidence_upload(request: ActorRequest) -> HttpResponse:
    _form, _year, company_id, edition = _filters(request)
    clauses = [(clause.number, str(clause.title)) for _n, clause in iso37001.clauses(edition)]
    form = EvidenceUploadForm(request.POST, request.FILES, clauses=clauses)
    if form.is_valid():
        try:
            services.evidence_upload(actor=request.user, company_id=company_id, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The document was added to the evidence."))
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return redirect(f"{reverse('reports:iso-map')}?{request.GET.urlencode()}")


@require_POST
@permission_required(policy.EDIT)
def evidence_remove(request: ActorRequest, document_id: uuid.UUID) -> HttpResponse:
    document = get_or_404(selectors.evidence_get, actor=request.user, document_id=document_id)
    services.evidence_remove(actor=request.user, document=document)
    messages.success(request, _("The document was removed from the evidence."))
    return redirect(f"{reverse('reports:iso-map')}?{request.GET.urlencode()}")


@permission_required(policy.VIEW)
def evidence_download(request: ActorRequest, document_id: uuid.UUID) -> FileResponse:
    document = get_or_404(selectors.evidence_get, actor=request.user, document_id=document_id)
    if not document.file:
        raise Http404
    name = (document.file.name or "").rsplit("/", 1)[-1]
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name)


@permission_required(policy.VIEW)
def iso_export(request: ActorRequest) -> HttpResponse:
    """The map as XLSX for the certification auditor: every clause, its status and its evidence."""
    from openpyxl import Workbook

    _form, year, company_id, edition = _filters(request)
    workbook = Workbook()
    sheet = workbook.create_sheet(f"ISO 37001-{edition}")
    workbook.remove(workbook.worksheets[0])
    xlsx_append(sheet, [_("Clause"), _("Title"), _("Status"), _("Evidence in Senim"), _("Documents")])
    for item in _items(request, year, company_id, edition):
        figures = "; ".join(f"{f['title']}: {f['text']}" for f in item.figures)
        documents = "; ".join(f"{d.title} ({d.dated.isoformat()})" for d in item.documents)
        xlsx_append(sheet, [item.number, str(item.clause.title), item.status_label, figures, documents])
    response = HttpResponse(
        xlsx_bytes(workbook), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="senim-iso37001-{edition}-{year}.xlsx"'
    return response
