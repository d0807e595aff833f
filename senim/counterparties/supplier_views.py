"""Significant suppliers: the list with each one's spend, reason and last verification (due when
none within the configured months), and the screening step that marks them."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.views import permission_required
from senim.counterparties import policy, selectors, services


@permission_required(policy.VIEW)
def significant_list(request: ActorRequest) -> HttpResponse:
    suppliers = selectors.significant_supplier_list(actor=request.user)
    context = {
        "suppliers": suppliers,
        "due": sum(1 for s in suppliers if s.due),
        "spend": settings.SENIM_SIGNIFICANT_SUPPLIER_SPEND,
        "currency": settings.SENIM_SIGNIFICANT_SUPPLIER_CURRENCY,
        "months": settings.SENIM_SIGNIFICANT_SUPPLIER_MONTHS,
        "can_mark": request.user.can(policy.MANAGE),
    }
    return render(request, "counterparties/significant_list.html", context)


@require_POST
@permission_required(policy.MANAGE)
def significant_mark(request: ActorRequest) -> HttpResponse:
    try:
        counts = services.significant_suppliers_mark(actor=request.user)
    except PermissionDenied:
        messages.error(request, _("You may not mark significant suppliers."))
    else:
        messages.success(
            request,
            _("Significant suppliers: %(significant)s (newly marked: %(marked)s, no longer significant: %(cleared)s).")
            % counts,
        )
    return redirect("counterparties:significant-list")
