"""Pages of the contracts register and the coverage of the anti-corruption clause."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.figures import share_of
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, permission_required
from senim.counterparties import policy, selectors, services, tables
from senim.counterparties.forms import ContractForm
from senim.counterparties.models import Contract, ProcurementMethod
from senim.counterparties.views import get_counterparty
from senim.org import selectors as org_selectors


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 1990 <= number <= 2100 else None


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value or "")
    except ValueError:
        return None


def _clause(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


@permission_required(policy.VIEW_CONTRACTS)
def contract_list(request: ActorRequest) -> HttpResponse:
    method = request.GET.get("method", "")
    contracts = selectors.contract_list(
        actor=request.user,
        query=request.GET.get("q", "")[:100],
        year=_int(request.GET.get("year")),
        method=method if method in ProcurementMethod.values else "",
        has_clause=_clause(request.GET.get("clause")),
        counterparty_id=_uuid(request.GET.get("counterparty")),
    )
    context = {"methods": ProcurementMethod.choices}
    return tables.CONTRACTS.respond(request, contracts, "counterparties/contract_list.html", context)


@permission_required(policy.VIEW_CONTRACTS)
def contract_coverage(request: ActorRequest) -> HttpResponse:
    year = _int(request.GET.get("year"))
    rows = selectors.contract_clause_coverage(actor=request.user, year=year)
    totals: dict[int, list[int]] = {}
    for row in rows:
        entry = totals.setdefault(row.year, [0, 0])
        entry[0] += row.total
        entry[1] += row.with_clause
    years = [(y, t, w, share_of(w, t)) for y, (t, w) in sorted(totals.items(), reverse=True)]
    labels = dict(ProcurementMethod.choices)
    context = {"rows": rows, "years": years, "year": year, "labels": labels, "this_year": timezone.localdate().year}
    return render(request, "counterparties/contract_coverage.html", context)


def _form(request: ActorRequest, instance: Contract | None, counterparty_id: uuid.UUID) -> ContractForm:
    form = ContractForm(
        request.POST or None,
        instance=instance,
        companies=org_selectors.company_list(actor=request.user),
        units=org_selectors.unit_list(actor=request.user),
    )
    del form.fields["counterparty"]
    cases = selectors.case_list(actor=request.user, counterparty_id=counterparty_id)
    form.fields["verification_case"].queryset = cases  # type: ignore[attr-defined]
    form.fields["approved_by"].queryset = org_selectors.employee_list(actor=request.user)  # type: ignore[attr-defined]
    return form


@permission_required(policy.MANAGE_CONTRACTS)
def contract_create(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    counterparty = get_counterparty(request, counterparty_id)
    if counterparty.merged_into_id:
        raise Http404
    form = _form(request, None, counterparty.pk)
    if request.method == "POST" and form.is_valid():
        try:
            contract = services.contract_create(actor=request.user, counterparty=counterparty, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not register contracts of that company or unit."))
        else:
            messages.success(request, _("The contract was registered."))
            return redirect("counterparties:contract-detail", contract_id=contract.pk)
    return render(request, "counterparties/contract_form.html", {"form": form, "counterparty": counterparty})


def _get(request: ActorRequest, contract_id: uuid.UUID) -> Contract:
    return get_or_404(selectors.contract_get, actor=request.user, contract_id=contract_id)


@permission_required(policy.VIEW_CONTRACTS)
def contract_detail(request: ActorRequest, contract_id: uuid.UUID) -> HttpResponse:
    contract = _get(request, contract_id)
    can_manage = request.user.scope_for(policy.MANAGE_CONTRACTS).covers(
        company_id=contract.company_id, unit_id=contract.unit_id
    )
    applications = list(contract.applications.all().order_by("-filed_on"))
    context = {
        "contract": contract,
        "can_manage": can_manage,
        "applications": applications,
        "discrepancies": [text for a in applications for text in services.application_discrepancies(a)],
    }
    return render(request, "counterparties/contract_detail.html", context)


@permission_required(policy.MANAGE_CONTRACTS)
def contract_edit(request: ActorRequest, contract_id: uuid.UUID) -> HttpResponse:
    contract = _get(request, contract_id)
    form = _form(request, contract, contract.counterparty_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.contract_update(actor=request.user, contract=contract, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not register contracts of that company or unit."))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("counterparties:contract-detail", contract_id=contract.pk)
    context = {"form": form, "counterparty": contract.counterparty, "contract": contract}
    return render(request, "counterparties/contract_form.html", context)
