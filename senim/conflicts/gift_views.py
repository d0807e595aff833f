"""Gifts and hospitality pages: one's own gifts and declaring one, the register with approval and
handing over, yearly totals, and the thresholds."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.conflicts import approvals, policy, selectors, services, tables
from senim.conflicts.forms import (
    GiftFilterForm,
    GiftForm,
    HandOverForm,
    LinkCounterpartyForm,
    ThresholdForm,
)
from senim.conflicts.models import Gift
from senim.conflicts.views import _own_employee
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.approvals import flow_post
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, login_required, paginate, permission_required
from senim.counterparties import policy as counterparty_policy


def _get(request: ActorRequest, gift_id: uuid.UUID) -> Gift:
    return get_or_404(selectors.gift_get, actor=request.user, gift_id=gift_id)


@permission_required(policy.DECLARE)
def my_gifts(request: ActorRequest) -> HttpResponse:
    gifts = selectors.own_gifts(actor=request.user)
    return render(request, "conflicts/my_gifts.html", {"page_obj": paginate(request, gifts, 50)})


@permission_required(policy.DECLARE)
def gift_create(request: ActorRequest) -> HttpResponse:
    employee = _own_employee(request)
    form = GiftForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            gift = services.gift_declare(actor=request.user, employee=employee, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if gift.status == Gift.Status.PENDING:
                messages.warning(
                    request, _("The gift was declared and awaits approval: %(why)s") % {"why": gift.threshold_note}
                )
            else:
                messages.success(request, _("The gift was declared."))
            return redirect("conflicts:gift-detail", gift_id=gift.pk)
    return render(request, "conflicts/gift_form.html", {"form": form})


@permission_required(policy.VIEW_GIFTS)
def gift_list(request: ActorRequest) -> HttpResponse:
    form = GiftFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    handed = {"yes": True, "no": False}.get(data.get("handed_over", ""))
    gifts = selectors.gift_list(
        actor=request.user,
        status=data.get("status", ""),
        year=data.get("year"),
        handed_over=handed,
        query=data.get("q", ""),
    )
    context = {
        "form": form,
        "repeated": selectors.repeated_sources(gifts=selectors.gift_list(actor=request.user)),
        "can_import": request.user.can(policy.REVIEW),
    }
    return tables.GIFTS.respond(request, gifts, "conflicts/gift_list.html", context)


@login_required
def gift_detail(request: ActorRequest, gift_id: uuid.UUID) -> HttpResponse:
    gift = _get(request, gift_id)
    approve_scope = request.user.scope_for(policy.APPROVE_GIFTS)
    review_scope = request.user.scope_for(policy.REVIEW)
    is_own = gift.employee_id == getattr(request.user, "employee_id", None)
    context = {
        "gift": gift,
        "can_decide": gift.status == Gift.Status.PENDING
        and not is_own
        and approve_scope.covers(company_id=gift.company_id, unit_id=gift.unit_id),
        "can_hand_over": gift.handed_over_at is None
        and gift.kind in {"received", "offered"}
        and review_scope.covers(company_id=gift.company_id, unit_id=gift.unit_id),
        "approval": approvals.gift_decision.panel(request.user, gift, reverse("conflicts:gift-decide", args=[gift.pk])),
        "hand_over_form": HandOverForm(initial={"date": timezone.localdate()}),
        "repeated": selectors.gift_is_repeated(gift=gift),
        "can_link": not is_own
        and request.user.can(counterparty_policy.VIEW)
        and request.user.scope_for(policy.VIEW_GIFTS).covers(company_id=gift.company_id, unit_id=gift.unit_id),
        "link_form": LinkCounterpartyForm(),
    }
    return render(request, "conflicts/gift_detail.html", context)


@permission_required(policy.APPROVE_GIFTS)
@require_POST
def gift_decide(request: ActorRequest, gift_id: uuid.UUID) -> HttpResponse:
    gift = _get(request, gift_id)
    return flow_post(request, approvals.gift_decision, gift, reverse("conflicts:gift-detail", args=[gift.pk]))


@permission_required(policy.VIEW_GIFTS)
def gift_link(request: ActorRequest, gift_id: uuid.UUID) -> HttpResponse:
    gift = _get(request, gift_id)
    form = LinkCounterpartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.gift_link_counterparty(actor=request.user, gift=gift, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The gift is linked to the counterparty."))
            return redirect("conflicts:gift-detail", gift_id=gift.pk)
    return render(request, "conflicts/gift_action.html", {"gift": gift, "form": form, "action": "link"})


@permission_required(policy.REVIEW)
def gift_hand_over(request: ActorRequest, gift_id: uuid.UUID) -> HttpResponse:
    gift = _get(request, gift_id)
    form = HandOverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.gift_hand_over(actor=request.user, gift=gift, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The gift is entered in the register of gifts handed over."))
            return redirect("conflicts:gift-detail", gift_id=gift.pk)
    return render(request, "conflicts/gift_action.html", {"gift": gift, "form": form, "action": "hand-over"})


@permission_required(policy.VIEW_GIFTS)
def gift_export(request: ActorRequest) -> HttpResponseBase:
    """The register as filtered on its page, as CSV (UTF-8 with BOM, for spreadsheet programs)."""
    form = GiftFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    gifts = selectors.gift_list(
        actor=request.user,
        status=data.get("status", ""),
        year=data.get("year"),
        handed_over={"yes": True, "no": False}.get(data.get("handed_over", "")),
        query=data.get("q", ""),
    )
    gifts, _sort, _dates = tables.GIFTS.apply(request, gifts)
    return tables.GIFTS.export(gifts, "csv")


@permission_required(policy.VIEW_GIFTS)
def gift_totals(request: ActorRequest) -> HttpResponse:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    context = {
        "year": year,
        "by_employee": selectors.gift_totals(actor=request.user, year=year, by="employee"),
        "by_source": selectors.gift_totals(actor=request.user, year=year, by="source"),
    }
    return render(request, "conflicts/gift_totals.html", context)


@permission_required(policy.CONFIGURE)
def threshold_list(request: ActorRequest) -> HttpResponse:
    form = ThresholdForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            services.threshold_set(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("Only group-wide administrators set the thresholds."))
        else:
            messages.success(request, _("The threshold was saved."))
            return redirect("conflicts:thresholds")
    return render(request, "conflicts/thresholds.html", {"form": form, "thresholds": selectors.threshold_list()})
